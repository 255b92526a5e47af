package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedText returns the five seed articles joined, about 3,000 words of
// varied news prose.
func seedText(b *testing.B) string {
	b.Helper()
	files, err := filepath.Glob("../../fixtures/canada-korea-mou/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("seed fixtures not found: %v", err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkParseArticle segments one article-sized text (about 600 words).
func BenchmarkParseArticle(b *testing.B) {
	all := seedText(b)
	article := all[:strings.Index(all, "\n\n")]
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(article)
	}
}

// BenchmarkParseLarge segments a 3 MB text (the seeds repeated), the size of
// a long document dump.
func BenchmarkParseLarge(b *testing.B) {
	all := seedText(b)
	big := strings.Repeat(all, 3<<20/len(all)+1)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(big)
	}
}

// BenchmarkFold folds a mix of ASCII and accented tokens.
func BenchmarkFold(b *testing.B) {
	words := strings.Fields("Mélanie Joly Canada–Korea “future mobility” tariffs Industry Minister Kim Jung-kwan Søren Straße")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Fold(w)
		}
	}
}
