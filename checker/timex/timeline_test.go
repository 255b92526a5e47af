package timex

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// phrase is one sentence holding a gold event, with the date the gold
// timeline anchors the event to and the article's creation date.
type phrase struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
	Ref  string `json:"ref"`
	gold string
}

var (
	dctPattern      = regexp.MustCompile(`functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})`)
	sentencePattern = regexp.MustCompile(`<s id="(\d+)">(.*?)</s>`)
	goldDay         = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	mentionPattern  = regexp.MustCompile(`^(\d+)-(\d+)-`)
)

// detokenise undoes the corpus's space-separated tokens ("March 01 , 2008",
// "Boeing 's", "“ quoted ”") so every tool reads ordinary prose.
func detokenise(s string) string {
	r := strings.NewReplacer("``", "“", "''", "”", "-LRB-", "(", "-RRB-", ")", "&amp;", "&", "&quot;", `"`, "&lt;", "<", "&gt;", ">")
	s = r.Replace(s)
	s = regexp.MustCompile(` ([,.;:!?%)\]”]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b)`).ReplaceAllString(s, "$1")
	s = regexp.MustCompile(`([(\[“$]) `).ReplaceAllString(s, "$1")
	return s
}

// timelinePhrases reads every gold event anchored to a full date: its
// sentence, its document's creation date and the gold date. A sentence
// holding several events with the same date counts once.
func timelinePhrases(t *testing.T, dir string) []phrase {
	corpora, err := filepath.Glob(filepath.Join(dir, "corpus_*"))
	require.NoError(t, err)
	var out []phrase
	seen := map[string]bool{}
	for _, corpus := range corpora {
		docs := map[string]string{} // doc id → file
		files, _ := filepath.Glob(filepath.Join(corpus, "corpus_trackA_TimeML", "*.tml"))
		for _, f := range files {
			docs[strings.SplitN(filepath.Base(f), "_", 2)[0]] = f
		}
		type docText struct {
			dct   string
			sents map[string]string
		}
		cache := map[string]*docText{}
		load := func(id string) *docText {
			if d, ok := cache[id]; ok {
				return d
			}
			data, err := os.ReadFile(docs[id])
			require.NoError(t, err)
			d := &docText{sents: map[string]string{}}
			if m := dctPattern.FindSubmatch(data); m != nil {
				d.dct = string(m[1])
			}
			for _, m := range sentencePattern.FindAllSubmatch(data, -1) {
				d.sents[string(m[1])] = detokenise(string(m[2]))
			}
			cache[id] = d
			return d
		}
		golds, _ := filepath.Glob(filepath.Join(corpus, "TimeLines_Gold_Standard", "*.txt"))
		sort.Strings(golds)
		for _, g := range golds {
			data, err := os.ReadFile(g)
			require.NoError(t, err)
			for _, line := range strings.Split(string(data), "\n")[1:] {
				f := strings.Split(strings.TrimSpace(line), "\t")
				if len(f) < 3 || !goldDay.MatchString(f[1]) {
					continue
				}
				for _, mention := range f[2:] {
					m := mentionPattern.FindStringSubmatch(mention)
					if m == nil || docs[m[1]] == "" {
						continue
					}
					d := load(m[1])
					key := m[1] + "/" + m[2] + "/" + f[1]
					if seen[key] || d.dct == "" || d.sents[m[2]] == "" {
						continue
					}
					seen[key] = true
					out = append(out, phrase{ID: len(out), Text: d.sents[m[2]], Ref: d.dct, gold: f[1]})
				}
			}
		}
	}
	return out
}

// ourAnswers resolves each phrase with FindAll and Resolve: the first
// expression that resolves to a single day.
func ourAnswers(r *Reader, ps []phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		ref, _ := time.Parse("2006-01-02", p.Ref)
		rd := Date{Year: ref.Year(), Month: int(ref.Month()), Day: ref.Day()}
		for _, e := range r.FindAll(p.Text) {
			if rg, ok := e.Resolve(rd); ok {
				if d, one := rg.SingleDay(); one {
					out[i] = d.String()
					break
				}
			}
		}
	}
	return out
}

