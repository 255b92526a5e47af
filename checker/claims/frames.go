package claims

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// frameClaims reads the fact frame of every date, number, place and person
// claim from the dependency tree of its sentence. Only sentences that hold
// such a claim are parsed.
func (a *article) frameClaims() {
	if a.x.nlp == nil {
		return
	}
	bySentence := map[int][]int{}
	var order []int
	for i, c := range a.claims {
		switch c.Kind {
		case KindDate, KindNumber, KindPlace, KindPerson:
		default:
			continue
		}
		if _, ok := bySentence[c.Sentence]; !ok {
			order = append(order, c.Sentence)
		}
		bySentence[c.Sentence] = append(bySentence[c.Sentence], i)
	}
	for _, s := range order {
		p := a.parseOf(s)
		// Dates first: whether a date is the event's decides whether it
		// times the sentence's figures.
		ids := bySentence[s]
		sort.SliceStable(ids, func(x, y int) bool {
			return (a.claims[ids[x]].Kind == KindDate) && (a.claims[ids[y]].Kind != KindDate)
		})
		for _, i := range ids {
			c := &a.claims[i]
			w := p.anchor(c.Span)
			if c.Kind == KindNumber {
				w = p.numberAnchor(c.Span, w)
			}
			if w < 0 {
				continue
			}
			if !c.based {
				ref := c.Fact.Reference // a clock time's zone, read with it
				c.Fact = a.frameAt(p, w, c, ids)
				if ref != "" {
					c.Fact.Reference = ref
				}
			}
			c.anchor = w
			switch c.Kind {
			case KindPlace:
				c.holds = a.placeHeld(p, w)
			case KindDate:
				c.spoken = a.spokenDate(p, w)
			}
			c.anchored = a.eventAnchored(p, w)
			a.refineSlot(c, p)
		}
	}
}

// frameAt reads the frame of claim c, whose words are headed by word w of
// p; siblings are the claims of the same sentence (by index into
// a.claims), whose dates can time c.
func (a *article) frameAt(p *parsed, w int, c *Claim, siblings []int) FactFrame {
	var f FactFrame
	pred := p.clauseOf(w)
	if c.Kind == KindDate || c.Kind == KindPlace {
		// A date or place on a noun ("the signing on Wednesday", "Wednesday's
		// vote") dates that noun when the event table knows it.
		if h := p.head(w); h >= 0 && pred != w && p.upos(h) == "NOUN" && a.lex.eventWords[text.Fold(p.s.Words[h].Text)] != "" {
			pred = h
		}
		// "signed in 1996 and in force since 1997": a date on a noun set
		// beside the verb dates that noun's state, not the verb
		if h := p.head(w); h >= 0 && h != pred && p.upos(h) == "NOUN" && nlp.RelIs(p.rel(h), "conj") && p.head(h) == pred {
			pred = h
		}
	}
	if pred == w && c.Kind != KindNumber {
		pred = -1
	}
	if pred >= 0 {
		f.Predicate = a.predicateKey(p, pred)
		if pred == w && p.upos(w) == "NUM" {
			// "The attendance was 46,417": the figure heads its clause
			f.Predicate = "be"
		}
		f.Subject = a.subjectOf(p, pred, w)
		c.patient, c.passive = patientOf(p, pred, w)
		if f.Subject == "" && a.itSubject(p, pred) {
			// "South Korea understands that it must ...": "it" in a clause
			// below the main one is the main clause's subject; "The dam
			// holds waste. It was built in 1994.": else the thing the
			// sentence before was about
			if f.Subject = mainSubject(p, pred); f.Subject == "" {
				f.Subject = a.previousSubject(c.Sentence)
			}
		}
		f.Modality = a.modalityOf(p, pred)
		if c.Kind == KindDate && a.actOfPlanning(p, pred) {
			// "the mayor, who first proposed the levy in September 2024":
			// the date is when the plan was made, a fact
			f.Modality = ""
		}
		f.Source = a.sourceOf(p, pred)
	}
	if c.Kind == KindNumber {
		// "a four-storey building", "the 12-carriage train": a count that
		// describes a thing is an attribute of it, whatever verb the
		// thing hangs on
		if h := p.head(w); h >= 0 && w != pred && p.upos(h) == "NOUN" && !a.isMeasured(c) && !strings.HasPrefix(c.Unit, ordinalUnitPrefix) &&
			(nlp.RelIs(p.rel(w), "compound") || p.rel(w) == "amod") {
			f.Subject, f.Predicate, f.Holder = p.lemma(h), "", p.lemma(h)
		}
		// "spoke about the €45m strand": a sum written before a noun is
		// that thing's value, not any sum the clause names; unless the
		// thing is the event's own ("awarded a $1.2 billion contract",
		// "a $2 billion agreement")
		if h := p.head(w); h >= 0 && w != pred && p.upos(h) == "NOUN" && strings.HasPrefix(c.Unit, "money:") &&
			(nlp.RelIs(p.rel(w), "compound") || p.rel(w) == "amod" || p.rel(w) == "nummod") && !a.eventsThing(p, h) {
			c.thing = p.lemma(h)
		}
		a.stateFromTree(p, w, pred, c)
		measured := a.isMeasured(c)
		f.Measure = a.measureOf(p, w, pred, measured)
		if f.Measure == "" && strings.HasPrefix(c.Unit, "money:") {
			f.Measure = a.perAfter(c.Span) // "worth £6m a year", however parsed
		}
		if measured {
			// a distance is from somewhere; a count of residents "from
			// villages north of Corvale" is not
			f.Change = a.changeOf(p, w)
			f.Reference = a.referenceOf(p, w, c.Unit)
		}
		if f.Modality == "" {
			f.Modality = a.modalityOf(p, w)
		}
		if f.Modality == "" && a.partOfCount(p, w) {
			f.Modality = "part"
		}
		if scope := a.inclusionAfter(c); scope != "" {
			f.Measure = strings.TrimSpace(f.Measure + " " + scope)
		}
		f.Time = a.timeOf(p, w, pred, c, siblings)
	}
	return f
}

// itSubject reports whether the clause at pred has "it" as its subject.
func (a *article) itSubject(p *parsed, pred int) bool {
	for _, k := range p.s.Children(pred) {
		if nlp.RelIs(p.rel(k), "nsubj") && text.Fold(p.s.Words[k].Text) == "it" {
			return true
		}
	}
	return false
}

// mainSubject returns the subject of the sentence's main clause when the
// clause at pred is its complement ("understands that it must") and that
// subject is a noun or a name; "". A relative clause's "it" ("Kellbrook,
// which won the contracts it bid for") is not the main subject.
func mainSubject(p *parsed, pred int) string {
	root := p.s.Root()
	if root < 0 || root == pred || p.head(pred) != root || !nlp.RelIs(p.rel(pred), "ccomp") {
		return ""
	}
	for _, k := range p.s.Children(root) {
		if nlp.RelIs(p.rel(k), "nsubj") && k < pred && (p.upos(k) == "NOUN" || p.upos(k) == "PROPN") {
			return p.phrase(k)
		}
	}
	return ""
}

// previousSubject returns the subject of the main clause of the sentence
// before s in the same paragraph, when it is a noun or a name, or else the
// first such word before its verb; "" when there is none.
func (a *article) previousSubject(s int) string {
	if s == 0 || a.doc.Sentences[s-1].Paragraph != a.doc.Sentences[s].Paragraph {
		return ""
	}
	p := a.parseOf(s - 1)
	root := p.s.Root()
	if root < 0 {
		return ""
	}
	for _, k := range p.s.Children(root) {
		if nlp.RelIs(p.rel(k), "nsubj") {
			if p.upos(k) == "NOUN" || p.upos(k) == "PROPN" {
				return p.phrase(k)
			}
			return ""
		}
	}
	// no subject in the tree (a verb tagged as a noun: "The dam belongs
	// to ..."): the sentence's first noun outside a prepositional phrase
	for k := range p.s.Words {
		if (p.upos(k) == "NOUN" || p.upos(k) == "PROPN") && p.s.Child(k, "case") < 0 {
			return text.Fold(p.s.Words[k].Text)
		}
		if p.upos(k) == "VERB" || p.upos(k) == "AUX" {
			break
		}
	}
	return ""
}

