// Command rewritebench measures the rewrite stage on a generated corpus:
// it generates N articles with planted copies and rewrites (see
// internal/benchcorpus), segments them, runs detection, and prints the
// candidate recall of the sketch stage, the precision and recall of the
// pairs found, the seconds each step took and the peak memory.
//
//	rewritebench -n 10000,20000          measure, and compare the two sizes
//	rewritebench -n 10000 -dump DIR      also write the corpus as DIR/*.txt and DIR/truth.tsv
//	rewritebench -score PAIRS -dump DIR  score pairs found by another tool (two file names a line)
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rewritebench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "10000", "corpus sizes to measure, comma-separated")
	seed := fs.Uint64("seed", 1, "corpus seed")
	workers := fs.Int("workers", 0, "goroutines (default: one per CPU)")
	dump := fs.String("dump", "", "write the (first) corpus to this folder as one .txt per article plus truth.tsv")
	score := fs.String("score", "", "score the pairs in this file (two article file names per line) against the corpus in -dump")
	rulesDir := fs.String("rules", "", "folder of rule packs that override the built-in rules")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured runs to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "rewritebench: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "rewritebench: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 20 {
			fmt.Fprintf(stderr, "rewritebench: bad size %q\n", s)
			return 2
		}
		ns = append(ns, n)
	}
	if *score != "" {
		if *dump == "" {
			fmt.Fprintln(stderr, "rewritebench: -score needs -dump (the folder holding truth.tsv)")
			return 2
		}
		if err := scorePeer(*score, *dump, stdout); err != nil {
			fmt.Fprintf(stderr, "rewritebench: %v\n", err)
			return 1
		}
		return 0
	}
	var secs []float64
	for k, n := range ns {
		opts := benchcorpus.DefaultOptions(n)
		opts.Seed = *seed
		corpus := benchcorpus.Generate(opts)
		if k == 0 && *dump != "" {
			if err := writeCorpus(corpus, *dump); err != nil {
				fmt.Fprintf(stderr, "rewritebench: %v\n", err)
				return 1
			}
		}
		s, err := measure(corpus, *rulesDir, *workers, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "rewritebench: %v\n", err)
			return 1
		}
		secs = append(secs, s)
	}
	for k := 1; k < len(ns); k++ {
		fmt.Fprintf(stdout, "scaling: %d articles took %.2fx the time of %d (%.1fx the articles)\n",
			ns[k], secs[k]/secs[0], ns[0], float64(ns[k])/float64(ns[0]))
	}
	return 0
}

// measure runs the stage on corpus and prints its figures; it returns the
// seconds detection took, segmentation included.
func measure(corpus *benchcorpus.Corpus, rulesDir string, workers int, w io.Writer) (float64, error) {
	runtime.GC()
	ctx := context.Background()
	var dirs []string
	if rulesDir != "" {
		dirs = append(dirs, rulesDir)
	}
	set, err := ruleset.Load(dirs...)
	if err != nil {
		return 0, err
	}
	det, err := rewrite.NewDetector(set)
	if err != nil {
		return 0, err
	}
	n := len(corpus.Articles)
	words := 0
	start := time.Now()
	in := make([]rewrite.Input, n)
	parseAll(corpus, in, workers)
	for _, a := range in {
		words += a.Doc.Words()
	}
	parsed := time.Since(start)
	res, err := det.Detect(ctx, in, workers)
	if err != nil {
		return 0, err
	}
	total := time.Since(start)

	cands, err := det.Candidates(ctx, in, workers)
	if err != nil {
		return 0, err
	}
	truth := corpus.Truth()
	candHit := 0
	for _, c := range cands {
		if _, ok := truth[c]; ok {
			candHit++
		}
	}
	found, hit, directed, known := 0, 0, 0, 0
	missedKinds := map[string]int{}
	seen := map[[2]int]bool{}
	for _, p := range res.Pairs {
		key := [2]int{min(p.Original, p.Rewrite), max(p.Original, p.Rewrite)}
		found++
		if t, ok := truth[key]; ok {
			hit++
			seen[key] = true
			if p.Direction == rewrite.DirectionKnown {
				known++
				if p.Original == t.Original {
					directed++
				}
			}
		}
	}
	for key, t := range truth {
		if !seen[key] {
			missedKinds[t.Kind]++
		}
	}
	precision, recall := ratio(hit, found), ratio(hit, len(truth))
	fmt.Fprintf(w, "articles %d (%d words, %d planted pairs)\n", n, words, len(truth))
	fmt.Fprintf(w, "  candidates %d, candidate recall %.4f\n", len(cands), ratio(candHit, len(truth)))
	fmt.Fprintf(w, "  pairs found %d, precision %.4f, recall %.4f\n", found, precision, recall)
	fmt.Fprintf(w, "  direction known for %d of %d found planted pairs, right in %d\n", known, hit, directed)
	if len(missedKinds) > 0 {
		fmt.Fprintf(w, "  missed by kind: %v\n", missedKinds)
	}
	fmt.Fprintf(w, "  seconds: %.2f total (segmenting %.2f, detection %.2f); CPU seconds so far %.2f\n", total.Seconds(), parsed.Seconds(), (total - parsed).Seconds(), cpuSeconds())
	fmt.Fprintf(w, "  peak memory (max RSS): %.0f MiB\n", peakRSSMiB())
	return total.Seconds(), nil
}

