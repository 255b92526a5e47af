package claims

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/checker/places"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
	"github.com/crosscheck-news/crosscheck/internal/disjoint"
)

// relationFor returns how the claims of a slot relate. Only slots that hold
// one value for the event (its date, place, parties, figures), a person's
// role, or one quotation are compared; the rest (background dates, places,
// organisations) only count support, by equal value.
func (c *comparer) relationFor(slot string, items []int) relation {
	equal := func(i, j int) bool { return c.key[i] == c.key[j] }
	rel := relation{compatible: equal, within: equal, byKey: true, sig: func(i int) sig { return sig{key: c.key[i]} }}
	kind := c.claims[items[0]].Kind
	switch {
	case slot == "event.date":
		rel.comparable, rel.byKey = true, false
		rel.sig = func(i int) sig { return sig{key: c.key[i], when: c.claims[i].Range, resolved: c.claims[i].Resolved} }
		rel.compatible = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if !a.Resolved || !b.Resolved {
				return true
			}
			return a.Range.Intersects(b.Range)
		}
		rel.within = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if !a.Resolved || !b.Resolved {
				return c.key[i] == c.key[j]
			}
			return a.Range.Within(b.Range)
		}
	case strings.HasPrefix(slot, factDateSlotPrefix):
		// a background date of one verb: compared when the subjects agree
		rel.comparable, rel.byKey = true, false
		rel.sig = func(i int) sig {
			return sig{key: c.key[i], when: c.claims[i].Range, resolved: c.claims[i].Resolved, words: c.claims[i].Fact.Subject}
		}
		rel.compatible = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if a.expr.NeedsYear() || b.expr.NeedsYear() {
				// "14 March" in two articles is one day, whatever year
				// each publication date lends it
				return a.expr.Month == 0 || b.expr.Month == 0 || a.expr.Month == b.expr.Month &&
					(a.expr.Day == 0 || b.expr.Day == 0 || a.expr.Day == b.expr.Day)
			}
			return !a.Resolved || !b.Resolved || a.Range.Intersects(b.Range)
		}
		rel.within = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if !a.Resolved || !b.Resolved || a.expr.NeedsYear() || b.expr.NeedsYear() {
				return c.key[i] == c.key[j] || rel.compatible(i, j) && b.expr.Granularity >= a.expr.Granularity
			}
			return a.Range.Within(b.Range)
		}
		rel.related = c.sameFrameSubject
	case slot == "event.time" || strings.HasPrefix(slot, factTimeSlotPrefix):
		// clock times of the event, each with the slack its hedge allows;
		// a background time of one verb is compared when the subjects agree
		rel.comparable, rel.byKey = true, false
		days := c.dayOfSentence()
		// "began at 10 a.m. on Thursday" and "began at 06:00 on Monday 16
		// November" time different days' happenings
		sameDay := func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			da, okA := days[[2]int{a.Article, a.Sentence}]
			db, okB := days[[2]int{b.Article, b.Sentence}]
			return !okA || !okB || da.Intersects(db)
		}
		rel.related = sameDay
		if strings.HasPrefix(slot, factTimeSlotPrefix) {
			rel.related = func(i, j int) bool {
				return sameDay(i, j) && c.sameFrameSubject(i, j)
			}
		}
		rel.sig = func(i int) sig {
			return sig{key: c.key[i], low: c.claims[i].Low, high: c.claims[i].High, words: c.claims[i].Fact.Subject}
		}
		rel.compatible = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if clockZone(a) != clockZone(b) {
				return true // read on different clocks (claim.time-zones)
			}
			// The slacks must overlap, not just touch: "7 a.m." and "8 a.m."
			// each allow half an hour, and meet only at 7:30. A time
			// written exactly may stand on the other's edge.
			lo, hi := max(a.Low, b.Low), min(a.High, b.High)
			return lo < hi || lo == hi && (a.Low == a.High || b.Low == b.High)
		}
		rel.within = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			return b.Low <= a.Low && a.High <= b.High
		}
	case slot == "event.place" || strings.HasPrefix(slot, factPlaceSlotPrefix):
		rel.comparable, rel.byKey = true, false
		if strings.HasPrefix(slot, factPlaceSlotPrefix) {
			// the seats of one thing: compared when the subjects agree
			rel.sig = func(i int) sig { return sig{key: c.key[i], words: c.claims[i].Fact.Subject} }
			rel.related = c.sameFrameSubject
		}
		rel.compatible = func(i, j int) bool {
			a, b := c.key[i], c.key[j]
			if a == b {
				return true
			}
			switch c.placeRelation(i, j) {
			case places.Same, places.AContainsB, places.BContainsA:
				return true
			case places.Disjoint:
				return false
			}
			ca, cb := strings.HasPrefix(a, "country:"), strings.HasPrefix(b, "country:")
			if ca != cb {
				return true // a place the gazetteer does not know may lie in the country
			}
			return strings.HasPrefix(a, b+",") || strings.HasPrefix(b, a+",")
		}
		rel.within = func(i, j int) bool {
			if c.key[i] == c.key[j] || strings.HasPrefix(c.key[i], c.key[j]+",") {
				return true
			}
			r := c.placeRelation(i, j)
			return r == places.Same || r == places.BContainsA
		}
	case kind == KindPerson && strings.HasPrefix(slot, "event.") && !strings.HasSuffix(slot, ".?"):
		rel.comparable, rel.byKey = true, false
		rel.sig = func(i int) sig { return sig{key: c.key[i], person: c.person[i], role: c.claims[i].Role} }
		rel.compatible = c.partiesCompatible
		rel.within = func(i, j int) bool {
			if !c.partiesCompatible(i, j) {
				return false
			}
			pi, pj := c.person[i], c.person[j]
			switch {
			case pj == "":
				return pi != "" || roleWithin(c.claims[i].Role, c.claims[j].Role)
			case pi == pj:
				return true
			}
			return false
		}
	case kind == KindRole:
		rel.comparable, rel.byKey = true, false
		rel.sig = func(i int) sig { return sig{key: c.key[i], role: c.claims[i].Role} }
		rel.compatible = func(i, j int) bool { return c.rolesFit(c.claims[i].Role, c.claims[j].Role) || c.postsFit(i, j) }
		rel.within = func(i, j int) bool { return roleWithin(c.claims[i].Role, c.claims[j].Role) }
		rel.related = func(i, j int) bool { return c.rolesRelated(i, j) }
	case kind == KindNumber && (strings.HasPrefix(slot, "event.") || strings.HasPrefix(slot, "fact.")):
		rel.comparable, rel.byKey = true, false
		rel.related = func(i, j int) bool { return c.sameFigure(i, j) }
		rel.sig = func(i int) sig {
			cl := c.claims[i]
			return sig{key: c.key[i], unit: cl.Unit, low: cl.Low, high: cl.High, words: figureSig(cl), floor: cl.Floor, ceiling: cl.ceiling}
		}
		rel.compatible = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			if a.Floor && b.Floor && a.Low != b.Low {
				return false // "at least 69" and "at least 70": two counts
			}
			if a.ceiling && b.ceiling && a.High != b.High {
				return false // "up to 72 turbines" and "up to 80": two caps
			}
			if strictlyApart(a, b) {
				return false // "nearly 25 years", "more than 25 years"
			}
			return unitsCompatible(a.Unit, b.Unit) && a.Low <= b.High && b.Low <= a.High
		}
		rel.within = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			return unitsCompatible(a.Unit, b.Unit) && b.Low <= a.Low && a.High <= b.High
		}
	case kind == KindQuote:
		rel.comparable, rel.byKey = true, false
		rel.sig = func(i int) sig { return sig{key: c.key[i], person: c.person[i], words: c.wordsSigOf(i)} }
		rel.compatible = func(i, j int) bool {
			return containsSeq(c.words[i], c.words[j]) || containsSeq(c.words[j], c.words[i]) ||
				fitsElision(c.words[i], c.words[j]) || fitsElision(c.words[j], c.words[i])
		}
		rel.within = func(i, j int) bool { return containsSeq(c.words[i], c.words[j]) }
		rel.related = func(i, j int) bool { return c.sameQuote(i, j) }
	}
	return rel
}

