package claims

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// FuzzExtract checks that any text gives claims whose spans lie inside it,
// on rune boundaries, with the value they claim to hold, and that
// comparing them does not fail.
func FuzzExtract(f *testing.F) {
	x := testExtractor(f)
	for _, s := range []string{
		"On Wednesday, Canada’s Industry Minister Ana Roux met in Ottawa and signed a $1.2 billion deal.",
		"“We signed a fair deal,” Roux said. The committee said “future mobility”.",
		"Kim Jung-kwan, Minister of Trade, Industry and Energy, signed on January 29 by 4,000 workers ago.",
		"\xff“unclosed quote\n‘single’ and \"straight\" quotes in late January 2026 sixfold",
		"A 6.4-magnitude quake struck on Sunday, killing at least 12 people and injuring more than 80, while dozens were missing.",
		"Four of the seven members backed the decision, while three, among them Deputy Governor Ann Lee, voted against in 1998.",
		"A ferry capsized in the Strait of Velm on Friday; the ferry was last capsized in 2024, and magnitude 5 of the 9 seats",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		batch := []Input{
			{ID: "a", Doc: text.Parse(a), Published: timex.Date{Year: 2026, Month: 1, Day: 29}, HasPublished: true},
			{ID: "b", Doc: text.Parse(b)},
		}
		cs, _ := x.ExtractBatch(batch)
		for _, c := range cs {
			doc := batch[c.Article].Doc.Text
			require.True(t, 0 <= c.Span.Start && c.Span.Start <= c.Span.End && c.Span.End <= len(doc), "span %v of %d bytes", c.Span, len(doc))
			require.True(t, onBoundary(doc, c.Span.Start) && onBoundary(doc, c.Span.End), "span %v off rune boundaries", c.Span)
			require.Equal(t, doc[c.Span.Start:c.Span.End], c.Value)
		}
		cmp := x.Compare(batch, cs, []int{0, 0})
		require.Len(t, cmp.Support, len(cs))
		for _, cf := range cmp.Conflicts {
			require.GreaterOrEqual(t, len(cf.Sides), 2)
			require.NotEmpty(t, cf.Summary)
		}
	})
}

// onBoundary reports whether a decoder reading s from the start stops at
// offset i (an invalid byte is read as one rune of one byte).
func onBoundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return i == len(s)
}
