package claims

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// ledeParagraphs is how many opening paragraphs count double when the main
// event is chosen: a story states its event at the top.
const ledeParagraphs = 3

// referenceWindow is how many words before an event reference a definite
// determiner may stand ("the bank's decision"), and before an event word a
// word of another occasion ("the previous storm").
const referenceWindow = 2

// refGeneric marks, in articleLemmas.refs, a reference to the event by a
// generic noun ("the decision"); other values are happening nouns ("storm").
const refGeneric = "*"

// mention is one event a sentence reports: the event, whether every word
// for it in the sentence weighs half (see claim.weak-event-words), and
// whether one of them is a past form ("ruled", not "ruling").
type mention struct {
	event      string
	weak, past bool
}

// articleLemmas is what is read of one article before the batch's main
// event is known: per sentence (nil outside the article's content), the
// events its words report, the references to an event it makes, and
// whether it lies in the lede.
type articleLemmas struct {
	events [][]mention
	refs   [][]string
	lede   []bool
}

// articleLemmas reads one article's event words, references and dates;
// everything is nil for an article without a document.
func (x *Extractor) articleLemmas(in Input) articleLemmas {
	doc := in.Doc
	if doc == nil {
		return articleLemmas{}
	}
	n := len(doc.Sentences)
	al := articleLemmas{events: make([][]mention, n), lede: make([]bool, n)}
	content := 0
	for p := range doc.Paragraphs {
		if in.skipped(p) {
			continue
		}
		r := doc.Paragraphs[p].Sentences
		// Words inside quotation marks report what someone said, not the
		// event ("one that strikes at the heart of who we are").
		quoted := findQuotes(doc.Text, doc.Paragraphs[p].Span)
		for s := r.First; s < r.End; s++ {
			al.lede[s] = content < ledeParagraphs
			toks := doc.SentenceTokens(s)
			for k, t := range toks {
				if t.Kind != text.Word || inQuote(quoted, t.Span) {
					continue
				}
				// One look-up tells whether a word matters here at all.
				w, ok := x.lex.eventTokens[t.Norm]
				if !ok {
					continue
				}
				// "no sign that", "sign up", "lifted off": a particle after
				// the word as written makes it another word
				// (claim.event-particles); "signed that agreement" stays.
				if w.event != "" && !(k+1 < len(toks) && x.lex.particles[t.Norm][toks[k+1].Norm]) {
					al.events[s] = addMention(al.events[s], mention{w.event, w.weak, w.past})
				}
				if w.ref != "" && x.definiteBefore(toks, k) {
					if al.refs == nil {
						al.refs = make([][]string, n)
					}
					if !contains(al.refs[s], w.ref) {
						al.refs[s] = append(al.refs[s], w.ref)
					}
				}
			}
		}
		content++
	}
	return al
}

// inQuote reports whether sp lies inside one of the quotations.
func inQuote(qs []quoteSpan, sp text.Span) bool {
	for _, q := range qs {
		if q.inner.Contains(sp) {
			return true
		}
	}
	return false
}

// refsOf returns the references sentence s makes to an event.
func (al articleLemmas) refsOf(s int) []string {
	if al.refs == nil {
		return nil
	}
	return al.refs[s]
}

// sentenceDates returns the date expressions of sentence s (spans into the
// article's text) and the years they fall in, once each, resolved against
// the publication date.
func (x *Extractor) sentenceDates(in Input, s int) ([]timex.Expr, []int) {
	var ref timex.Date
	if in.HasPublished {
		ref = in.Published
	}
	sent := in.Doc.Sentences[s]
	var exprs []timex.Expr
	var years []int
	for _, e := range x.dates.FindAll(in.Doc.Slice(sent.Span)) {
		e.Span = text.Span{Start: sent.Start + e.Span.Start, End: sent.Start + e.Span.End}
		exprs = append(exprs, e)
		if r, ok := e.Resolve(ref); ok && r.Bounded() && !r.YearUnknown {
			for y := r.First.Year; y <= r.Last.Year && y-r.First.Year < 3; y++ {
				if !containsInt(years, y) {
					years = append(years, y)
				}
			}
		}
	}
	return exprs, years
}

// addMention adds a mention to a sentence's mentions; a mention is weak
// only if every word for its event is.
func addMention(ms []mention, m mention) []mention {
	for i := range ms {
		if ms[i].event == m.event {
			ms[i].weak = ms[i].weak && m.weak
			ms[i].past = ms[i].past || m.past
			return ms
		}
	}
	return append(ms, m)
}