// placeRelation says how the places of claims i and j nest: what the
// articles of the batch say ("Luxian, a county in Sichuan"), else what the
// gazetteer knows, read in the context of the batch's most named country.
func (c *comparer) placeRelation(i, j int) places.Relation {
	a, b := c.claims[i].Value, c.claims[j].Value
	if r, ok := c.saidWithin(a, b); ok {
		return r
	}
	if c.x.places == nil {
		return places.Unknown
	}
	r := c.x.places.RelateIn(a, b, c.placeHints()...)
	if r == places.Disjoint {
		la, lb := c.x.places.Lookup(a), c.x.places.Lookup(b)
		// Only names that cannot nest lie apart; and a small place may
		// share its name with a village the data does not hold ("signed
		// in Belmont" and "signed in France"), so only well-known places
		// are taken to lie apart.
		// A name read another way may lie within the other ("Marietta"
		// read in Ohio lies in Ohio's "Washington County", though the
		// likeliest readings of both lie apart): the places nest.
		if n := nesting(la, lb); n != places.Unknown {
			return n
		}
		if !wellKnown(la) || !wellKnown(lb) {
			return places.Unknown
		}
	}
	return r
}

// wellKnownPopulation is how many inhabitants a town needs before its name
// is taken to mean it and not a village of the same name elsewhere.
const wellKnownPopulation = 50000

// wellKnown reports whether the readings of a name are a country or a
// division, or a town of at least wellKnownPopulation.
func wellKnown(readings []places.Place) bool {
	if len(readings) == 0 {
		return false
	}
	best := readings[0]
	return best.Kind == places.Country || best.Kind == places.Region || best.Population >= wellKnownPopulation
}

// nesting says how some reading of as and some reading of bs nest: Same,
// AContainsB or BContainsA; Unknown when no readings nest.
func nesting(as, bs []places.Place) places.Relation {
	within := func(inner, outer places.Place) bool {
		for _, w := range inner.Within {
			if w.ID == outer.ID {
				return true
			}
		}
		return false
	}
	for _, x := range as {
		for _, y := range bs {
			switch {
			case x.ID == y.ID:
				return places.Same
			case within(y, x):
				return places.AContainsB
			case within(x, y):
				return places.BContainsA
			}
		}
	}
	return places.Unknown
}

// sameFigure says whether two figures of one slot can contradict each
// other: they hold at the same time (or one does not say when), and where
// both name the verb they hang on or its subject, the same one. Figures at
// different times are a timeline ("2,000 walked out on Monday", "3,500 by
// Wednesday"); figures of different verbs or subjects are different
// quantities of one unit.
func (c *comparer) sameFigure(i, j int) bool {
	if !unitsCompatible(c.claims[i].Unit, c.claims[j].Unit) {
		return false // "18 billion won" and "$17 million" cannot be compared
	}
	a, b := c.claims[i].Fact, c.claims[j].Fact
	if a.Time != b.Time && (a.Time != "" && b.Time != "" || progression(a.Time) || progression(b.Time)) {
		return false // "2,000 walked out on Monday", "3,500 by Wednesday"
	}
	if c.claims[i].Unit == "tally" {
		return true // a batch's tallies are its vote or its match's score
	}
	// "the €45m strand" is no value of "a €480 million fund"
	if x, y := c.claims[i].thing, c.claims[j].thing; x != "" && y != "" && x != y {
		return false
	}
	if c.part != nil && c.part[i] != c.part[j] {
		return false // a component against the whole (markParts)
	}
	// a rank is of one deed by one doer: "Reid scored in the 79th minute"
	// and "Cunha was sent off in the 58th minute" rank different things
	if strings.HasPrefix(c.claims[i].Unit, ordinalUnitPrefix) {
		if a.Subject != "" && b.Subject != "" && !sameSubject(a.Subject, b.Subject) {
			return false
		}
		if a.Predicate != "" && b.Predicate != "" && a.Predicate != b.Predicate {
			return false
		}
	}
	// Background figures of different things ("Sorbeck employs 11,200",
	// "Norisan employs 21,000") differ; the event's figures share the
	// event, whoever the sentence makes its subject ("the Navy awarded",
	// "Harbor Dynamics was awarded").
	// a figure of a measure noun ("a crowd of 14,382", "the death toll
	// stood at 16") is that measure's, whatever the clause around it is
	// about; so is a figure of its unit beside it ("11 people had been
	// confirmed dead")
	if c.claims[i].Rule == ruleMeasureValue || c.claims[j].Rule == ruleMeasureValue {
		return true
	}
	if strings.HasPrefix(c.slot[i], "fact.") && a.Subject != "" && b.Subject != "" && a.Subject != b.Subject && !c.samePatient(i, j) {
		return false
	}
	// "a launch mass of 2,140 kg", "with a launch mass of 2,410
	// kilograms": one named measure on both sides says what is counted,
	// whatever verbs the sentences hang it on
	if a.Measure != "" && a.Measure == b.Measure {
		return true
	}
	// verbs of one kind of happening count alike ("has 412,000
	// subscribers", "counts 465,000 subscribers": claim.predicate-synonyms)
	if a.Predicate != "" && b.Predicate != "" && c.x.lex.unifyVerb(a.Predicate) != c.x.lex.unifyVerb(b.Predicate) && c.claims[i].Unit != "tally" {
		// two verbs of the event ("killed", "died") may count one figure,
		// and so may one of them and another verb ("gave her 52.4 per
		// cent", "elected with 54.2 per cent"); "fined $17 million" and
		// "made donations of $72 million" do not
		// a named measure ("the inflation rate", "inflation ticked up")
		// says what is counted whatever the verb; a count of people with
		// no state ("212 people", "37 people") says nothing without it
		fact := strings.HasPrefix(c.slot[i], "fact.") && a.Measure == ""
		if fact || c.x.lex.genericUnits[c.claims[i].Unit] ||
			(!strings.HasPrefix(c.slot[i], "fact.") && !c.claims[i].anchored && !c.claims[j].anchored) {
			return false
		}
	}
	return true
}

