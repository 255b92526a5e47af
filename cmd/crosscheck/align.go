package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/render"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// runAlign compares two articles: it says whether one copies or rewrites
// the other, which is the original and why, and prints them side by side
// with the changes marked.
func runAlign(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	_ = stdin
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text (side by side) or json")
	width := fs.Int("width", 0, "line width for text output (default: the terminal's, or 120)")
	var dirs multiFlag
	fs.Var(&dirs, "rules", "folder of rule packs that add to or override the built-in rules (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: crosscheck align [flags] ARTICLE_A ARTICLE_B\n\n"+
			"Aligns two articles sentence by sentence. When one copies or rewrites the other,\n"+
			"the original is shown on the left when the evidence says which it is, with the\n"+
			"evidence; otherwise A is on the left. Each file holds one article (.txt, .md, .html).\n\n"+
			"Flags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "crosscheck align: give exactly two article files")
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "crosscheck align: unknown --format %q (text or json)\n", *format)
		return exitUsage
	}
	set, err := ruleset.Load(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	c, err := checker.New(set)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	var arts []checker.Article
	for _, path := range fs.Args() {
		loaded, rejected, err := ingest.LoadPaths([]string{path}, nil, ingest.Options{Rules: set})
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
			return exitUsage
		}
		for _, e := range rejected {
			fmt.Fprintf(stderr, "crosscheck align: %s\n", e.Error())
		}
		if len(loaded) != 1 {
			fmt.Fprintf(stderr, "crosscheck align: %s: want one article, found %d\n", path, len(loaded))
			return exitUsage
		}
		arts = append(arts, loaded[0])
	}
	out, err := c.Align(context.Background(), arts[0], arts[1])
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}

	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	color := isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	w := *width
	if w == 0 {
		if f, ok := stdout.(*os.File); ok && isTerminal(stdout) {
			if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
				w = cols
			}
		}
	}
	if out.Pair {
		fmt.Fprintf(stdout, "%s %s of %s (direction %s, similarity %.2f, rewrite score %.2f)\n", out.Rewrite.ID, out.Kind, out.Original.ID, out.Direction, out.Similarity, out.RewriteScore)
		for _, e := range out.Evidence {
			fmt.Fprintf(stdout, "  %+.2f %s: %s [%s]\n", e.Weight, e.Article, e.Message, e.Rule)
		}
	} else {
		fmt.Fprintf(stdout, "%s and %s are not copies or rewrites of each other; their closest sentences:\n", out.Original.ID, out.Rewrite.ID)
	}
	fmt.Fprintln(stdout)
	od, rd := out.Documents()
	err = render.Align(stdout, render.AlignSide{ID: out.Original.ID, Doc: od}, render.AlignSide{ID: out.Rewrite.ID, Doc: rd}, out.Steps(), render.AlignOptions{Color: color, Width: w})
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	return exitOK
}
