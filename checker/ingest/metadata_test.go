package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

func infer(t *testing.T, a Article) Article {
	t.Helper()
	set := ruleset.MustDefault()
	dates, err := timex.NewReader(set)
	require.NoError(t, err)
	InferMetadata(&a, text.Parse(a.Text), set, dates)
	return a
}

func TestInferMetadata(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		field string
		value string
		rule  string
		proof string // the evidence text must contain this
	}{
		{"wire dateline", "OTTAWA (Reuters) - Ministers met on Tuesday.\nMore text.", "outlet", "Reuters", "meta.wire-dateline", "OTTAWA (Reuters) -"},
		{"wire dateline place", "SEOUL, Jan 29 (Yonhap) -- Ministers met.\nMore.", "dateline", "Seoul", "meta.wire-dateline", "SEOUL"},
		{"outlet and place", "MENA Newswire, OTTAWA: Canada signed.\nMore.", "dateline", "Ottawa", "meta.outlet-dateline", "MENA Newswire, OTTAWA:"},
		{"place dateline", "NEW YORK — Stocks fell.\nMore.", "dateline", "New York", "meta.place-dateline", "NEW YORK —"},
		{"headline", "Court blocks port strike\nThe court ruled on Monday.", "title", "Court blocks port strike", "meta.headline", "Court blocks port strike"},
		{"markdown heading", "# Court blocks strike\n\nThe court ruled.", "title", "Court blocks strike", "meta.markdown-heading", "# Court blocks strike"},
		{"byline", "Strike ends\nBy Jane Doe, Global News\nWorkers returned.", "byline", "Jane Doe", "meta.byline", "By Jane Doe"},
		{"outlet line", "Strike ends\nThe Korea Herald\nWorkers returned.", "outlet", "The Korea Herald", "meta.outlet-line", "The Korea Herald"},
		{"published iso", "Workers returned.\nPublished: 2026-03-12", "published", "2026-03-12", "meta.published-line", "Published: 2026-03-12"},
		{"updated with time", "Workers returned.\nUpdated Jan. 29, 2026 3:15 p.m. ET", "published", "2026-01-29T15:15:00-05:00", "meta.published-line", "Jan. 29, 2026 3:15 p.m. ET"},
		{"posted day first", "Posted 29 January 2026\nWorkers returned.", "published", "2026-01-29", "meta.published-line", "29 January 2026"},
		{"copyright", "Workers returned.\n© 2026 Global News, a division of Corus Entertainment Inc.", "outlet", "Global News", "meta.copyright-outlet", "© 2026 Global News"},
		{"copyright word", "Workers returned.\nCopyright 2026 The Associated Press. All rights reserved.", "outlet", "The Associated Press", "meta.copyright-outlet", "Copyright 2026"},
		{"bio", "Workers returned.\nHello, my name is Jane Doe and I write about labour.", "byline", "Jane Doe", "meta.author-bio", "my name is Jane Doe"},
		{"third-person bio", "Workers returned.\nAna Ruiz is a former nurse turned health writer. She publishes a weekly newsletter.", "byline", "Ana Ruiz", "meta.author-bio", "Ana Ruiz is a former nurse turned health writer. She publishes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := infer(t, Article{Text: c.text})
			assert.Equal(t, c.value, a.field(c.field))
			var found *Inference
			for i := range a.Inferred {
				if a.Inferred[i].Field == c.field {
					found = &a.Inferred[i]
				}
			}
			require.NotNil(t, found, "no inference recorded for %s", c.field)
			assert.Equal(t, c.rule, found.Rule)
			assert.Contains(t, found.Span.In(c.text), c.proof)
		})
	}
}

func TestInferMetadataLeavesGivenFieldsAlone(t *testing.T) {
	a := infer(t, Article{Text: "Court blocks port strike\n© 2026 Global News.", Title: "Given title", Outlet: "Given outlet"})
	assert.Equal(t, "Given title", a.Title)
	assert.Equal(t, "Given outlet", a.Outlet)
	assert.Empty(t, a.Inferred)
}

func TestInferMetadataStaysQuietOnPlainProse(t *testing.T) {
	cases := []string{
		"The committee met in Ottawa on Wednesday. It signed an agreement.\nOfficials said more talks would follow.",
		"One line article without a headline.",
		"Workers returned to the port.\nThey said the deal was published on the union website.",
		"Prices rose 2.5 per cent in March.\nAnalysts expect more.",
	}
	for _, c := range cases {
		a := infer(t, Article{Text: c})
		assert.Empty(t, a.Inferred, "inferred from %q", c)
	}
}

// BenchmarkInferMetadata reads metadata off 1,000 article-sized texts with
// a dateline, a byline, a date line and a copyright line.
func BenchmarkInferMetadata(b *testing.B) {
	set := ruleset.MustDefault()
	dates, err := timex.NewReader(set)
	require.NoError(b, err)
	body := strings.Repeat("The committee met in Ottawa on Wednesday and signed a memorandum of understanding. ", 8)
	var docs []*text.Document
	for i := range 1000 {
		src := fmt.Sprintf("Ministers sign pact number %d\nBy Jane Doe\nOTTAWA (Reuters) - %s\nUpdated Jan. 29, 2026 3:15 p.m. ET\n%s\n© 2026 Global News, a division of Corus Entertainment Inc.\n", i, body, body)
		docs = append(docs, text.Parse(src))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			a := Article{Text: d.Text}
			InferMetadata(&a, d, set, dates)
		}
	}
}