// referenceAt returns the reference token k makes to an event: refGeneric
// for a reference noun ("decision"), the happening for a happening noun
// ("storm"), when a definite determiner stands at most referenceWindow
// words before it ("the decision", "the bank's decision"); "" otherwise.
func (x *Extractor) referenceAt(toks []text.Token, k int) string {
	if w := x.lex.eventTokens[toks[k].Norm]; w.ref != "" && x.definiteBefore(toks, k) {
		return w.ref
	}
	return ""
}

// definiteBefore says whether a definite determiner stands at most
// referenceWindow words before token k, with only words between.
func (x *Extractor) definiteBefore(toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && k-j <= referenceWindow; j-- {
		if toks[j].Kind != text.Word {
			return false
		}
		if x.lex.definites[toks[j].Norm] {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}

// elsewhereInTime reports whether a sentence whose dates fall in the given
// years is about another time than an event of the years ev: it names
// years, and none of them is the event's.
func elsewhereInTime(years, ev []int) bool {
	if len(years) == 0 || len(ev) == 0 {
		return false
	}
	for _, y := range years {
		if containsInt(ev, y) {
			return false
		}
	}
	return true
}

// MainEvent decides what the batch reports. Each article votes once for
// every event it mentions outside skipped paragraphs, twice when the
// mention is in its first three paragraphs; words that also attribute
// speech or that news copy uses loosely ("announced", "held") weigh half.
// The event with most votes wins (ties go to the one more articles write
// in a past form, then to the one mentioned more often, then to the
// alphabetically first). When no listed event is in the
// opening paragraphs of two articles, the past-tense verb most articles use
// in their opening sentences is the event instead (Event.Inferred).
//
// Verbs that share a sentence with the winner in at least two articles
// ("met ... and signed") join it as event verbs; sentences about another
// year than the event's (Event.Years) do not count. So do events with
// claim.lede-verbs of the winner's votes, in as many ledes, written in the
// past somewhere and not weak ("voted" beside "approved").
//
// Event.Years are the publication years and the years of the dates in
// each article's first event sentence; failing those, the latest year of
// a date to the day in the ledes.
//
// The articles are read on one goroutine per CPU.
func (x *Extractor) MainEvent(batch []Input) Event {
	lemmas := make([]articleLemmas, len(batch))
	_ = workpool.Run(context.Background(), len(batch), 0, func(i int) { lemmas[i] = x.articleLemmas(batch[i]) })
	return x.mainEvent(batch, lemmas)
}

// mainEvent is MainEvent on the words read of each article.
func (x *Extractor) mainEvent(batch []Input, als []articleLemmas) Event {
	votes := map[string]int{}    // in quarters: half a vote for a weak mention outside the lede
	mentions := map[string]int{} // sentences mentioning each event
	ledeArts := map[string]int{} // articles mentioning each event in their lede
	pastArts := map[string]int{} // articles writing a past form of each event
	docs := 0
	// A lede sentence that names a year and not the article's tells another
	// occasion ("until his arrest on Sept. 14, 2022" in a report of 2026).
	// The article's year is its publication year or, without one, the
	// latest year of a full date in the batch's ledes.
	fallbackYear := -1
	for i, al := range als {
		if al.events == nil {
			continue
		}
		docs++
		year := 0
		if batch[i].HasPublished {
			year = batch[i].Published.Year
		} else {
			if fallbackYear < 0 {
				fallbackYear = x.latestLedeYear(batch, als)
			}
			year = fallbackYear
		}
		best := map[string]int{}
		inLede, past := map[string]bool{}, map[string]bool{}
		for s, ms := range al.events {
			for _, m := range ms {
				mentions[m.event]++
				past[m.event] = past[m.event] || m.past
				w := 2
				if m.weak {
					w = 1
				}
				if al.lede[s] && !(year > 0 && namesOnlyOtherYears(batch[i].Doc.SentenceTokens(s), year)) {
					w *= 2
					inLede[m.event] = true
				}
				best[m.event] = max(best[m.event], w)
			}
		}
		for l, w := range best {
			votes[l] += w
		}
		for l := range inLede {
			ledeArts[l]++
		}
		for l, p := range past {
			if p {
				pastArts[l]++
			}
		}
	}
	// The event is the one most articles report in their ledes; words
	// that recur lower down ("the toll rose", "rescuers") only break ties.
	// On a further tie, an event written as a verb ("ruled") beats one
	// written only as a noun ("the port closure").
	winner := ""
	for _, l := range sortedKeys(votes) {
		if winner == "" {
			winner = l
			continue
		}
		la, lw := ledeArts[l], ledeArts[winner]
		v, w := votes[l], votes[winner]
		if la > lw || (la == lw && (v > w || (v == w && (pastArts[l] > pastArts[winner] ||
			(pastArts[l] == pastArts[winner] && mentions[l] > mentions[winner]))))) {
			winner = l
		}
	}
	need := min(2, docs)
	var ev Event
	switch {
	case winner != "" && ledeArts[winner] >= need:
		ev.Verb = winner
	default:
		if inf, ok := x.inferVerb(batch, als); ok && len(inf.Articles) >= need && len(inf.Articles) > ledeArts[winner] {
			ev = inf
		} else {
			ev.Verb = winner
		}
	}
	if ev.Verb == "" {
		return ev
	}
	if !ev.Inferred {
		ev.Verbs = []string{ev.Verb}
	}
	// The event's years: the publication years, and the years of the
	// dates each article gives in its first event sentence (read on one
	// goroutine per CPU).
	ledeYears := make([][]int, len(batch))
	_ = workpool.Run(context.Background(), len(batch), 0, func(i int) { ledeYears[i] = x.ledeYears(batch[i], als[i], ev) })
	for i, in := range batch {
		if in.HasPublished && !containsInt(ev.Years, in.Published.Year) {
			ev.Years = append(ev.Years, in.Published.Year)
		}
		for _, y := range ledeYears[i] {
			if !containsInt(ev.Years, y) {
				ev.Years = append(ev.Years, y)
			}
		}
	}
	// With no publication date and no dated lede, the latest full date
	// the ledes give stands for the event's year: news reports what is
	// recent, and background ("arrested on Sept. 14, 2022") is older.
	if len(ev.Years) == 0 {
		if y := x.latestLedeYear(batch, als); y != 0 {
			ev.Years = []int{y}
		}
	}
	sort.Ints(ev.Years)
	if !ev.Inferred {
		x.coVerbs(batch, als, &ev)
		// An event nearly as widely reported, in the ledes of enough
		// articles, is another word for the same happening: a council
		// "voted" and "approved" the budget, a storm "flooded" a coast
		// and "killed" four.
		for _, l := range sortedKeys(votes) {
			if l != ev.Verb && !contains(ev.Verbs, l) && ledeArts[l] >= need && pastArts[l] > 0 &&
				!x.lex.weakEvent[l] && float64(votes[l]) >= x.lex.ledeVerbShare*float64(votes[ev.Verb]) {
				ev.Verbs = append(ev.Verbs, l)
			}
		}
		sort.Strings(ev.Verbs)
	}
	if ev.Inferred {
		ev.Noun, ev.Agent = "event", "participant"
	} else {
		ev.Noun, _ = x.lex.eventNouns.Lookup(ev.Verb)
		if ev.Noun == "" {
			ev.Noun = ev.Verb
		}
		ev.Agent, _ = x.lex.eventAgents.Lookup(ev.Verb)
		if ev.Agent == "" {
			ev.Agent = "participant"
		}
	}
	if h := x.happeningOf(batch, als, ev); h != "" {
		ev.Noun, ev.happening = h, h
	}
	return ev
}

// coVerbs finds the articles reporting a listed main event and the verbs
// that share its sentences in two or more of them, leaving out sentences
// about another time than the event's. Only the sentences of verbs that
// could reach two articles have their dates read, until two articles count.
func (x *Extractor) coVerbs(batch []Input, als []articleLemmas, ev *Event) {
	type place struct{ article, sentence int }
	where := map[string][]place{} // per co-occurring verb, its sentences, in order
	for i, al := range als {
		reports := false
		for s, ms := range al.events {
			if !hasEvent(ms, ev.Verb) {
				continue
			}
			reports = true
			for _, m := range ms {
				if m.event != ev.Verb {
					where[m.event] = append(where[m.event], place{i, s})
				}
			}
		}
		if reports {
			ev.Articles = append(ev.Articles, i)
		}
	}
	years := map[place][]int{}
	for _, l := range sortedKeys(where) {
		ps := where[l]
		if ps[0].article == ps[len(ps)-1].article {
			continue // one article only
		}
		arts := map[int]bool{}
		for _, p := range ps {
			if arts[p.article] || len(arts) >= 2 {
				continue
			}
			y, ok := years[p]
			if !ok {
				_, y = x.sentenceDates(batch[p.article], p.sentence)
				years[p] = y
			}
			if !elsewhereInTime(y, ev.Years) {
				arts[p.article] = true
			}
		}
		if len(arts) >= 2 {
			ev.Verbs = append(ev.Verbs, l)
		}
	}
	sort.Strings(ev.Verbs)
}

func hasEvent(ms []mention, ev string) bool {
	for _, m := range ms {
		if m.event == ev {
			return true
		}
	}
	return false
}

// reports says whether token t is a word for the main event: a listed word
// of one of ev.Verbs, or a form of an inferred verb.
func (x *Extractor) reports(ev Event, t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if ev.Inferred {
		k, _ := x.lex.verbKey(t.Norm)
		return k == ev.stem
	}
	v, ok := x.lex.eventWords[t.Norm]
	return ok && contains(ev.Verbs, v)
}

// firstEventSentence returns the first sentence of an article, outside
// skipped paragraphs, that holds the main event's own word (not a co-verb
// nor a reference), and the token of that word; -1, -1 when there is none.
func (x *Extractor) firstEventSentence(in Input, al articleLemmas, ev Event) (int, int) {
	for s := range al.events {
		if !activeSentence(in, s) || (!ev.Inferred && !hasEvent(al.events[s], ev.Verb)) {
			continue
		}
		for k, t := range in.Doc.SentenceTokens(s) {
			if x.isMainVerb(ev, t) {
				return s, k
			}
		}
	}
	return -1, -1
}

// isMainVerb says whether token t is a word for the main event itself.
func (x *Extractor) isMainVerb(ev Event, t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if ev.Inferred {
		k, _ := x.lex.verbKey(t.Norm)
		return k == ev.stem
	}
	return x.lex.eventWords[t.Norm] == ev.Verb
}

func activeSentence(in Input, s int) bool {
	return !in.skipped(in.Doc.Sentences[s].Paragraph)
}

// latestLedeYear returns the latest year of a date to the day ("10 March
// 2026") in the batch's ledes, or 0 when there is none.
func (x *Extractor) latestLedeYear(batch []Input, als []articleLemmas) int {
	latest := 0
	for i, in := range batch {
		if in.Doc == nil || als[i].lede == nil {
			continue
		}
		for s, lede := range als[i].lede {
			if !lede || !activeSentence(in, s) {
				continue
			}
			exprs, _ := x.sentenceDates(in, s)
			for _, e := range exprs {
				if e.Granularity != timex.Day || e.NeedsYear() || inSpans(in.Masthead, e.Span) {
					continue
				}
				if r, ok := e.Resolve(timex.Date{}); ok && r.Bounded() && !r.YearUnknown {
					latest = max(latest, r.First.Year)
				}
			}
		}
	}
	return latest
}

// inSpans reports whether sp lies inside one of spans.
func inSpans(spans []text.Span, sp text.Span) bool {
	for _, m := range spans {
		if m.Start <= sp.Start && sp.End <= m.End {
			return true
		}
	}
	return false
}

// ledeYears returns the years of the day, weekday or month dates an
// article gives in its first event sentence, if that lies in its lede.
func (x *Extractor) ledeYears(in Input, al articleLemmas, ev Event) []int {
	if in.Doc == nil || al.events == nil {
		return nil
	}
	s, _ := x.firstEventSentence(in, al, ev)
	if s < 0 || !al.lede[s] {
		return nil
	}
	var ref timex.Date
	if in.HasPublished {
		ref = in.Published
	}
	exprs, _ := x.sentenceDates(in, s)
	var years []int
	for _, e := range exprs {
		if e.Granularity == timex.Year || e.Granularity == timex.PartOfYear {
			continue
		}
		if r, ok := e.Resolve(ref); ok && r.Bounded() && !r.YearUnknown && r.First.Year == r.Last.Year && !containsInt(years, r.First.Year) {
			years = append(years, r.First.Year)
		}
	}
	return years
}

// happeningOf returns the happening most reporting articles name in their
// first event sentence, before the event word ("A powerful storm hit") or
// after it ("four died after a storm drove the sea inland"), or "" when
// fewer than most of them name one.
func (x *Extractor) happeningOf(batch []Input, als []articleLemmas, ev Event) string {
	counts := map[string]int{}
	reporting := 0
	for i, in := range batch {
		if in.Doc == nil || als[i].events == nil {
			continue
		}
		s, _ := x.firstEventSentence(in, als[i], ev)
		// Any word for the event will do: "four died after a storm" names
		// the storm whichever of its verbs won.
		for t, ms := range als[i].events {
			if s >= 0 && t >= s {
				break
			}
			if !ev.Inferred && activeSentence(in, t) && slices.ContainsFunc(ms, func(m mention) bool { return contains(ev.Verbs, m.event) }) {
				s = t
				break
			}
		}
		if s < 0 {
			continue
		}
		reporting++
		seen := map[string]bool{}
		for _, t := range in.Doc.SentenceTokens(s) {
			if h, ok := x.lex.happening[strings.TrimSuffix(t.Norm, "'s")]; ok && t.Kind == text.Word && !seen[h] {
				seen[h] = true
				counts[h]++
			}
		}
	}
	best := ""
	for _, h := range sortedKeys(counts) {
		if 2*counts[h] > reporting && reporting >= 1 && (best == "" || counts[h] > counts[best]) {
			best = h
		}
	}
	return best
}

// namesOnlyOtherYears reports a sentence that writes a year (a number from
// 1900 to 2100 standing alone) and never the year given.
func namesOnlyOtherYears(toks []text.Token, year int) bool {
	other := false
	for _, t := range toks {
		if t.Kind != text.Number || len(t.Norm) != 4 {
			continue
		}
		y, err := strconv.Atoi(t.Norm)
		if err != nil || y < 1900 || y > 2100 {
			continue
		}
		if y == year {
			return false
		}
		other = true
	}
	return other
}

// inferVerb finds the event of a batch whose articles share no listed event
// word in their opening paragraphs: the verb, in a past form, that most
// articles use in their opening sentences (the first sentence of each of
// their first ledeParagraphs paragraphs). Attribution verbs, auxiliaries,
// listed event words, words in claim.verb-stopwords, capitalised and
// hyphenated words, and past forms after a definite determiner ("the
// proposed merger") are left out. Ties go to the verb used more often, then
// to the alphabetically first. Event.Verb is the form most articles write.
func (x *Extractor) inferVerb(batch []Input, als []articleLemmas) (Event, bool) {
	arts := map[string][]int{}
	uses := map[string]int{}
	forms := map[string]map[string]int{}
	for i, in := range batch {
		if in.Doc == nil || als[i].events == nil {
			continue
		}
		seen := map[string]bool{}
		content := 0
		for p := range in.Doc.Paragraphs {
			if in.skipped(p) {
				continue
			}
			if content >= ledeParagraphs {
				break
			}
			content++
			r := in.Doc.Paragraphs[p].Sentences
			if r.Len() == 0 {
				continue
			}
			toks := in.Doc.SentenceTokens(r.First)
			for k, t := range toks {
				key, ok := x.eventVerbCandidate(in.Doc, toks, k)
				if !ok {
					continue
				}
				uses[key]++
				if forms[key] == nil {
					forms[key] = map[string]int{}
				}
				forms[key][t.Norm]++
				if !seen[key] {
					seen[key] = true
					arts[key] = append(arts[key], i)
				}
			}
		}
	}
	best := ""
	for _, k := range sortedKeys(arts) {
		if best == "" || len(arts[k]) > len(arts[best]) || (len(arts[k]) == len(arts[best]) && uses[k] > uses[best]) {
			best = k
		}
	}
	if best == "" {
		return Event{}, false
	}
	form := ""
	for _, f := range sortedKeys(forms[best]) {
		if form == "" || forms[best][f] > forms[best][form] {
			form = f
		}
	}
	return Event{Verb: form, Verbs: []string{form}, Articles: arts[best], Inferred: true, stem: best}, true
}

// eventVerbCandidate says whether token k of a sentence can be the event
// verb inferVerb looks for, and returns the form all its forms share.
func (x *Extractor) eventVerbCandidate(doc *text.Document, toks []text.Token, k int) (string, bool) {
	t := toks[k]
	if t.Kind != text.Word || len(t.Norm) < 3 || strings.ContainsAny(t.Norm, "-'") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(doc.Text[t.Start:])
	if !unicode.IsLower(r) {
		return "", false
	}
	l := x.lex
	if l.verbStop[t.Norm] || l.attribution[t.Norm] || l.function[t.Norm] {
		return "", false
	}
	if _, listed := l.eventWords[t.Norm]; listed {
		return "", false
	}
	key, past := l.verbKey(t.Norm)
	if !past || len(key) < 3 {
		return "", false
	}
	if k > 0 && (l.definites[toks[k-1].Norm] || l.is(toks[k-1].Norm, gramDeterminer)) {
		return "", false
	}
	return key, true
}