// eventsThing says whether the noun at word n is the event or what it acts
// on: a word for the event ("the deal", "the award") or the object of one
// ("awarded a contract", "announced a fund").
func (a *article) eventsThing(p *parsed, n int) bool {
	if a.reportsEvent(p, n) {
		return true
	}
	h := p.head(n)
	return h >= 0 && (nlp.RelIs(p.rel(n), "obj") || nlp.RelIs(p.rel(n), "nsubj:pass")) && a.reportsEvent(p, h)
}

// predicateKey names the verb or event noun at word i: the event the event
// table maps its form to ("signed", "signing" → "sign"), else its lemma,
// with a verb particle ("walk out", "go public").
func (a *article) predicateKey(p *parsed, i int) string {
	form := text.Fold(p.s.Words[i].Text)
	if ev := a.lex.eventWords[form]; ev != "" {
		return ev
	}
	key := p.lemma(i)
	for _, k := range p.s.Children(i) {
		if p.rel(k) == "compound:prt" {
			key += " " + p.lemma(k)
		}
	}
	return key
}

// subjectOf returns the comparison form of the subject of the clause at
// pred, unless it is the claim's own phrase (w) or a pronoun.
//
// A relative clause or a participle after a noun is about that noun:
// "Slaney Valley Hospital Group, which was founded in 2013", "Norvale,
// founded in 1998".
func (a *article) subjectOf(p *parsed, pred, w int) string {
	relative := nlp.RelIs(p.rel(pred), "acl") && p.head(pred) >= 0 && !p.s.Dominates(pred, p.head(pred))
	for _, k := range p.s.Children(pred) {
		if !nlp.RelIs(p.rel(k), "nsubj") || p.s.Dominates(k, w) {
			continue
		}
		if p.upos(k) == "PRON" || p.upos(k) == "DET" {
			if relative && a.lex.relativePronouns[text.Fold(p.s.Words[k].Text)] {
				return p.phrase(p.head(pred))
			}
			return ""
		}
		return a.occasionOf(p, k) + p.phrase(k)
	}
	if relative && p.upos(p.head(pred)) != "PRON" {
		return p.phrase(p.head(pred))
	}
	// "Founded in 1998 as a charter operator, Norvale has grown": a
	// participle before the clause is about the clause's subject
	if h := p.head(pred); h > pred && p.rel(pred) == "advcl" && strings.HasPrefix(p.s.Words[pred].XPOS, "VB") && p.s.Child(pred, "mark") < 0 {
		for _, k := range p.s.Children(h) {
			if nlp.RelIs(p.rel(k), "nsubj") && p.upos(k) != "PRON" && p.upos(k) != "DET" {
				return p.phrase(k)
			}
		}
	}
	return ""
}

// occasionOf returns a word of claim.other-occasion that modifies the noun
// at k, followed by a space ("previous " for "the forum's previous
// summit"), or "": a subject so marked is another occasion's thing than
// the same noun without it.
func (a *article) occasionOf(p *parsed, k int) string {
	for _, m := range p.s.Children(k) {
		if r := p.rel(m); r != "amod" && r != "advmod" {
			continue
		}
		if w := text.Fold(p.s.Words[m].Text); a.lex.otherOccasion[w] {
			return w + " "
		}
	}
	return ""
}

// patientOf returns the noun phrase the verb at pred acts on, outside the
// value at w itself: its passive subject (and true), or else its object.
func patientOf(p *parsed, pred, w int) (string, bool) {
	obj := ""
	for _, k := range p.s.Children(pred) {
		if k == w || (p.upos(k) != "NOUN" && p.upos(k) != "PROPN") {
			continue
		}
		switch p.rel(k) {
		case "nsubj:pass":
			return p.phrase(k), true
		case "obj":
			if obj == "" {
				obj = p.phrase(k)
			}
		}
	}
	return obj, false
}

// actOfPlanning says whether the clause at pred is a plan or forecast made,
// in the simple past and the active voice ("proposed", "planned",
// "forecast"), whose own modality (claim.modality: expected) is its only
// one: a date on it says when the plan was made, not when the planned
// thing happens ("is expected in March", "was scheduled for May" stay
// expected).
func (a *article) actOfPlanning(p *parsed, pred int) bool {
	if a.lex.modality[p.lemma(pred)] != "expected" || p.s.Words[pred].XPOS != "VBD" {
		return false
	}
	for _, k := range p.s.Children(pred) {
		r := p.rel(k)
		if nlp.RelIs(r, "aux") || r == "advmod" || r == "neg" {
			if a.lex.modality[p.lemma(k)] != "" && a.lex.modality[p.lemma(k)] != "earlier" {
				return false
			}
		}
	}
	r := p.rel(pred)
	return r != "xcomp" && r != "ccomp"
}

// modalityOf returns the modality class of the clause at i and the verbs
// it hangs from by xcomp ("are expected to sign"): an auxiliary, the verb
// itself or an adverb listed in claim.modality.
func (a *article) modalityOf(p *parsed, i int) string {
	for steps := 0; i >= 0 && steps < 4; steps++ {
		if m := a.lex.modality[p.lemma(i)]; m != "" && p.upos(i) != "NOUN" {
			return m
		}
		for _, k := range p.s.Children(i) {
			r := p.rel(k)
			if nlp.RelIs(r, "aux") || r == "advmod" || r == "neg" {
				// "X will acquire Y for €4.2 billion": the future of the
				// event itself is how deals are reported, not a forecast.
				if nlp.RelIs(r, "aux") && a.lex.futureAux[p.lemma(k)] && a.reportsEvent(p, i) {
					continue
				}
				if m := a.lex.modality[p.lemma(k)]; m != "" {
					return m
				}
			}
		}
		if r := p.rel(i); r != "xcomp" && r != "ccomp" {
			break
		}
		i = p.head(i)
	}
	return ""
}

// sourceOf returns who the clause at pred is credited to: the subject of a
// reporting verb it is the complement of ("police said 12 died"), or the
// phrase after "according to".
func (a *article) sourceOf(p *parsed, pred int) string {
	for _, k := range p.s.Children(pred) {
		if nlp.RelIs(p.rel(k), "obl") && strings.HasPrefix(p.caseOf(k), "accord") {
			return p.phrase(k)
		}
	}
	h := p.head(pred)
	if h < 0 {
		return ""
	}
	if r := p.rel(pred); r != "ccomp" && r != "parataxis" {
		return ""
	}
	if !a.lex.attribution[text.Fold(p.s.Words[h].Text)] {
		return ""
	}
	for _, k := range p.s.Children(h) {
		if nlp.RelIs(p.rel(k), "nsubj") {
			return p.phrase(k)
		}
	}
	return ""
}

// measureOf returns the noun a number is the value of: the noun its phrase
// modifies with "of" ("a depth of 10 kilometres"), or, when the number is
// what a clause says its subject is or becomes ("The attendance was
// 46,417", "inflation rose to 8.3%"), that subject. Generic heads
// (claim.measure-heads: "rate", "level", "figure") give way to the noun
// they are the rate of ("the inflation rate" is "inflation").
func (a *article) measureOf(p *parsed, w, pred int, measured bool) string {
	n := p.countedNoun(w)
	if per := a.perUnit(p, n); per != "" {
		return per
	}
	if !measured {
		// a count of a noun ("1,500 workers", "the strike by 14,000
		// dockers") measures that noun, whatever holds it
		return ""
	}
	h := p.head(n)
	switch {
	case h >= 0 && nlp.RelIs(p.rel(n), "nmod") && p.upos(h) == "NOUN" && p.caseOf(n) == "of":
		// "a depth of 10 kilometres", "an inflation rate of 8.2 percent";
		// "elected mayor with 54.2 percent" measures no mayor
		return a.measureNoun(p, h)
	case pred == n:
		// the number heads a copular clause: "The attendance was 46,417"
		if k := p.s.Child(n, "nsubj"); k >= 0 && p.upos(k) == "NOUN" {
			return a.measureNoun(p, k)
		}
	case h == pred && pred >= 0 && a.lex.levelVerbs[p.lemma(pred)] &&
		(nlp.RelIs(p.rel(n), "obl") || nlp.RelIs(p.rel(n), "obj") || p.rel(n) == "xcomp"):
		// "inflation ticked up to 8.3%", "the toll has risen to 69"
		if k := p.s.Child(pred, "nsubj"); k >= 0 && p.upos(k) == "NOUN" && !p.s.Dominates(k, w) {
			return a.measureNoun(p, k)
		}
	}
	return ""
}

