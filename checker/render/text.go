// Package render writes a report in the formats people and programs read:
// JSON (the contract), and a plain-text summary for terminals.
package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

// JSON writes the report as indented JSON; see report.Report.WriteJSON.
func JSON(w io.Writer, r *report.Report) error { return r.WriteJSON(w) }

// TextOptions control the plain-text summary.
type TextOptions struct {
	// Color adds ANSI colours, for terminals.
	Color bool
}

type painter struct{ on bool }

func (p painter) paint(code, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}
func (p painter) bold(s string) string   { return p.paint("1", s) }
func (p painter) dim(s string) string    { return p.paint("2", s) }
func (p painter) red(s string) string    { return p.paint("31", s) }
func (p painter) yellow(s string) string { return p.paint("33", s) }
func (p painter) green(s string) string  { return p.paint("32", s) }

// Text writes a readable summary of the report: the batch, each article
// with its metadata and scores, then duplicates, conflicts, errors and
// warnings.
func Text(w io.Writer, r *report.Report, opts TextOptions) error {
	p := painter{opts.Color}
	var b strings.Builder
	s := r.Summary
	fmt.Fprintf(&b, "%s %d articles, %d rejected, %d words\n", p.bold("crosscheck report:"), s.Articles, s.Rejected, s.Words)
	fmt.Fprintf(&b, "%s\n", p.dim("stages: "+strings.Join(r.Stages, ", ")))

	b.WriteString("\n" + p.bold("Articles") + "\n")
	if len(r.Articles) == 0 {
		b.WriteString("  none\n")
	}
	for _, a := range r.Articles {
		fmt.Fprintf(&b, "  %s  %d words, %d paragraphs, %d sentences\n", p.bold(a.ID), a.Words, len(a.Paragraphs), len(a.Sentences))
		inferred := map[string]report.Inference{}
		for _, in := range a.Inferred {
			inferred[in.Field] = in
		}
		for _, f := range []struct{ name, value string }{
			{"title", a.Title}, {"outlet", a.Outlet}, {"byline", a.Byline},
			{"dateline", a.Dateline}, {"published", a.Published}, {"url", a.URL},
		} {
			if f.value == "" {
				continue
			}
			line := fmt.Sprintf("    %-9s %s", f.name+":", f.value)
			if in, ok := inferred[f.name]; ok {
				line += p.dim(fmt.Sprintf("  (inferred by %s from line %d)", in.Rule, in.Line))
			}
			b.WriteString(line + "\n")
		}
		if len(a.Scores) > 0 {
			names := make([]string, 0, len(a.Scores))
			for k := range a.Scores {
				names = append(names, k)
			}
			sort.Strings(names)
			var parts []string
			for _, k := range names {
				parts = append(parts, fmt.Sprintf("%s %.2f", k, a.Scores[k]))
			}
			fmt.Fprintf(&b, "    scores:   %s\n", strings.Join(parts, ", "))
		}
		for _, f := range a.Findings {
			fmt.Fprintf(&b, "    %s line %d: %s %s\n", p.yellow(f.Kind), f.Line, f.Message, p.dim("["+f.Rule+"]"))
		}
	}

	b.WriteString("\n" + p.bold("Duplicates") + "\n")
	if len(r.Duplicates) == 0 {
		b.WriteString("  " + none(r, "rewrite") + "\n")
	}
	for _, d := range r.Duplicates {
		fmt.Fprintf(&b, "  %s (similarity %.2f, %d aligned pairs)\n", d.Describe(), d.Similarity, len(d.Alignment))
	}

	b.WriteString("\n" + p.bold("Conflicts") + "\n")
	if len(r.Conflicts) == 0 {
		b.WriteString("  " + none(r, "conflicts") + "\n")
	}
	for _, c := range r.Conflicts {
		fmt.Fprintf(&b, "  %s %s\n", p.red("["+c.Kind+"]"), c.Summary)
	}

	if len(r.Errors) > 0 {
		b.WriteString("\n" + p.bold("Rejected inputs") + "\n")
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "  %s: %s\n", e.Input, p.red(e.Error))
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\n" + p.bold("Warnings") + "\n")
		for _, wn := range r.Warnings {
			fmt.Fprintf(&b, "  %s: %s\n", wn.Input, p.yellow(wn.Warning))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// none says "none found" when the stage ran and "not checked" when it did not.
func none(r *report.Report, stage string) string {
	for _, s := range r.Stages {
		if s == stage {
			return "none found"
		}
	}
	return "not checked (stage " + stage + " did not run)"
}