func parseAll(corpus *benchcorpus.Corpus, in []rewrite.Input, workers int) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	done := make(chan struct{})
	for range workers {
		go func() {
			for i := range next {
				a := corpus.Articles[i]
				in[i] = rewrite.Input{ID: a.ID, Doc: text.Parse(a.Text), Published: a.Published}
			}
			done <- struct{}{}
		}()
	}
	for i := range corpus.Articles {
		next <- i
	}
	close(next)
	for range workers {
		<-done
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// cpuSeconds is the user and system CPU time the process has used, a figure
// less sensitive than wall time to other work on a shared machine.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// peakRSSMiB is the process's peak resident set size.
func peakRSSMiB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}

// writeCorpus writes one file per article and truth.tsv (original and
// rewrite file names and the kind, one planted pair a line).
func writeCorpus(c *benchcorpus.Corpus, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, a := range c.Articles {
		if err := os.WriteFile(filepath.Join(dir, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	var b strings.Builder
	for _, p := range c.Planted {
		fmt.Fprintf(&b, "%s.txt\t%s.txt\t%s\n", c.Articles[p.Original].ID, c.Articles[p.Rewrite].ID, p.Kind)
	}
	return os.WriteFile(filepath.Join(dir, "truth.tsv"), []byte(b.String()), 0o644)
}

// scorePeer scores another tool's pairs (two file names per line, paths or
// base names) against dir/truth.tsv.
func scorePeer(pairsFile, dir string, w io.Writer) error {
	truth := map[[2]string]string{} // pair → planted kind
	tf, err := os.ReadFile(filepath.Join(dir, "truth.tsv"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(tf)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("truth.tsv: bad line %q", line)
		}
		truth[pairKey(f[0], f[1])] = f[2]
	}
	pf, err := os.Open(pairsFile)
	if err != nil {
		return err
	}
	defer pf.Close()
	found := map[[2]string]bool{}
	sc := bufio.NewScanner(pf)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || filepath.Base(f[0]) == filepath.Base(f[1]) {
			continue
		}
		found[pairKey(f[0], f[1])] = true
	}
	if err := sc.Err(); err != nil {
		return err
	}
	hit := 0
	for k := range found {
		if truth[k] != "" {
			hit++
		}
	}
	missed := map[string]int{}
	for k, kind := range truth {
		if !found[k] {
			missed[kind]++
		}
	}
	kinds := make([]string, 0, len(missed))
	for k := range missed {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, missed[k]))
	}
	fmt.Fprintf(w, "pairs %d, planted %d, precision %.4f, recall %.4f\n", len(found), len(truth), ratio(hit, len(found)), ratio(hit, len(truth)))
	if len(parts) > 0 {
		fmt.Fprintf(w, "  missed by kind: %s\n", strings.Join(parts, ", "))
	}
	return nil
}

func pairKey(a, b string) [2]string {
	a, b = filepath.Base(a), filepath.Base(b)
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}