// isMeasured says whether a figure's unit measures rather than counts: an
// amount of money, a percentage, a measure (claim.measures) or a bare
// number whose noun the sentence leaves out.
func (a *article) isMeasured(c *Claim) bool {
	switch {
	case c.Unit == "" || c.Unit == "percent" || c.Unit == "multiplier" || strings.HasPrefix(c.Unit, "money:"):
		return true
	}
	_, ok := a.lex.measures[c.Unit]
	return ok
}

// perUnit returns "per <noun>" for a figure given per something ("$63.54
// a share", "$5 per month", "€20 each"): a rate, never the same measure as
// a total.
func (a *article) perUnit(p *parsed, n int) string {
	for _, k := range p.s.Children(n) {
		r := p.rel(k)
		if k < n || p.upos(k) != "NOUN" || r == "conj" || nlp.RelIs(r, "acl") {
			continue
		}
		if (nlp.RelIs(r, "nmod") || nlp.RelIs(r, "obl")) && p.caseOf(k) == "per" {
			return "per " + p.lemma(k)
		}
		if !strings.HasSuffix(r, ":npmod") && !strings.HasSuffix(r, ":unmarked") && !strings.HasSuffix(r, ":tmod") {
			continue
		}
		for _, d := range p.s.Children(k) {
			l := p.lemma(d)
			if d < k && (l == "a" || l == "an" || l == "each" || l == "every") {
				return "per " + p.lemma(k)
			}
		}
	}
	return ""
}

// measureNoun returns the comparison form of the measure noun at i: its
// lemma, or for a generic head its compound ("inflation rate" →
// "inflation").
func (a *article) measureNoun(p *parsed, i int) string {
	l := p.lemma(i)
	if a.lex.measureHeads[l] {
		for _, k := range p.s.Children(i) {
			if nlp.RelIs(p.rel(k), "compound") || (p.rel(k) == "amod" && p.upos(k) != "ADJ") {
				if a.lex.valueHolders[p.lemma(k)] {
					return ""
				}
				return p.lemma(k)
			}
		}
		return "" // "a contract worth $1.2 billion": worth says no more than the money
	}
	if a.lex.valueHolders[l] || a.lex.unitWords[l] {
		// "a $1.2 billion contract" is the value of the event's contract;
		// "a quarter point to 4.25 per cent" measures no point
		return ""
	}
	if u, ok := a.lex.unitGroups.Lookup(l); ok {
		return u
	}
	return l
}

// changeOf says whether a number is an amount of change ("by"), a level
// reached ("to") or a level left ("from"), by its preposition.
func (a *article) changeOf(p *parsed, w int) string {
	n := p.countedNoun(w)
	return a.lex.changePreps[p.caseOf(n)]
}

// referenceOf returns the point a distance is measured from: a proper noun
// marked "of" or "from" under the number's phrase ("120 kilometres
// southwest of Chongqing", "20 km from Valm").
func (a *article) referenceOf(p *parsed, w int, unit string) string {
	n := p.countedNoun(w)
	var find func(i, depth int) string
	find = func(i, depth int) string {
		for _, k := range p.s.Children(i) {
			if k == w {
				continue
			}
			r := p.rel(k)
			if (nlp.RelIs(r, "nmod") || nlp.RelIs(r, "obl")) && p.upos(k) == "PROPN" {
				if c := p.caseOf(k); c == "of" || a.lex.referencePreps[c] {
					return p.phrase(k)
				}
			}
			if depth > 0 && (r == "advmod" || r == "amod") {
				if s := find(k, depth-1); s != "" {
					return s
				}
			}
		}
		return ""
	}
	if ref := find(n, 1); ref != "" {
		return ref
	}
	if strings.HasPrefix(unit, "money") || unit == "percent" {
		return "" // "£2 million from a contractor": a source, not a point
	}
	return a.referenceAfter(p, n)
}

// referenceAfter reads a reference point from the words after the figure's
// noun n, for trees that hang it elsewhere: "20 km north of Valm", "60 km
// from the capital" (claim.direction-words, then "of" or "from", then the
// place; claim.reference-prepositions may follow the noun at once: "40 km
// off Peterhead"). The place is a run of capitalised words or one noun.
func (a *article) referenceAfter(p *parsed, n int) string {
	k := n + 1
	for k < len(p.s.Words) && a.lex.directionWords[text.Fold(p.s.Words[k].Text)] {
		k++
	}
	if k >= len(p.s.Words) {
		return ""
	}
	if c := text.Fold(p.s.Words[k].Text); !a.lex.referencePreps[c] && !(c == "of" && k > n+1) {
		return "" // "of" only after a direction: "10 km of road" names no point
	}
	k++
	if k < len(p.s.Words) && p.upos(k) == "DET" {
		k++
	}
	var parts []string
	for ; k < len(p.s.Words) && p.upos(k) == "PROPN"; k++ {
		parts = append(parts, text.Fold(p.s.Words[k].Text))
	}
	if len(parts) == 0 && k < len(p.s.Words) && p.upos(k) == "NOUN" {
		parts = append(parts, p.lemma(k))
		// "the town of Valm": the name, not the kind of place
		if k+2 < len(p.s.Words) && text.Fold(p.s.Words[k+1].Text) == "of" && p.upos(k+2) == "PROPN" {
			parts = parts[:0]
			for k += 2; k < len(p.s.Words) && p.upos(k) == "PROPN"; k++ {
				parts = append(parts, text.Fold(p.s.Words[k].Text))
			}
		}
	}
	return strings.Join(parts, " ")
}

// timeOf returns when a number holds, if its sentence dates it apart: a
// date claim of the same sentence on the number's phrase or on its clause
// ("3,500 by Wednesday", "2,000 walked out on Monday"), with its
// preposition, or a time word on either (claim.time-words: "overnight").
func (a *article) timeOf(p *parsed, w, pred int, c *Claim, siblings []int) string {
	heads := []int{w}
	if nlp.RelIs(p.rel(w), "nummod") && p.head(w) >= 0 {
		heads = append(heads, p.head(w))
	}
	if pred >= 0 && pred != w {
		heads = append(heads, pred)
	}
	// "As of 11 a.m., the fire had burned 3,100 acres and was 0 percent
	// contained": a time on a clause holds for the clauses it takes as
	// complements (not for coordinated ones: "first elected in 2018 and
	// re-elected in 2022 with 58 per cent")
	// Only clock times are taken so: a year on a misread main clause
	// ("Pellmar, founded in 1952, has 14 plants") is no time of the count.
	var outer []int
	for k, steps := pred, 0; k >= 0 && steps < 3; steps++ {
		r := p.rel(k)
		if r != "ccomp" && r != "xcomp" {
			break
		}
		k = p.head(k)
		if k >= 0 {
			outer = append(outer, k)
		}
	}
	// Of the dates and clock times on the figure or its clause, one with
	// a preposition of progression ("by 9 p.m. on Sunday") says most.
	best := ""
	for _, i := range siblings {
		d := &a.claims[i]
		if d.Kind != KindDate || d.Span.Overlaps(c.Span) || (d.Slot == "event.date" && d.Normalized == a.eventDay()) {
			continue // the event's own date is when every figure of it holds
		}
		dw := p.anchor(d.Span)
		if dw < 0 {
			continue
		}
		// "by the update at 6 p.m.": a clock time on a noun that dates
		// the clause holds with that noun's preposition
		if n := p.head(dw); d.Granularity == "time" && n >= 0 && p.upos(n) == "NOUN" && nlp.RelIs(p.rel(n), "obl") && a.lex.timePreps[p.caseOf(n)] != "" {
			dw = n
		}
		for _, h := range heads {
			if p.head(dw) != h && !(d.Granularity == "time" && slices.Contains(outer, p.head(dw))) {
				continue
			}
			prep := a.lex.timePreps[p.caseOf(dw)]
			switch prep {
			case "since":
				return "" // a count since a date runs to the report
			case "":
				prep = "at"
			}
			if t := prep + ":" + d.Normalized; best == "" || (progression(t) && !progression(best)) {
				best = t
			}
		}
	}
	if best != "" {
		return best
	}
	for _, h := range heads {
		for _, k := range p.s.Children(h) {
			if a.lex.timeWords[p.lemma(k)] {
				return "at:" + p.lemma(k)
			}
		}
	}
	return a.openingTime(c, siblings)
}

