package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

// scoreOrder is the order scores appear in tables; others follow by name.
var scoreOrder = []string{"reliability", "boilerplate", "off_topic", "speculation", "rewrite"}

// ScoreNames returns the score names present in the report, in display
// order.
func ScoreNames(r *report.Report) []string {
	present := map[string]bool{}
	for _, a := range r.Articles {
		for k := range a.Scores {
			present[k] = true
		}
	}
	var out []string
	for _, k := range scoreOrder {
		if present[k] {
			out = append(out, k)
			delete(present, k)
		}
	}
	var rest []string
	for k := range present {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Markdown writes the report as Markdown for tickets and chat: a summary, a
// score table, rewrite pairs, conflicts with their evidence, findings per
// article, and rejected inputs.
func Markdown(w io.Writer, r *report.Report) error {
	var b strings.Builder
	s := r.Summary
	b.WriteString("# crosscheck report\n\n")
	fmt.Fprintf(&b, "**%d articles**, %d rejected, %d words, %d rewrite pairs, %d conflicts. Stages: %s.\n\n",
		s.Articles, s.Rejected, s.Words, s.Duplicates, s.Conflicts, strings.Join(r.Stages, ", "))

	names := ScoreNames(r)
	b.WriteString("## Articles\n\n")
	b.WriteString("| article | title | outlet | words |")
	for _, n := range names {
		b.WriteString(" " + n + " |")
	}
	b.WriteString("\n|---|---|---|---:|" + strings.Repeat("---:|", len(names)) + "\n")
	for _, a := range r.Articles {
		fmt.Fprintf(&b, "| %s | %s | %s | %d |", code(a.ID), cell(a.Title), cell(a.Outlet), a.Words)
		for _, n := range names {
			if v, ok := a.Scores[n]; ok {
				fmt.Fprintf(&b, " %.2f |", v)
			} else {
				b.WriteString(" – |")
			}
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Rewrites\n\n")
	if len(r.Duplicates) == 0 {
		b.WriteString(none(r, "rewrite") + ".\n")
	}
	for _, d := range r.Duplicates {
		fmt.Fprintf(&b, "- %s (similarity %.2f, %d aligned pairs)\n", inline(d.Describe()), d.Similarity, len(d.Alignment))
	}

	b.WriteString("\n## Conflicts\n\n")
	if len(r.Conflicts) == 0 {
		b.WriteString(none(r, "conflicts") + ".\n")
	}
	for _, c := range r.Conflicts {
		writeDisagreement(&b, c)
	}
	if len(r.Differences) > 0 {
		b.WriteString("\n## Worth a look\n\nDisagreements below the confidence threshold: the sides may be about different things or times. Never gated.\n\n")
		for _, c := range r.Differences {
			writeDisagreement(&b, c)
		}
	}

	var withFindings []report.Article
	for _, a := range r.Articles {
		if len(a.Findings) > 0 {
			withFindings = append(withFindings, a)
		}
	}
	if len(withFindings) > 0 {
		b.WriteString("\n## Findings\n")
		for _, a := range withFindings {
			fmt.Fprintf(&b, "\n### %s\n\n", code(a.ID))
			for _, f := range a.Findings {
				fmt.Fprintf(&b, "- line %d · %s · %s — %s: %s\n", f.Line, f.Kind, code(f.Rule), inline(f.Message), quote(f.Text))
			}
		}
	}

	if len(r.Errors) > 0 {
		b.WriteString("\n## Rejected inputs\n\n")
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "- %s: %s\n", code(e.Input), inline(e.Error))
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\n## Warnings\n\n")
		for _, wn := range r.Warnings {
			fmt.Fprintf(&b, "- %s: %s\n", code(wn.Input), inline(wn.Warning))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDisagreement writes a conflict or a difference: its summary and
// confidence, each side with its evidence, and the reasons for the
// confidence.
func writeDisagreement(b *strings.Builder, c report.Conflict) {
	fmt.Fprintf(b, "- **%s** (confidence %.2f) — %s\n", c.Kind, c.Confidence, inline(c.Summary))
	for _, side := range c.Sides {
		fmt.Fprintf(b, "  - %s: %s\n", quote(side.Value), ids(side.Articles))
		for _, e := range side.Evidence {
			fmt.Fprintf(b, "    - %s line %d: %s\n", code(e.Article), e.Line, quote(e.Text))
		}
	}
	if len(c.Reasons) > 0 {
		parts := make([]string, len(c.Reasons))
		for i, r := range c.Reasons {
			parts[i] = fmt.Sprintf("%s (%+.2f)", code(r.Rule), r.Weight)
		}
		fmt.Fprintf(b, "  - why: %s\n", strings.Join(parts, ", "))
	}
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(inline(s), "|", `\|`)
}

// inline makes text safe on one Markdown line.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("*", `\*`, "_", `\_`, "`", "'", "<", "&lt;", ">", "&gt;", "[", `\[`).Replace(s)
}

// quote shows evidence text in quotation marks, shortened to one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:157]) + "…"
	}
	return "“" + inline(s) + "”"
}

func ids(list []string) string {
	parts := make([]string, len(list))
	for i, id := range list {
		parts[i] = code(id)
	}
	return strings.Join(parts, ", ")
}

// code shows an id, path or rule as inline code, safe in a table cell:
// backticks inside are turned into quotes and pipes escaped.
func code(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(s) + "`"
}
