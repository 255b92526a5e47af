package checker

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

// FuzzCheck runs the whole pipeline on two fuzzed articles and checks what
// every report must satisfy: spans inside their article's text and on rune
// boundaries, quoted text equal to the text under the span, scores in
// [0,1], and JSON that reads back.
func FuzzCheck(f *testing.F) {
	f.Add("On Wednesday, the minister signed the deal in Ottawa.\n“It is a good day,” she said.", "The deal was signed on January 29, 2026 in Ottawa.\nGet the latest news.")
	f.Add("Court blocks strike\nThe court ruled on Monday.", "The court ruled on Monday.\nThe court ruled on Monday.")
	f.Add("A 6.1 magnitude quake hit on Sunday, killing at least 12.", "A 6.4-magnitude quake hit late on Saturday, leaving 15 dead.")
	f.Add("\xff\xfe", "…")
	c, err := New(nil)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, a, b string) {
		rep, err := c.Check(context.Background(), []Article{{ID: "a", Text: a}, {ID: "b", Text: b}}, Options{Workers: 1})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, rep.WriteJSON(&buf))
		var back report.Report
		require.NoError(t, json.Unmarshal(buf.Bytes(), &back))
		require.Equal(t, len(rep.Articles), len(back.Articles))
		// Everything is checked on the report as read back from its JSON,
		// which is what a front end sees.
		rep = &back
		texts := map[string]string{}
		for _, art := range rep.Articles {
			require.True(t, utf8.ValidString(art.Text), "article %s text is not valid UTF-8", art.ID)
			texts[art.ID] = art.Text
		}
		span := func(id string, s report.Span, quoted string) {
			txt, ok := texts[id]
			require.True(t, ok, "span names unknown article %q", id)
			require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(txt), "span %v out of range in %q", s, id)
			require.True(t, s.Start == len(txt) || utf8.RuneStart(txt[s.Start]), "span %v starts inside a rune", s)
			require.True(t, s.End == len(txt) || utf8.RuneStart(txt[s.End]), "span %v ends inside a rune", s)
			if quoted != "" {
				require.Equal(t, txt[s.Start:s.End], quoted)
			}
		}
		for _, art := range rep.Articles {
			for _, p := range art.Paragraphs {
				span(art.ID, p.Span, "")
			}
			for _, fd := range art.Findings {
				span(art.ID, fd.Span, fd.Text)
			}
			for name, v := range art.Scores {
				require.True(t, v >= 0 && v <= 1, "score %s = %v", name, v)
			}
		}
		for _, cl := range rep.Claims {
			span(cl.Article, cl.Span, cl.Text)
		}
		for _, cf := range rep.Conflicts {
			for _, side := range cf.Sides {
				for _, e := range side.Evidence {
					span(e.Article, e.Span, e.Text)
				}
			}
		}
		for _, d := range rep.Duplicates {
			for _, ap := range d.Alignment {
				span(d.Original, ap.Original, "")
				span(d.Rewrite, ap.Rewrite, "")
			}
		}
	})
}