// timeOfFigures reports whether a clock time hangs on a verb of
// claim.telling-verbs whose subject is figures (claim.measure-heads, in
// the plural): "the figures, given by the disaster authority at 8 p.m.,
// were up from 23 dead" tells when a count was given, not when the event
// happened. "A total of 300 workers walked out at 6 a.m." and "water
// levels topped the dam at 4 a.m." date the event.
func (a *article) timeOfFigures(c *Claim) bool {
	subj := c.Fact.Subject
	if subj == "" || !a.lex.tellingVerbs[c.Fact.Predicate] {
		return false
	}
	return pluralSubject(subj) && a.lex.measureHeads[singular(subjectHead(subj))]
}

// timeOfTelling reports whether the clock time headed by word w dates a
// text that tells of the event (claim.telling-nouns) and is set before it
// ("were up from 23 dead in its 2 p.m. statement"), unless that text is
// how the event happened ("announced the purchase in a 7 a.m.
// statement").
func (a *article) timeOfTelling(p *parsed, w int) bool {
	if w < 0 {
		return false
	}
	h := p.head(w)
	if h < 0 || p.upos(h) != "NOUN" || !a.lex.tellingNouns[p.lemma(h)] {
		return false
	}
	if r := p.rel(w); !nlp.RelIs(r, "compound") && r != "amod" && !nlp.RelIs(r, "nummod") {
		return false
	}
	return !a.eventAnchored(p, h)
}

// asOf reports whether a phrase of claim.tally-time-phrases ("as of")
// stands right before sp: the time of a tally, not of a happening.
func (a *article) asOf(sp text.Span) bool {
	before := text.Fold(strings.TrimRight(a.doc.Text[max(0, sp.Start-16):sp.Start], " "))
	for _, ph := range a.lex.tallyTimePhrases {
		if strings.HasSuffix(before, ph) && (len(before) == len(ph) || !isLetter(before[len(before)-len(ph)-1])) {
			return true
		}
	}
	return false
}

// relativeOfOther reports whether the clause of word w, whose verb does
// not report the event, opens with a relative pronoun as its subject
// ("which began at 18:00") after a noun that does not report it either:
// the clause tells of that noun. The noun is read from the words, the
// pronoun's antecedent being the last noun before it, since the tree may
// hang such a clause on the main verb.
func (a *article) relativeOfOther(p *parsed, w int) bool {
	pred := p.clauseOf(w)
	if pred < 0 || a.reportsEvent(p, pred) {
		return false // "the ship, which struck the bridge at 4:40"
	}
	for _, k := range p.s.Children(pred) {
		if !nlp.RelIs(p.rel(k), "nsubj") || !a.lex.relativePronouns[text.Fold(p.s.Words[k].Text)] {
			continue
		}
		// "a ceremony on Friday that began at 6 p.m.": past a short
		// phrase after the noun
		for n := k - 1; n >= 0 && n >= k-5; n-- {
			switch p.upos(n) {
			case "PUNCT", "ADP", "DET", "PROPN", "NUM", "ADJ":
				continue
			case "NOUN":
				return !a.reportsEvent(p, n)
			}
			return false
		}
	}
	return false
}

// isLetter reports whether an ASCII byte is a letter.
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// openingTime returns the time a sentence opens with, when it opens with
// a clock time after a time preposition ("As of 11 a.m., the fire had
// burned 3,100 acres and was 0 percent contained"; "By the Cal Fire update
// at 6 p.m. it had burned ..."): such an adjunct dates every clause of the
// sentence, coordinated ones too, which the tree may not show. "" when it
// does not.
func (a *article) openingTime(c *Claim, siblings []int) string {
	sent := a.doc.Sentences[c.Sentence]
	opening := text.Fold(a.doc.Text[sent.Start:min(sent.End, sent.Start+16)])
	prep := ""
	for _, phrase := range a.lex.openingTimePreps { // longest first
		if strings.HasPrefix(opening, phrase+" ") {
			prep = phrase
			break
		}
	}
	if prep == "" {
		return ""
	}
	how := a.lex.timePreps[prep]
	if how == "" {
		how = "at"
	}
	for _, i := range siblings {
		d := &a.claims[i]
		if d.Kind != KindDate || d.Granularity != "time" || d.Span.Overlaps(c.Span) || d.Span.Start > c.Span.Start {
			continue
		}
		// the time stands in the opening words, before any comma
		if lead := a.doc.Text[sent.Start:d.Span.Start]; len(strings.Fields(lead)) <= 7 && !strings.Contains(lead, ",") {
			return how + ":" + d.Normalized
		}
	}
	return ""
}

// reportsEvent says whether word i of p reports the batch's main event: one
// of its words, or a reference to it ("the decision", "the storm").
func (a *article) reportsEvent(p *parsed, i int) bool {
	if a.ev.Verb == "" {
		return false
	}
	t := text.Token{Kind: text.Word, Norm: text.Fold(p.s.Words[i].Text)}
	if a.x.reports(a.ev, t) {
		return true
	}
	et := a.lex.eventTokens[t.Norm]
	return et.ref != "" && (et.ref == refGeneric || et.ref == a.ev.happening)
}

// refineSlot corrects, from the dependency tree, what the word-window
// readers decided about the event, and gives figures outside event
// sentences a slot of their own when their frame says what they measure:
//
//   - a date or place of an event sentence that hangs on another verb
//     ("first announced on January 12", "takes effect on March 1", "talks
//     had stalled in November") is no date or place of the event, unless
//     that verb is the root of the article's lead sentence;
//   - a person named as the subject or agent of another verb ("watched as
//     the agreement was signed", "the ceremony was attended by") is no
//     party to the event;
//   - a figure's slot carries what it measures, whether it is a change or
//     a level, its reference point and its modality, so that "a depth of
//     10 km" and "120 km southwest of Chongqing", or "cut by 0.25" and "to
//     4.5 percent", never meet; a background figure whose frame names its
//     predicate fills a fact slot, compared like an event figure.
func (a *article) refineSlot(c *Claim, p *parsed) {
	switch c.Kind {
	case KindDate, KindPlace:
		if c.Kind == KindDate && c.Slot == "date" {
			c.Slot = a.factDateSlot(c)
			return
		}
		if c.Kind == KindDate && c.Slot == "time" {
			c.Slot = a.factTimeSlot(c, p)
			return
		}
		if c.Kind == KindPlace && c.Slot == "place" {
			if site := a.siteOf(p, c.anchor); site != "" && c.Fact.Modality == "" {
				// "the Brenntal Chemie plant in Pratteln": where the site is,
				// whatever the clause around it tells
				c.Fact.Subject, c.Fact.Predicate = site, siteVerb
				c.Slot = factPlaceSlotPrefix + siteVerb
				return
			}
			c.Slot = a.factPlaceSlot(c)
			return
		}
		if !strings.HasPrefix(c.Slot, "event.") {
			return
		}
		// "Nordvik, headquartered in Stockholm, agreed on Tuesday to buy
		// ...": a seat verb's place is where its subject lastingly is,
		// never where the event happened, whatever sentence it is in.
		if c.Kind == KindPlace && a.lex.seatVerbs[a.lex.unifyVerb(c.Fact.Predicate)] {
			c.Slot = a.factPlaceSlot(c)
			if strings.HasPrefix(c.Slot, "event.") {
				c.Slot = "place"
			}
			return
		}
		// Signs of another happening are weighed, not obeyed: one misread
		// sentence must not move a date out of the event
		// (conf.other-happening). Only a date that bounds a time ("by
		// Wednesday") leaves at once: the preposition is read on its own.
		c.elsewhere = a.hangsOnOtherVerb(p, c.anchor)
		if c.Kind == KindDate {
			switch c.Fact.Modality {
			case "expected", "possible", "denied":
				c.elsewhere = true // "another increase is likely in November"
			}
			c.elsewhere = c.elsewhere || a.manyOccasions(p, c.anchor) || a.offsetFromOther(p, c.Span)
		}
		// "as of 6 a.m. Monday, 61,300 people were sheltering": a time a
		// count is given at, never when the event happened
		if c.Kind == KindDate && c.Slot == "event.time" && (a.asOf(c.Span) || a.timeOfFigures(c) || a.timeOfTelling(p, c.anchor)) {
			c.Slot = "time"
			return
		}
		// "At the ceremony, which began at 18:00, ...": a time in a
		// relative clause is its noun's, not the event's, unless the noun
		// is a word for the event
		if c.Kind == KindDate && c.Slot == "event.time" && a.relativeOfOther(p, c.anchor) {
			c.Slot = "time"
			return
		}
		if c.Kind == KindDate && a.boundsTime(p, c.anchor) {
			if c.Kind == KindDate {
				c.Slot = "date"
			} else {
				c.Slot = "place"
			}
		}
	case KindPerson:
		if strings.HasPrefix(c.Slot, "event.") && a.actsInOtherClause(p, c.anchor) {
			c.Slot = "person:" + c.Person
			if c.Person == "" {
				c.Slot = "person:role:" + c.Role
			}
		}
	case KindNumber:
		// "employs 140 people" counts workers, as "its 210 employees" does
		if u, ok := a.lex.countVerbs[c.Fact.Predicate]; ok && c.Unit == "people" {
			c.Unit, c.Normalized = u, u+strings.TrimPrefix(c.Normalized, "people")
			c.Slot = strings.Replace(c.Slot, "number:people", "number:"+u, 1)
		}
		c.Slot = a.numberSlot(c)
		// "Officials now say nine people have died": in a batch about a
		// disaster, a toll of its dead, hurt or missing told in a
		// sentence of no other time or occasion ("was last struck") is
		// the disaster's, whatever verb the sentence uses
		if strings.HasPrefix(c.Slot, "fact.") && a.ev.happening != "" && !a.otherTime[c.Sentence] && !a.otherOccasion(c.Sentence) &&
			a.isToll(c.Unit) && c.Fact.Modality == "" && c.Fact.Time == "" {
			c.Slot, c.Frame = "event."+strings.TrimPrefix(c.Slot, "fact."), FrameEvent
		}
	}
}

