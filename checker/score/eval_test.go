package score

// Measurement of the boilerplate and off-topic findings on two public
// main-text extraction benchmarks, read in place from the shared evaluation
// data (skipped when it is absent), beside boilerpipe's ArticleExtractor as
// a peer. Figures are logged (go test -v -run Eval) and written up in
// docs/benchmarks.md. Nothing from the data sets is stored in the project.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// evalRulesEnv names a variable holding a rules folder to measure instead
// of the built-in rules alone, as --rules would add it: a way to try a
// change to a pack on the benchmarks before making it.
const evalRulesEnv = "CROSSCHECK_EVAL_RULES"

func evalScorer(t testing.TB) *Scorer {
	set := ruleset.MustDefault()
	if dir := os.Getenv(evalRulesEnv); dir != "" {
		var err error
		set, err = ruleset.Load(dir)
		require.NoError(t, err)
		t.Logf("measuring with the rules in %s", dir)
	}
	sc, err := NewScorer(set)
	require.NoError(t, err)
	return sc
}

// evalPage is one page of a benchmark.
type evalPage struct {
	id   string
	path string // the page's HTML, gzip-compressed when the name ends in ".gz"
	// trafilatura-en: segments that must and must not be in the main text
	with, without []string
	// aeb-scrapinghub: the gold article body
	gold string
}

func loadTrafilatura(t testing.TB) []evalPage {
	dir := evaldata.Dir(t, "trafilatura-en")
	data, err := os.ReadFile(filepath.Join(dir, "evaldata_en.json"))
	require.NoError(t, err)
	var raw map[string]struct {
		File    string   `json:"file"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	}
	require.NoError(t, json.Unmarshal(data, &raw))
	var pages []evalPage
	for key, e := range raw {
		pages = append(pages, evalPage{id: key, path: filepath.Join(dir, "html", e.File+".gz"), with: e.With, without: e.Without})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

func loadAEB(t testing.TB) []evalPage {
	dir := evaldata.Dir(t, "aeb-scrapinghub")
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	require.NoError(t, err)
	var raw map[string]struct {
		Body string `json:"articleBody"`
	}
	require.NoError(t, json.Unmarshal(data, &raw))
	var pages []evalPage
	for key, e := range raw {
		pages = append(pages, evalPage{id: key, path: filepath.Join(dir, "html", key+".html.gz"), gold: e.Body})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// readPage reads a page's HTML: gunzipped when the file name ends in ".gz",
// as scripts/peers/boilerpipe/Extract.java reads it, and as it is otherwise.
func readPage(path string) ([]byte, error) {
	if strings.HasSuffix(path, ".gz") {
		return readGzip(path)
	}
	return os.ReadFile(path)
}

// extraction is what each method keeps of every page, by page id.
type extraction map[string]string

// ourExtractions loads every page through the HTML loader, scores it as a
// batch of one and returns three texts per page: everything the loader
// extracted, that minus boilerplate paragraphs, and that minus off-topic
// paragraphs too.
func ourExtractions(t testing.TB, pages []evalPage) (all, noBoilerplate, noSpill extraction) {
	sc := evalScorer(t)
	all, noBoilerplate, noSpill = extraction{}, extraction{}, extraction{}
	var mu sync.Mutex
	err := workpool.Run(context.Background(), len(pages), 0, func(i int) {
		p := pages[i]
		data, err := readPage(p.path)
		if err != nil {
			t.Errorf("%s: %v", p.id, err)
			return
		}
		l, err := ingest.NewLoader(ingest.Options{})
		if err != nil {
			t.Errorf("%v", err)
			return
		}
		a, err := l.ParseArticle("page", p.path, ingest.FormatHTML, data)
		if err != nil {
			return // an unreadable page keeps nothing
		}
		doc := text.Parse(a.Text)
		res, err := sc.ScoreBatch(context.Background(), []Input{{ID: p.id, Doc: doc, Title: a.Title, Blocks: a.Blocks}}, 1)
		if err != nil {
			t.Errorf("%s: %v", p.id, err)
			return
		}
		var every, kept1, kept2 []string
		for pi, para := range doc.Paragraphs {
			s := doc.Slice(para.Span)
			every = append(every, s)
			if res[0].BoilerplateParagraphs[pi] {
				continue
			}
			kept1 = append(kept1, s)
			if !res[0].OffTopicParagraphs[pi] {
				kept2 = append(kept2, s)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		all[p.id] = strings.Join(every, "\n")
		noBoilerplate[p.id] = strings.Join(kept1, "\n")
		noSpill[p.id] = strings.Join(kept2, "\n")
	})
	require.NoError(t, err)
	return all, noBoilerplate, noSpill
}

var spaceRun = regexp.MustCompile(`\s+`)

func normalizeSpace(s string) string { return strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")) }

// segmentScores is trafilatura's evaluation: a "with" segment found in the
// kept text is a true positive, one missing a false negative; a "without"
// segment found is a false positive, one missing a true negative. Counts
// are summed over pages.
type segmentScores struct{ tp, fn, fp, tn int }

func scoreSegments(pages []evalPage, kept extraction) segmentScores {
	var s segmentScores
	for _, p := range pages {
		txt := normalizeSpace(kept[p.id])
		for _, seg := range p.with {
			if strings.Contains(txt, normalizeSpace(seg)) {
				s.tp++
			} else {
				s.fn++
			}
		}
		for _, seg := range p.without {
			if strings.Contains(txt, normalizeSpace(seg)) {
				s.fp++
			} else {
				s.tn++
			}
		}
	}
	return s
}

func (s segmentScores) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s segmentScores) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s segmentScores) f1() float64        { return ratio(2*s.tp, 2*s.tp+s.fp+s.fn) }
func (s segmentScores) accuracy() float64  { return ratio(s.tp+s.tn, s.tp+s.tn+s.fp+s.fn) }

func (s segmentScores) String() string {
	return fmt.Sprintf("precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f  (TP %d, FN %d, FP %d, TN %d)",
		s.precision(), s.recall(), s.f1(), s.accuracy(), s.tp, s.fn, s.fp, s.tn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// shingleScores is the Article Extraction Benchmark's evaluation: texts
// are cut into \w+ tokens and 4-token shingles; per page, TP, FP and FN
// count shingles (with multiplicity) and are normalised to sum to 1;
// precision and recall are averaged over pages (a page with nothing
// predicted is left out of the precision mean, one with nothing true out of
// the recall mean; a page with FP = FN = 0 scores 1 on both) and F1 is
// their harmonic mean.
type shingleScores struct{ precision, recall, f1 float64 }

var wordRun = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+`)

func shingles(s string) map[string]int {
	toks := wordRun.FindAllString(s, -1)
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-3); i++ {
		sh := strings.Join(toks[i:min(len(toks), i+4)], "\x00")
		if sh != "" {
			out[sh]++
		}
	}
	return out
}