// postsFit reports whether one of the posts of role claim i fits role
// claim j's role, or the other way round: "mayor and chair of the Douro
// Bridges Commission" fits "Porto mayor".
func (c *comparer) postsFit(i, j int) bool {
	for _, pair := range [][2]int{{i, j}, {j, i}} {
		for _, post := range c.claims[pair[0]].posts {
			if c.rolesFit(post, c.claims[pair[1]].Role) {
				return true
			}
		}
	}
	return false
}

// dayOfSentence returns, by article and sentence, the day a sentence dates
// when it holds exactly one resolved date of a day ("on Thursday", "on
// Monday 16 November"): the day of the clock times it gives.
func (c *comparer) dayOfSentence() map[[2]int]timex.Range {
	if c.oneDay != nil {
		return c.oneDay
	}
	days := map[[2]int]timex.Range{}
	several := map[[2]int]bool{}
	for _, cl := range c.claims {
		if cl.Kind != KindDate || !cl.Resolved || (cl.Granularity != "day" && cl.Granularity != "weekday") {
			continue
		}
		k := [2]int{cl.Article, cl.Sentence}
		if d, ok := days[k]; ok && d != cl.Range {
			several[k] = true
		}
		days[k] = cl.Range
	}
	for k := range several {
		delete(days, k)
	}
	c.oneDay = days
	return days
}

// sameFrameSubject reports whether claims i and j are about one thing:
// their subjects share a word, or one is told in the passive and what the
// two verbs act on agrees ("the attack was detected on October 27", "the
// trust detected the attack on October 23").
func (c *comparer) sameFrameSubject(i, j int) bool {
	// "the previous summit" is not "the summit", and the occasion word
	// itself is no shared word: "previous summit" and "previous talks"
	// are not one thing
	occA, a := c.splitOccasion(c.claims[i].Fact.Subject)
	occB, b := c.splitOccasion(c.claims[j].Fact.Subject)
	if occA != occB {
		return false
	}
	return sameSubject(a, b) || c.samePatient(i, j)
}

// splitOccasion parts a frame subject into its words of
// claim.other-occasion and the rest, each joined.
func (c *comparer) splitOccasion(subject string) (occasion, rest string) {
	var occ, other []string
	for _, w := range strings.Fields(subject) {
		if c.x.lex.otherOccasion[w] {
			occ = append(occ, w)
		} else {
			other = append(other, w)
		}
	}
	return strings.Join(occ, " "), strings.Join(other, " ")
}

// samePatient reports whether one of claims i and j is told in the passive
// and the phrases their verbs act on share a word.
func (c *comparer) samePatient(i, j int) bool {
	a, b := c.claims[i], c.claims[j]
	return a.passive != b.passive && sameSubject(a.patient, b.patient)
}

// sameSubject reports whether two frame subjects can name one thing: they
// share a word ("hospital group" and "slaney valley hospital group").
func sameSubject(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	other := strings.Fields(b)
	for _, w := range strings.Fields(a) {
		if contains(other, w) {
			return true
		}
	}
	return false
}

// progression reports whether a figure's time says it was reached by or
// after a time, or at a time told by a word ("overnight"), rather than
// held at a date: such a figure is a later step of a count, never the
// same figure as an undated one.
func progression(t string) bool {
	prep, rest, _ := strings.Cut(t, ":")
	return prep == "by" || prep == "after" || prep == "before" || (prep == "at" && !strings.ContainsAny(rest, "0123456789") && !strings.HasPrefix(rest, "weekday:"))
}

// figureSig is the part of a figure's frame that sameFigure reads.
func figureSig(cl Claim) string {
	f := cl.Fact
	anchored := "0"
	if cl.anchored {
		anchored = "1"
	}
	return f.Time + "\x00" + f.Subject + "\x00" + f.Predicate + "\x00" + f.Measure + "\x00" + anchored
}

// rolesRelated says whether two role claims of one person can contradict
// each other. Roles with different titles can both hold ("Councillor" and
// "chair of the finance committee") when some article gives the person
// both titles at once, or when one was read from a relative clause ("Ana
// Ruiz, who chairs the council" beside "Mayor Ana Ruiz"); otherwise they
// are compared ("Judge" against "Prosecutor"). Roles that share a title,
// or where one has none to go by, are always compared.
func (c *comparer) rolesRelated(i, j int) bool {
	person, a, b := c.claims[i].Person, c.claims[i].Role, c.claims[j].Role
	if roleTimes(a) != roleTimes(b) {
		return false // "former minister" and "adviser" can both be true
	}
	// "who heads Amberline" beside "chief executive": a relative clause's
	// role is compared only with a role of the same title
	if c.claims[i].pastTask || c.claims[j].pastTask {
		return false // "who led the investigation": a task, not a post
	}
	if clauseRole(c.claims[i].Rule) || clauseRole(c.claims[j].Rule) {
		shared := false
		fb := c.fullTitlesIn(b)
		for _, x := range c.fullTitlesIn(a) {
			shared = shared || contains(fb, x)
		}
		if !shared {
			return false
		}
	}
	ta, tb := c.fullTitlesIn(a), c.fullTitlesIn(b)
	if len(ta) == 0 || len(tb) == 0 {
		return true
	}
	// "chief negotiator" or "founder" beside an office: a task or a
	// standing held along with a post, never instead of it
	if c.onlyFunctions(ta) != c.onlyFunctions(tb) {
		return false
	}
	for _, w := range ta {
		if contains(tb, w) {
			return true
		}
	}
	if clauseRole(c.claims[i].Rule) || clauseRole(c.claims[j].Rule) {
		return false
	}
	// "Mayor" and "chair of the regional transit board": a title of
	// another body, that shares no word with the other role, may be held
	// at once; "director general of public health" and "regional health
	// minister" are posts of one body, and one person holds one of them
	if (c.namesBody(c.claims[i].RoleText) || c.namesBody(c.claims[j].RoleText)) && !c.shareBodyWord(a, b) {
		return false
	}
	together := c.titlesHeldTogether(person)
	for _, x := range ta {
		for _, y := range tb {
			if together[x+"|"+y] {
				return false
			}
		}
	}
	return true
}