// perAfter reads a rate written right after a sum, "a" or "per" and a
// noun ("£6m a year", "$5 per month"), and returns "per <noun>"; "" when
// none follows. It stands in for perUnit where the parse hangs the noun
// elsewhere.
func (a *article) perAfter(sp text.Span) string {
	rest := a.doc.Text[sp.End:min(len(a.doc.Text), sp.End+24)]
	f := strings.Fields(rest)
	if len(f) < 2 {
		return ""
	}
	switch strings.ToLower(f[0]) {
	case "a", "an", "per", "each":
	default:
		return ""
	}
	noun := strings.ToLower(strings.TrimRight(f[1], ".,;:)"))
	if !a.lex.rateNouns[noun] {
		return ""
	}
	return "per " + noun
}

// isToll says whether a unit counts people in a state of
// claim.toll-states ("people dead").
func (a *article) isToll(unit string) bool {
	_, state, ok := strings.Cut(unit, " ")
	return ok && a.lex.tollStates[state]
}

// factDateSlotPrefix starts the slot of a background date that says when
// a named thing did something ("fact.date:found").
const factDateSlotPrefix = "fact.date:"

// factDateSlot returns the slot of a background date: "fact.date:" and
// its verb (claim.predicate-synonyms unify "established" and "founded")
// when its frame names both the verb and its subject ("Norvale, founded
// in 1998"), so that two articles' founding years of one company meet;
// else the plain, uncompared "date". A date that is expected, possible or
// denied, or one of several occasions, stays plain.
func (a *article) factDateSlot(c *Claim) string {
	f := c.Fact
	if f.Predicate == "" || f.Subject == "" || f.Modality != "" || c.anchor < 0 {
		return c.Slot
	}
	switch c.Granularity {
	case "year", "month", "day":
	default:
		return c.Slot
	}
	// only a calendar date as written: "tonight" or "on Monday" moves
	// with each article's publication date
	if e := c.expr; e.Relative() || (e.Year == 0 && e.Month == 0) {
		return c.Slot
	}
	return factDateSlotPrefix + a.lex.unifyVerb(f.Predicate)
}

// factTimeSlotPrefix starts the slot of a background clock time that says
// when a named thing did something ("fact.time:detect").
const factTimeSlotPrefix = "fact.time:"

// factTimeSlot returns the slot of a clock time outside the event's
// sentences: "fact.time:" and its verb when its frame names both the verb
// and its subject ("the leak was detected at 4:40 a.m."), so that two
// articles' times of one happening meet; else the plain, uncompared
// "time". A time a count is given at ("as of 7 p.m."), one that bounds
// ("by 9 p.m.") and one that is expected, possible or denied stay plain.
func (a *article) factTimeSlot(c *Claim, p *parsed) string {
	f := c.Fact
	if f.Predicate == "" || f.Subject == "" || f.Modality != "" || c.anchor < 0 {
		return c.Slot
	}
	if a.asOf(c.Span) || a.boundsTime(p, c.anchor) {
		return c.Slot
	}
	return factTimeSlotPrefix + a.lex.unifyVerb(f.Predicate)
}

// unifyVerb returns a verb as claim.predicate-synonyms unify it
// ("established", "formed" → "found"; "counts" → "have").
func (l *lexicons) unifyVerb(verb string) string {
	if v, ok := l.predicateSynonyms[verb]; ok {
		return v
	}
	return verb
}

// factPlaceSlotPrefix starts the slot of a background place that says
// where a named thing is ("fact.place:base").
const factPlaceSlotPrefix = "fact.place:"

// factPlaceSlot returns the slot of a background place: "fact.place:" and
// its verb (claim.predicate-synonyms: "headquartered", "based" → "base")
// when its frame names both the verb and its subject and the verb tells
// where its subject lastingly is (claim.seat-verbs: "Norisan,
// headquartered in Osaka", "Kyoto-based Norisan") or where something
// happened to it that happens once, told of one subject (claim.once-verbs:
// "Lacerda, born in Belo Horizonte"); else the plain, uncompared "place":
// "held talks in Osaka" and "held talks in Kyoto" may both be true.
func (a *article) factPlaceSlot(c *Claim) string {
	f := c.Fact
	if f.Predicate == "" || f.Subject == "" || f.Modality != "" {
		return c.Slot
	}
	pred := a.lex.unifyVerb(f.Predicate)
	if !a.lex.seatVerbs[pred] && !(a.lex.onceVerbs[pred] != "" && !pluralSubject(f.Subject)) {
		return c.Slot
	}
	return factPlaceSlotPrefix + pred
}

// pluralSubject reports whether a frame's subject ends in a plural noun:
// "some of the victims, who were buried in Kyiv" tells of many burials,
// which may lie in many places.
func pluralSubject(subj string) bool {
	head := subjectHead(subj)
	return singular(head) != head
}

// subjectHead returns the last word of a frame's subject, its head noun.
func subjectHead(subj string) string {
	return subj[strings.LastIndexByte(subj, ' ')+1:]
}

// siteVerb stands for the verb of a place that locates a site
// (claim.site-nouns): "the plant in Pratteln" reads as "the plant is
// sited in Pratteln".
const siteVerb = "site"

