package score

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/topic"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

// Benchmarks on a large generated batch: 1,000 articles of about 450 words
// each, drawn from one story's vocabulary, with hedges, quotes, boilerplate
// lines shared by outlets and, in every tenth article, a paragraph of
// spill. `make bench` runs them; speed goals live here, not in tests.

const benchArticles = 1000

var (
	benchStory = strings.Fields("council transit plan bus routes downtown core vote fare reserve streetcar service " +
		"evening riders budget operators depot electric fleet corridor stations schedule commuters mayor agency " +
		"funding province federal grant ridership capacity lanes signal priority avenue bridge terminal")
	benchSpill = strings.Fields("heat wave records prairie farmers wheat drought forecast temperatures crops " +
		"harvest irrigation cattle rainfall storms hail insurance growers yields")
	benchGlue = strings.Fields("the a of to in and on for with after before by new said officials")
	benchCues = []string{"could", "may", "is expected to", "likely", "will", "massive", "very", "reportedly"}
	benchLine = []string{"Sign up for our daily newsletter to get the top stories delivered to your inbox.",
		"© 2026 Valley Media Group. All rights reserved.", "Share this article", "Read more: Council budget talks stall"}
)

func benchSentence(r *rand.Rand, vocab []string) string {
	n := 12 + r.IntN(14)
	words := make([]string, 0, n+4)
	for i := range n {
		if i%3 == 1 {
			words = append(words, benchGlue[r.IntN(len(benchGlue))])
		} else {
			words = append(words, vocab[r.IntN(len(vocab))])
		}
	}
	if r.IntN(4) == 0 {
		words = append(words[:n/2], append([]string{benchCues[r.IntN(len(benchCues))]}, words[n/2:]...)...)
	}
	s := strings.Join(words, " ")
	s = strings.ToUpper(s[:1]) + s[1:] + "."
	if r.IntN(6) == 0 {
		s = "“" + s + "” the mayor said."
	}
	return s
}

// benchBatch generates n articles, the same for every call.
func benchBatch(n int) []Input {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]Input, n)
	for i := range out {
		var b strings.Builder
		title := benchSentence(r, benchStory)
		b.WriteString(strings.TrimSuffix(title, ".") + "\n\n")
		paras := 5 + r.IntN(4)
		for p := range paras {
			for s := 0; s < 2+r.IntN(3); s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(benchSentence(r, benchStory))
			}
			b.WriteString("\n\n")
			if p == paras/2 && i%10 == 0 {
				b.WriteString(benchSentence(r, benchSpill) + " " + benchSentence(r, benchSpill) + " " + benchSentence(r, benchSpill) + "\n\n")
			}
		}
		b.WriteString(benchLine[i%len(benchLine)] + "\n")
		out[i] = Input{ID: fmt.Sprintf("a%04d", i), Doc: text.Parse(b.String()), Title: strings.TrimSuffix(title, ".")}
	}
	return out
}

func benchWords(in []Input) int64 {
	n := 0
	for _, a := range in {
		n += a.Doc.Words()
	}
	return int64(n)
}

func BenchmarkScoreBatch(b *testing.B) {
	sc := newScorer(b)
	in := benchBatch(benchArticles)
	b.SetBytes(benchWords(in)) // "MB/s" reads as million words per second
	b.ResetTimer()
	for b.Loop() {
		if _, err := sc.ScoreBatch(context.Background(), in, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreBatchCorpus scores 2,000 articles of about 620 words from
// internal/benchcorpus, the generator behind checkbench and the rewrite
// benchmarks: longer articles than benchBatch's, with planted copies.
func BenchmarkScoreBatchCorpus(b *testing.B) {
	sc := newScorer(b)
	corpus := benchcorpus.Generate(benchcorpus.DefaultOptions(2000))
	in := make([]Input, len(corpus.Articles))
	for i, a := range corpus.Articles {
		in[i] = Input{ID: a.ID, Doc: text.Parse(a.Text)}
	}
	b.SetBytes(benchWords(in))
	b.ResetTimer()
	for b.Loop() {
		if _, err := sc.ScoreBatch(context.Background(), in, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBoilerplate(b *testing.B) {
	sc := newScorer(b)
	in := benchBatch(benchArticles)
	b.SetBytes(benchWords(in))
	b.ResetTimer()
	for b.Loop() {
		states := make([]*articleState, len(in))
		for i := range in {
			states[i] = sc.bp.local(in[i])
		}
		if err := sc.bp.markRepeated(context.Background(), states, sourceIndex(in), 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOffTopic(b *testing.B) {
	sc := newScorer(b)
	in := benchBatch(benchArticles)
	arts := make([]topic.Article, len(in))
	for i, a := range in {
		arts[i] = topic.Article{Doc: a.Doc, Title: a.Title}
	}
	b.SetBytes(benchWords(in))
	b.ResetTimer()
	for b.Loop() {
		if _, err := sc.model.Judge(context.Background(), arts, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSpeculation(b *testing.B) {
	sc := newScorer(b)
	in := benchBatch(benchArticles)
	b.SetBytes(benchWords(in))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range in {
			none := make([]bool, len(a.Doc.Paragraphs))
			sc.spec.find(a.Doc, none, make([]bool, len(a.Doc.Sentences)))
		}
	}
}

// BenchmarkLiteralScan reads every paragraph of the batch once for the
// literals of the boilerplate rules' conditions (the prefilter's first
// pass); "MB/s" is bytes of text.
func BenchmarkLiteralScan(b *testing.B) {
	sc := newScorer(b)
	var paras []string
	n := 0
	for _, in := range benchBatch(benchArticles) {
		for _, p := range in.Doc.Paragraphs {
			paras = append(paras, in.Doc.Slice(p.Span))
			n += p.Len()
		}
	}
	x := sc.bp.literals
	found := x.newFound(1)
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			x.scanInto(found, 0, p)
		}
	}
}

func BenchmarkReliability(b *testing.B) {
	sc := newScorer(b)
	in := benchBatch(benchArticles)
	res, err := sc.ScoreBatch(context.Background(), in, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, r := range res {
			sc.Reliability(ReliabilityInput{Scores: r, Rewrite: 0.2, ConflictsLost: []string{"date"}, Claims: 10, UnbackedClaims: 2, AttributedClaims: 6})
		}
	}
}
