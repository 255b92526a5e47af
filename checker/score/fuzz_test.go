package score

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// checkScores asserts the invariants every result must keep, whatever the
// input: values in [0,1], spans inside the text and on rune boundaries,
// findings sorted, component indices valid, one verdict per paragraph.
func checkScores(t *testing.T, in []Input, res []ArticleScores) {
	if len(res) != len(in) {
		t.Fatalf("%d results for %d inputs", len(res), len(in))
	}
	for i, r := range res {
		doc := in[i].Doc
		valid := utf8.ValidString(doc.Text)
		for j, f := range r.Findings {
			if f.Span.Start < 0 || f.Span.Start > f.Span.End || f.Span.End > len(doc.Text) {
				t.Fatalf("span %v out of [0,%d]", f.Span, len(doc.Text))
			}
			if valid && (!utf8.RuneStart(doc.Text[min(f.Span.Start, len(doc.Text)-1)]) ||
				(f.Span.End < len(doc.Text) && !utf8.RuneStart(doc.Text[f.Span.End]))) {
				t.Fatalf("span %v off a rune boundary", f.Span)
			}
			if j > 0 && r.Findings[j-1].Span.Start > f.Span.Start {
				t.Fatalf("findings not sorted")
			}
		}
		for _, s := range []Score{r.Boilerplate, r.OffTopic, r.Speculation} {
			if !(s.Value >= 0 && s.Value <= 1) {
				t.Fatalf("%s = %v", s.Name, s.Value)
			}
			for _, c := range s.Components {
				for _, fi := range c.Findings {
					if fi < 0 || fi >= len(r.Findings) {
						t.Fatalf("component %s refers to finding %d of %d", c.Name, fi, len(r.Findings))
					}
				}
			}
		}
		if len(r.BoilerplateParagraphs) != len(doc.Paragraphs) || len(r.OffTopicParagraphs) != len(doc.Paragraphs) {
			t.Fatalf("verdicts for %d/%d paragraphs of %d", len(r.BoilerplateParagraphs), len(r.OffTopicParagraphs), len(doc.Paragraphs))
		}
	}
}

// addSeeds seeds the corpus with the opening of every seed and test
// article. Openings, not whole articles: the fuzzer minimises every input
// that finds new coverage, and minimising a 5 KB article takes the whole
// fuzzing time.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		cut := min(len(data), 600)
		for cut > 0 && cut < len(data) && !utf8.RuneStart(data[cut]) {
			cut--
		}
		f.Add(string(data[:cut]), "Share this article\n© 2026 Valley Media. All rights reserved.")
	}
	f.Add("", "")
	f.Add("“unclosed quote could be\n\n", "May 5 will\xff\xfe be may")
	f.Add("- Home\n- News\n- Sport\nHome | News | Sport", "Let's be honest: you could?")
}

// FuzzScoreBatch scores two texts as one batch.
func FuzzScoreBatch(f *testing.F) {
	addSeeds(f)
	sc := newScorer(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		in := []Input{{ID: "a", Doc: text.Parse(a)}, {ID: "b", Doc: text.Parse(b), Title: a[:min(len(a), 40)]}}
		res, err := sc.ScoreBatch(context.Background(), in, 2)
		if err != nil {
			t.Fatal(err)
		}
		checkScores(t, in, res)
		rel, _ := sc.Reliability(ReliabilityInput{Scores: res[0], Claims: len(a) % 7, UnbackedClaims: len(b) % 9, AttributedClaims: -1})
		if rel.Value < 0 || rel.Value > 1 {
			t.Fatalf("reliability %v", rel.Value)
		}
	})
}

// FuzzScoreHTML loads the input as an HTML page, with its block hints, and
// scores it alone.
func FuzzScoreHTML(f *testing.F) {
	f.Add(testPage)
	f.Add("<p>Share this</p><nav><a>Home</a></nav><footer>© 2026</footer>")
	f.Add("<ul><li><a href=x>a</a></li></ul><pre>one\n\ntwo</pre><table><tr><td>a</td><td>b</td></tr></table>")
	sc := newScorer(f)
	f.Fuzz(func(t *testing.T, page string) {
		// A loader claims the ids it reads, so each page gets its own.
		a, err := mustLoader(t).ParseArticle("page", "page.html", ingest.FormatHTML, []byte(page))
		if err != nil {
			return
		}
		in := []Input{{ID: a.ID, Doc: text.Parse(a.Text), Title: a.Title, Blocks: a.Blocks}}
		res, err := sc.ScoreBatch(context.Background(), in, 1)
		if err != nil {
			t.Fatal(err)
		}
		checkScores(t, in, res)
	})
}

func mustLoader(t *testing.T) *ingest.Loader {
	l, err := ingest.NewLoader(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}
