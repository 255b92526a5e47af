package rewrite

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// msrpPair is one labelled sentence pair of the Microsoft Research
// Paraphrase Corpus.
type msrpPair struct {
	a, b       string
	paraphrase bool
}

// readMSRP reads a pair file: UTF-8 with a byte-order mark, tab-separated,
// a header line, then Quality, #1 ID, #2 ID, #1 String, #2 String.
func readMSRP(t testing.TB, path string) []msrpPair {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []msrpPair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Len(t, cols, 5, "%s line %d", path, line+1)
		out = append(out, msrpPair{a: cols[3], b: cols[4], paraphrase: cols[0] == "1"})
	}
	require.NoError(t, sc.Err())
	return out
}

// classify returns accuracy and F1 (of the paraphrase class) of "similarity
// >= threshold" on pairs with the given similarities.
func classify(pairs []msrpPair, sims []float64, threshold float64) (acc, f1 float64) {
	tp, fp, fn, right := 0, 0, 0, 0
	for i, p := range pairs {
		yes := sims[i] >= threshold
		switch {
		case yes && p.paraphrase:
			tp++
		case yes:
			fp++
		case p.paraphrase:
			fn++
		}
		if yes == p.paraphrase {
			right++
		}
	}
	acc = float64(right) / float64(len(pairs))
	if tp > 0 {
		prec, rec := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
		f1 = 2 * prec * rec / (prec + rec)
	}
	return acc, f1
}

// bestThreshold picks the threshold with the best accuracy on the given
// pairs, trying each distinct similarity.
func bestThreshold(pairs []msrpPair, sims []float64) float64 {
	cands := append([]float64(nil), sims...)
	sort.Float64s(cands)
	best, bestAcc := 0.0, -1.0
	for i, th := range cands {
		if i > 0 && th == cands[i-1] {
			continue
		}
		if acc, _ := classify(pairs, sims, th); acc > bestAcc {
			best, bestAcc = th, acc
		}
	}
	return best
}

// TestMSRP measures the aligner's sentence similarity as a paraphrase
// classifier: the threshold is chosen on the training pairs, accuracy and
// F1 are measured on the test pairs. Published non-neural figures on the
// test set: always "paraphrase" 66.5 % / 79.9; Mihalcea et al. 2006
// 70.3 / 81.3; Wan et al. 2006 75.6 / 83.0.
func TestMSRP(t *testing.T) {
	dir := evaldata.Dir(t, "msrp")
	train := readMSRP(t, filepath.Join(dir, "msr_paraphrase_train.txt"))
	test := readMSRP(t, filepath.Join(dir, "msr_paraphrase_test.txt"))
	require.Len(t, train, 4076)
	require.Len(t, test, 1725)
	d, err := NewDetector(nil)
	require.NoError(t, err)
	score := func(pairs []msrpPair) []float64 {
		out := make([]float64, len(pairs))
		for i, p := range pairs {
			out[i] = d.SentenceSimilarity(p.a, p.b)
		}
		return out
	}
	trainSims, testSims := score(train), score(test)
	th := bestThreshold(train, trainSims)
	trainAcc, trainF1 := classify(train, trainSims, th)
	acc, f1 := classify(test, testSims, th)
	t.Logf("threshold %.4f (chosen on train: accuracy %.1f%%, F1 %.1f)", th, 100*trainAcc, 100*trainF1)
	t.Logf("test: accuracy %.1f%%, F1 %.1f", 100*acc, 100*f1)
	assert.GreaterOrEqual(t, acc, 0.72, "test accuracy")
	assert.GreaterOrEqual(t, f1, 0.815, "test F1")
}
