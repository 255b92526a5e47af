//go:build e2e

// Package e2e renders the seed batch's HTML report in headless Chromium and
// checks what a reader would see. Run it with `make test-e2e`; it needs
// Debian's chromium (which .ci/run installs) and skips without it.
package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/checker/render"
	"github.com/crosscheck-news/crosscheck/internal/domtest"
)

func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found; .ci/run installs Debian's chromium package")
	return ""
}

// headless runs Chromium on a local file with the flags this machine needs
// (no sandbox as root, no background network) and returns its stdout.
func headless(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), "chromium failed: %s", errOut.String())
	return out.Bytes()
}

func TestSeedReportInChromium(t *testing.T) {
	browser := chromium(t)
	t.Chdir("../..")
	arts, rejected, err := checker.LoadPaths([]string{"fixtures/canada-korea-mou"}, nil, checker.LoadOptions{})
	require.NoError(t, err)
	rep, err := checker.Check(context.Background(), arts, checker.Options{Rejected: rejected})
	require.NoError(t, err)

	outDir := os.Getenv("E2E_OUT")
	if outDir == "" {
		outDir = filepath.Join("out", "e2e")
	}
	require.NoError(t, os.MkdirAll(outDir, 0o755))
	page, err := filepath.Abs(filepath.Join(outDir, "seed-report.html"))
	require.NoError(t, err)
	f, err := os.Create(page)
	require.NoError(t, err)
	require.NoError(t, render.HTML(f, rep))
	require.NoError(t, f.Close())

	shot, err := filepath.Abs(filepath.Join(outDir, "seed-report.png"))
	require.NoError(t, err)
	headless(t, browser, "--screenshot="+shot, "--window-size=1400,2400", "file://"+page)
	st, err := os.Stat(shot)
	require.NoError(t, err, "no screenshot written")
	assert.Greater(t, st.Size(), int64(10_000), "the screenshot is suspiciously small")
	t.Logf("screenshot: %s", shot)

	dom := headless(t, browser, "--dump-dom", "file://"+page)
	doc, err := html.Parse(bytes.NewReader(dom))
	require.NoError(t, err)

	conflicts, pairs, scoreRows, evidence := 0, 0, 0, 0
	scoreCells := map[string]int{}
	var summary string
	domtest.Walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.Data == "article" && domtest.HasClass(n, "conflict"):
			conflicts++
		case n.Data == "article" && domtest.HasClass(n, "pair"):
			pairs++
		case n.Data == "tr" && domtest.HasClass(n, "score-row"):
			scoreRows++
		case n.Data == "td" && domtest.HasClass(n, "score") && strings.Contains(domtest.Text(n), "."):
			scoreCells[domtest.Attr(n, "data-score")]++
		case n.Data == "p" && domtest.Attr(n, "id") == "summary":
			summary = strings.Join(strings.Fields(domtest.Text(n)), " ")
		case n.Data == "mark" && domtest.HasClass(n, "evidence"):
			evidence++
			a := rep.Article(domtest.Attr(n, "data-article"))
			require.NotNil(t, a, "evidence names an unknown article")
			start, _ := strconv.Atoi(domtest.Attr(n, "data-start"))
			end, _ := strconv.Atoi(domtest.Attr(n, "data-end"))
			assert.Equal(t, a.Text[start:end], domtest.Text(n), "highlighted evidence must hold its span's text")
		}
	})
	assert.Equal(t, len(rep.Conflicts), conflicts, "one card per conflict")
	assert.Equal(t, len(rep.Duplicates), pairs, "one side-by-side view per rewrite pair")
	// The seed batch: one rewrite pair and three conflicts, every one of
	// them shown with its evidence.
	assert.Equal(t, 1, pairs, "the seed batch has one rewrite pair (002 rewritten as 000)")
	assert.Equal(t, 3, conflicts, "the seed batch has three conflicts")
	assert.GreaterOrEqual(t, evidence, 6, "each side of each conflict shows its evidence")
	for _, name := range []string{"reliability", "boilerplate", "off_topic", "speculation", "rewrite"} {
		assert.Equal(t, len(rep.Articles), scoreCells[name], "score %s shown for every article", name)
	}
	assert.Equal(t, len(rep.Articles), scoreRows, "one score row per article")
	assert.True(t, strings.HasPrefix(summary, strconv.Itoa(len(rep.Articles))+" articles"), "summary: %q", summary)
	t.Logf("DOM: %d conflicts, %d pairs, %d score rows, %d evidence marks; summary %q", conflicts, pairs, scoreRows, evidence, summary)
}
