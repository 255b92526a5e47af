package claims

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

var benchNumber = regexp.MustCompile(`\b\d{1,3}\b`)

// syntheticBatch builds n articles from the fixture batches, reproducibly:
// article k is fixture article k mod len(fixtures) with every small number
// shifted by k mod 5, so the batch holds many agreeing and many clashing
// dates, figures and quotes.
func syntheticBatch(tb testing.TB, n int) []Input {
	var base []Input
	for _, d := range []string{"canada-korea-mou", "contract-award", "port-strike", "court-ruling"} {
		base = append(base, loadBatch(tb, filepath.Join("..", "..", "fixtures", d))...)
	}
	out := make([]Input, n)
	for k := range n {
		b := base[k%len(base)]
		shift := k % 5
		txt := benchNumber.ReplaceAllStringFunc(b.Doc.Text, func(s string) string {
			v, _ := strconv.Atoi(s)
			return strconv.Itoa(v + shift)
		})
		out[k] = Input{ID: fmt.Sprintf("%04d_%s", k, b.ID), Doc: text.Parse(txt), Published: b.Published, HasPublished: b.HasPublished, Dateline: b.Dateline}
	}
	return out
}

// BenchmarkClaims1000 extracts and compares the claims of a 1,000-article
// batch (segmentation done beforehand, as the pipeline does it).
func BenchmarkClaims1000(b *testing.B) {
	x := testExtractor(b)
	batch := syntheticBatch(b, 1000)
	cluster := make([]int, len(batch))
	for i := range cluster {
		cluster[i] = i % 900 // some rewrite clusters of two
	}
	b.ResetTimer()
	var claims, conflicts int
	for b.Loop() {
		cs, _ := x.ExtractBatch(batch)
		cmp := x.Compare(batch, cs, cluster)
		claims, conflicts = len(cs), len(cmp.Conflicts)
	}
	b.ReportMetric(float64(claims), "claims")
	b.ReportMetric(float64(conflicts), "conflicts")
}

// BenchmarkExtractArticle extracts the claims of one seed article.
func BenchmarkExtractArticle(b *testing.B) {
	x := testExtractor(b)
	batch := loadBatch(b, seedDir)
	ev := x.MainEvent(batch)
	b.ResetTimer()
	for b.Loop() {
		x.Extract(batch[0], ev)
	}
}

func TestSyntheticBatch(t *testing.T) {
	x := testExtractor(t)
	batch := syntheticBatch(t, 60)
	cs, _ := x.ExtractBatch(batch)
	cmp := x.Compare(batch, cs, nil)
	require.NotEmpty(t, cs)
	require.Len(t, cmp.Support, len(cs))
	for _, cf := range cmp.Conflicts {
		require.GreaterOrEqual(t, len(cf.Sides), 2, cf.Summary)
	}
}
