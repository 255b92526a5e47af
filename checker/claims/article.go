package claims

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
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
	al     articleLemmas
	active []bool // per sentence: outside skipped paragraphs
	event  []bool // per sentence: reports the main event
	// lead marks the article's lead sentence, which reports the event
	// whatever verb it uses: its dates are the event's dates
	lead []bool
	// firstEvent marks the article's first event sentence when it lies in
	// the lede: it states the event whatever else it says
	firstEvent []bool
	// dates are, per sentence, its date expressions (spans into the
	// text); otherTime says whether they put it in other years than the
	// event's.
	dates     [][]timex.Expr
	otherTime []bool
	claims    []Claim
	people    []personMention // in text order, for linking later mentions
	// parses are the dependency analyses of the sentences, made on first
	// use (parseOf)
	parses []*parsed
}

func (x *Extractor) newArticle(in Input, ev Event, al articleLemmas) *article {
	a := &article{x: x, lex: x.lex, in: in, doc: in.Doc, ev: ev, al: al}
	n := len(in.Doc.Sentences)
	a.active, a.event, a.otherTime, a.lead = make([]bool, n), make([]bool, n), make([]bool, n), make([]bool, n)
	a.firstEvent = make([]bool, n)
	a.dates = make([][]timex.Expr, n)
	first, leadFound := true, false
	for s, sent := range in.Doc.Sentences {
		a.active[s] = !in.skipped(sent.Paragraph)
		if !a.active[s] {
			continue
		}
		var years []int
		a.dates[s], years = x.sentenceDates(in, s)
		a.otherTime[s] = elsewhereInTime(years, ev.Years)
		// The lead sentence (the first full sentence, after any headline)
		// reports the story's event whatever verb it uses: "Norvanta
		// disclosed on March 3 that ...", "Norvanta confirmed on Monday
		// that ...". An article that reports the event in words before
		// it needs no lead sentence.
		mentions := a.mentionsEvent(s)
		if !leadFound && al.lede[s] && ev.Verb != "" {
			if mentions {
				leadFound = true
			} else if len(in.Doc.SentenceTokens(s)) >= x.lex.leadMinTokens {
				leadFound = true
				a.lead[s] = !a.otherTime[s]
			}
		}
		if !mentions {
			continue
		}
		// The article's first event sentence, in its lede, states the
		// event whatever else it says ("its first rise since 2015"); any
		// other is background when it is about another time or occasion.
		exempt := first && al.lede[s]
		first = false
		a.firstEvent[s] = exempt
		a.event[s] = exempt || (!a.otherTime[s] && !a.otherOccasion(s))
	}
	return a
}

// mentionsEvent says whether sentence s holds a word for the main event:
// one of its verbs, or a reference to it ("the decision", "the storm").
func (a *article) mentionsEvent(s int) bool {
	ev := a.ev
	if ev.Verb == "" {
		return false
	}
	for _, r := range a.al.refsOf(s) {
		if r == refGeneric || r == ev.happening {
			return true
		}
	}
	if !ev.Inferred {
		for _, m := range a.al.events[s] {
			if contains(ev.Verbs, m.event) {
				return true
			}
		}
		return false
	}
	for _, t := range a.doc.SentenceTokens(s) {
		if a.x.isMainVerb(ev, t) {
			return true
		}
	}
	return false
}

