package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// article is the working state of one extraction.
type article struct {
	x      *Extractor
	lex    *lexicons
	in     Input
	doc    *text.Document
	ev     Event
	active []bool // per sentence: outside skipped paragraphs
	event  []bool // per sentence: reports the main event
	claims []Claim
	people []personMention // in text order, for linking later mentions
}

func (x *Extractor) newArticle(in Input, ev Event, al articleLemmas) *article {
	a := &article{x: x, lex: x.lex, in: in, doc: in.Doc, ev: ev}
	lemmas := al.lemmas
	a.active = make([]bool, len(in.Doc.Sentences))
	a.event = make([]bool, len(in.Doc.Sentences))
	for s, sent := range in.Doc.Sentences {
		a.active[s] = !in.skipped(sent.Paragraph)
		for _, l := range lemmas[s] {
			if contains(ev.Verbs, l) {
				a.event[s] = true
			}
		}
	}
	return a
}

func (a *article) frame(s int) string {
	if a.event[s] {
		return FrameEvent
	}
	return FrameBackground
}

func (a *article) add(c Claim) {
	c.Frame = a.frame(c.Sentence)
	if c.Value == "" {
		c.Value = a.doc.Slice(c.Span)
	}
	a.claims = append(a.claims, c)
}

func (a *article) tokText(t text.Token) string { return a.doc.Text[t.Start:t.End] }

// isCap reports whether a token is a word that starts with a capital.
func (a *article) isCap(t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a.doc.Text[t.Start:])
	return unicode.IsUpper(r)
}

// allCaps reports whether a word is an acronym: written in capitals, or
// with two or more capitals before a plural "s" ("EV", "NATO", "EVs").
func (a *article) allCaps(t text.Token) bool {
	s := strings.TrimSuffix(a.tokText(t), "s")
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLetter(r) {
			return false
		}
	}
	return upper >= 2 || (upper == 1 && utf8.RuneCountInString(s) == 1 && len(s) < len(a.tokText(t)))
}

// --- dates -------------------------------------------------------------------

func (a *article) extractDates() {
	if !a.lex.on("claim.date") {
		return
	}
	type found struct {
		e timex.Expr
		s int
	}
	var all []found
	eventYears, allYears := map[int]int{}, map[int]int{}
	for s, sent := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		for _, e := range a.x.dates.FindAll(a.doc.Slice(sent.Span)) {
			e.Span = text.Span{Start: sent.Start + e.Span.Start, End: sent.Start + e.Span.End}
			all = append(all, found{e, s})
			if e.Year != 0 {
				allYears[e.Year]++
				if a.event[s] {
					eventYears[e.Year]++
				}
			}
		}
	}
	for _, f := range all {
		c := Claim{Kind: KindDate, Span: f.e.Span, Sentence: f.s, Rule: "claim.date", Granularity: f.e.Granularity.String(), expr: f.e}
		e := f.e
		switch {
		case !e.NeedsYear():
		case a.in.HasPublished:
			c.YearFrom = "published"
		case a.event[f.s] && len(eventYears) > 0:
			e, c.YearFrom = e.WithYear(commonest(eventYears)), "article"
		case !a.event[f.s] && len(allYears) > 0:
			e, c.YearFrom = e.WithYear(commonest(allYears)), "article"
		}
		var ref timex.Date
		if a.in.HasPublished {
			ref = a.in.Published
		}
		c.Range, c.Resolved = e.Resolve(ref)
		c.Normalized = dateKey(c, a.doc)
		c.Slot = "date"
		if a.event[f.s] {
			c.Slot = "event.date"
		}
		a.add(c)
	}
}

// dateKey is a date claim's comparison form.
func dateKey(c Claim, doc *text.Document) string {
	if !c.Resolved {
		return "relative:" + text.Fold(doc.Slice(c.Span))
	}
	return c.Range.String()
}

// commonest returns the most frequent key, the smallest on a tie.
func commonest(counts map[int]int) int {
	best, n := 0, -1
	for k, v := range counts {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}

// fillYearsFromBatch gives event dates that still lack a year the year
// most of the batch's event dates state.
func (x *Extractor) fillYearsFromBatch(cs []Claim) {
	years := map[int]int{}
	for _, c := range cs {
		if c.Kind == KindDate && c.Slot == "event.date" && c.Resolved && c.Range.Bounded() && !c.Range.YearUnknown &&
			c.Range.First.Year == c.Range.Last.Year && c.YearFrom != "batch" {
			years[c.Range.First.Year]++
		}
	}
	if len(years) == 0 {
		return
	}
	y := commonest(years)
	for i := range cs {
		c := &cs[i]
		if c.Kind != KindDate || c.Slot != "event.date" || !c.Range.YearUnknown {
			continue
		}
		c.Range, c.Resolved = c.expr.WithYear(y).Resolve(timex.Date{})
		c.YearFrom = "batch"
		c.Normalized = c.Range.String()
	}
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
