package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

// trickyLexicon are strings at the edges of word boundaries, case folding,
// apostrophes, dashes and invalid UTF-8.
var trickyLexicon = []string{
	"", " ", "said", "SAID", "Said,", "xsaid", "said_", "_said", "saidx", "sa\u017fd", "\u017faid",
	"according to", "according\n\tto", "according  to the statement", "accordingto",
	"it'll", "it’ll", "we'll see", "'ll", "Minister of Trade, Industry and Energy",
	"the press release", "a press-release", "Joint Trade Committee", "Free Trade Agreement",
	"Memorandum of Understanding", "memorandum of understanding", "per cent", "percent", "%",
	"\xffsaid", "said\xff", "\xff", "é said", "saidé", "“said”", "said\u00a0the", "20per cent",
	"co-chair", "vice-president", "Vice‑President", "chief executive officer", "Inc.", "U.S.-based",
}

// lexiconStrings gathers text to compare finders on: texts (the
// paragraphs of two fixture batches and of two generated articles) and
// phrases (the runs of one to three words of the seed batch, as the
// extractors match phrases); the tricky strings go in both. FuzzLexFinder
// tries more.
func lexiconStrings(t testing.TB) (texts, phrases []string) {
	t.Helper()
	add := func(doc *text.Document, paragraphs, runs bool) {
		for _, p := range doc.Paragraphs {
			if paragraphs {
				texts = append(texts, doc.Slice(p.Span))
			}
		}
		for s := range doc.Sentences {
			toks := doc.SentenceTokens(s)
			for i := range toks {
				for n := 1; runs && n <= 3 && i+n <= len(toks); n++ {
					phrases = append(phrases, doc.Text[toks[i].Start:toks[i+n-1].End])
				}
			}
		}
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "*", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		seed := strings.Contains(f, "canada-korea")
		add(text.Parse(string(b)), seed || strings.Contains(f, "port-strike"), seed)
	}
	for _, a := range benchcorpus.Generate(benchcorpus.DefaultOptions(20)).Articles[:2] {
		add(text.Parse(a.Text), true, false)
	}
	return append(texts, trickyLexicon...), append(phrases, trickyLexicon...)
}

// lexiconRules returns the lexicons of the packs the stage reads.
func lexiconRules(t testing.TB) []*ruleset.Rule {
	var out []*ruleset.Rule
	set := ruleset.MustDefault()
	for _, pack := range []string{"claims", "dates"} {
		out = append(out, set.Pack(pack).OfKind(ruleset.KindLexicon)...)
	}
	require.NotEmpty(t, out)
	return out
}

// TestLexFinderAgreesWithRule compares the finder with the rule's own
// matching for every lexicon of the claims and dates packs.
func TestLexFinderAgreesWithRule(t *testing.T) {
	texts, phrases := lexiconStrings(t)
	for _, r := range lexiconRules(t) {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			f := newLexFinder(r)
			require.True(t, f.find != nil && f.find.Accelerated(), "the lexicon %s should be accelerated, not left to the rule", r.ID)
			matched, full := 0, 0
			for _, s := range texts {
				want := r.FindAll(s)
				require.Equal(t, want, f.FindAll(s), "FindAll %q", s)
				require.Equal(t, r.MatchString(s), f.MatchString(s), "MatchString %q", s)
				matched += len(want)
			}
			for _, s := range phrases {
				want := fullMatch(r, s)
				require.Equal(t, want, f.FullMatch(s), "FullMatch %q", s)
				if want {
					full++
				}
			}
			t.Logf("%d matches in texts, %d phrases matched whole", matched, full)
		})
	}
}

// FuzzLexFinder compares the finder with the rule on any text, for every
// lexicon of the claims and dates packs.
func FuzzLexFinder(f *testing.F) {
	for _, s := range trickyLexicon {
		f.Add(s)
	}
	f.Add("“We signed a fair deal,” Roux said, according to the statement. It’ll be the Joint Trade Committee’s.")
	var finders []*lexFinder
	for _, r := range lexiconRules(f) {
		finders = append(finders, newLexFinder(r))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lf := range finders {
			require.Equal(t, lf.rule.FindAll(s), lf.FindAll(s), "%s FindAll %q", lf.rule.ID, s)
			require.Equal(t, lf.rule.MatchString(s), lf.MatchString(s), "%s MatchString %q", lf.rule.ID, s)
			require.Equal(t, fullMatch(lf.rule, s), lf.FullMatch(s), "%s FullMatch %q", lf.rule.ID, s)
		}
	})
}

// BenchmarkLexFinder finds the attribution verbs of every paragraph of 100
// generated articles that holds a quotation, with the finder and with the
// rule's own matching.
func BenchmarkLexFinder(b *testing.B) {
	x := testExtractor(b)
	var paras []string
	for _, a := range benchcorpus.Generate(benchcorpus.DefaultOptions(100)).Articles {
		doc := text.Parse(a.Text)
		for _, p := range doc.Paragraphs {
			if len(findQuotes(doc.Text, p.Span)) > 0 {
				paras = append(paras, doc.Slice(p.Span))
			}
		}
	}
	f := x.lex.quoteVerbs
	b.Run("finder", func(b *testing.B) {
		for b.Loop() {
			for _, p := range paras {
				f.FindAll(p)
			}
		}
		b.ReportMetric(float64(len(paras)), "paragraphs")
	})
	b.Run("rule", func(b *testing.B) {
		for b.Loop() {
			for _, p := range paras {
				f.rule.FindAll(p)
			}
		}
		b.ReportMetric(float64(len(paras)), "paragraphs")
	})
}
