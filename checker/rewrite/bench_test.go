package rewrite

import (
	"context"
	"testing"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

// benchInputs generates and segments n articles with 5 % planted rewrites.
func benchInputs(b *testing.B, n int) []Input {
	b.Helper()
	corpus := benchcorpus.Generate(benchcorpus.DefaultOptions(n))
	in := make([]Input, n)
	for i, a := range corpus.Articles {
		in[i] = Input{ID: a.ID, Doc: text.Parse(a.Text), Published: a.Published}
	}
	return in
}

// BenchmarkDetect runs the whole stage on a generated batch of 2,000
// articles of about 600 words (make bench-rewrite measures 10,000 and
// 20,000 with recall and precision).
func BenchmarkDetect(b *testing.B) {
	in := benchInputs(b, 2000)
	d := newDetector(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Detect(context.Background(), in, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCandidates measures the sketch stage alone on the same batch.
func BenchmarkCandidates(b *testing.B) {
	in := benchInputs(b, 2000)
	d := newDetector(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Candidates(context.Background(), in, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlign aligns the seed rewrite with its original.
func BenchmarkAlign(b *testing.B) {
	in := loadSeeds(b)
	d := newDetector(b)
	for b.Loop() {
		d.Align(in[2].Doc, in[0].Doc)
	}
}

func BenchmarkSentenceSimilarity(b *testing.B) {
	d := newDetector(b)
	x := "This comes amid the global trade war and U.S. tariffs, which have impacted Canada’s economic growth and job market."
	y := "This comes in the middle global trade war and US tariffswhich affected Canada’s economic growth and labor market."
	for b.Loop() {
		d.SentenceSimilarity(x, y)
	}
}
