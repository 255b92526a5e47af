package text

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

type goldenRule struct {
	ID       int      `json:"id"`
	Title    string   `json:"title"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

var spaceRun = regexp.MustCompile(`\s+`)

func squash(s string) string { return strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")) }

// TestGoldenRules measures the sentence splitter on the 52 English "Golden
// Rules" of pragmatic_segmenter (shared/evaldata/golden-rules-en). A case
// passes when the sentences match the expected list after collapsing runs of
// space. The score and the failing cases go in docs/benchmarks.md.
func TestGoldenRules(t *testing.T) {
	dir := evaldata.Dir(t, "golden-rules-en")
	f, err := os.Open(filepath.Join(dir, "golden_rules_en.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	var rules []goldenRule
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g goldenRule
		require.NoError(t, json.Unmarshal(sc.Bytes(), &g))
		rules = append(rules, g)
	}
	require.NoError(t, sc.Err())
	require.Len(t, rules, 52)

	passed := 0
	var failed []string
	for _, g := range rules {
		d := Parse(g.Input)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, squash(d.Slice(s.Span)))
		}
		var want []string
		for _, s := range g.Expected {
			want = append(want, squash(s))
		}
		if strings.Join(got, "\x00") == strings.Join(want, "\x00") {
			passed++
			continue
		}
		failed = append(failed, g.Title)
		t.Logf("golden rule %d (%s) failed:\n  got  %q\n  want %q", g.ID, g.Title, got, want)
	}
	t.Logf("golden rules passed: %d/%d; failed: %s", passed, len(rules), strings.Join(failed, "; "))
	require.GreaterOrEqual(t, passed, 48, "the splitter must pass at least 48 of the 52 golden rules")
}
