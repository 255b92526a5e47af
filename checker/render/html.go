package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

//go:embed html/report.tmpl
var htmlTemplate string

//go:embed html/report.css
var htmlCSS string

//go:embed html/report.js
var htmlJS string

var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(v float64) string { return fmt.Sprintf("%.0f", v*100) },
	"f2":  func(v float64) string { return fmt.Sprintf("%.2f", v) },
	"sgn": func(v float64) string { return fmt.Sprintf("%+.2f", v) },
	"css": func(s string) template.CSS { return template.CSS(s) },
	"js":  func(s string) template.JS { return template.JS(s) },
	"inc": func(i int) int { return i + 1 },
	"join": func(ids []string) string {
		return strings.Join(ids, ", ")
	},
	"hasStage": func(r *report.Report, stage string) bool {
		for _, s := range r.Stages {
			if s == stage {
				return true
			}
		}
		return false
	},
	"findingKinds": func(v view) []string {
		seen := map[string]bool{}
		var out []string
		for _, a := range v.Articles {
			for _, k := range a.Kinds {
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
		sort.Strings(out)
		return out
	},
}).Parse(htmlTemplate))

// HTML writes the report as one self-contained page (inline CSS and script,
// no network): the batch summary, a score table with bars, each conflict
// with its evidence highlighted in context, each rewrite pair side by side
// with word-level changes coloured, and every article with its findings
// highlighted and linked.
func HTML(w io.Writer, r *report.Report) error {
	return htmlPage.Execute(w, buildView(r))
}

// The view types hold what the template shows, already cut into pieces.
type view struct {
	R          *report.Report
	CSS, JS    string
	ScoreNames []string
	Articles   []articleView
	Conflicts  []conflictView
	// Differences are the disagreements below the confidence threshold.
	Differences []conflictView
	Pairs       []pairView
}

type articleView struct {
	A        *report.Article
	Index    int
	Anchor   string
	Scores   []scoreCell
	Text     template.HTML
	Findings []findingView
	Kinds    []string
}

type scoreCell struct {
	Name  string
	Value float64
	Known bool
	// Bad is true when a high value is bad news (all but reliability).
	Bad bool
}

type findingView struct {
	F      *report.Finding
	Anchor string
}

type conflictView struct {
	C     *report.Conflict
	Sides []sideView
	Diff  template.HTML
}

type sideView struct {
	S        *report.Side
	Evidence []evidenceView
}

type evidenceView struct {
	E *report.Evidence
	// Link is the anchor of the sentence holding the evidence.
	Link    string
	Context template.HTML
}

type pairView struct {
	D                    *report.Duplicate
	Original, Rewrite    *report.Article
	OriginalA, RewriteA  string
	Rows                 []pairRow
	Evidence             []report.DirectionEvidence
	EditCounts           []editCount
	AlignedCount, OnlyOr int
	OnlyRw               int
}

type pairRow struct {
	Kind              string // aligned, original-only, rewrite-only
	Similarity        float64
	Original, Rewrite template.HTML
	OriginalAnchor    string
	RewriteAnchor     string
}

type editCount struct {
	Kind  string
	Count int
}

func buildView(r *report.Report) view {
	v := view{R: r, CSS: htmlCSS, JS: htmlJS, ScoreNames: ScoreNames(r)}
	anchors := map[string]string{}
	byID := map[string]*report.Article{}
	for i := range r.Articles {
		a := &r.Articles[i]
		anchors[a.ID] = fmt.Sprintf("a%d", i)
		byID[a.ID] = a
	}
	for i := range r.Articles {
		v.Articles = append(v.Articles, buildArticle(&r.Articles[i], i, anchors[r.Articles[i].ID], v.ScoreNames))
	}
	for i := range r.Conflicts {
		v.Conflicts = append(v.Conflicts, buildConflict(&r.Conflicts[i], byID, anchors))
	}
	for i := range r.Differences {
		v.Differences = append(v.Differences, buildConflict(&r.Differences[i], byID, anchors))
	}
	for i := range r.Duplicates {
		d := &r.Duplicates[i]
		o, w := byID[d.Original], byID[d.Rewrite]
		if o == nil || w == nil {
			continue
		}
		v.Pairs = append(v.Pairs, buildPair(d, o, w, anchors))
	}
	return v
}

