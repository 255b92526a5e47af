package claims

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// FactFrame says what a claim's value is about, read from the dependency
// tree of its sentence: whose value it is, what it measures, and the
// qualifiers that say when, relative to what and how surely it holds. Two
// values are compared only when their frames say they are about the same
// thing (see Compare); every field is "" when the sentence does not say.
type FactFrame struct {
	// Subject is the comparison form of who or what the value belongs to:
	// the subject of the verb it hangs on ("mobileye", "the building").
	Subject string
	// Measure is what a number measures beyond its unit: the noun it is
	// the value of ("depth" in "a depth of 10 kilometres", "inflation" in
	// "an inflation rate of 8.2 percent"), "" when the unit says it all.
	Measure string
	// Predicate is the lemma of the verb (or event noun) the value hangs
	// on ("kill", "buy", "oust"), mapped to its event when the event
	// table lists it ("signed" and "signing" are "sign").
	Predicate string
	// Time is when the value holds, when the sentence dates it apart from
	// the value itself: the comparison form of a date claim on the same
	// verb, with its preposition ("by:2026-03-11", "on:weekday:monday"),
	// or a time word ("overnight").
	Time string
	// Reference is the place or value a distance or change is measured
	// from ("chongqing" in "120 km southwest of Chongqing").
	Reference string
	// Holder is, for a count that describes a thing, the thing ("building"
	// in "a four-storey building"): the figure is an attribute of it, and
	// is compared only with figures of the same kind of thing.
	Holder string
	// Change is "by" for an amount of change ("cut by 0.25 points"), "to"
	// for a level reached ("cut to 4.5 percent"), "from" for the level
	// left, "" for a plain level or count.
	Change string
	// Modality is "" for a value asserted as fact; otherwise a class from
	// claim.modality: "expected" ("are expected to sign", "will"),
	// "possible" ("could"), "denied" ("did not"), "earlier" ("earlier
	// reports said 12", "initially").
	Modality string
	// Source is who the value is credited to, as written ("police", "Ana
	// Roux"): the subject of a reporting verb above it, or the phrase
	// after "according to".
	Source string
}

// parsed is one sentence's dependency analysis, with the offset of the
// sentence's start in the article's text (word offsets are into the
// sentence).
type parsed struct {
	s    *nlp.Sentence
	base int
}

// parseOf returns the analysis of sentence s, made on first use.
func (a *article) parseOf(s int) *parsed {
	if a.parses == nil {
		a.parses = make([]*parsed, len(a.doc.Sentences))
	}
	if p := a.parses[s]; p != nil {
		return p
	}
	sp := a.doc.Sentences[s].Span
	p := &parsed{s: a.x.nlp.ParseText(a.doc.Slice(sp)), base: sp.Start}
	a.parses[s] = p
	return p
}

// words returns the words of p that overlap sp, in order.
func (p *parsed) words(sp text.Span) []int {
	var out []int
	for i, w := range p.s.Words {
		if p.base+w.Start < sp.End && sp.Start < p.base+w.End {
			out = append(out, i)
		}
	}
	return out
}

// anchor returns the word heading the words that overlap sp: the one whose
// head lies outside them (the rightmost, if several do), or -1.
func (p *parsed) anchor(sp text.Span) int {
	ws := p.words(sp)
	best := -1
	for _, i := range ws {
		h := p.s.Words[i].Head
		inside := false
		for _, j := range ws {
			if j == h {
				inside = true
			}
		}
		if !inside {
			best = i
		}
	}
	return best
}

// numberAnchor returns the word a figure's frame is read from: its currency
// sign ("$1.2 billion"), else its last noun ("More than 4,000 dock
// workers", "1.2 billion dollars"), else its last number; top (the head of
// the span's words) when there is none of these.
func (p *parsed) numberAnchor(sp text.Span, top int) int {
	ws := p.words(sp)
	for _, i := range ws {
		if p.s.Words[i].XPOS == "$" {
			return i
		}
	}
	for k := len(ws) - 1; k >= 0; k-- {
		if u := p.upos(ws[k]); u == "NOUN" || u == "PROPN" {
			return ws[k]
		}
	}
	for k := len(ws) - 1; k >= 0; k-- {
		if p.upos(ws[k]) == "NUM" {
			return ws[k]
		}
	}
	return top
}

// countedNoun returns the noun a number at word w counts ("12" in "12
// people" gives "people"), or w itself.
func (p *parsed) countedNoun(w int) int {
	if nlp.RelIs(p.rel(w), "nummod") && p.head(w) >= 0 {
		return p.head(w)
	}
	return w
}

// span returns the document span of word i.
func (p *parsed) span(i int) text.Span {
	w := p.s.Words[i]
	return text.Span{Start: p.base + w.Start, End: p.base + w.End}
}

func (p *parsed) lemma(i int) string { return p.s.Words[i].Lemma }
func (p *parsed) rel(i int) string   { return p.s.Words[i].Rel }
func (p *parsed) head(i int) int     { return p.s.Words[i].Head }
func (p *parsed) upos(i int) string  { return p.s.Words[i].UPOS }

// isVerbal reports whether word i heads a clause: a verb, or a word with a
// copula ("was 46,417", "is responsible").
func (p *parsed) isVerbal(i int) bool {
	return p.upos(i) == "VERB" || p.s.Child(i, "cop") >= 0
}

// caseOf returns the lemma of the preposition marking word i ("of", "by"),
// "" when none.
func (p *parsed) caseOf(i int) string {
	var out []string
	for _, k := range p.s.Children(i) {
		if nlp.RelIs(p.rel(k), "case") && k < i {
			out = append(out, p.lemma(k))
		}
	}
	return strings.Join(out, " ")
}

// clauseOf returns the clause word i belongs to: the nearest verbal word
// above it (itself when verbal), or the root.
func (p *parsed) clauseOf(i int) int {
	path := p.s.PathToRoot(i)
	for _, k := range path {
		if p.isVerbal(k) {
			return k
		}
	}
	return path[len(path)-1]
}

// phrase returns the folded words of the name or noun phrase headed by
// word i: its compound, flat and proper-noun modifiers and itself, in order.
func (p *parsed) phrase(i int) string {
	parts := []int{i}
	for _, k := range p.s.Children(i) {
		r := p.rel(k)
		if nlp.RelIs(r, "compound") || nlp.RelIs(r, "flat") || (r == "amod" && p.upos(k) == "PROPN") {
			parts = append(parts, k)
			for _, g := range p.s.Children(k) {
				if nlp.RelIs(p.rel(g), "flat") || nlp.RelIs(p.rel(g), "compound") {
					parts = append(parts, g)
				}
			}
		}
	}
	sort.Ints(parts)
	words := make([]string, 0, len(parts))
	for _, k := range parts {
		words = append(words, text.Fold(p.s.Words[k].Text))
	}
	return strings.Join(words, " ")
}