// otherOccasion says whether a word of claim.other-occasion stands just
// before a word for the event in sentence s ("was last flooded", "the previous
// storm"): the sentence is about another occasion of the same kind.
func (a *article) otherOccasion(s int) bool {
	toks := a.doc.SentenceTokens(s)
	for k, t := range toks {
		if ref := a.x.referenceAt(toks, k); !a.x.reports(a.ev, t) && ref != refGeneric && (ref == "" || ref != a.ev.happening) {
			continue
		}
		for j := k - 1; j >= 0 && k-j <= referenceWindow; j-- {
			if a.lex.otherOccasion[toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

func (a *article) frame(s int) string {
	if a.event[s] {
		return FrameEvent
	}
	return FrameBackground
}

func (a *article) add(c Claim) {
	c.Frame = a.frame(c.Sentence)
	c.anchor = -1
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
// with two or more capitals before a plural "s" ("SUV", "NATO", "SUVs").
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
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		for _, e := range a.dates[s] {
			all = append(all, found{e, s})
			if e.Year != 0 {
				allYears[e.Year]++
				// A year alone in an event sentence ("fiscal 2025", "the
				// 2025 season") does not date the event; a full date does.
				if a.event[s] && e.Granularity != timex.Year && !a.endsPeriod(s, e.Span) {
					eventYears[e.Year]++
				}
			}
		}
	}
	for _, f := range all {
		if a.inMasthead(f.e.Span) {
			continue
		}
		c := Claim{Kind: KindDate, Span: f.e.Span, Sentence: f.s, Rule: "claim.date", Granularity: f.e.Granularity.String(), expr: f.e}
		e := f.e
		switch {
		case !e.NeedsYear():
		case a.in.HasPublished:
			c.YearFrom = "published"
		case (a.event[f.s] || a.lead[f.s]) && len(eventYears) > 0:
			if y, ok := yearFitting(e, eventYears); ok {
				e, c.YearFrom = e.WithYear(y), "article"
			}
		case !a.event[f.s] && !a.lead[f.s] && len(allYears) > 0:
			if y, ok := yearFitting(e, allYears); ok {
				e, c.YearFrom = e.WithYear(y), "article"
			}
		}
		var ref timex.Date
		if a.in.HasPublished {
			ref = a.in.Published
		}
		c.Range, c.Resolved = e.Resolve(ref)
		c.Normalized = dateKey(c, a.doc)
		c.Slot = "date"
		if (a.event[f.s] || a.lead[f.s]) && !a.endsPeriod(f.s, f.e.Span) && !a.attachedElsewhere(f.s, f.e.Span) {
			c.Slot = "event.date"
		}
		a.add(c)
		if a.lead[f.s] {
			a.claims[len(a.claims)-1].Frame = FrameEvent
		}
	}
}

// yearFitting returns the year of counts a date without its year takes:
// the commonest, or for a date written with its weekday ("Monday, 19
// October") the commonest in which that day falls on that weekday; none
// when no year fits (the batch's years are tried later), so that a year
// of some other happening the article names ("opened in 1978") never
// makes a weekday look mis-paired.
func yearFitting(e timex.Expr, counts map[int]int) (int, bool) {
	if !e.HasWeekday || e.Day == 0 || e.Month == 0 {
		return commonest(counts), true
	}
	years := make([]int, 0, len(counts))
	for y := range counts {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		if counts[years[i]] != counts[years[j]] {
			return counts[years[i]] > counts[years[j]]
		}
		return years[i] < years[j]
	})
	for _, y := range years {
		if time.Date(y, time.Month(e.Month), e.Day, 0, 0, 0, 0, time.UTC).Weekday() == e.Weekday {
			return y, true
		}
	}
	return 0, false
}

// attachedElsewhere reports whether the date at sp in sentence s belongs
// to a clause of its own: between it and the nearest word for the event
// stand a clause opener (claim.clause-openers: "where", "which", "who") and
// then a past or "-ing" verb ("declared an outbreak in Almeria, where
// officials have confirmed 241 cases since the first infection was
// identified in early March": early March is the identifying's). Openers
// of time ("after", "when") are left out: "four were killed after a storm
// pushed a surge ashore on Friday" dates the storm. A date up to four
// words after a future verb (claim.future-verbs) with no event word
// between is elsewhere too ("a campaign that will begin on Monday"). Past
// those tests, a sentence without a word for the event (a lead sentence)
// attaches every date to the event.
func (a *article) attachedElsewhere(s int, sp text.Span) bool {
	toks := a.doc.SentenceTokens(s)
	first, last := -1, -1 // the date's tokens
	var events []int
	for k, t := range toks {
		if t.Start >= sp.Start && t.End <= sp.End {
			if first < 0 {
				first = k
			}
			last = k
			continue
		}
		if a.x.reports(a.ev, t) || a.x.referenceAt(toks, k) != "" {
			events = append(events, k)
		}
	}
	if first < 0 {
		return false
	}
	// "a campaign that will begin on Monday, April 13": a future verb
	// just before the date, with no event word after it, dates something
	// still to come, not the event reported.
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if slices.Contains(events, k) {
			break
		}
		if a.lex.futureVerbs[toks[k].Norm] {
			return true
		}
	}
	if len(events) == 0 {
		return false
	}
	nearest, gap := -1, len(toks)
	for _, k := range events {
		d := first - k
		if k > last {
			d = k - last
		}
		if d < gap {
			nearest, gap = k, d
		}
	}
	lo, hi := nearest+1, first
	if nearest > last {
		lo, hi = last+1, nearest
	}
	opened := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		if t.Kind != text.Word {
			continue
		}
		if a.lex.clauseOpeners[t.Norm] {
			opened = true
			continue
		}
		if opened && !a.lex.attribution[t.Norm] && !a.isCap(t) && a.lex.participleOrPast(t.Norm) {
			return true
		}
	}
	return false
}