func scoreShingles(pages []evalPage, kept extraction) shingleScores {
	var precs, recs []float64
	for _, p := range pages {
		gold, pred := shingles(p.gold), shingles(kept[p.id])
		var tp, fp, fn float64
		for k, g := range gold {
			tp += float64(min(g, pred[k]))
			fn += float64(max(0, g-pred[k]))
		}
		for k, n := range pred {
			fp += float64(max(0, n-gold[k]))
		}
		if sum := tp + fp + fn; sum > 0 {
			tp, fp, fn = tp/sum, fp/sum, fn/sum
		}
		score := func(hit, miss float64) float64 {
			switch {
			case fp == 0 && fn == 0:
				return 1
			case tp == 0 && miss == 0:
				return 0
			}
			return hit / (hit + miss)
		}
		if tp+fp > 0 {
			precs = append(precs, score(tp, fp))
		}
		if tp+fn > 0 {
			recs = append(recs, score(tp, fn))
		}
	}
	var s shingleScores
	s.precision, s.recall = mean(precs), mean(recs)
	if s.precision+s.recall > 0 {
		s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	}
	return s
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

func (s shingleScores) String() string {
	return fmt.Sprintf("precision %.3f  recall %.3f  F1 %.3f", s.precision, s.recall, s.f1)
}

func TestEvalTrafilatura(t *testing.T) {
	pages := loadTrafilatura(t)
	all, noBP, noSpill := ourExtractions(t, pages)
	base, bp, both := scoreSegments(pages, all), scoreSegments(pages, noBP), scoreSegments(pages, noSpill)
	t.Logf("trafilatura-en, %d pages", len(pages))
	t.Logf("  everything the loader extracts:   %s", base)
	t.Logf("  minus boilerplate:                %s", bp)
	t.Logf("  minus boilerplate and off-topic:  %s", both)
	// The findings must separate kept from dropped text better than
	// keeping everything does.
	assert.Greater(t, bp.f1(), base.f1())
	assert.Greater(t, bp.precision(), base.precision())
	assert.Greater(t, both.f1(), base.f1())
}

func TestEvalAEB(t *testing.T) {
	pages := loadAEB(t)
	all, noBP, noSpill := ourExtractions(t, pages)
	base, bp, both := scoreShingles(pages, all), scoreShingles(pages, noBP), scoreShingles(pages, noSpill)
	t.Logf("aeb-scrapinghub, %d pages", len(pages))
	t.Logf("  everything the loader extracts:   %s", base)
	t.Logf("  minus boilerplate:                %s", bp)
	t.Logf("  minus boilerplate and off-topic:  %s", both)
	assert.Greater(t, bp.f1, base.f1)
	assert.Greater(t, both.f1, base.f1)
}

func TestShingleScoring(t *testing.T) {
	pages := []evalPage{{id: "a", gold: "one two three four five"}, {id: "b", gold: "alpha beta gamma delta"}}
	perfect := scoreShingles(pages, extraction{"a": "one two three four five", "b": "alpha beta gamma delta"})
	assert.InDelta(t, 1.0, perfect.f1, 1e-9)
	half := scoreShingles(pages[:1], extraction{"a": "one two three four"})
	// gold shingles: (1 2 3 4), (2 3 4 5); predicted: (1 2 3 4): TP 1, FN 1.
	assert.InDelta(t, 1.0, half.precision, 1e-9)
	assert.InDelta(t, 0.5, half.recall, 1e-9)
	none := scoreShingles(pages[:1], extraction{"a": ""})
	assert.InDelta(t, 0.0, none.recall, 1e-9)
}

func TestSegmentScoring(t *testing.T) {
	pages := []evalPage{{id: "a", with: []string{"kept  text"}, without: []string{"Share this", "Menu"}}}
	s := scoreSegments(pages, extraction{"a": "Some kept\ntext here. Menu"})
	assert.Equal(t, segmentScores{tp: 1, fp: 1, tn: 1}, s)
}

// boilerpipeClasspath returns the jars the peer needs, or skips.
func boilerpipeClasspath(t testing.TB) []string {
	jars := []string{"boilerpipe.jar", "nekohtml.jar", "xercesImpl.jar"}
	var out []string
	for _, j := range jars {
		p := filepath.Join("/usr/share/java", j)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("boilerpipe peer: %s missing (apt-get install libboilerpipe-java): skipping", p)
		}
		out = append(out, p)
	}
	for _, tool := range []string{"javac", "java"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("boilerpipe peer: %s not found: skipping", tool)
		}
	}
	return out
}

