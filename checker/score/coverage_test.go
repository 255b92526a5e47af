package score

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// TestHedgeLexiconCoverage measures how much of three public hedge and
// weasel word lists our own cue rules cover. The lists are read in place
// (never copied): they check our lists, they do not replace them. An entry
// is covered exactly when a cue rule matches it as a whole, and partly when
// a cue rule matches inside it or one of our terms starts with it ("appear"
// against "appear to", which we write as a phrase on purpose). Figures go to
// docs/benchmarks.md.
func TestHedgeLexiconCoverage(t *testing.T) {
	dir := evaldata.Dir(t, "hedge-lexicons")
	sc := newScorer(t)
	var terms []string
	for _, c := range sc.spec.cues {
		for _, term := range c.rule.Terms {
			terms = append(terms, text.Fold(strings.TrimSpace(term)))
		}
	}
	lists := map[string]float64{ // list → the coverage it must keep
		"hedges-wooorm.txt":     0.35,
		"weasel-write-good.txt": 0.5,
		"hedging-proselint.txt": 1,
	}
	names := make([]string, 0, len(lists))
	for n := range lists {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		entries, err := text.ReadWordList(os.DirFS(dir), "plain/"+name)
		require.NoError(t, err)
		require.NotEmpty(t, entries)
		exact, partial := 0, 0
		var missed []string
		for _, e := range entries {
			switch cueCoverage(sc, terms, e) {
			case 2:
				exact++
			case 1:
				partial++
			default:
				missed = append(missed, e)
			}
		}
		n := float64(len(entries))
		t.Logf("%s: %d entries, exact %d (%.0f%%), partly %d (%.0f%%), covered %.0f%%; not covered: %s",
			name, len(entries), exact, 100*float64(exact)/n, partial, 100*float64(partial)/n,
			100*float64(exact+partial)/n, strings.Join(missed, ", "))
		assert.GreaterOrEqual(t, float64(exact+partial)/n, lists[name], name)
	}
}

// cueCoverage is 2 when a cue rule matches all of entry, 1 when one matches
// part of it or one of terms starts with it, 0 otherwise.
func cueCoverage(sc *Scorer, terms []string, entry string) int {
	entry = strings.TrimSpace(strings.TrimLeft(entry, ", "))
	doc := text.Parse(entry)
	whole := text.Span{Start: 0, End: len(doc.Text)}
	if len(doc.Tokens) > 0 {
		whole = text.Span{Start: doc.Tokens[0].Start, End: doc.Tokens[len(doc.Tokens)-1].End}
	}
	best := 0
	for _, c := range sc.spec.cues {
		var spans []text.Span
		if c.phrases != nil {
			spans = c.phrases.find(doc.Text, doc.Tokens)
		} else {
			for _, m := range c.rule.FindAll(doc.Text) {
				spans = append(spans, m.Span)
			}
		}
		for _, sp := range spans {
			if sp == whole {
				return 2
			}
			best = 1
		}
	}
	folded := text.Fold(entry)
	for _, term := range terms {
		if strings.HasPrefix(term, folded+" ") {
			best = max(best, 1)
		}
	}
	return best
}
