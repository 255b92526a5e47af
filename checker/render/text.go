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
	// MaxFindings bounds the finding lines shown per kind of finding in
	// each article (findings of one kind on one line share a line); 0
	// means 5. The JSON and HTML formats always hold every finding.
	MaxFindings int
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
		writeFindings(&b, p, a.Findings, opts.MaxFindings)
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
		fmt.Fprintf(&b, "  %s %s %s\n", p.red("["+c.Kind+"]"), c.Summary, p.dim(fmt.Sprintf("(%.2f)", c.Confidence)))
	}
	if len(r.Differences) > 0 {
		b.WriteString("\n" + p.bold("Worth a look") + " (below the confidence threshold; never gated)\n")
		for _, c := range r.Differences {
			fmt.Fprintf(&b, "  %s %s %s\n", p.yellow("["+c.Kind+"]"), c.Summary, p.dim(fmt.Sprintf("(%.2f)", c.Confidence)))
		}
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

// kindOrder is the order finding kinds are listed in a text summary: what
// most changes how far to trust an article first.
var kindOrder = []string{"off_topic", "boilerplate", "rewrite", "speculation"}

// writeFindings lists an article's findings kind by kind, one line per
// line of text (so a menu line flagged by four rules reads once), at most
// max lines per kind, then says how many were left out.
func writeFindings(b *strings.Builder, p painter, fs []report.Finding, max int) {
	if max <= 0 {
		max = 5
	}
	type group struct {
		line  int
		first report.Finding
		rules []string
	}
	byKind := map[string][]*group{}
	index := map[string]*group{}
	var kinds []string
	for _, f := range fs {
		key := fmt.Sprintf("%s\x00%d", f.Kind, f.Line)
		g := index[key]
		if g == nil {
			g = &group{line: f.Line, first: f}
			index[key] = g
			if byKind[f.Kind] == nil {
				kinds = append(kinds, f.Kind)
			}
			byKind[f.Kind] = append(byKind[f.Kind], g)
		}
		g.rules = append(g.rules, f.Rule)
	}
	rank := func(k string) int {
		for i, o := range kindOrder {
			if o == k {
				return i
			}
		}
		return len(kindOrder)
	}
	sort.SliceStable(kinds, func(i, j int) bool { return rank(kinds[i]) < rank(kinds[j]) })
	for _, k := range kinds {
		for i, g := range byKind[k] {
			if i == max {
				fmt.Fprintf(b, "    %s\n", p.dim(fmt.Sprintf("… and %d more %s lines (every finding is in the json and html formats)", len(byKind[k])-max, k)))
				break
			}
			msg := g.first.Message
			if len(g.rules) > 1 {
				msg += fmt.Sprintf(" (+%d more)", len(g.rules)-1)
			}
			fmt.Fprintf(b, "    %s line %d: %s %s\n", p.yellow(k), g.line, msg, p.dim("["+strings.Join(uniq(g.rules), ", ")+"]"))
		}
	}
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