// runBoilerpipe compiles scripts/peers/boilerpipe/Extract.java and runs it
// on every page.
func runBoilerpipe(t testing.TB, pages []evalPage) extraction {
	cp := boilerpipeClasspath(t)
	classes := t.TempDir()
	src := filepath.Join("..", "..", "scripts", "peers", "boilerpipe", "Extract.java")
	out, err := exec.Command("javac", "-cp", strings.Join(cp, ":"), "-d", classes, src).CombinedOutput()
	require.NoError(t, err, "javac: %s", out)
	args := []string{"-cp", strings.Join(append(cp, classes), ":"), "Extract"}
	byPath := map[string]string{}
	for _, p := range pages {
		args = append(args, p.path)
		byPath[p.path] = p.id
	}
	cmd := exec.Command("java", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	require.NoError(t, err, "java: %s", stderr.String())
	res := extraction{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var line struct{ File, Text, Error string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line))
		res[byPath[line.File]] = line.Text
	}
	require.NoError(t, sc.Err())
	return res
}

func TestEvalBoilerpipePeer(t *testing.T) {
	if testing.Short() {
		t.Skip("peer comparison skipped in -short mode")
	}
	traf := loadTrafilatura(t)
	aeb := loadAEB(t)
	bt := runBoilerpipe(t, traf)
	ba := runBoilerpipe(t, aeb)
	st, sa := scoreSegments(traf, bt), scoreShingles(aeb, ba)
	t.Logf("boilerpipe ArticleExtractor (Debian libboilerpipe-java)")
	t.Logf("  trafilatura-en, %d pages:  %s", len(traf), st)
	t.Logf("  aeb-scrapinghub, %d pages: %s", len(aeb), sa)
	// A sanity check that the peer really ran: it keeps most article text.
	assert.Greater(t, st.recall(), 0.5)
	assert.Greater(t, sa.recall, 0.5)
}

