package claims

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

var benchNumber = regexp.MustCompile(`\b\d{1,3}\b`)

// syntheticBatch builds n articles from the fixture batches, reproducibly:
// article k is fixture article k mod len(fixtures) with every small number
// shifted by k mod 5, so the batch holds many agreeing and many clashing
// dates, figures and quotes.
func syntheticBatch(tb testing.TB, n int) []Input {
	return syntheticBatchFrom(tb, n, "canada-korea-mou", "contract-award", "port-strike", "court-ruling")
}

// otherEventFixtures are the fixture batches about events beyond the first
// four: rates, quakes, elections, recalls, sport, mergers, fires, courts,
// and a verb no table lists.
var otherEventFixtures = []string{"rate-decision", "earthquake", "election-result", "product-recall", "sports-final",
	"company-merger", "wildfire-evacuation", "court-sentencing", "ferry-capsize"}

// syntheticBatchFrom is syntheticBatch over the given fixture batches.
func syntheticBatchFrom(tb testing.TB, n int, dirs ...string) []Input {
	var base []Input
	for _, d := range dirs {
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

// BenchmarkExtractCorpus extracts the claims of 2,000 articles of the
// generated corpus the pipeline benchmark checks (checkbench), on two
// goroutines as the pipeline does on this machine.
func BenchmarkExtractCorpus(b *testing.B) {
	x := testExtractor(b)
	batch, _ := corpusBatch(b, 2000)
	b.ResetTimer()
	var claims int
	for b.Loop() {
		cs, _, err := x.ExtractAll(context.Background(), batch, 2)
		require.NoError(b, err)
		claims = len(cs)
	}
	b.ReportMetric(float64(claims), "claims")
}

// BenchmarkCompareCorpus compares the claims of 2,000 and 10,000 articles
// of the generated corpus, with its planted rewrites as clusters.
func BenchmarkCompareCorpus(b *testing.B) {
	x := testExtractor(b)
	for _, n := range []int{2000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			batch, cluster := corpusBatch(b, n)
			cs, _, err := x.ExtractAll(context.Background(), batch, 0)
			require.NoError(b, err)
			b.ResetTimer()
			var conflicts int
			for b.Loop() {
				conflicts = len(x.Compare(batch, cs, cluster).Conflicts)
			}
			b.ReportMetric(float64(len(cs)), "claims")
			b.ReportMetric(float64(conflicts), "conflicts")
		})
	}
}

// BenchmarkMainEvent decides the main event of 10,000 generated articles.
func BenchmarkMainEvent(b *testing.B) {
	x := testExtractor(b)
	batch, _ := corpusBatch(b, 10000)
	b.ResetTimer()
	for b.Loop() {
		x.MainEvent(batch)
	}
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

// corpusBatch builds n articles of the generated corpus the pipeline's
// benchmark checks (internal/benchcorpus, seed 1), segmented, with every
// third article's every seventh paragraph skipped, and the planted
// rewrites in their source's cluster.
func corpusBatch(tb testing.TB, n int) ([]Input, []int) {
	c := benchcorpus.Generate(benchcorpus.DefaultOptions(n))
	dates, err := timex.NewReader(ruleset.MustDefault())
	require.NoError(tb, err)
	ins := make([]Input, len(c.Articles))
	for i, a := range c.Articles {
		doc := text.Parse(a.Text)
		in := Input{ID: a.ID, Doc: doc}
		if !a.Published.IsZero() {
			if d, _, ok := dates.FindAbsolute(a.Published.Format(time.RFC3339)); ok {
				in.Published, in.HasPublished = d, true
			}
		}
		if i%3 == 0 {
			in.Skip = make([]bool, len(doc.Paragraphs))
			for p := range in.Skip {
				in.Skip[p] = (i+p)%7 == 0
			}
		}
		ins[i] = in
	}
	cluster := make([]int, len(ins))
	for i := range cluster {
		cluster[i] = i
	}
	for _, p := range c.Planted {
		cluster[p.Rewrite] = cluster[p.Original]
	}
	return ins, cluster
}

// feedBatch builds a mixed feed of n articles about many stories from the
// fixture batches (benchcorpus.Feed): the shape of a day's scraped feed.
func feedBatch(tb testing.TB, n int) []Input {
	entries, err := os.ReadDir(filepath.Join("..", "..", "fixtures"))
	require.NoError(tb, err)
	var batches [][]string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "golden" || e.Name() == "blind" {
			continue
		}
		files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", e.Name(), "*.txt"))
		require.NoError(tb, err)
		var batch []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(tb, err)
			batch = append(batch, string(b))
		}
		batches = append(batches, batch)
	}
	var out []Input
	for _, a := range benchcorpus.Feed(batches, n, 1) {
		out = append(out, Input{ID: a.ID, Doc: text.Parse(a.Text)})
	}
	return out
}

// BenchmarkCompareFeed compares the claims of a mixed feed of 2,000
// articles about some 350 stories: the conflicts stage must not grow with
// the square of a slot's claims.
func BenchmarkCompareFeed(b *testing.B) {
	x := testExtractor(b)
	batch := feedBatch(b, 2000)
	cs, _, err := x.ExtractAll(context.Background(), batch, 0)
	require.NoError(b, err)
	b.ResetTimer()
	var conflicts int
	for b.Loop() {
		cmp := x.Compare(batch, cs, nil)
		conflicts = len(cmp.Conflicts) + len(cmp.Differences)
	}
	b.ReportMetric(float64(len(cs)), "claims")
	b.ReportMetric(float64(conflicts), "disagreements")
}

// BenchmarkExtractFeed extracts the claims of the same 2,000-article feed,
// parsing every sentence that holds a claim, on two goroutines.
func BenchmarkExtractFeed(b *testing.B) {
	x := testExtractor(b)
	batch := feedBatch(b, 2000)
	b.ResetTimer()
	var claims int
	for b.Loop() {
		cs, _, err := x.ExtractAll(context.Background(), batch, 2)
		require.NoError(b, err)
		claims = len(cs)
	}
	b.ReportMetric(float64(claims), "claims")
}