// peerAnswers runs a peer command over the phrases as JSON Lines.
func peerAnswers(t *testing.T, ps []phrase, env []string, name string, args ...string) []string {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, p := range ps {
		require.NoError(t, enc.Encode(p))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outb, err := cmd.Output()
	require.NoError(t, err, "%s: %s", name, stderr.String())
	out := make([]string, len(ps))
	sc := bufio.NewScanner(bytes.NewReader(outb))
	for sc.Scan() {
		var rec struct {
			ID   int    `json:"id"`
			Date string `json:"date"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
		out[rec.ID] = rec.Date
	}
	return out
}

// score counts: right with the creation date as fallback; right on the
// events not dated to the creation day; how many phrases got an answer and
// how many of those answers were right.
func score(ps []phrase, answers []string) string {
	right, hard, hardRight, found, foundRight := 0, 0, 0, 0, 0
	for i, p := range ps {
		a := answers[i]
		if a != "" {
			found++
			if a == p.gold {
				foundRight++
			}
		} else {
			a = p.Ref
		}
		if a == p.gold {
			right++
		}
		if p.gold != p.Ref {
			hard++
			if a == p.gold {
				hardRight++
			}
		}
	}
	pct := func(a, b int) string { return fmt.Sprintf("%d/%d = %.1f%%", a, b, 100*float64(a)/float64(max(b, 1))) }
	return fmt.Sprintf("gold date (creation date when nothing found): %s; events not on the creation day: %s; phrases with an answer: %d, right: %s",
		pct(right, len(ps)), pct(hardRight, hard), found, pct(foundRight, found))
}

// TestTimelineDates measures date resolution on the SemEval-2015 TimeLine
// gold events (Wikinews): for each sentence holding an event anchored to a
// full date, is the first date resolved in it, against the article's
// creation date, the gold date? The same phrases go to chrono-node and to
// dateparser when they are installed (see docs/benchmarks.md). Figures go
// in docs/benchmarks.md.
func TestTimelineDates(t *testing.T) {
	dir := evaldata.Dir(t, "semeval2015-timeline")
	ps := timelinePhrases(t, dir)
	require.Greater(t, len(ps), 200)
	r := testReader(t)
	ours := ourAnswers(r, ps)
	t.Logf("phrases: %d", len(ps))
	t.Logf("crosscheck timex: %s", score(ps, ours))

	if node, err := exec.LookPath("node"); err == nil {
		script := filepath.Join("..", "..", "scripts", "peers", "chrono", "resolve.mjs")
		if _, err := os.Stat(filepath.Join("..", "..", "scripts", "peers", "chrono", "node_modules", "chrono-node")); err == nil {
			t.Logf("chrono-node: %s", score(ps, peerAnswers(t, ps, []string{"TZ=UTC"}, node, script)))
		} else {
			t.Log("chrono-node: skipped (run npm ci in scripts/peers/chrono)")
		}
	}
	py := "/usr/bin/python3"
	if out, err := exec.Command(py, "-c", "import dateparser").CombinedOutput(); err == nil {
		script := filepath.Join("..", "..", "scripts", "peers", "dateparser_peer.py")
		t.Logf("dateparser: %s", score(ps, peerAnswers(t, ps, nil, py, script)))
	} else {
		t.Logf("dateparser: skipped (apt-get install python3-dateparser): %s", strings.TrimSpace(string(out)))
	}
	// Our own figure must not fall below what was measured when it was
	// written (see docs/benchmarks.md).
	right := 0
	for i, p := range ps {
		a := ours[i]
		if a == "" {
			a = p.Ref
		}
		if a == p.gold {
			right++
		}
	}
	require.GreaterOrEqual(t, float64(right)/float64(len(ps)), 0.62)
}
