package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/checker/gate"
	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/render"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// byteSize is a flag holding a size such as "10MiB", "12MB" or "500000".
type byteSize int64

func (b *byteSize) String() string { return ingest.HumanBytes(int64(*b)) }

var sizePattern = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$`)

func (b *byteSize) Set(v string) error {
	m := sizePattern.FindStringSubmatch(strings.ToLower(v))
	if m == nil {
		return fmt.Errorf("%q is not a size (try 10MiB, 500KB or 1048576)", v)
	}
	n, _ := strconv.ParseFloat(m[1], 64)
	unit := map[string]float64{"": 1, "b": 1,
		"k": 1 << 10, "kb": 1e3, "kib": 1 << 10, "ki": 1 << 10,
		"m": 1 << 20, "mb": 1e6, "mib": 1 << 20, "mi": 1 << 20,
		"g": 1 << 30, "gb": 1e9, "gib": 1 << 30, "gi": 1 << 30}[m[2]]
	if n*unit < 1 {
		return fmt.Errorf("%q is too small", v)
	}
	if n*unit > 1<<40 {
		return fmt.Errorf("%q is too large (at most 1TiB)", v)
	}
	*b = byteSize(n * unit)
	return nil
}

type checkFlags struct {
	format   string
	out      string
	maxBytes byteSize
	rules    multiFlag
	workers  int
	failOn   string
	policy   string
}

func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *checkFlags) {
	cf := &checkFlags{maxBytes: ingest.DefaultMaxBytes}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cf.format, "format", "", "report format: json, text, markdown or html (default: text on a terminal, json otherwise)")
	fs.StringVar(&cf.out, "out", "", "write the report to this file instead of standard output")
	fs.Var(&cf.maxBytes, "max-bytes", "per-article size limit, such as 10MiB or 500KB; larger inputs are rejected")
	fs.Var(&cf.rules, "rules", "folder of rule packs that add to or override the built-in rules (repeatable)")
	fs.IntVar(&cf.workers, "workers", 0, "goroutines to use (default: one per CPU)")
	fs.StringVar(&cf.failOn, "fail-on", "", "exit 1 when any of these comma-separated conditions holds: conflict, rewrite, rejected,\nor a score test for any article such as boilerplate>0.3, speculation>0.5, off_topic>0.2, reliability<0.6")
	fs.StringVar(&cf.policy, "policy", "", "YAML file whose fail_on list holds gate conditions (added to --fail-on)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: crosscheck check [flags] PATH...\n\n"+
			"Checks a batch of articles: each PATH is a file, a folder (its .txt, .md,\n"+
			".html and .jsonl files, sorted by name), or - for JSON Lines on standard input.\n\n"+
			"Flags:\n")
		fs.PrintDefaults()
	}
	return fs, cf
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, cf := newCheckFlags(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "crosscheck check: no PATH given (a file, a folder, or - for JSON Lines on stdin)")
		fs.Usage()
		return exitUsage
	}
	format := cf.format
	if format == "" {
		format = "json"
		if cf.out == "" && isTerminal(stdout) {
			format = "text"
		}
	}
	if _, ok := renderers[format]; !ok {
		fmt.Fprintf(stderr, "crosscheck check: unknown --format %q (%s)\n", format, formatNames())
		return exitUsage
	}
	var gates []gate.Condition
	if cf.failOn != "" {
		g, err := gate.Parse(cf.failOn)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck check: --fail-on: %v\n", err)
			return exitUsage
		}
		gates = append(gates, g...)
	}
	if cf.policy != "" {
		g, err := gate.LoadPolicy(cf.policy)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck check: --policy: %v\n", err)
			return exitUsage
		}
		gates = append(gates, g...)
	}
	set, err := ruleset.Load(cf.rules...)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck check: %v\n", err)
		return exitUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	arts, rejected, err := checker.LoadPaths(paths, stdin, checker.LoadOptions{MaxBytes: int64(cf.maxBytes), Rules: set})
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck check: %v\n", err)
		return exitUsage
	}
	opts := checker.Options{Rules: set, Workers: cf.workers, MaxBytes: int64(cf.maxBytes), Rejected: rejected}
	if isTerminal(stderr) {
		bar := newProgressBar(stderr, time.Second)
		opts.Progress = bar.update
		defer bar.finish()
	}
	rep, err := checker.Check(ctx, arts, opts)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck check: %v\n", err)
		return exitUsage
	}
	if err := writeReport(rep, format, cf.out, stdout); err != nil {
		fmt.Fprintf(stderr, "crosscheck check: %v\n", err)
		return exitUsage
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "crosscheck: rejected %s: %s\n", e.Input, e.Error)
	}
	if len(rep.Articles) == 0 {
		fmt.Fprintln(stderr, "crosscheck check: no article could be read")
		return exitUsage
	}
	if failures := gate.Evaluate(rep, gates); len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintf(stderr, "crosscheck: gate failed: %s\n", f)
		}
		return exitGate
	}
	if len(rep.Errors) > 0 {
		return exitRejected
	}
	return exitOK
}

// renderers write a report in each --format; color is set on a terminal
// that allows it.
var renderers = map[string]func(w io.Writer, r *report.Report, color bool) error{
	"json": func(w io.Writer, r *report.Report, _ bool) error { return render.JSON(w, r) },
	"text": func(w io.Writer, r *report.Report, color bool) error {
		return render.Text(w, r, render.TextOptions{Color: color})
	},
	"markdown": func(w io.Writer, r *report.Report, _ bool) error { return render.Markdown(w, r) },
	"html":     func(w io.Writer, r *report.Report, _ bool) error { return render.HTML(w, r) },
}

func formatNames() string {
	names := make([]string, 0, len(renderers))
	for k := range renderers {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// writeReport renders the report to out, or to stdout when out is "". A
// file is written whole or not at all.
func writeReport(rep *report.Report, format, out string, stdout io.Writer) error {
	render1 := func(w io.Writer, color bool) error { return renderers[format](w, rep, color) }
	if out == "" {
		return render1(stdout, isTerminal(stdout) && os.Getenv("NO_COLOR") == "")
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".crosscheck-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := render1(tmp, false); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private; a report is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}