// paragraphRule marks the paragraphs of doc holding a finding of rule.
func paragraphRule(doc *text.Document, res ArticleScores, rule string) []bool {
	out := make([]bool, len(doc.Paragraphs))
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		if si := doc.SentenceAt(f.Span.Start); si >= 0 {
			out[doc.Sentences[si].Paragraph] = true
		}
	}
	return out
}

// TestEvalSplicedSpill measures the off-topic findings on their own task.
// Only paragraph-scale spill (ot.paragraph) is counted: gold bodies hold
// lists and other stories' headlines of their own, which ot.other-story
// flags and the keyed batches measure.
// No public data set marks spill, so it is made: into each gold article
// body of aeb-scrapinghub a paragraph of the next article is spliced after
// the middle paragraph. Alone, the article is scored as a batch of one (its
// own paragraphs are the only context, and it has no title). In a batch,
// the article's paragraphs are dealt alternately into two articles, the
// spill goes into the first, and the two are scored together: two reports
// of one story. A flagged spliced paragraph is a true positive, a flagged
// original paragraph a false positive; counts are in paragraphs.
func TestEvalSplicedSpill(t *testing.T) {
	pages := loadAEB(t)
	sc := evalScorer(t)
	paragraphsOf := func(body string) []string {
		var out []string
		for _, p := range strings.Split(body, "\n") {
			if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 8 {
				out = append(out, p)
			}
		}
		return out
	}
	count := func(s *segmentScores, doc *text.Document, flags []bool, spill string) {
		for pi, para := range doc.Paragraphs {
			spliced := doc.Slice(para.Span) == spill
			switch {
			case spliced && flags[pi]:
				s.tp++
			case spliced:
				s.fn++
			case flags[pi]:
				s.fp++
			default:
				s.tn++
			}
		}
	}
	var alone, batch segmentScores
	for i, p := range pages {
		own := paragraphsOf(p.gold)
		if len(own) < 6 {
			continue
		}
		var spill string
		for _, q := range paragraphsOf(pages[(i+1)%len(pages)].gold) {
			if len(strings.Fields(q)) >= 40 {
				spill = q
				break
			}
		}
		if spill == "" {
			continue
		}
		mid := len(own) / 2
		withSpill := append(append(append([]string{}, own[:mid]...), spill), own[mid:]...)
		doc := text.Parse(strings.Join(withSpill, "\n\n"))
		count(&alone, doc, paragraphRule(doc, scoreAll(t, sc, []Input{{ID: p.id, Doc: doc}})[0], ruleOTParagraph), spill)

		var first, second []string
		for k, para := range own {
			if k%2 == 0 {
				first = append(first, para)
			} else {
				second = append(second, para)
			}
		}
		m := len(first) / 2
		first = append(append(append([]string{}, first[:m]...), spill), first[m:]...)
		a, b := text.Parse(strings.Join(first, "\n\n")), text.Parse(strings.Join(second, "\n\n"))
		res := scoreAll(t, sc, []Input{{ID: "a", Doc: a}, {ID: "b", Doc: b}})
		count(&batch, a, paragraphRule(a, res[0], ruleOTParagraph), spill)
		count(&batch, b, paragraphRule(b, res[1], ruleOTParagraph), spill)
	}
	t.Logf("spliced spill, article alone:        %s", alone)
	t.Logf("spliced spill, two-article batch:    %s", batch)
	for _, s := range []segmentScores{alone, batch} {
		assert.Greater(t, s.precision(), 0.8)
		assert.Less(t, float64(s.fp)/float64(s.fp+s.tn), 0.02, "false alarms on original paragraphs")
	}
	assert.Greater(t, batch.recall(), alone.recall(), "a batch gives more context than the article alone")
}