// siteOf returns the site that the place headed by word w locates: the
// noun of claim.site-nouns that "in" or "at" attaches it to, with its
// compounds and its owner ("rijnhaven energy refinery" for "Rijnhaven
// Energy's refinery in Pernis"); "" when the place locates no site.
func (a *article) siteOf(p *parsed, w int) string {
	if w < 0 {
		return ""
	}
	if c := p.caseOf(w); c != "in" && c != "at" {
		return ""
	}
	// The word list is trusted over the tagger, which may take a rare noun
	// for a verb ("at a municipal sports gymnasium in Itabirito"). A
	// site's name ends in its noun ("Ardmore University Hospital", headed
	// by "Ardmore" or "University"); and the words are trusted over the
	// tree, which may hang "in Clondalkin" on a verb when the name comes
	// right before it.
	n := -1
	if h := p.head(w); h >= 0 && (nlp.RelIs(p.rel(w), "nmod") || nlp.RelIs(p.rel(w), "obl")) && a.isSiteWord(p, a.nameEnd(p, h)) {
		n = h
	} else if k := p.s.Child(w, "case"); k > 0 && a.isSiteWord(p, k-1) && !p.s.Dominates(k-1, w) {
		n = k - 1
		// the head of the name the noun ends
		for n >= 0 && (nlp.RelIs(p.rel(n), "flat") || nlp.RelIs(p.rel(n), "compound")) && p.head(n) >= 0 && p.head(n) < k {
			n = p.head(n)
		}
	}
	if n < 0 {
		return ""
	}
	if end := a.nameEnd(p, n); strings.HasSuffix(p.s.Words[end].XPOS, "S") {
		return "" // "schools in El Ejido" are many sites, not one
	}
	site := p.phrase(n)
	for _, k := range p.s.Children(n) {
		if nlp.RelIs(p.rel(k), "nmod:poss") && p.upos(k) == "PROPN" {
			site = p.phrase(k) + " " + site
		}
	}
	return site
}

// isSiteWord reports whether word n is a noun of claim.site-nouns.
func (a *article) isSiteWord(p *parsed, n int) bool {
	return n >= 0 && (a.lex.siteNouns[p.lemma(n)] || a.lex.siteNouns[singular(text.Fold(p.s.Words[n].Text))])
}

// nameEnd returns the last word of the name or compound headed by word
// n: n itself, or its last "flat" or "compound" child after it.
func (a *article) nameEnd(p *parsed, n int) int {
	end := n
	for _, k := range p.s.Children(n) {
		if k > end && (nlp.RelIs(p.rel(k), "flat") || nlp.RelIs(p.rel(k), "compound")) {
			end = k
		}
	}
	return end
}

// manyOccasions says whether the date headed by word w dates one of
// several happenings: it hangs on a plural noun ("the hikes in June, July
// and September") or is one of a list of dates.
func (a *article) manyOccasions(p *parsed, w int) bool {
	if h := p.head(w); h >= 0 && p.s.Words[h].XPOS == "NNS" && p.upos(h) == "NOUN" && a.reportsEvent(p, h) {
		return true
	}
	if p.rel(w) == "conj" {
		return true
	}
	for _, k := range p.s.Children(w) {
		if p.rel(k) == "conj" {
			return true
		}
	}
	return false
}

// boundsTime says whether the date headed by word w bounds a time rather
// than dating a happening: "by Wednesday", "until March", "since 2015"
// (claim.time-prepositions other than "at").
func (a *article) boundsTime(p *parsed, w int) bool {
	prep := a.lex.timePreps[p.caseOf(w)]
	// "shortly after 23:00", "just before midnight": close to the time
	// named, not bounded by it (claim.near-time-words)
	if prep == "after" || prep == "before" {
		if k := p.s.Child(w, "case"); k > 0 && a.lex.nearTimeWords[p.lemma(k-1)] {
			return false
		}
	}
	return prep != "" && prep != "at"
}

// actsInOtherClause says whether the person headed by word w is the
// subject or agent of a verb that does not report the event.
func (a *article) actsInOtherClause(p *parsed, w int) bool {
	k := w
	for steps := 0; steps < 4; steps++ {
		r := p.rel(k)
		if r != "conj" && r != "appos" && !nlp.RelIs(r, "flat") && !nlp.RelIs(r, "compound") {
			break
		}
		if p.head(k) < 0 {
			break
		}
		k = p.head(k)
	}
	r := p.rel(k)
	h := p.head(k)
	if !nlp.RelIs(r, "nsubj") && r != "obl:agent" {
		// "Fergal Doody, the Minister of State, watched from the front
		// row as ...", read with the name as the sentence's head and its
		// verb as a clause on the name: the name still does that verb
		h = -1
		for _, v := range p.s.Children(k) {
			if v > k && nlp.RelIs(p.rel(v), "acl") && p.upos(v) == "VERB" {
				h = v
				break
			}
		}
		if h < 0 {
			return false
		}
	}
	if h < 0 || p.upos(h) != "VERB" || a.reportsEvent(p, h) {
		return false
	}
	// "X made the announcement", "X announced the outbreak": a verb whose
	// object names the event
	for _, o := range p.s.Children(h) {
		if r := p.rel(o); (nlp.RelIs(r, "obj") || nlp.RelIs(r, "obl") || r == "xcomp" || r == "ccomp") && a.reportsEvent(p, o) {
			return false
		}
	}
	return true
}

// sentenceOfParse returns the index of the sentence p analyses, or -1.
func sentenceOfParse(a *article, p *parsed) int {
	for s, q := range a.parses {
		if q == p {
			return s
		}
	}
	return -1
}

// numberSlot returns the slot of a figure: "event.number:<unit>" or, for
// a background figure with a frame, "fact.number:<unit>", followed by what
// sets it apart from other figures of that unit: "|measure=depth",
// "|change=by", "|ref=chongqing", "|mod=expected". A background figure
// without a predicate keeps its plain, uncompared slot.
func (a *article) numberSlot(c *Claim) string {
	base, _ := strings.CutPrefix(c.Slot, "event.")
	f := c.Fact
	var q strings.Builder
	for _, kv := range [][2]string{{"measure", f.Measure}, {"of", f.Holder}, {"change", f.Change}, {"ref", f.Reference}, {"mod", f.Modality}} {
		if kv[1] != "" {
			q.WriteString("|" + kv[0] + "=" + kv[1])
		}
	}
	switch {
	case strings.HasPrefix(c.Slot, "event."):
		return "event." + base + q.String()
	case f.Predicate != "" || f.Measure != "" || f.Subject != "":
		return "fact." + base + q.String()
	}
	return c.Slot
}

// placeHeld returns the place an article says lies within the place headed
// by word w: "Luxian, a county in Sichuan" says Luxian lies within
// Sichuan (the place kind comes from claim.place-kinds). It returns the
// folded name, or "".
func (a *article) placeHeld(p *parsed, w int) string {
	n := p.head(w)
	if n < 0 || !nlp.RelIs(p.rel(w), "nmod") || !a.lex.placeKinds[p.lemma(n)] {
		return ""
	}
	if c := p.caseOf(w); c != "in" && c != "of" {
		return ""
	}
	x := p.head(n)
	if x < 0 || p.rel(n) != "appos" || p.upos(x) != "PROPN" {
		return ""
	}
	return p.phrase(x)
}

// hangsOnOtherVerb says whether the date or place headed by word w dates
// or places another happening than the event: it hangs on a verb that
// does not report the event and the sentence says that verb's happening is
// another one. The parse is not trusted to say more than that: a lead's
// date on "came ashore" or "pushed" still dates the storm. The signs are
//
//   - an earlier happening, in the past perfect ("talks had stalled in
//     November") or with an adverb of another occasion ("first announced
//     on January 12": claim.other-occasion, claim.first-words);
//   - a later one, in the future ("will begin on Monday") or coming into
//     force ("takes effect on March 1": claim.effect-phrases).
//
// A verb with the event as its object ("went on strike on Monday") and the
// root of a lead sentence date the event.
func (a *article) hangsOnOtherVerb(p *parsed, w int) bool {
	pred := p.clauseOf(w)
	if pred != w && a.toldAfter(p, pred) {
		return true
	}
	if a.eventAnchored(p, w) {
		return false
	}
	if pred != w && p.upos(pred) == "ADJ" && p.s.Child(pred, "cop") >= 0 {
		return true // a state, not a happening: "two were still missing on Friday"
	}
	if a.aftermath(p, pred) {
		return true
	}
	return pred != w && p.upos(pred) == "VERB" && a.otherHappening(p, pred)
}

// aftermath says whether the sentence of p tells the event in a clause
// that follows "after" ("were still searching on Friday for two people
// missing after fire swept through the ferry"), on another word than pred:
// what pred tells came after the event. Read from the words: the clause's
// attachment is often misparsed.
func (a *article) aftermath(p *parsed, pred int) bool {
	for i, w := range p.s.Words {
		if text.Fold(w.Text) != "after" {
			continue
		}
		for k := i + 1; k < len(p.s.Words) && k <= i+5; k++ {
			if k != pred && a.namesEvent(p, k) {
				return true
			}
			if p.s.Words[k].Text == "," {
				break
			}
		}
	}
	return false
}