func buildArticle(a *report.Article, i int, anchor string, names []string) articleView {
	av := articleView{A: a, Index: i, Anchor: anchor}
	for _, n := range names {
		val, ok := a.Scores[n]
		av.Scores = append(av.Scores, scoreCell{Name: n, Value: val, Known: ok, Bad: n != "reliability"})
	}
	var marks []mark
	kinds := map[string]bool{}
	for j := range a.Findings {
		f := &a.Findings[j]
		id := fmt.Sprintf("%s-f%d", anchor, j)
		av.Findings = append(av.Findings, findingView{F: f, Anchor: id})
		marks = append(marks, mark{Span: f.Span, Class: "k-" + f.Kind, ID: id, Title: f.Rule + ": " + f.Message})
		kinds[f.Kind] = true
	}
	for k := range kinds {
		av.Kinds = append(av.Kinds, k)
	}
	sort.Strings(av.Kinds)
	var anchors []anchorAt
	for _, s := range a.Sentences {
		anchors = append(anchors, anchorAt{Offset: s.Start, ID: fmt.Sprintf("%s-s%d", anchor, s.Start)})
	}
	// Trailing blank lines would only pad the page; no span reaches them.
	end := len(strings.TrimRight(a.Text, " \t\r\n"))
	for _, m := range marks {
		end = max(end, m.End)
	}
	av.Text = highlightAnchored(a.Text, report.Span{Start: 0, End: end}, marks, anchors)
	return av
}

func buildConflict(c *report.Conflict, byID map[string]*report.Article, anchors map[string]string) conflictView {
	cv := conflictView{C: c}
	for i := range c.Sides {
		s := &c.Sides[i]
		sv := sideView{S: s}
		for j := range s.Evidence {
			e := &s.Evidence[j]
			ev := evidenceView{E: e, Link: anchors[e.Article]}
			if a := byID[e.Article]; a != nil && validSpan(a.Text, e.Span) {
				ctx := sentenceAround(a, e.Span)
				if ctx != e.Span {
					ev.Link = fmt.Sprintf("%s-s%d", anchors[e.Article], ctx.Start)
				}
				ev.Context = highlight(a.Text, ctx, []mark{{Span: e.Span, Class: "evidence", Evidence: true, Article: e.Article}})
			} else {
				ev.Context = template.HTML(template.HTMLEscapeString(e.Text))
			}
			sv.Evidence = append(sv.Evidence, ev)
		}
		cv.Sides = append(cv.Sides, sv)
	}
	if len(c.Diff) > 0 {
		var b strings.Builder
		for i, d := range c.Diff {
			if i > 0 {
				b.WriteString(" ") // the pieces are words or runs of words
			}
			t := template.HTMLEscapeString(strings.TrimSpace(d.Text))
			switch d.Op {
			case "delete":
				b.WriteString(`<del>` + t + `</del>`)
			case "insert":
				b.WriteString(`<ins>` + t + `</ins>`)
			default:
				b.WriteString(t)
			}
		}
		cv.Diff = template.HTML(b.String())
	}
	return cv
}

func buildPair(d *report.Duplicate, o, w *report.Article, anchors map[string]string) pairView {
	pv := pairView{D: d, Original: o, Rewrite: w, OriginalA: anchors[o.ID], RewriteA: anchors[w.ID], Evidence: d.Evidence}
	counts := map[string]int{}
	var rows []pairRow
	// Spans only one side has go before the first aligned pair that comes
	// after them on their side, so the table reads in text order.
	oi, ri := 0, 0
	emitOnly := func(limitO, limitR int) {
		for oi < len(d.OriginalOnly) && d.OriginalOnly[oi].Start < limitO {
			sp := d.OriginalOnly[oi]
			if validSpan(o.Text, sp) {
				rows = append(rows, pairRow{Kind: "original-only", Original: highlight(o.Text, sp, nil),
					OriginalAnchor: fmt.Sprintf("%s-s%d", anchors[o.ID], sp.Start)})
			}
			oi++
		}
		for ri < len(d.RewriteOnly) && d.RewriteOnly[ri].Start < limitR {
			sp := d.RewriteOnly[ri]
			if validSpan(w.Text, sp) {
				rows = append(rows, pairRow{Kind: "rewrite-only", Rewrite: highlight(w.Text, sp, nil),
					RewriteAnchor: fmt.Sprintf("%s-s%d", anchors[w.ID], sp.Start)})
			}
			ri++
		}
	}
	for _, ap := range d.Alignment {
		emitOnly(ap.Original.Start, ap.Rewrite.Start)
		if !validSpan(o.Text, ap.Original) || !validSpan(w.Text, ap.Rewrite) {
			continue
		}
		var om, rm []mark
		for _, e := range ap.Edits {
			counts[e.Kind]++
			if e.Original.End > e.Original.Start {
				om = append(om, mark{Span: e.Original, Class: "e-" + e.Kind, Title: editTitle(e)})
			}
			if e.Rewrite.End > e.Rewrite.Start {
				rm = append(rm, mark{Span: e.Rewrite, Class: "e-" + e.Kind, Title: editTitle(e)})
			}
		}
		rows = append(rows, pairRow{Kind: "aligned", Similarity: ap.Similarity,
			Original: highlight(o.Text, ap.Original, om), Rewrite: highlight(w.Text, ap.Rewrite, rm),
			OriginalAnchor: fmt.Sprintf("%s-s%d", anchors[o.ID], ap.Original.Start),
			RewriteAnchor:  fmt.Sprintf("%s-s%d", anchors[w.ID], ap.Rewrite.Start)})
		pv.AlignedCount++
	}
	emitOnly(len(o.Text)+1, len(w.Text)+1)
	pv.Rows = rows
	pv.OnlyOr, pv.OnlyRw = len(d.OriginalOnly), len(d.RewriteOnly)
	for k, n := range counts {
		pv.EditCounts = append(pv.EditCounts, editCount{k, n})
	}
	sort.Slice(pv.EditCounts, func(i, j int) bool { return pv.EditCounts[i].Kind < pv.EditCounts[j].Kind })
	return pv
}