// clauseRole reports whether a role claim's rule reads it from a relative
// clause ("who chairs", "who was named"): such a role is compared only
// with a role of the same title.
func clauseRole(rule string) bool { return rule == ruleRoleVerbs || rule == ruleNamingVerbs }

// onlyFunctions reports whether every title word of a role is one of
// claim.role-functions.
func (c *comparer) onlyFunctions(titles []string) bool {
	for _, w := range titles {
		if !c.x.lex.roleFunctions[w] {
			return false
		}
	}
	return len(titles) > 0
}

// namesBody reports whether a role text names the body the post is of:
// after "of" or "for" ("chair of the regional transit board"), or as an
// acronym before the title ("PSD leader", "UN envoy"), which no title or
// portfolio is written as.
func (c *comparer) namesBody(role string) bool {
	if ofBody(role) != "" {
		return true
	}
	for _, w := range strings.Fields(role) {
		w = strings.TrimRight(w, "'’s")
		if len(w) >= 2 && len(w) <= 6 && strings.ToUpper(w) == w && strings.ToLower(w) != w && !c.x.lex.titleWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// shareBodyWord reports whether two role keys share a word that is not a
// title, a rank or a time word.
func (c *comparer) shareBodyWord(a, b string) bool {
	other := strings.Fields(b)
	for _, w := range strings.Fields(a) {
		if c.x.lex.titleWords[w] || strings.HasPrefix(w, rankMark) || strings.HasPrefix(w, timeMark) {
			continue
		}
		if contains(other, w) {
			return true
		}
	}
	return false
}

// ofBody returns the body a role text names after "of" or "for" ("chair of
// the regional transit board" → "the regional transit board"), folded, or
// "" when it names none.
func ofBody(role string) string {
	f := text.Fold(role)
	for _, sep := range []string{" of ", " for "} {
		if _, after, ok := strings.Cut(f, sep); ok {
			return after
		}
	}
	return ""
}

// titlesIn returns the title words of a role key.
func (c *comparer) titlesIn(role string) []string {
	var out []string
	for _, w := range strings.Fields(role) {
		if c.x.lex.titleWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// fullTitlesIn returns the title words of a role key and the titles of
// several words all of whose words it holds ("chief executive").
func (c *comparer) fullTitlesIn(role string) []string {
	out := c.titlesIn(role)
	words := strings.Fields(role)
	for _, t := range c.x.lex.multiTitles {
		all := true
		for _, w := range t {
			all = all && contains(words, w)
		}
		if all {
			out = append(out, strings.Join(t, " "))
		}
	}
	return out
}

// titlesHeldTogether returns, for a person, the pairs of distinct titles
// ("x|y", both orders; a title of several words as one) that one article
// gives them.
func (c *comparer) titlesHeldTogether(person string) map[string]bool {
	if c.titlesTogether == nil {
		c.titlesTogether = map[string]map[string]bool{}
		byArticle := map[string]map[int][]string{}
		for i, cl := range c.claims {
			if cl.Kind != KindRole || cl.Person == "" {
				continue
			}
			if byArticle[cl.Person] == nil {
				byArticle[cl.Person] = map[int][]string{}
			}
			byArticle[cl.Person][cl.Article] = append(byArticle[cl.Person][cl.Article], c.fullTitlesIn(c.claims[i].Role)...)
		}
		for p, arts := range byArticle {
			pairs := map[string]bool{}
			for _, ts := range arts {
				for _, x := range ts {
					for _, y := range ts {
						if x != y {
							pairs[x+"|"+y] = true
						}
					}
				}
			}
			c.titlesTogether[p] = pairs
		}
	}
	return c.titlesTogether[person]
}

// partiesCompatible says whether two event parties of one side can be the
// same person: the same name, or a role that fits the named person's roles.
func (c *comparer) partiesCompatible(i, j int) bool {
	pi, pj := c.person[i], c.person[j]
	ri, rj := c.claims[i].Role, c.claims[j].Role
	switch {
	case pi != "" && pj != "":
		return pi == pj
	case pi == "" && pj == "":
		return rolesCompatible(ri, rj)
	case pi == "":
		pi, pj, ri, rj = pj, pi, rj, ri
	}
	// pi is named, pj is known only by its role rj.
	for _, r := range append([]string{ri}, c.rolesOf[pi]...) {
		if r != "" && rolesCompatible(r, rj) {
			return true
		}
	}
	return false
}

// rolesFit reports whether two role keys can describe one person's posts:
// rolesCompatible, or the titles of one are all among the other's while
// the other words (the body, the portfolio) of one are all among the
// other's ("chief executive and board chair" beside "Nordvik chief
// executive": one article names more titles, the other the company).
// Ranks ("deputy") must be the same on both, so "Deputy Finance Minister"
// and "Finance Minister" still differ. Two roles with the same titles fit
// as well when most of their other words agree up to their endings: one
// body written two ways.
func (c *comparer) rolesFit(a, b string) bool {
	if c.rolesFitAsWritten(a, b) {
		return true
	}
	// "head coach" and "Rovers manager": titles news writes in turn for
	// one post (claim.role-equivalents), tried only when the roles as
	// written do not fit, so "secretary" still fits "general secretary"
	ea, eb := c.x.lex.equivalentRole(a), c.x.lex.equivalentRole(b)
	return (ea != a || eb != b) && c.rolesFitAsWritten(ea, eb)
}

// rolesFitAsWritten is rolesFit without claim.role-equivalents.
func (c *comparer) rolesFitAsWritten(a, b string) bool {
	if rolesCompatible(a, b) {
		return true
	}
	ta, oa := c.splitRole(a)
	tb, ob := c.splitRole(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	if ranksDiffer(ta, tb) {
		return false // "Deputy Shipping Minister" is no "Shipping Minister"
	}
	if (subset(ta, tb) || subset(tb, ta)) && (subset(oa, ob) || subset(ob, oa)) {
		return true
	}
	// "head of the cantonal Office for Environmental Protection" and
	// "heads the environment office of the canton": one title, and bodies
	// most of whose words agree up to their endings are one body written
	// two ways
	if !subset(ta, tb) || !subset(tb, ta) {
		return false
	}
	return oneBody(oa, ob)
}

// splitRole splits a role key into its title words (with rank and time
// words) and its other words: the body, the portfolio, the place.
func (c *comparer) splitRole(role string) (titles, others []string) {
	inTitle := map[string]bool{}
	for _, t := range c.fullTitlesIn(role) {
		for _, w := range strings.Fields(t) {
			inTitle[w] = true
		}
	}
	for _, w := range strings.Fields(role) {
		switch {
		case inTitle[w] || strings.HasPrefix(w, rankMark) || strings.HasPrefix(w, timeMark):
			titles = append(titles, w)
		case singular(w) != w && c.x.lex.titleWords[singular(w)]:
			// "the Board of Directors" is the board: a title in the
			// plural says what the body is made of
		default:
			others = append(others, w)
		}
	}
	return titles, others
}

// ranksDiffer reports whether a rank word ("^deputy") is among the title
// words of one role and not the other's.
func ranksDiffer(ta, tb []string) bool {
	for _, w := range append(append([]string{}, ta...), tb...) {
		if strings.HasPrefix(w, rankMark) && !(contains(ta, w) && contains(tb, w)) {
			return true
		}
	}
	return false
}

// acronymFor reports whether body words oa, read from a role written as
// roleText, are one acronym the text writes in capitals that may stand for
// the one noun ob: an acronym ends with the initial of its name's last
// word ("Director of NAGPO" and "the office's director": the National
// Anti-Graft Prosecutions Office).
func acronymFor(roleText string, oa, ob []string) bool {
	if len(oa) != 1 || len(ob) != 1 || len(oa[0]) < 3 || ob[0] == "" || oa[0][len(oa[0])-1] != ob[0][0] {
		return false
	}
	for _, w := range strings.FieldsFunc(roleText, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.EqualFold(w, oa[0]) && w == strings.ToUpper(w) {
			return true
		}
	}
	return false
}

// rankOnlyIn reports whether title words ta hold a rank word ("^deputy")
// that tb lack: "Deputy Assistant Secretary" has one "Assistant
// Secretary" lacks, and not the other way round.
func rankOnlyIn(ta, tb []string) bool {
	return slices.ContainsFunc(ta, func(w string) bool { return strings.HasPrefix(w, rankMark) && !contains(tb, w) })
}

// subset reports whether every word of x is in y.
func subset(x, y []string) bool {
	for _, w := range x {
		if !contains(y, w) {
			return false
		}
	}
	return true
}

// oneBody reports whether most words of the shorter of two bodies agree
// with words of the other up to their endings: "secretary of state for
// mobility" and "for housing" share only "state", and are two.
func oneBody(oa, ob []string) bool {
	shared := 0
	for _, x := range oa {
		for _, y := range ob {
			if sameStem(x, y) {
				shared++
				break
			}
		}
	}
	return 2*shared > min(len(oa), len(ob))
}

// roleClash says what makes the roles of claims i and j, one person's
// roles that do not fit each other, two different posts, or "" when
// nothing known does (conf.role-clash, conf.role-unexplained): the same
// title with a rank only one has ("deputy mayor", "mayor"); the same
// titles for two bodies or portfolios ("NBI spokesperson", "Ombudsman
// spokesperson"); or two posts that one body gives to different people
// (claim.role-posts), with no two different bodies named. Roles that
// differ otherwise may be other words for one post, or two posts held at
// once.
func (c *comparer) roleClash(i, j int) string {
	a, b := c.claims[i].Role, c.claims[j].Role
	if roleTimes(a) != "" || roleTimes(b) != "" {
		// "acting chief executive" beside "chief operating officer";
		// "former mayor" and "former governor", held at different times
		return ""
	}
	ta, oa := c.splitRole(a)
	tb, ob := c.splitRole(b)
	plain := func(ts []string) []string {
		var out []string
		for _, w := range ts {
			if !strings.HasPrefix(w, rankMark) && !strings.HasPrefix(w, timeMark) {
				out = append(out, w)
			}
		}
		return out
	}
	pa, pb := plain(ta), plain(tb)
	if len(pa) == 0 || len(pb) == 0 {
		return ""
	}
	sameTitles := subset(pa, pb) && subset(pb, pa)
	if sameTitles && ranksDiffer(ta, tb) {
		// not "Deputy Prime Minister" and "Finance Minister", which share
		// only a word and may be held at once; and not "deputy mayor" and
		// "vice mayor", where each has a rank the other lacks: two ranks
		// that may name one post in two styles
		if rankOnlyIn(ta, tb) && rankOnlyIn(tb, ta) {
			return ""
		}
		return "one title, with a rank only one side gives"
	}
	bodiesApart := len(oa) > 0 && len(ob) > 0 && !subset(oa, ob) && !subset(ob, oa) && !oneBody(oa, ob) &&
		!acronymFor(c.claims[i].RoleText, oa, ob) && !acronymFor(c.claims[j].RoleText, ob, oa)
	if sameTitles && bodiesApart {
		return "one title, for two different bodies or portfolios"
	}
	if sameTitles || bodiesApart {
		return ""
	}
	fa, fb := c.fullTitlesIn(a), c.fullTitlesIn(b)
	for _, x := range fa {
		for _, y := range fb {
			if x == y {
				continue
			}
			for _, g := range c.x.lex.rolePosts[x] {
				if slices.Contains(c.x.lex.rolePosts[y], g) {
					return fmt.Sprintf("%q and %q are two posts of one %s", x, y, g)
				}
			}
		}
	}
	return ""
}

// sameStem reports whether two words are one word with different endings:
// equal, or sharing a beginning of at least five letters that is most of
// the shorter ("canton", "cantonal"; "environment", "environmental").
func sameStem(x, y string) bool {
	if x == y {
		return len(x) >= 3
	}
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n >= 5 && 4*n >= 3*min(len(x), len(y))
}

// rolesCompatible reports whether two roles can describe one post: the
// words of one are all among the words of the other ("Fisheries Minister"
// and "Minister of Oceans, Ports and Fisheries").
func rolesCompatible(a, b string) bool { return roleWithin(a, b) || roleWithin(b, a) }

// roleWithin reports whether role a says all that role b says: every word
// of b is in a, or is an acronym of words in a ("un" for "united
// nations"), and a has no rank word ("deputy") that b lacks.
func roleWithin(a, b string) bool {
	have := strings.Fields(a)
	want := strings.Fields(b)
	for _, w := range have {
		if strings.HasPrefix(w, rankMark) && !contains(want, w) {
			return false
		}
	}
	for _, w := range want {
		if !contains(have, w) && !acronymOf(w, have) {
			return false
		}
	}
	return true
}

// acronymOf reports whether w, dots left out, is two to five letters each
// of which starts a different word of words ("un", "u.n." for "united
// nations"). Role keys are sorted, so the order of the words is not
// checked: a role's few words leave little room for a chance match.
func acronymOf(w string, words []string) bool {
	letters := strings.ReplaceAll(w, ".", "")
	if len(letters) < 2 || len(letters) > 5 || len(words) < len(letters) {
		return false
	}
	used := make([]bool, len(words))
	for i := 0; i < len(letters); i++ {
		found := false
		for k, x := range words {
			if !used[k] && len(x) > 1 && x[0] == letters[i] && !strings.HasPrefix(x, rankMark) && !strings.HasPrefix(x, timeMark) {
				used[k], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// roleTimes returns the time words of a role key ("~former"), joined.
func roleTimes(role string) string {
	var out []string
	for _, w := range strings.Fields(role) {
		if strings.HasPrefix(w, timeMark) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// wordsSigOf returns exactJoin of quote i's words, made on first use.
func (c *comparer) wordsSigOf(i int) string {
	if c.wordsSig == nil {
		c.wordsSig = make([]string, len(c.claims))
	}
	if c.wordsSig[i] == "" && len(c.words[i]) > 0 {
		c.wordsSig[i] = exactJoin(c.words[i])
	}
	return c.wordsSig[i]
}

// exactJoin joins words so that different lists give different strings.
func exactJoin(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(strconv.Itoa(len(w)))
		b.WriteByte(':')
		b.WriteString(w)
	}
	return b.String()
}

// unitsCompatible compares what two figures count; a currency given only
// as "dollar" agrees with any dollar.
func unitsCompatible(a, b string) bool {
	if a == b {
		return true
	}
	ma, mb := strings.TrimPrefix(a, "money:"), strings.TrimPrefix(b, "money:")
	if ma == a || mb == b {
		return false
	}
	famA, famB := strings.SplitN(ma, "/", 2)[0], strings.SplitN(mb, "/", 2)[0]
	if (ma == famA || mb == famB) && famA == famB {
		return true
	}
	for _, pair := range [][2]string{{ma, mb}, {mb, ma}} {
		if strings.Contains(pair[0], "-or-") && contains(strings.Split(pair[0], "-or-"), pair[1]) {
			return true
		}
	}
	return false
}

// containsSeq reports whether the words of short appear in long, in order
// and side by side, except where short marks left-out words with "…":
// each run of words between marks appears in long, after the run before.
func containsSeq(long, short []string) bool {
	pos := 0
	for s := 0; s < len(short); {
		if short[s] == "…" {
			s++
			continue
		}
		e := s + 1
		for e < len(short) && short[e] != "…" {
			e++
		}
		seg := short[s:e]
		found := -1
		for k := pos; k+len(seg) <= len(long); k++ {
			match := true
			for m := range seg {
				if long[k+m] != seg[m] {
					match = false
					break
				}
			}
			if match {
				found = k
				break
			}
		}
		if found < 0 {
			return false
		}
		pos = found + len(seg)
		s = e
	}
	return true
}

// minElisionFit is how many words of a quotation must meet the words
// around an elision of the other before it is taken to fill the gap.
const minElisionFit = 3

// fitsElision reports whether quotation short, with no elision of its own
// where it matters, may be the words an elision ("…") of quotation long
// left out, with some of the words around it: "for the next thirty years,
// not the next three" against "We built this terminal for the next thirty
// years … and every crane". Its start must end the words before the gap,
// or its end start the words after it, over minElisionFit words in all.
func fitsElision(long, short []string) bool {
	var segs [][]string
	start := 0
	for k, w := range long {
		if w == "…" {
			segs = append(segs, long[start:k])
			start = k + 1
		}
	}
	segs = append(segs, long[start:])
	if len(segs) < 2 || slices.Contains(short, "…") {
		return false // a quotation elided itself is containsSeq's to match
	}
	endsWith := func(seg, words []string) bool {
		return len(words) <= len(seg) && slices.Equal(seg[len(seg)-len(words):], words)
	}
	startsWith := func(seg, words []string) bool {
		return len(words) <= len(seg) && slices.Equal(seg[:len(words)], words)
	}
	for k := 0; k+1 < len(segs); k++ {
		for a := len(short); a >= 0; a-- {
			if a > 0 && !endsWith(segs[k], short[:a]) {
				continue
			}
			for b := 0; a+b <= len(short); b++ {
				if b > 0 && !startsWith(segs[k+1], short[len(short)-b:]) {
					continue
				}
				// the words between must not be the next words reworded:
				// "... I will now contest" against "... I will not contest"
				filler := short[a : len(short)-b]
				if a+b >= minElisionFit && !(len(filler) >= 2 && startsWith(segs[k+1], filler[:2])) {
					return true
				}
			}
		}
	}
	return false
}

// clusterQuotes puts quotations that are the same quotation, worded the
// same or not, into one slot: they share most of their content words (the
// smaller quote's content words, at least two, lie close together in the
// larger), and are not attributed to two different people.
func (c *comparer) clusterQuotes() {
	var qs []int
	for i, cl := range c.claims {
		if cl.Kind == KindQuote {
			qs = append(qs, i)
		}
	}
	sets := disjoint.New(len(c.claims))
	// Identical wordings are one quotation; compare one of each, and only
	// pairs that share a content word.
	// One wording given to two named people is two quotations, compared
	// for who said it.
	first := map[string]int{}
	var distinct []int
	for _, i := range qs {
		k := c.key[i] + "\x00" + c.person[i]
		if f, ok := first[k]; ok {
			sets.Union(f, i)
			continue
		}
		first[k] = i
		distinct = append(distinct, i)
	}
	byWord := map[string][]int{}
	for n, i := range distinct {
		seen := map[string]bool{}
		for _, w := range c.content[i] {
			if !seen[w] {
				seen[w] = true
				byWord[w] = append(byWord[w], n)
			}
		}
	}
	// One named speaker's quotations that open with the same words are
	// one quotation however they go on (sameQuote): found by that opening.
	byOpening := map[string][]int{}
	openingKey := func(i int) string {
		if c.person[i] == "" || len(c.words[i]) < minOpeningWords {
			return ""
		}
		return c.person[i] + "\x00" + strings.Join(c.words[i][:minOpeningWords], " ")
	}
	for n, i := range distinct {
		if k := openingKey(i); k != "" {
			byOpening[k] = append(byOpening[k], n)
		}
	}
	// every pair of a bucket shares the opening, so joining each member
	// to the first is enough, and stays linear in the bucket
	for _, k := range sortedKeys(byOpening) {
		ms := byOpening[k]
		if len(ms) < 2 || c.openingContent(distinct[ms[0]], minOpeningWords) < minOpeningContent {
			continue
		}
		for _, m := range ms[1:] {
			sets.Union(distinct[ms[0]], distinct[m])
		}
	}
	// Each quote looks for partners through its rarest words only, and
	// tries those that hold enough of them (see probeWords).
	// A quote with meaning words probes twice: by all its content words
	// and by its core (coreContent), as sameWords accepts either.
	hits := make([]int, len(distinct))
	stamp := make([]int, len(distinct))  // the probe that last counted it
	chosen := make([]int, len(distinct)) // the quote that last chose it
	probe := 0
	var found, cands []int
	for n, i := range distinct {
		cands = cands[:0]
		core := c.coreContent(i)
		for pass, content := range [][]string{c.content[i], core} {
			if pass == 1 && len(core) == len(c.content[i]) {
				break
			}
			words, weights, need := c.probeWords(content, byWord)
			probe++
			found = found[:0]
			for k, w := range words {
				for _, m := range byWord[w] {
					if m == n {
						continue
					}
					if stamp[m] != probe {
						stamp[m], hits[m] = probe, 0
						found = append(found, m)
					}
					hits[m] += weights[k]
				}
			}
			for _, m := range found {
				if hits[m] >= need && chosen[m] != n+1 {
					chosen[m] = n + 1
					cands = append(cands, m)
				}
			}
		}
		for _, m := range cands {
			a, b := distinct[min(n, m)], distinct[max(n, m)]
			if c.sameQuote(a, b) {
				sets.Union(a, b)
			} else if c.otherSpeaker(a, b) {
				c.speakerPairs = append(c.speakerPairs, [2]int{a, b})
			}
		}
	}
	members := map[int][]int{}
	var roots []int
	for _, i := range qs {
		r := sets.Find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	// Each quotation is a slot of its own: clusters that share a label
	// (one speaker's many quotations) are told apart by a number, so that
	// no slot holds quotations that are not one, and comparing a slot
	// never grows with the speaker's other words.
	used := map[string]int{}
	for _, r := range roots { // in order of each cluster's first quotation
		ms := members[r]
		label := c.quoteLabel(ms)
		used[label]++
		if n := used[label]; n > 1 {
			label += " #" + strconv.Itoa(n)
		}
		for _, i := range ms {
			c.slot[i] = "quote:" + label
		}
	}
}

// probeWords returns the words quote i looks for partners by, how much
// each weighs (how often it is among i's content words), and how much of
// that weight a partner must hold: its distinct content words, rarest
// first (fewest quotes in byWord hold them), until they weigh at least the
// quote's allowance (how many of its content words, with repeats, a quote
// may lack and still be the same quotation as a larger one) plus
// probeMargin, or as much as there is.
//
// Why every pair sameQuote accepts is found: sameQuote(i, j) holds in two
// ways. (1) One quote's words lie in the other's in order (containsSeq) and
// both have content words: then every content word of the shorter one is a
// content word of the longer one, which holds all its probe words, and
// they weigh at least what is asked. (2) The quote with fewer content
// words, the small one, has at least 0.8 of them (with repeats) among the
// large one's: the words it lacks weigh at most its allowance, so of
// probe words weighing allowance + m the large one holds at least m, m
// being what is asked (probeMargin, or less when the probe takes every
// word: then the weight of all words less the allowance). Both quotes of a
// pair probe, so the smaller or shorter one finds the other.
func (c *comparer) probeWords(content []string, byWord map[string][]int) (words []string, weights []int, need int) {
	if len(content) == 0 {
		return nil, nil, 1
	}
	shared := 0 // the fewest shared words sameQuote accepts, computed as it computes
	for float64(shared) < 0.8*float64(len(content)) {
		shared++
	}
	allowance := len(content) - shared
	counts := map[string]int{}
	for _, w := range content {
		if counts[w] == 0 {
			words = append(words, w)
		}
		counts[w]++
	}
	slices.SortFunc(words, func(a, b string) int {
		if n := cmp.Compare(len(byWord[a]), len(byWord[b])); n != 0 {
			return n
		}
		return strings.Compare(a, b)
	})
	weight := 0
	for k, w := range words {
		weights = append(weights, counts[w])
		if weight += counts[w]; weight >= allowance+probeMargin {
			return words[:k+1], weights, probeMargin
		}
	}
	return words, weights, weight - allowance
}

// coreContent returns the content words of quotation i that say what it
// is about, its meaning words left out (claim.meaning-words: "nobody",
// "never", "weeks"), when at least two remain: "We were fortunate that
// nobody was seriously hurt" and "... that only a few people were
// seriously hurt" are one quotation, told to mean two things
// (conf.quote-meaning weighs that).
func (c *comparer) coreContent(i int) []string {
	if c.cores == nil {
		c.cores = make([][]string, len(c.claims))
	}
	if c.cores[i] != nil {
		return c.cores[i]
	}
	core := []string{}
	for _, w := range c.content[i] {
		if !c.x.lex.meaningWords[w] {
			core = append(core, w)
		}
	}
	if len(core) < 2 {
		core = append([]string{}, c.content[i]...)
	}
	c.cores[i] = core
	return core
}

// probeMargin is how much more than its allowance a quote's probe words
// weigh, so that a partner must hold that much of them: a quote sharing
// one rare word by chance is not compared.
const probeMargin = 2

// quoteLabel names a cluster of quotations by its speaker: a person if any
// member names one, else the body named most often, else the first words
// of its shortest quotation.
func (c *comparer) quoteLabel(ms []int) string {
	counts := map[string]int{}
	for _, i := range ms {
		if k := c.claims[i].SpeakerKey; k != "" {
			if p := c.person[i]; p != "" {
				k = "person:" + p
			}
			w := 1
			if strings.HasPrefix(k, "person:") {
				w = 1000
			}
			counts[k] += w
		}
	}
	best, n := "", 0
	for _, k := range sortedKeys(counts) {
		if counts[k] > n {
			best, n = k, counts[k]
		}
	}
	if best != "" {
		return best
	}
	short := ms[0]
	for _, i := range ms {
		if len(c.words[i]) < len(c.words[short]) {
			short = i
		}
	}
	w := c.words[short]
	return "\"" + strings.Join(w[:min(6, len(w))], " ") + "\""
}

// contentWords returns a quote's content words: no function words, plurals
// made singular.
func (c *comparer) contentWords(words []string) []string {
	var out []string
	for _, w := range words {
		if w == "…" || c.x.lex.function[w] {
			continue
		}
		out = append(out, singular(w))
	}
	return out
}

// sameQuote decides whether two quotations are one quotation, from one
// speaker.
func (c *comparer) sameQuote(i, j int) bool {
	pi, pj := c.person[i], c.person[j]
	if pi != "" && pj != "" && pi != pj {
		return false
	}
	// "The review's findings are hard to read, but they are fair" and
	// "The review's findings are hard to read, and in places unfair": one
	// speaker's quotation that opens with the same words and goes on
	// otherwise is one quotation told two ways
	if pi != "" && pi == pj && c.sharedOpening(i, j) {
		return true
	}
	return c.sameWords(i, j)
}

// sharedOpening reports whether quotations i and j open with the same
// minOpeningWords words or more, minOpeningContent of the first
// minOpeningWords content words:
// "The review's findings are hard to read" is a quotation's own opening,
// "We want to thank all the" any speaker's.
func (c *comparer) sharedOpening(i, j int) bool {
	return openingRun(c.words[i], c.words[j]) >= minOpeningWords && c.openingContent(i, minOpeningWords) >= minOpeningContent
}

// openingContent counts the content words among the first n words of
// quotation i: words of three letters or more that are no function word.
func (c *comparer) openingContent(i, n int) int {
	k := 0
	for _, w := range c.words[i][:n] {
		if len(w) >= 3 && !c.x.lex.function[w] {
			k++
		}
	}
	return k
}

// minOpeningWords is how many opening words two quotations of one named
// speaker must share, word for word, to be one quotation however they go
// on; minOpeningContent how many of those must be content words.
const (
	minOpeningWords   = 6
	minOpeningContent = 3
)

// openingRun returns how many words two quotations open with alike.
func openingRun(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// otherSpeaker reports whether two quotations are one quotation given to
// two different named people: the words are the same quotation, with at
// least minSpeakerWords content words in the smaller, so that a common
// phrase two people both say is not taken for one quote.
func (c *comparer) otherSpeaker(i, j int) bool {
	pi, pj := c.person[i], c.person[j]
	if pi == "" || pj == "" || pi == pj {
		return false
	}
	if min(len(c.content[i]), len(c.content[j])) >= minSpeakerWords {
		return c.sameWords(i, j)
	}
	// "The mountain gave them back to us": a shorter quotation counts when
	// it is given word for word, every word, at some length
	return min(len(c.content[i]), len(c.content[j])) >= minSpeakerWords-1 &&
		min(len(c.words[i]), len(c.words[j])) >= minVerbatimWords && slices.Equal(c.words[i], c.words[j])
}

// minSpeakerWords is how many content words a quotation needs before two
// speakers given it are taken to disagree about who said it; one fewer
// will do for a quotation of at least minVerbatimWords words given word
// for word.
const (
	minSpeakerWords  = 4
	minVerbatimWords = 6
)

// sameWords decides whether two quotations are one quotation, whoever
// they are given to.
func (c *comparer) sameWords(i, j int) bool {
	if containsSeq(c.words[i], c.words[j]) || containsSeq(c.words[j], c.words[i]) {
		return len(c.content[i]) > 0 && len(c.content[j]) > 0
	}
	return c.sameContent(c.content[i], c.content[j], i, j) || c.sameContent(c.coreContent(i), c.coreContent(j), i, j)
}

// sameContent decides sameWords on the content words ci and cj of
// quotations i and j.
func (c *comparer) sameContent(ci, cj []string, i, j int) bool {
	small, large, largeAt := ci, cj, j
	if len(small) > len(large) {
		small, large, largeAt = large, small, i
	}
	if len(small) < 2 {
		return false
	}
	set := c.contentSet(largeAt)
	shared := 0
	for _, w := range small {
		if set[w] {
			shared++
		}
	}
	if float64(shared) < 0.8*float64(len(small)) {
		return false
	}
	if len(small) > 4 {
		return true
	}
	// A short quote's words must lie close together in the long one, not
	// scattered through a paragraph of speech.
	return window(large, small) <= 2*len(small)+2
}

// contentSet returns the set of quote i's content words, made on first
// use.
func (c *comparer) contentSet(i int) map[string]bool {
	if c.contentSets == nil {
		c.contentSets = make([]map[string]bool, len(c.claims))
	}
	if c.contentSets[i] == nil {
		set := make(map[string]bool, len(c.content[i]))
		for _, w := range c.content[i] {
			set[w] = true
		}
		c.contentSets[i] = set
	}
	return c.contentSets[i]
}

// window returns the length of the shortest run of long holding every word
// of short that long holds at all.
func window(long, short []string) int {
	need := map[string]bool{}
	for _, w := range short {
		need[w] = true
	}
	var pos []int
	for k, w := range long {
		if need[w] {
			pos = append(pos, k)
		}
	}
	distinct := map[string]bool{}
	for _, k := range pos {
		distinct[long[k]] = true
	}
	best := len(long) + 1
	for a := range pos {
		seen := map[string]bool{}
		for b := a; b < len(pos); b++ {
			seen[long[pos[b]]] = true
			if len(seen) == len(distinct) {
				best = min(best, pos[b]-pos[a]+1)
				break
			}
		}
	}
	return best
}

// saidWithin says how two places nest by what the batch's articles say
// ("Luxian, a county in Sichuan"), if they say.
func (c *comparer) saidWithin(a, b string) (places.Relation, bool) {
	if c.within == nil {
		c.within = map[string][]string{}
		for _, cl := range c.claims {
			if cl.Kind == KindPlace && cl.holds != "" {
				outer := text.Fold(cl.Value)
				if !contains(c.within[cl.holds], outer) {
					c.within[cl.holds] = append(c.within[cl.holds], outer)
				}
			}
			if cl.Kind == KindPlace && cl.inside != "" {
				inner := text.Fold(cl.Value)
				if !contains(c.within[inner], cl.inside) {
					c.within[inner] = append(c.within[inner], cl.inside)
				}
			}
		}
	}
	fa, fb := text.Fold(a), text.Fold(b)
	switch {
	case contains(c.within[fa], fb):
		return places.BContainsA, true
	case contains(c.within[fb], fa):
		return places.AContainsB, true
	}
	return places.Unknown, false
}

// placeHints returns the countries the batch names most (up to two), as
// written, to read ambiguous place names in their context.
func (c *comparer) placeHints() []string {
	if c.hints == nil {
		counts := map[string]int{}
		for _, cl := range c.claims {
			if cl.Kind == KindPlace && strings.HasPrefix(cl.Normalized, "country:") {
				counts[cl.Value]++
			}
		}
		names := sortedKeys(counts)
		sort.SliceStable(names, func(i, j int) bool { return counts[names[i]] > counts[names[j]] })
		c.hints = append([]string{}, names[:min(2, len(names))]...)
	}
	return c.hints
}