// toldAfter says whether the verb pred reports, in a clause it governs,
// the event as already past: "said on Tuesday it had been hit by an
// attack". The date of such a telling is not the event's. When the event
// is the telling itself ("Norvanta said on Tuesday that hackers had
// taken ..."), the clause told does not report the event and the date
// stays the event's.
func (a *article) toldAfter(p *parsed, pred int) bool {
	if !a.reportWord(p, pred) && !a.lex.attribution[text.Fold(p.s.Words[pred].Text)] {
		return false
	}
	for _, k := range p.s.Children(pred) {
		if p.rel(k) != "ccomp" || !a.reportsEvent(p, k) {
			continue
		}
		for _, x := range p.s.Children(k) {
			if nlp.RelIs(p.rel(x), "aux") && p.lemma(x) == "have" && p.s.Words[x].XPOS == "VBD" {
				return true
			}
		}
	}
	return false
}

// offsetFromOther says whether the date at sp is followed by a stated
// distance from another happening: "on Friday, a day after the dam
// burst", "on Monday, two weeks later" (claim.day-offsets). Read from the
// words, not the tree: the comma and the apposition are often misparsed.
func (a *article) offsetFromOther(p *parsed, sp text.Span) bool {
	last := -1
	for i, w := range p.s.Words {
		if p.base+w.Start < sp.End {
			last = i
		}
	}
	k := last + 1
	if k < len(p.s.Words) && p.s.Words[k].Text == "," {
		k++
	}
	// at most two words of amount: "a", "two", "three full"
	for n := 0; n < 2 && k < len(p.s.Words) && a.lex.dayOffsets[text.Fold(p.s.Words[k].Text)] == ""; n++ {
		if u := p.upos(k); u != "DET" && u != "NUM" && u != "ADJ" {
			return false
		}
		k++
	}
	if k+1 >= len(p.s.Words) || a.lex.dayOffsets[text.Fold(p.s.Words[k].Text)] != "unit" {
		return false
	}
	return a.lex.dayOffsets[text.Fold(p.s.Words[k+1].Text)] == "link"
}

// eventAnchored says whether the phrase headed by word w hangs on a word
// for the event: a verb or event noun that reports it ("the signing on
// Wednesday"), a verb whose object names it ("went on strike on Monday"),
// or the root of a lead sentence ("Norvanta disclosed on March 3 that
// ..."). A value that is not anchored may still be the event's; the
// comparison trusts it less (conf.other-verb).
func (a *article) eventAnchored(p *parsed, w int) bool {
	pred := p.clauseOf(w)
	if pred == w {
		return a.reportsEvent(p, w)
	}
	if a.reportsEvent(p, pred) {
		return true
	}
	if a.toldAfter(p, pred) {
		return false // "said on Tuesday it had been hit": the telling's date
	}
	if h := p.head(w); h >= 0 && a.reportsEvent(p, h) {
		return true
	}
	// "Norvanta disclosed on March 3 that ...": the root of a lead
	// sentence dates the event when it reports or announces something;
	// "We learned of the incident on July 29" dates the learning
	if s := sentenceOfParse(a, p); s >= 0 && a.lead[s] && p.head(pred) < 0 &&
		(a.lex.attribution[text.Fold(p.s.Words[pred].Text)] || a.lex.eventWords[text.Fold(p.s.Words[pred].Text)] != "") {
		return true
	}
	if a.announces(p, pred) {
		return true
	}
	// "X will acquire Y, the companies announced on October 6": a report,
	// not mere speech, set beside the clause that tells the event
	if h := p.head(pred); h >= 0 && (p.rel(pred) == "parataxis" || p.rel(pred) == "ccomp" || p.rel(pred) == "advcl") && a.reportsEvent(p, h) &&
		a.reportWord(p, pred) && !a.isSpeech(p, pred) {
		return true
	}
	// "went on strike on Monday", "held the vote on Tuesday", "the
	// signing took place on Friday": a light verb whose object or subject
	// is a word for the event (not a reference to it: "learned of the
	// incident on July 29" dates the learning)
	for _, k := range p.s.Children(pred) {
		if k == w || !a.namesEvent(p, k) {
			continue
		}
		r := p.rel(k)
		// an object only after a light verb: "held the vote", "staged a
		// strike"; "renew its fire certificate", misread as "renew its
		// fire", and "put out the fire" date another deed
		if nlp.RelIs(r, "obj") && a.lex.lightVerbs[p.lemma(pred)] || nlp.RelIs(r, "nsubj") || (nlp.RelIs(r, "obl") && p.caseOf(k) == "on") {
			return true
		}
	}
	return false
}

// namesEvent says whether word i of p is one of the main event's own words
// ("strike", "signing"), not a reference to it ("the incident").
func (a *article) namesEvent(p *parsed, i int) bool {
	return a.ev.Verb != "" && a.x.reports(a.ev, text.Token{Kind: text.Word, Norm: text.Fold(p.s.Words[i].Text)})
}

// spokenDate says whether the date headed by word w is when someone spoke:
// it follows a speech verb it hangs on ("officials said Thursday", "said on
// Tuesday, Mar. 3, that ..."). Such a date may be the day the event became
// known rather than the day it happened; confidence weighs it
// (conf.spoken-date) instead of the date being dropped.
func (a *article) spokenDate(p *parsed, w int) bool {
	if a.inQuoteAttribution(p, w) {
		return true
	}
	pred := p.clauseOf(w)
	// The surface says it as well as the tree: a speech verb right before
	// the date ("said Thursday", "said on Thursday")
	for k := w - 1; k >= 0 && k >= w-2; k-- {
		if a.isSpeech(p, k) {
			pred = k
			break
		}
		if l := p.lemma(k); l != "on" && l != "late" && l != "early" {
			break
		}
	}
	if pred == w || pred > w || !a.isSpeech(p, pred) {
		return false
	}
	// "A fire killed 69 people, officials said Thursday": the speech comes
	// after the event is told; "Norvanta said on Tuesday that hackers ..."
	// announces it, and dates the news
	for i := 0; i < pred; i++ {
		if a.reportsEvent(p, i) {
			return true
		}
	}
	// "The inspectorate said on Wednesday it had opened an investigation
	// into the cause of the fire": what the speaker tells is another act,
	// the event only named deeper in it, so the date is the speaking's;
	// "Vorland said on Tuesday it was recalling 1.2 million vehicles"
	// tells the event itself. In the lead an announcement is the news
	// ("Norvanta confirmed on Monday that an attacker had obtained ..."):
	// its date is the story's (announces).
	if a.announces(p, pred) {
		return false
	}
	// "A bushfire compelled 3,000 people to vacate three hamlets,
	// officials stated on Wednesday": the speaker closes a sentence whose
	// telling comes first, whatever words it tells the event in
	if attributionAfterTelling(p, pred) {
		return true
	}
	for _, k := range p.s.Children(pred) {
		if p.rel(k) != "ccomp" || k < pred {
			continue
		}
		if a.reportsEvent(p, k) {
			return false
		}
		for _, j := range p.s.Children(k) {
			if a.reportsEvent(p, j) {
				return false
			}
		}
		return true
	}
	return false
}

// inQuoteAttribution reports whether word w stands in the attribution of
// a sentence that opens with a quotation: after the closing mark and after
// a speech verb ("“We are fighting on three fronts,” spokeswoman Eleni
// Vasilaki told state television on Wednesday morning"). The words said are
// the speaker's; the day after them is when they were said.
func (a *article) inQuoteAttribution(p *parsed, w int) bool {
	if len(p.s.Words) == 0 || !openingQuote(p.s.Words[0].Text) {
		return false
	}
	closed := -1
	for k := 1; k < w; k++ {
		if closingQuote(p.s.Words[k].Text) {
			closed = k
		}
	}
	if closed < 0 {
		return false
	}
	// the day must come before any clause the speech verb introduces:
	// "…,” she said, adding that the plant had reopened on Monday" dates
	// the reopening
	for k := closed + 1; k < w; k++ {
		if !a.isSpeech(p, k) {
			continue
		}
		for m := k + 1; m < w; m++ {
			if t := text.Fold(p.s.Words[m].Text); t == "," || t == "that" || p.upos(m) == "SCONJ" {
				return false
			}
		}
		return true
	}
	return false
}