func editTitle(e report.Edit) string {
	switch e.Kind {
	case "insertion":
		return "inserted: " + e.RewriteText
	case "deletion":
		return "dropped: " + e.OriginalText
	}
	return e.Kind + ": " + e.OriginalText + " → " + e.RewriteText
}

// sentenceAround returns the span of the sentence (or sentences) holding
// sp, so evidence can be shown in context.
func sentenceAround(a *report.Article, sp report.Span) report.Span {
	out := sp
	for _, s := range a.Sentences {
		if s.Start <= sp.Start && sp.Start < s.End || s.Start < sp.End && sp.End <= s.End {
			out.Start = min(out.Start, s.Start)
			out.End = max(out.End, s.End)
		}
	}
	return out
}

func validSpan(text string, s report.Span) bool {
	return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) &&
		(s.Start == len(text) || utf8.RuneStart(text[s.Start])) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// mark is a span to highlight.
type mark struct {
	report.Span
	Class    string
	ID       string // anchor id, set on the first piece
	Title    string
	Evidence bool   // carries data-article/start/end so tests can check it
	Article  string // for evidence marks
}

// highlight renders text[within] as HTML with each mark wrapped in <mark>.
// Marks may overlap: the text is cut at every mark boundary and each piece
// is wrapped in one <mark> carrying the classes of the marks over it.
func highlight(text string, within report.Span, marks []mark) template.HTML {
	return highlightAnchored(text, within, marks, nil)
}

// anchorAt is an empty <a id> placed at a byte offset, so links can land on
// a sentence.
type anchorAt struct {
	Offset int
	ID     string
}

// highlightAnchored is highlight with anchors placed at the given offsets
// (sorted by offset).
func highlightAnchored(text string, within report.Span, marks []mark, anchors []anchorAt) template.HTML {
	cuts := []int{within.Start, within.End}
	for _, a := range anchors {
		cuts = append(cuts, a.Offset)
	}
	var live []mark
	for _, m := range marks {
		m.Start, m.End = max(m.Start, within.Start), min(m.End, within.End)
		if m.Start >= m.End || !validSpan(text, m.Span) {
			continue
		}
		live = append(live, m)
		cuts = append(cuts, m.Start, m.End)
	}
	sort.Ints(cuts)
	var b strings.Builder
	started := map[int]bool{}
	ai := 0
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		for ai < len(anchors) && anchors[ai].Offset <= lo {
			if anchors[ai].Offset == lo {
				fmt.Fprintf(&b, `<a class="anchor" id="%s"></a>`, anchors[ai].ID)
			}
			ai++
		}
		if lo == hi {
			continue
		}
		piece := template.HTMLEscapeString(text[lo:hi])
		var classes, titles, ids []string
		var ev *mark
		for k, m := range live {
			if m.Start <= lo && hi <= m.End {
				classes = append(classes, m.Class)
				if m.Title != "" {
					titles = append(titles, m.Title)
				}
				if m.ID != "" {
					ids = append(ids, m.ID)
					if !started[k] && m.Start == lo {
						started[k] = true
						fmt.Fprintf(&b, `<a class="anchor" id="%s"></a>`, m.ID)
					}
				}
				if m.Evidence {
					ev = &live[k]
				}
			}
		}
		if len(classes) == 0 {
			b.WriteString(piece)
			continue
		}
		b.WriteString(`<mark class="` + template.HTMLEscapeString(strings.Join(classes, " ")) + `"`)
		if len(ids) > 0 {
			b.WriteString(` data-f="` + template.HTMLEscapeString(strings.Join(ids, " ")) + `"`)
		}
		if len(titles) > 0 {
			b.WriteString(` title="` + template.HTMLEscapeString(strings.Join(titles, "\n")) + `"`)
		}
		if ev != nil {
			fmt.Fprintf(&b, ` data-article="%s" data-start="%d" data-end="%d"`, template.HTMLEscapeString(ev.Article), ev.Start, ev.End)
		}
		b.WriteString(">" + piece + "</mark>")
	}
	return template.HTML(b.String())
}
