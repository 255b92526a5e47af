package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/crosscheck-news/crosscheck/checker"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/render"
	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
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
	det, err := rewrite.NewDetector(set)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	var in []rewrite.Input
	for _, path := range fs.Args() {
		arts, rejected, err := ingest.LoadPaths([]string{path}, nil, ingest.Options{Rules: set})
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
			return exitUsage
		}
		for _, e := range rejected {
			fmt.Fprintf(stderr, "crosscheck align: %s\n", e.Error())
		}
		if len(arts) != 1 {
			fmt.Fprintf(stderr, "crosscheck align: %s: want one article, found %d\n", path, len(arts))
			return exitUsage
		}
		a := arts[0]
		input := rewrite.Input{ID: a.ID, Doc: text.Parse(a.Text)}
		input.Published = checker.PublishedTime(a.Published)
		in = append(in, input)
	}

	res, err := det.Detect(context.Background(), in, 0)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	out := alignOutput{Pair: len(res.Pairs) > 0, Direction: rewrite.DirectionUnknown, Evidence: []alignEvidence{}}
	orig, rew := 0, 1
	var al rewrite.Alignment
	if out.Pair {
		p := res.Pairs[0]
		orig, rew = p.Original, p.Rewrite
		out.Direction, out.Kind, out.Similarity, al = p.Direction, p.Kind, p.Similarity, p.Alignment
		for _, e := range p.Evidence {
			side := "original"
			if e.Article == rew {
				side = "rewrite"
			}
			out.Evidence = append(out.Evidence, alignEvidence{Rule: e.Rule, Message: e.Message, Weight: e.Weight, Article: side, Span: e.Span, Text: in[e.Article].Doc.Slice(e.Span)})
		}
	} else {
		al = det.Align(in[0].Doc, in[1].Doc)
	}
	out.Original = alignArticle{ID: in[orig].ID, Path: fs.Arg(orig)}
	out.Rewrite = alignArticle{ID: in[rew].ID, Path: fs.Arg(rew)}
	out.RewriteScore = res.Articles[rew].RewriteScore
	out.Alignment = toAlignJSON(al, in[orig].Doc, in[rew].Doc)

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
		fmt.Fprintf(stdout, "%s %s of %s (direction %s, similarity %.2f, rewrite score %.2f)\n", in[rew].ID, out.Kind, in[orig].ID, out.Direction, out.Similarity, out.RewriteScore)
		for _, e := range out.Evidence {
			fmt.Fprintf(stdout, "  %+.2f %s: %s [%s]\n", e.Weight, e.Article, e.Message, e.Rule)
		}
	} else {
		fmt.Fprintf(stdout, "%s and %s are not copies or rewrites of each other; their closest sentences:\n", in[0].ID, in[1].ID)
	}
	fmt.Fprintln(stdout)
	err = render.Align(stdout, render.AlignSide{ID: in[orig].ID, Doc: in[orig].Doc}, render.AlignSide{ID: in[rew].ID, Doc: in[rew].Doc}, al, render.AlignOptions{Color: color, Width: w})
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck align: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// alignOutput is the JSON shape of `crosscheck align --format json`.
type alignOutput struct {
	Pair         bool            `json:"pair"`
	Kind         string          `json:"kind"`
	Direction    string          `json:"direction"`
	Similarity   float64         `json:"similarity"`
	RewriteScore float64         `json:"rewrite_score"`
	Original     alignArticle    `json:"original"`
	Rewrite      alignArticle    `json:"rewrite"`
	Evidence     []alignEvidence `json:"evidence"`
	Alignment    alignJSON       `json:"alignment"`
}

type alignArticle struct {
	ID   string `json:"id"`
	Path string `json:"path"`
}

type alignEvidence struct {
	Rule    string    `json:"rule"`
	Message string    `json:"message"`
	Weight  float64   `json:"weight"`
	Article string    `json:"article"`
	Span    text.Span `json:"span"`
	Text    string    `json:"text"`
}

type alignJSON struct {
	Pairs        []alignPairJSON `json:"pairs"`
	OriginalOnly []spanText      `json:"original_only"`
	RewriteOnly  []spanText      `json:"rewrite_only"`
}

type spanText struct {
	Span text.Span `json:"span"`
	Text string    `json:"text"`
}

type alignPairJSON struct {
	OriginalSentences []int      `json:"original_sentences"`
	RewriteSentences  []int      `json:"rewrite_sentences"`
	Original          spanText   `json:"original"`
	Rewrite           spanText   `json:"rewrite"`
	Similarity        float64    `json:"similarity"`
	Edits             []editJSON `json:"edits"`
}

type editJSON struct {
	Kind     string   `json:"kind"`
	Original spanText `json:"original"`
	Rewrite  spanText `json:"rewrite"`
}

func toAlignJSON(al rewrite.Alignment, orig, rew *text.Document) alignJSON {
	out := alignJSON{Pairs: []alignPairJSON{}, OriginalOnly: []spanText{}, RewriteOnly: []spanText{}}
	for _, p := range al.Pairs {
		jp := alignPairJSON{
			OriginalSentences: p.OriginalSentences, RewriteSentences: p.RewriteSentences,
			Original: spanText{p.Original, orig.Slice(p.Original)}, Rewrite: spanText{p.Rewrite, rew.Slice(p.Rewrite)},
			Similarity: p.Similarity, Edits: []editJSON{},
		}
		for _, e := range p.Edits {
			jp.Edits = append(jp.Edits, editJSON{Kind: e.Kind, Original: spanText{e.Original, e.OriginalText}, Rewrite: spanText{e.Rewrite, e.RewriteText}})
		}
		out.Pairs = append(out.Pairs, jp)
	}
	for _, s := range al.OriginalOnly {
		out.OriginalOnly = append(out.OriginalOnly, spanText{s, orig.Slice(s)})
	}
	for _, s := range al.RewriteOnly {
		out.RewriteOnly = append(out.RewriteOnly, spanText{s, rew.Slice(s)})
	}
	return out
}