// openingQuote and closingQuote report whether a word of the parse is a
// quotation mark that opens or closes a quotation. The single marks are
// left out: "’" is also an apostrophe ("Workers’").
func openingQuote(s string) bool { return s == "\"" || s == "“" || s == "``" }
func closingQuote(s string) bool { return s == "\"" || s == "”" || s == "''" }

// attributionAfterTelling reports whether the speech verb at pred closes
// its sentence as an attribution: its subject follows a comma, a verb
// comes before that comma, and nothing the verb introduces comes after
// it ("..., officials said on Wednesday, as crews battled the flames").
func attributionAfterTelling(p *parsed, pred int) bool {
	subj := -1
	for _, k := range p.s.Children(pred) {
		if nlp.RelIs(p.rel(k), "nsubj") && k < pred {
			subj = k
		}
		if (p.rel(k) == "ccomp" || p.rel(k) == "xcomp") && k > pred {
			return false
		}
	}
	if subj < 0 {
		return false
	}
	start := subj
	for start > 0 && p.head(start-1) == subj {
		start--
	}
	if start == 0 || p.s.Words[start-1].Text != "," {
		return false
	}
	for i := 0; i < start-1; i++ {
		if p.upos(i) == "VERB" {
			return true
		}
	}
	return false
}

// announces says whether the attribution verb at pred, in the article's
// lead or first event sentence, announces what its complement tells:
// "Norvanta confirmed on Monday that an attacker had obtained ...". Its
// date is when the event became known, the story's date.
func (a *article) announces(p *parsed, pred int) bool {
	if !a.lex.attribution[text.Fold(p.s.Words[pred].Text)] {
		return false
	}
	s := sentenceOfParse(a, p)
	if s < 0 || !(a.lead[s] || a.firstEvent[s]) {
		return false
	}
	for _, k := range p.s.Children(pred) {
		if p.rel(k) == "ccomp" && k > pred {
			return true
		}
	}
	return false
}

// reportWord says whether word i reports or announces: an attribution
// verb or a word of the event table ("announced", "disclosed",
// "confirmed").
func (a *article) reportWord(p *parsed, i int) bool {
	form := text.Fold(p.s.Words[i].Text)
	return a.lex.attribution[form] || a.lex.eventWords[form] != ""
}

// isSpeech says whether word i is an attribution verb that reports no
// event of its own ("said", "told"; "announced" is an event word).
func (a *article) isSpeech(p *parsed, i int) bool {
	form := text.Fold(p.s.Words[i].Text)
	return a.lex.attribution[form] && a.lex.eventWords[form] == ""
}

// otherHappening says whether the clause at pred tells of a happening at
// another time than the story's: past perfect, future, an adverb of
// another occasion, or a phrase of coming into force.
func (a *article) otherHappening(p *parsed, pred int) bool {
	hadPerfect := false
	for _, k := range p.s.Children(pred) {
		r, l := p.rel(k), p.lemma(k)
		switch {
		case nlp.RelIs(r, "aux") && l == "have" && p.s.Words[k].XPOS == "VBD" && p.s.Words[pred].XPOS == "VBN":
			hadPerfect = true
		case nlp.RelIs(r, "aux") && a.lex.futureAux[l]:
			return true
		case r == "advmod" && (a.lex.otherOccasion[l] || a.lex.firstWords[l]):
			return true
		case (nlp.RelIs(r, "obj") || nlp.RelIs(r, "obl")) && a.lex.effectPhrases[p.lemma(pred)+" "+l]:
			return true
		}
	}
	return hadPerfect
}

// partOfCount says whether a count counts only part of its group: its noun
// takes a word of claim.part-words ("four other buildings", "55 more
// people", "the remaining 12"). Such a count is compared only with other
// such counts.
func (a *article) partOfCount(p *parsed, w int) bool {
	n := p.countedNoun(w)
	for _, k := range []int{n, w} {
		for _, c := range p.s.Children(k) {
			if r := p.rel(c); (r == "amod" || r == "advmod" || nlp.RelIs(r, "det")) && a.lex.partWords[p.lemma(c)] {
				// "more than 80" is a bound, not "80 more"
				if c+1 < len(p.s.Words) && p.lemma(c+1) == "than" {
					continue
				}
				return true
			}
		}
	}
	return false
}

// stateFromTree gives a count of people that no word beside it put in a
// state the state the tree does: an adjective on its noun ("55 injured
// people") or the verb it is the subject or object of ("70 people were
// killed", "killing 12 people"), as claim.count-states lists them. The
// claim's unit, slot and comparison form take the state.
func (a *article) stateFromTree(p *parsed, w, pred int, c *Claim) {
	if strings.Contains(c.Unit, " ") || c.Unit == "" {
		return
	}
	n := p.countedNoun(w)
	state := ""
	for _, k := range p.s.Children(n) {
		if r := p.rel(k); r == "amod" || nlp.RelIs(r, "acl") {
			if st, ok := a.lex.states[text.Fold(p.s.Words[k].Text)]; ok && st.unit == c.Unit {
				state = st.state
			}
		}
	}
	// "claimed the lives of eight patients": a count of the lives a verb
	// of claim.life-verbs took is a count of dead, whatever noun counts
	// them
	if state == "" {
		state = a.lifeTaken(p, n)
	}
	if state == "" && pred >= 0 && pred != n {
		r := p.rel(n)
		if nlp.RelIs(r, "nsubj") || nlp.RelIs(r, "obj") {
			// the verb, or one it takes ("are known to have died")
			for _, v := range append([]int{pred}, p.s.Children(pred)...) {
				if v != pred && p.rel(v) != "xcomp" {
					continue
				}
				if st, ok := a.lex.states[text.Fold(p.s.Words[v].Text)]; ok && st.unit == c.Unit {
					state = st.state
					break
				}
			}
		}
	}
	if state == "" {
		return
	}
	old := c.Unit
	c.Unit = old + " " + state
	c.Slot = strings.Replace(c.Slot, "number:"+old, "number:"+c.Unit, 1)
	c.Normalized = c.Unit + strings.TrimPrefix(c.Normalized, old)
}

// lifeTaken returns the state claim.life-verbs gives a count whose noun
// hangs on "lives" that the verb takes: "claimed the lives of eight
// patients", "cost the lives of 12 miners" are counts of dead; "saved the
// lives of" is none. "" when the count is not so told.
func (a *article) lifeTaken(p *parsed, n int) string {
	if n < 0 {
		return ""
	}
	// "the lives of eight patients and two nurses": a joined noun counts
	// the lives its first noun does
	if nlp.RelIs(p.rel(n), "conj") && p.head(n) >= 0 {
		n = p.head(n)
	}
	h := p.head(n)
	if h < 0 || !nlp.RelIs(p.rel(n), "nmod") || !a.lex.lifeNouns[p.lemma(h)] {
		return ""
	}
	v := p.head(h)
	if v < 0 {
		return ""
	}
	return a.lex.lifeVerbs[p.lemma(v)]
}

// eventDay returns the comparison form of the article's first date of the
// event, "" when it gives none.
func (a *article) eventDay() string {
	for _, c := range a.claims {
		if c.Kind == KindDate && c.Slot == "event.date" {
			return c.Normalized
		}
	}
	return ""
}

// inclusionAfter reads what a sum takes in or leaves out, from the words
// right after it (claim.inclusion-words): "€6.9 billion including debt" is
// "including debt", another measure than the equity "€6.2 billion".
func (a *article) inclusionAfter(c *Claim) string {
	toks := a.doc.SentenceTokens(c.Sentence)
	for k, t := range toks {
		if t.Start < c.Span.End {
			continue
		}
		if !a.lex.inclusion[t.Norm] {
			return ""
		}
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if toks[j].Kind != text.Word {
				break
			}
			if !a.lex.function[toks[j].Norm] {
				return t.Norm + " " + singular(toks[j].Norm)
			}
		}
		return ""
	}
	return ""
}
