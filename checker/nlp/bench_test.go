package nlp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// newsText is a synthetic news report: sentences of the kinds the claims
// stage reads, repeated with varying numbers to make a long text.
func newsText(n int) []string {
	templates := []string{
		"A fire killed at least %d people in Dhaka on Wednesday, officials said.",
		"Intel agreed to buy Mobileye for $%d.3 billion in cash, the company said in a statement.",
		"Kim Jung-kwan, South Korea's trade minister, signed the memorandum in Ottawa on %d January.",
		"“We are diversifying our exports,” the minister told reporters after the meeting.",
		"The storm left %d,000 homes without power and forced the closure of two airports.",
		"Police arrested %d suspects, including a former official who had been accused of bribery.",
		"Prices rose %d.5 per cent in the year to March, the fastest pace since 1991.",
		"The company, which employs about %d people, did not respond to a request for comment.",
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(templates[i%len(templates)], 10+i%90)
	}
	return out
}

// benchSentences returns tokenised sentences: the EWT test set's words when
// the shared data is there, else the synthetic news text.
func benchSentences(b *testing.B, source string) ([][]string, int) {
	var sents [][]string
	switch source {
	case "ewt-test":
		f, err := os.Open(filepath.Join(evaldata.Dir(b, "ud-english-ewt"), "en_ewt-ud-test.conllu"))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		tb, err := ReadCoNLLU(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range tb {
			words := make([]string, len(s.Words))
			for i, w := range s.Words {
				words[i] = w.Form
			}
			sents = append(sents, words)
		}
	default:
		for _, s := range newsText(2000) {
			sents = append(sents, texts(Tokenize(s)))
		}
	}
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	return sents, n
}

func benchModel(b *testing.B, tag bool) {
	m := builtin(b)
	for _, source := range []string{"news", "ewt-test"} {
		b.Run(source, func(b *testing.B) {
			sents, n := benchSentences(b, source)
			var s Sentence
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				for _, words := range sents {
					if tag {
						m.TagTo(&s, words)
					} else {
						m.ParseTo(&s, words)
					}
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(n), "tokens/op")
		})
	}
}

// BenchmarkTag tags a long text with a reused Sentence.
func BenchmarkTag(b *testing.B) { benchModel(b, true) }

// BenchmarkParse tags and parses a long text with a reused Sentence.
func BenchmarkParse(b *testing.B) { benchModel(b, false) }

// BenchmarkParseFresh parses with a new Sentence per sentence (Parse), as a
// caller that keeps every result does.
func BenchmarkParseFresh(b *testing.B) {
	m := builtin(b)
	sents, n := benchSentences(b, "news")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, words := range sents {
			m.Parse(words)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenize tokenises the synthetic news text.
func BenchmarkTokenize(b *testing.B) {
	sents := newsText(2000)
	bytes := 0
	for _, s := range sents {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			Tokenize(s)
		}
	}
}

// BenchmarkLoad loads the built-in model from its embedded file.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := Load(strings.NewReader(string(embedded))); err != nil {
			b.Fatal(err)
		}
	}
}
