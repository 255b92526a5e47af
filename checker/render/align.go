package render

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// AlignSide is one article of a side-by-side alignment.
type AlignSide struct {
	// ID names the article in the header.
	ID string
	// Doc is the article's segmented text, which the alignment's spans
	// index.
	Doc *text.Document
}

// AlignOptions control the side-by-side rendering.
type AlignOptions struct {
	// Color marks changes with ANSI colours (red for the original's words,
	// green for the rewrite's) instead of [-…-] and {+…+}. Callers turn it
	// off for non-terminals and when NO_COLOR is set.
	Color bool
	// Width is the total line width in columns; 0 means 120. Each side gets
	// half, less a three-column gutter; widths under 40 count as 40.
	Width int
}

// Align writes two articles side by side, sentence by sentence as al
// aligns them: aligned sentences share rows, text only one side has sits
// opposite a blank, and each changed word or phrase is marked. Under each
// aligned pair a line gives its similarity and lists its edits by kind.
func Align(w io.Writer, orig, rew AlignSide, al rewrite.Alignment, opts AlignOptions) error {
	width := opts.Width
	if width == 0 {
		width = 120
	}
	width = max(width, 40)
	col := (width - 3) / 2
	p := painter{opts.Color}
	var b strings.Builder
	row := func(left, right string) {
		l, r := wrap(left, col), wrap(right, col)
		for k := 0; k < max(len(l), len(r)); k++ {
			var a, c string
			if k < len(l) {
				a = l[k]
			}
			if k < len(r) {
				c = r[k]
			}
			line := a + strings.Repeat(" ", max(0, col-visibleWidth(a))) + " | " + c
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	rule := strings.Repeat("-", col) + "-+-" + strings.Repeat("-", col) + "\n"
	row(p.bold("ORIGINAL "+orig.ID), p.bold("REWRITE "+rew.ID))
	b.WriteString(rule)

	// Walk both texts in order: spans only one side has come before the
	// aligned pair that follows them.
	oi, ri := 0, 0
	flushOnly := func(beforeOrig, beforeRew int) {
		for oi < len(al.OriginalOnly) && al.OriginalOnly[oi].Start < beforeOrig {
			row(p.dim(oneLine(orig.Doc.Slice(al.OriginalOnly[oi]))), p.dim("—"))
			b.WriteString(rule)
			oi++
		}
		for ri < len(al.RewriteOnly) && al.RewriteOnly[ri].Start < beforeRew {
			row(p.dim("—"), p.dim(oneLine(rew.Doc.Slice(al.RewriteOnly[ri]))))
			b.WriteString(rule)
			ri++
		}
	}
	for _, ap := range al.Pairs {
		flushOnly(ap.Original.Start, ap.Rewrite.Start)
		left := marked(orig.Doc, ap.Original, ap.Edits, func(e rewrite.Edit) text.Span { return e.Original }, p.red, "[-", "-]", opts.Color)
		right := marked(rew.Doc, ap.Rewrite, ap.Edits, func(e rewrite.Edit) text.Span { return e.Rewrite }, p.green, "{+", "+}", opts.Color)
		row(left, right)
		note := fmt.Sprintf("similarity %.2f", ap.Similarity)
		if len(ap.Edits) > 0 {
			note += "; " + editSummary(ap.Edits)
		}
		for _, l := range wrap(note, width-4) {
			b.WriteString("    " + p.dim(l) + "\n")
		}
		b.WriteString(rule)
	}
	flushOnly(len(orig.Doc.Text)+1, len(rew.Doc.Text)+1)
	_, err := io.WriteString(w, b.String())
	return err
}

// marked returns the text under span with each edit's part on this side
// marked, on one line.
func marked(doc *text.Document, span text.Span, edits []rewrite.Edit, side func(rewrite.Edit) text.Span, paint func(string) string, open, close string, color bool) string {
	var spans []text.Span
	for _, e := range edits {
		if s := side(e); !s.IsEmpty() && span.Contains(s) {
			spans = append(spans, s)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	at := span.Start
	for _, s := range spans {
		if s.Start < at {
			continue // overlaps an edit already marked
		}
		b.WriteString(doc.Text[at:s.Start])
		if color {
			b.WriteString(paint(doc.Slice(s)))
		} else {
			b.WriteString(open + doc.Slice(s) + close)
		}
		at = s.End
	}
	b.WriteString(doc.Text[at:span.End])
	return oneLine(b.String())
}

// editSummary lists edits as "kind: old → new", one kind after another.
func editSummary(edits []rewrite.Edit) string {
	parts := make([]string, 0, len(edits))
	for _, e := range edits {
		o, r := oneLine(e.OriginalText), oneLine(e.RewriteText)
		if o == "" {
			o = "∅"
		}
		if r == "" {
			r = "∅"
		}
		parts = append(parts, fmt.Sprintf("%s: %s → %s", e.Kind, o, r))
	}
	return strings.Join(parts, "; ")
}

// oneLine folds line breaks and runs of space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wrap breaks s into lines of at most width visible columns, at spaces
// where it can; ANSI colour codes take no columns.
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, word := range strings.Fields(s) {
		ww := visibleWidth(word)
		if curW > 0 && curW+1+ww > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		for ww > width { // a word longer than the column is cut
			head, rest := cutVisible(word, width-curW)
			cur.WriteString(head)
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
			word, ww = rest, visibleWidth(rest)
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	// A colour open at the end of a line is closed there and reopened on
	// the next, so the gutter and the other column stay plain.
	open := ""
	for i, l := range lines {
		l = open + l
		if code := lastEscape(l); code != "" && code != "\x1b[0m" {
			open = code
			l += "\x1b[0m"
		} else if code != "" {
			open = ""
		}
		lines[i] = l
	}
	return lines
}

// lastEscape returns the last ANSI escape sequence in s, or "".
func lastEscape(s string) string {
	i := strings.LastIndex(s, "\x1b[")
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], 'm')
	if j < 0 {
		return ""
	}
	return s[i : i+j+1]
}

// visibleWidth counts the runes of s outside ANSI escape sequences.
func visibleWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			j := strings.IndexByte(s[i:], 'm')
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// cutVisible splits s after n visible runes.
func cutVisible(s string, n int) (string, string) {
	seen := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			if j := strings.IndexByte(s[i:], 'm'); j >= 0 {
				i += j + 1
				continue
			}
		}
		if seen == n {
			return s[:i], s[i:]
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		seen++
	}
	return s, ""
}
