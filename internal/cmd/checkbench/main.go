// Command checkbench measures the whole pipeline (checker.Check) on a
// generated batch: it generates N articles with planted copies and
// rewrites (internal/benchcorpus), checks them, and prints how long each
// stage took, the peak memory, and what the report holds.
//
//	checkbench -n 10000
//	checkbench -n 10000 -max-seconds 30 -max-rss-mib 2048
//	checkbench -feed fixtures -n 2000 -max-stage conflicts=2
//	checkbench -n 1000 -cpuprofile cpu.out
//
// With budgets it exits 1, naming each one broken; make bench-check runs it
// so.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checkbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10000, "articles in the batch")
	seed := fs.Uint64("seed", 1, "corpus seed")
	workers := fs.Int("workers", 0, "goroutines (default: one per CPU)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the check to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile, taken when the check ends, to this file")
	maxSeconds := fs.Float64("max-seconds", 0, "fail (exit 1) when the whole check takes longer than this many seconds; 0: no budget")
	maxRSSMiB := fs.Float64("max-rss-mib", 0, "fail (exit 1) when peak resident memory exceeds this many MiB; 0: no budget")
	var stageBudgets budgetFlag
	fs.Var(&stageBudgets, "max-stage", "fail (exit 1) when a stage takes longer than its budget: STAGE=SECONDS, repeatable (e.g. conflicts=2)")
	feed := fs.String("feed", "", "instead of the generated corpus, check a mixed feed of many stories built from the batches in this folder (such as fixtures): see benchcorpus.Feed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var arts []checker.Article
	if *feed != "" {
		batches, err := readBatches(*feed)
		if err != nil {
			fmt.Fprintf(stderr, "checkbench: %v\n", err)
			return 1
		}
		for _, a := range benchcorpus.Feed(batches, *n, *seed) {
			arts = append(arts, checker.Article{ID: a.ID, Text: a.Text})
		}
	} else {
		opts := benchcorpus.DefaultOptions(*n)
		opts.Seed = *seed
		corpus := benchcorpus.Generate(opts)
		arts = make([]checker.Article, len(corpus.Articles))
		for i, a := range corpus.Articles {
			arts[i] = checker.Article{ID: a.ID, Text: a.Text}
			if !a.Published.IsZero() {
				arts[i].Published = a.Published.Format(time.RFC3339)
			}
		}
	}
	c, err := checker.New(nil)
	if err != nil {
		fmt.Fprintf(stderr, "checkbench: %v\n", err)
		return 1
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "checkbench: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "checkbench: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}

	// Stages report progress as they start and finish; a stage's time runs
	// from its first report to the first report of the next stage.
	var mu sync.Mutex
	var order []string
	began := map[string]time.Time{}
	start := time.Now()
	progress := func(p checker.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if _, seen := began[p.Stage]; !seen {
			began[p.Stage] = time.Now()
			order = append(order, p.Stage)
		}
	}
	rep, err := c.Check(context.Background(), arts, checker.Options{Workers: *workers, Progress: progress})
	total := time.Since(start)
	if *memProfile != "" {
		if f, perr := os.Create(*memProfile); perr == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "checkbench: %v\n", err)
		return 1
	}
	words := rep.Summary.Words
	fmt.Fprintf(stdout, "articles %d (%d words)\n", len(arts), words)
	fmt.Fprintf(stdout, "  seconds: %.2f total, %.0f words/s\n", total.Seconds(), float64(words)/total.Seconds())
	var over []string
	for i, st := range order {
		end := start.Add(total)
		if i+1 < len(order) {
			end = began[order[i+1]]
		}
		secs := end.Sub(began[st]).Seconds()
		fmt.Fprintf(stdout, "    %-11s %6.2f\n", st, secs)
		if b, ok := stageBudgets[st]; ok && secs > b {
			over = append(over, fmt.Sprintf("stage %s took %.2f s, over its budget of %.2f s", st, secs, b))
		}
	}
	rss := maxRSS()
	fmt.Fprintf(stdout, "  peak memory (max RSS): %.0f MiB\n", rss)
	fmt.Fprintf(stdout, "  report: %d pairs, %d clusters, %d claims, %d conflicts, %d differences\n", len(rep.Duplicates), len(rep.Clusters), len(rep.Claims), len(rep.Conflicts), len(rep.Differences))
	if *maxSeconds > 0 && total.Seconds() > *maxSeconds {
		over = append(over, fmt.Sprintf("the check took %.2f s, over its budget of %.0f s", total.Seconds(), *maxSeconds))
	}
	if *maxRSSMiB > 0 && rss > *maxRSSMiB {
		over = append(over, fmt.Sprintf("peak memory %.0f MiB is over its budget of %.0f MiB", rss, *maxRSSMiB))
	}
	for st := range stageBudgets {
		if _, ran := began[st]; !ran {
			over = append(over, fmt.Sprintf("no stage %q ran; stages: %v", st, order))
		}
	}
	sort.Strings(over)
	for _, o := range over {
		fmt.Fprintf(stderr, "checkbench: %s\n", o)
	}
	if len(over) > 0 {
		return 1
	}
	return 0
}

// budgetFlag collects -max-stage STAGE=SECONDS budgets.
type budgetFlag map[string]float64

func (b *budgetFlag) String() string { return fmt.Sprint(map[string]float64(*b)) }

func (b *budgetFlag) Set(v string) error {
	name, secs, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("want STAGE=SECONDS, got %q", v)
	}
	f, err := strconv.ParseFloat(secs, 64)
	if err != nil || f <= 0 {
		return fmt.Errorf("want a positive number of seconds in %q", v)
	}
	if *b == nil {
		*b = budgetFlag{}
	}
	(*b)[name] = f
	return nil
}

// maxRSS returns the process's peak resident memory in MiB.
func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}

// readBatches reads the .txt articles of every batch folder directly under
// dir (golden reports and blind batches left out), in name order.
func readBatches(dir string) ([][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "golden" || e.Name() == "blind" {
			continue
		}
		files, err := filepath.Glob(filepath.Join(dir, e.Name(), "*.txt"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		var batch []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			batch = append(batch, string(b))
		}
		if len(batch) > 0 {
			out = append(out, batch)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no batch folders with .txt articles", dir)
	}
	return out, nil
}
