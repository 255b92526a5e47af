package score

// Fitting the line model. `make fit-furniture` runs TestFitLineModel with
// -fit-line-model: it scores the keyed batches the project may train on
// (fixtures/blind/dev, written for the project, and
// ../shared/evaldata/news-batches/dev), labels every paragraph from the
// batch's key (a line the key lists as boilerplate is furniture, any other
// line of the article is not, a pasted story's lines and the headline are
// left out), fits a logistic regression with an L2 penalty and rewrites the
// bp.line-model block of rules/en/boilerplate.yaml. Without the flag the
// test only checks that the features can be computed and labelled.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

var fitLineModel = flag.Bool("fit-line-model", false, "fit bp.line-model on the training batches and rewrite its weights in rules/en/boilerplate.yaml")

// trainingRow is one labelled paragraph.
type trainingRow struct {
	x      []float64
	label  float64
	weight float64 // how much the row counts in the loss
}

// keyNorm folds a line the way the news-batches scorer compares text.
func keyNorm(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// batchKey is the part of a truth.json the fit reads.
type batchKey struct {
	Boilerplate map[string][]string `json:"boilerplate_lines"`
	OffTopic    map[string][]string `json:"off_topic_paragraph_starts"`
}

var articleFile = regexp.MustCompile(`^\d+.*\.txt$`)

// labelledRows scores one batch folder and returns its labelled paragraphs.
func labelledRows(t testing.TB, set *ruleset.Set, dir string) []trainingRow {
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	require.NoError(t, err)
	var key batchKey
	require.NoError(t, json.Unmarshal(raw, &key))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	l, err := ingest.NewLoader(ingest.Options{})
	require.NoError(t, err)
	var ins []Input
	var stems []string
	for _, e := range entries {
		if !articleFile.MatchString(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		a, err := l.ParseArticle(e.Name(), filepath.Join(dir, e.Name()), ingest.FormatText, data)
		if err != nil {
			continue
		}
		ins = append(ins, Input{ID: a.ID, Doc: text.Parse(a.Text), Title: a.Title})
		stems = append(stems, strings.TrimSuffix(e.Name(), ".txt"))
	}
	sc, err := NewScorer(set)
	require.NoError(t, err)
	features := make([][][]float64, len(ins))
	var mu sync.Mutex
	sc.lineSink = func(i int, rows [][]float64) {
		mu.Lock()
		features[i] = rows
		mu.Unlock()
	}
	_, err = sc.ScoreBatch(context.Background(), ins, 1)
	require.NoError(t, err)
	var out []trainingRow
	for i, in := range ins {
		stem := stems[i]
		furniture := map[string]bool{}
		for _, ln := range key.Boilerplate[stem] {
			furniture[keyNorm(ln)] = true
		}
		title := keyNorm(in.Title)
		for pi, p := range in.Doc.Paragraphs {
			line := keyNorm(in.Doc.Slice(p.Span))
			if line == "" || line == title || features[i] == nil {
				continue
			}
			pasted := false
			for _, st := range key.OffTopic[stem] {
				if strings.HasPrefix(line, keyNorm(st)) {
					pasted = true
				}
			}
			label := 0.0
			if furniture[line] {
				label = 1
			} else if pasted {
				continue // another story's text: off-topic, furniture or both
			}
			out = append(out, trainingRow{x: features[i][pi], label: label, weight: 1})
		}
	}
	return out
}

// fitLogistic fits weights by gradient descent on the mean log loss plus
// lambda/2 times the squared weights (the bias is not penalised).
func fitLogistic(rows []trainingRow, lambda float64, iterations int) []float64 {
	n := len(lineFeatureNames)
	w := make([]float64, n)
	grad := make([]float64, n)
	// Adam: features are sparse and unevenly frequent.
	m, v := make([]float64, n), make([]float64, n)
	const lr, b1, b2 = 0.05, 0.9, 0.999
	for it := 1; it <= iterations; it++ {
		clear(grad)
		total := 0.0
		for _, r := range rows {
			total += r.weight
			z := 0.0
			for j, x := range r.x {
				z += w[j] * x
			}
			p := 1 / (1 + math.Exp(-z))
			for j, x := range r.x {
				grad[j] += r.weight * (p - r.label) * x
			}
		}
		for j := range grad {
			grad[j] /= total
			if j > 0 {
				grad[j] += lambda * w[j]
			}
			m[j] = b1*m[j] + (1-b1)*grad[j]
			v[j] = b2*v[j] + (1-b2)*grad[j]*grad[j]
			mh := m[j] / (1 - math.Pow(b1, float64(it)))
			vh := v[j] / (1 - math.Pow(b2, float64(it)))
			w[j] -= lr * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// trainingBatches lists the batch folders the model may be fitted on.
func trainingBatches(t testing.TB) []string {
	var dirs []string
	blind, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "blind", "dev", "*", "truth.json"))
	for _, f := range blind {
		dirs = append(dirs, filepath.Dir(f))
	}
	if shared := evaldata.SharedDir(); shared != "" {
		news, _ := filepath.Glob(filepath.Join(shared, "evaldata", "news-batches", "dev", "*", "truth.json"))
		for _, f := range news {
			dirs = append(dirs, filepath.Dir(f))
		}
	}
	sort.Strings(dirs)
	return dirs
}

func TestFitLineModel(t *testing.T) {
	dirs := trainingBatches(t)
	if !*fitLineModel {
		// Without the flag: the features of one batch are computed and
		// labelled, a cheap check that the fitting still runs.
		if len(dirs) == 0 {
			t.Skip("no training batches")
		}
		rows := labelledRows(t, ruleset.MustDefault(), dirs[0])
		require.NotEmpty(t, rows)
		for _, r := range rows {
			require.Len(t, r.x, len(lineFeatureNames))
		}
		return
	}
	// Real pages are few beside the written batches; each real
	// paragraph counts realPageWeight times so that both shapes of page
	// weigh about alike.
	const realPageWeight = 4
	var rows []trainingRow
	for _, d := range dirs {
		batch := labelledRows(t, ruleset.MustDefault(), d)
		if !strings.Contains(filepath.ToSlash(d), "fixtures/blind/") {
			for k := range batch {
				batch[k].weight = realPageWeight
			}
		}
		rows = append(rows, batch...)
	}
	pos := 0
	for _, r := range rows {
		pos += int(r.label)
	}
	t.Logf("%d batches, %d paragraphs, %d furniture", len(dirs), len(rows), pos)
	w := fitLogistic(rows, 1e-3, 3000)
	logFit(t, rows, w, pos)
	require.NoError(t, writeLineModel(filepath.Join("..", "..", "rules", "en", "boilerplate.yaml"), ruleBPLineModel,
		fmt.Sprintf("%d keyed batches (%d paragraphs, %d of them furniture)", len(dirs), len(rows), pos), w))
}

// logFit logs the fitted model's precision and recall on its own training
// rows at a few thresholds.
func logFit(t *testing.T, rows []trainingRow, w []float64, pos int) {
	for _, th := range []float64{0.4, 0.5, 0.6, 0.7, 0.8} {
		tp, fp := 0, 0
		for _, r := range rows {
			z := 0.0
			for j, x := range r.x {
				z += w[j] * x
			}
			if 1/(1+math.Exp(-z)) >= th {
				if r.label == 1 {
					tp++
				} else {
					fp++
				}
			}
		}
		t.Logf("training set, model alone, p >= %.1f: precision %.3f recall %.3f", th, float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, pos)))
	}
}

var fitLineModelHTML = flag.Bool("fit-line-model-html", false, "fit bp.line-model-html on aeb-scrapinghub and rewrite its weights in rules/en/boilerplate.yaml")

// TestFitLineModelHTML fits the model for HTML pages on aeb-scrapinghub
// (MIT; the pages are read in place, only the fitted weights are kept):
// each page goes through the HTML loader and is scored alone; a paragraph
// most of whose 4-token shingles are in the gold article body is content,
// one with almost none is furniture, the rest are left out. trafilatura-en
// and L3S-GN1 stay held out.
func TestFitLineModelHTML(t *testing.T) {
	if !*fitLineModelHTML {
		t.Skip("run with -fit-line-model-html")
	}
	pages := loadAEB(t)
	set := ruleset.MustDefault()
	var rows []trainingRow
	for _, p := range pages {
		data, err := readPage(p.path)
		require.NoError(t, err)
		l, err := ingest.NewLoader(ingest.Options{})
		require.NoError(t, err)
		a, err := l.ParseArticle("page", p.path, ingest.FormatHTML, data)
		if err != nil {
			continue
		}
		doc := text.Parse(a.Text)
		sc, err := NewScorer(set)
		require.NoError(t, err)
		var feats [][]float64
		sc.lineSink = func(_ int, r [][]float64) { feats = r }
		_, err = sc.ScoreBatch(context.Background(), []Input{{ID: p.id, Doc: doc, Title: a.Title, Blocks: a.Blocks}}, 1)
		require.NoError(t, err)
		if feats == nil {
			continue
		}
		gold := shingles(p.gold)
		for pi, para := range doc.Paragraphs {
			sh := shingles(doc.Slice(para.Span))
			if len(sh) == 0 {
				continue
			}
			in := 0
			for k := range sh {
				if gold[k] > 0 {
					in++
				}
			}
			share := float64(in) / float64(len(sh))
			switch {
			case share >= 0.6:
				rows = append(rows, trainingRow{x: feats[pi], label: 0, weight: 1})
			case share <= 0.1:
				rows = append(rows, trainingRow{x: feats[pi], label: 1, weight: 1})
			}
		}
	}
	pos := 0
	for _, r := range rows {
		pos += int(r.label)
	}
	t.Logf("%d pages, %d paragraphs, %d furniture", len(pages), len(rows), pos)
	// Pages hold far more furniture paragraphs than story ones; the story's
	// weigh as much in total, so that cutting story text costs what it
	// should.
	for k := range rows {
		if rows[k].label == 0 {
			rows[k].weight = float64(pos) / float64(max(1, len(rows)-pos))
		}
	}
	w := fitLogistic(rows, 1e-3, 3000)
	logFit(t, rows, w, pos)
	require.NoError(t, writeLineModel(filepath.Join("..", "..", "rules", "en", "boilerplate.yaml"), ruleBPLineModelHTML,
		fmt.Sprintf("the %d pages of aeb-scrapinghub (%d paragraphs, %d of them furniture; trafilatura-en and L3S-GN1 held out)", len(pages), len(rows), pos), w))
}

// writeLineModel rewrites the fitted block of the boilerplate pack.
func writeLineModel(path, id, what string, w []float64) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	begin, end := "  # BEGIN fitted "+id, "  # END fitted "+id
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s: the markers of the fitted block %s are missing", path, id)
	}
	var b strings.Builder
	b.WriteString(begin + " (make fit-furniture rewrites this block)\n")
	fmt.Fprintf(&b, "  - id: %s\n    kind: table\n    weight: 0.95\n", id)
	fmt.Fprintf(&b, "    description: 'Line model: logistic weights of the paragraph features, fitted on %s. A paragraph whose probability reaches min_probability (min_probability_sentence for a sentence of sentence_words words or more, or any line of sentence_words_unpunctuated) gets that probability, up to the weight, as evidence.'\n", what)
	// The thresholds are chosen, not fitted: keep the pack's.
	b.WriteString("    params:\n")
	params := ruleset.MustDefault().Rule(id).Params
	for _, name := range slices.Sorted(maps.Keys(params)) {
		fmt.Fprintf(&b, "      %s: %s\n", name, strconv.FormatFloat(params[name], 'g', -1, 64))
	}
	b.WriteString("    entries:\n")
	for k, name := range lineFeatureNames {
		fmt.Fprintf(&b, "      %s: \"%.3f\"\n", name, w[k])
	}
	s = s[:i] + b.String() + s[j:]
	return os.WriteFile(path, []byte(s), 0o644)
}
