package checker

import (
	"context"
	"fmt"
	"testing"
)

// largeBatch builds n articles from the seed batch, each with its own id and
// a distinct opening line so that no two are byte-identical.
func largeBatch(b *testing.B, n int) []Article {
	b.Helper()
	seeds, _, err := LoadPaths([]string{"../" + seedBatch}, nil, LoadOptions{})
	if err != nil || len(seeds) == 0 {
		b.Fatalf("seed batch: %v", err)
	}
	arts := make([]Article, n)
	for i := range arts {
		s := seeds[i%len(seeds)]
		arts[i] = Article{ID: fmt.Sprintf("a%05d", i), Text: fmt.Sprintf("Report number %d.\n%s", i, s.Text)}
	}
	return arts
}

// BenchmarkCheck1000 runs the whole pipeline on 1,000 articles of about 600
// words each.
func BenchmarkCheck1000(b *testing.B) {
	arts := largeBatch(b, 1000)
	words := 0
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Check(context.Background(), arts, Options{})
		if err != nil {
			b.Fatal(err)
		}
		words = rep.Summary.Words
	}
	b.ReportMetric(float64(words), "words/batch")
}
