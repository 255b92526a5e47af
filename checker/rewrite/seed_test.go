package rewrite

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// loadSeeds reads the seed batch as the checker would.
func loadSeeds(t testing.TB) []Input {
	t.Helper()
	arts, errs, err := ingest.LoadPaths([]string{"../../fixtures/canada-korea-mou"}, nil, ingest.Options{})
	require.NoError(t, err)
	require.Empty(t, errs)
	require.Len(t, arts, 5)
	in := make([]Input, len(arts))
	for i, a := range arts {
		in[i] = Input{ID: a.ID, Doc: text.Parse(a.Text)}
	}
	return in
}

// sentenceWith returns the index of the one sentence of doc that contains
// needle.
func sentenceWith(t *testing.T, doc *text.Document, needle string) int {
	t.Helper()
	found := -1
	for i, s := range doc.Sentences {
		if strings.Contains(doc.Slice(s.Span), needle) {
			require.Equal(t, -1, found, "%q is in more than one sentence", needle)
			found = i
		}
	}
	require.NotEqual(t, -1, found, "no sentence contains %q", needle)
	return found
}

func TestSeedBatch(t *testing.T) {
	in := loadSeeds(t)
	const rewriteID, originalID = "000_5ac3630139ee311e", "002_c518c56dac84cf69"
	require.Equal(t, rewriteID, in[0].ID)
	require.Equal(t, originalID, in[2].ID)
	d, err := NewDetector(nil)
	require.NoError(t, err)
	res, err := d.Detect(context.Background(), in, 2)
	require.NoError(t, err)

	// Exactly one pair: 002 is the original, 000 its machine rewrite. 001,
	// 003 and 004 report the same event independently and pair with nobody.
	require.Len(t, res.Pairs, 1)
	p := res.Pairs[0]
	assert.Equal(t, 2, p.Original)
	assert.Equal(t, 0, p.Rewrite)
	assert.Equal(t, DirectionKnown, p.Direction)
	assert.Equal(t, KindRewrite, p.Kind)
	assert.Greater(t, p.Similarity, 0.4)
	assert.LessOrEqual(t, p.Similarity, 1.0)

	// The evidence names the glued words of 000 and the quoted phrase that
	// the independent articles echo in 002's wording only.
	evidence := map[string]Evidence{}
	net := 0.0
	for _, e := range p.Evidence {
		net += e.Weight
		art := in[e.Article].Doc
		evidence[e.Rule+" "+art.Slice(e.Span)] = e
	}
	assert.GreaterOrEqual(t, net, 1.5)
	for _, glued := range []string{"tariffswhich", "budgetwith", "Agencythe"} {
		e, ok := evidence[RuleEvidenceGlued+" "+glued]
		if assert.True(t, ok, "no glued-word evidence for %q", glued) {
			assert.Equal(t, 0, e.Article)
			assert.Positive(t, e.Weight)
		}
	}
	if e, ok := evidence[RuleEvidenceEchoQuote+" future mobility"]; assert.True(t, ok, "no echo evidence for the quote; have %v", keys(evidence)) {
		assert.Equal(t, 2, e.Article)
		assert.Positive(t, e.Weight)
	}

	// Hand-labelled correspondence, read off the two files: for each
	// sentence of 000 that 002 also has, the words that identify the
	// sentence on each side.
	labels := []struct{ rewrite, original string }{
		{"have taken new steps", "have taken new steps"},
		{"in the middle global trade war", "amid the global trade war"},
		{"Melanie Joly they met", "Melanie Joly met"},
		{"the mobility of the future", "“future mobility.”"},
		{"Areas the board will focus on", "Areas the committee will focus on"},
		{"Artificial intelligence was also", "Artificial intelligence was also"},
		{"In addition to the auto manufacturing", "In addition to the auto manufacturing"},
		{"This means the production of batteries", "This means battery production"},
		{"Canada could also increase", "Canada may also be increasing"},
	}
	orig, rew := in[2].Doc, in[0].Doc
	alignedTo := map[int][]int{}
	for _, ap := range p.Alignment.Pairs {
		for _, r := range ap.RewriteSentences {
			alignedTo[r] = ap.OriginalSentences
		}
		assert.GreaterOrEqual(t, ap.Similarity, 0.5)
		assert.Equal(t, rew.Sentences[ap.RewriteSentences[0]].Start, ap.Rewrite.Start)
		assert.Equal(t, orig.Sentences[ap.OriginalSentences[0]].Start, ap.Original.Start)
	}
	right := 0
	for _, l := range labels {
		r, o := sentenceWith(t, rew, l.rewrite), sentenceWith(t, orig, l.original)
		if assert.Contains(t, alignedTo[r], o, "000 sentence %q", l.rewrite) {
			right++
		}
	}
	assert.GreaterOrEqual(t, float64(right)/float64(len(labels)), 0.85)

	// What only one side has: 002's off-topic paragraph and 000's tail.
	covers := func(spans []text.Span, doc *text.Document, needle string) bool {
		at := strings.Index(doc.Text, needle)
		require.GreaterOrEqual(t, at, 0)
		for _, s := range spans {
			if s.Contains(text.Span{Start: at, End: at + len(needle)}) {
				return true
			}
		}
		return false
	}
	assert.True(t, covers(p.Alignment.OriginalOnly, orig, "Ukrainian President Volodymyr Zelenskyy blasted"))
	assert.True(t, covers(p.Alignment.OriginalOnly, orig, "have left Ukraine at..."))
	for _, tail := range []string{"Critical minerals are one of the key", "International Energy Agencythe", "Hyundai Motor Group", "© 2026 Global News"} {
		assert.True(t, covers(p.Alignment.RewriteOnly, rew, tail), "rewrite_only should cover %q", tail)
	}

	// Edits of the rewritten sentences name what changed.
	edits := map[string]string{}
	for _, ap := range p.Alignment.Pairs {
		for _, e := range ap.Edits {
			edits[e.OriginalText+" → "+e.RewriteText] = e.Kind
			assert.Equal(t, e.OriginalText, orig.Slice(e.Original))
			assert.Equal(t, e.RewriteText, rew.Slice(e.Rewrite))
		}
	}
	assert.Equal(t, EditSubstitution, edits["committee → board"])
	assert.Equal(t, EditQuoteChanged, edits["future mobility → the mobility of the future"])
	assert.Equal(t, EditDeletion, edits["to → "])
	assert.Contains(t, []string{EditGlued}, gluedEdit(edits, "tariffswhich"))

	// Clusters: 000 and 002 together, the rest alone.
	assert.Equal(t, []int{0, 1, 0, 2, 3}, res.Cluster)

	// Only the rewrite has a rewrite score, backed by findings.
	assert.Positive(t, res.Articles[0].RewriteScore)
	for i := 1; i < 5; i++ {
		assert.Zero(t, res.Articles[i].RewriteScore, in[i].ID)
		assert.Empty(t, res.Articles[i].Findings, in[i].ID)
	}
	rules := map[string]bool{}
	for _, f := range res.Articles[0].Findings {
		rules[f.Rule] = true
		assert.True(t, f.Span.End <= len(rew.Text) && f.Span.Start <= f.Span.End)
	}
	assert.True(t, rules[RuleGlued] && rules[RuleQuoteChanged] && rules[RuleDroppedFunctionWord], "finding rules: %v", rules)
}

func gluedEdit(edits map[string]string, word string) string {
	for k, kind := range edits {
		if strings.Contains(k, word) {
			return kind
		}
	}
	return ""
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