// endsPeriod reports whether the date at sp in sentence s ends a reporting
// period ("the quarter to December 31"): claim.period-ends.
func (a *article) endsPeriod(s int, sp text.Span) bool {
	toks := a.doc.SentenceTokens(s)
	k := 0
	for k < len(toks) && toks[k].Start < sp.Start {
		k++
	}
	if k == 0 {
		return false
	}
	nouns := a.lex.periodEnds[toks[k-1].Norm]
	if nouns == nil {
		return false
	}
	if nouns["*"] {
		return true
	}
	for j := k - 2; j >= 0 && j >= k-4; j-- {
		if nouns[toks[j].Norm] {
			return true
		}
	}
	return false
}

// inMasthead reports whether sp lies inside one of the article's masthead
// spans.
func (a *article) inMasthead(sp text.Span) bool { return inSpans(a.in.Masthead, sp) }

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

// finishBatch does what needs the claims of the whole batch: years for
// dates that lack one, and the frame of figures beside the event's
// participants.
func (x *Extractor) finishBatch(batch []Input, cs []Claim) {
	x.fillYearsFromBatch(cs)
	x.frameByParticipants(batch, cs)
}

// frameByParticipants makes the figures of background sentences that name
// one of the event's participants and hold a listed event word figures of
// the event: "Two judges, including Justice Mira Haas, voted to
// uphold the fine" counts the vote the sentence before reports. A
// participant is a person named in more than half of the batch's
// articles, two at least. Sentences about another time than the event
// stay background, and so do those without an event word ("Haas, who
// has sat on the bench for 20 years").
func (x *Extractor) frameByParticipants(batch []Input, cs []Claim) {
	docs := 0
	for _, in := range batch {
		if in.Doc != nil {
			docs++
		}
	}
	articles := map[string]map[int]bool{}
	for _, c := range cs {
		if c.Kind == KindPerson && c.Person != "" {
			if articles[c.Person] == nil {
				articles[c.Person] = map[int]bool{}
			}
			articles[c.Person][c.Article] = true
		}
	}
	type place struct{ article, sentence int }
	named := map[place]bool{}
	for _, c := range cs {
		if n := len(articles[c.Person]); c.Kind == KindPerson && c.Person != "" && n >= 2 && 2*n > docs {
			named[place{c.Article, c.Sentence}] = true
		}
	}
	if len(named) == 0 {
		return
	}
	for i := range cs {
		c := &cs[i]
		if c.Kind == KindNumber && c.mayJoin && named[place{c.Article, c.Sentence}] {
			c.Frame, c.Slot, c.mayJoin = FrameEvent, "event."+strings.TrimPrefix(c.Slot, "fact."), false
		}
	}
}

// fillYearsFromBatch gives event dates that still lack a year the year
// most of the batch's event dates state.
func (x *Extractor) fillYearsFromBatch(cs []Claim) {
	// Years of dates to the day or month count first: "the fourth quarter
	// of 2025" says little about when a story dated "Thursday, March 5"
	// happened.
	years, coarse := map[int]int{}, map[int]int{}
	for _, c := range cs {
		if c.Kind == KindDate && c.Slot == "event.date" && c.Resolved && c.Range.Bounded() && !c.Range.YearUnknown &&
			c.Range.First.Year == c.Range.Last.Year && c.YearFrom != "batch" {
			if c.expr.Granularity == timex.Day || c.expr.Granularity == timex.Month || c.expr.Granularity == timex.PartOfMonth {
				years[c.Range.First.Year]++
			} else {
				coarse[c.Range.First.Year]++
			}
		}
	}
	if len(years) == 0 {
		years = coarse
	}
	if len(years) == 0 {
		return
	}
	// Candidate years, most stated first (the smaller year on a tie).
	candidates := slices.Sorted(maps.Keys(years))
	sort.SliceStable(candidates, func(i, j int) bool { return years[candidates[i]] > years[candidates[j]] })
	for i := range cs {
		c := &cs[i]
		if c.Kind != KindDate || c.Slot != "event.date" || !c.Range.YearUnknown {
			continue
		}
		// "Thursday, March 5" takes the first candidate year in which
		// March 5 is a Thursday, if any.
		y := candidates[0]
		if c.expr.HasWeekday && c.expr.Day != 0 {
			for _, cy := range candidates {
				d := time.Date(cy, time.Month(c.expr.Month), c.expr.Day, 0, 0, 0, 0, time.UTC)
				if d.Weekday() == c.expr.Weekday {
					y = cy
					break
				}
			}
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
