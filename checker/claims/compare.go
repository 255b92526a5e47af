package claims

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// Comparison is the result of comparing a batch's claims.
type Comparison struct {
	// Event is the batch's main event, as MainEvent decides it.
	Event Event
	// Conflicts are the slots where articles disagree with a confidence at
	// or above the threshold (rule conf.threshold), ordered by kind (date,
	// place, person, role, number, quote), then slot, then summary.
	Conflicts []Conflict
	// Differences are the disagreements below the threshold: worth a look,
	// with the reasons they were not trusted, never gated. Same order.
	Differences []Conflict
	// Support holds, for each claim (same index as the claims given), the
	// number of independent sources whose claims in the same slot state its
	// value or something more precise that implies it ("October 14, 2025"
	// backs "mid-October"). Articles in one rewrite cluster count once.
	Support []int
}

// Conflict is a slot on which articles give incompatible values.
type Conflict struct {
	// Kind is the kind of the claims in conflict (date, person, role,
	// place, number, quote).
	Kind string
	// Slot is the slot they fill ("event.date", "quote:body:press release").
	Slot string
	// Summary is one line a fact-checker can read on its own: "Launch day:
	// 'June 3', a Tuesday (01, 02) vs 'Wednesday' = 2025-06-04 (03)".
	Summary string
	// Sides are the incompatible values, each with its articles and
	// evidence, ordered by their first article.
	Sides []Side
	// Diff is, for a quote conflict, the word-level difference from the
	// first side's wording to the second's; nil otherwise.
	Diff []WordEdit
	// Confidence is how sure the stage is that the sides truly disagree
	// about one thing, in [0,1]: the prior plus the weights of Reasons.
	Confidence float64
	// Reasons are the confidence rules that applied, by rule id.
	Reasons []Reason

	// later marks a disagreement of a slot that gave one with more
	// sources behind it (conf.second-in-slot).
	later bool
}

// Side is one value of a conflicting slot.
type Side struct {
	// Value is the most precise wording on this side, as written; Normalized
	// is its comparison form.
	Value, Normalized string
	// Articles are the articles on this side, in order.
	Articles []int
	// IndependentSources counts Articles with each rewrite cluster once.
	IndependentSources int
	// Claims are the indices (into the claims given to Compare) of the
	// evidence: every claim on this side.
	Claims []int
	// Spans, when set, are the evidence of each claim of Claims (same
	// order) where it is wider than the claim's own span: a quotation with
	// the name of the person it is given to.
	Spans []text.Span
}

// WordEdit is one step of a word-level diff.
type WordEdit struct {
	// Op is "equal", "delete" (only in the first side) or "insert" (only
	// in the second).
	Op string
	// Text is the words, as written, joined by single spaces.
	Text string
}

// Word-edit operations.
const (
	OpEqual  = "equal"
	OpDelete = "delete"
	OpInsert = "insert"
)

// comparer holds the state of one Compare call.
type comparer struct {
	x       *Extractor
	batch   []Input
	claims  []Claim
	cluster func(article int) int
	ev      Event
	// canonical person keys and slots, per claim
	person []string
	slot   []string
	key    []string
	// quote words and content words per claim (quotes only), and the
	// content words as a set, made on first use
	words, content [][]string
	contentSets    []map[string]bool
	cores          [][]string // coreContent per claim, made on first use
	wordsSig       []string   // exactJoin of words, made on first use
	// roles known for each person, across the batch
	rolesOf map[string][]string
	// titlesTogether holds, per person, the pairs of title words that
	// one article gives them at once ("councillor|chair"), built on
	// first use
	titlesTogether map[string]map[string]bool
	// clusterID is each claim's rewrite cluster, numbered densely;
	// clusters counts them
	clusterID []int
	clusters  int
	// marks is a scratch stamp per cluster, with the last stamp handed out
	marks    []int
	lastMark int
	// within holds what the batch's articles say about places: inner →
	// the places it lies within, by folded name (placeHeld); hints are the
	// batch's most named countries, for reading ambiguous names; both made
	// on first use
	within map[string][]string
	hints  []string
	// speakerPairs are pairs of quotations that are one quotation given
	// to two different named people (clusterQuotes)
	speakerPairs [][2]int
	// short article labels for summaries, built on first use
	short []string
	// longest written name of each person, built on first use
	longestName map[string]string
	// part marks figures that are parts of a total the batch states
	// (markParts)
	part []bool
	// running says whether a sentence dates the event on two days
	// (runningEvent), worked out on first use
	running *bool
	// sentenceDays lists the day and weekday claims of each sentence, by
	// article and sentence (snapshotDays), made on first use
	sentenceDays map[[2]int][]int
	// oneDay is the day each sentence dates when it names exactly one
	// (dayOfSentence), made on first use
	oneDay map[[2]int]timex.Range
	// ofSlot indexes the claims by slot for claimsOfSlot, made on first use
	ofSlot map[string][]int
}

// Compare compares the claims of a batch (as ExtractBatch returns them)
// and reports conflicts and support. cluster[i] is the rewrite cluster of
// article i: articles in one cluster count as one independent source. nil
// means every article is independent.
func (x *Extractor) Compare(batch []Input, claims []Claim, cluster []int) Comparison {
	c := x.newComparer(batch, claims, cluster)
	c.canonicalise()
	c.markParts()
	return c.compare()
}

// Bounds of a list of parts markParts looks for.
const (
	minParts = 2
	maxParts = 8
)

// markParts finds figures the batch gives as parts of a total
// (claim.parts-of-total): two or more figures of one unit in one sentence
// that add up to a figure of that unit stated elsewhere in the batch ("€260m for primary schools, €175m
// for secondary schools and €45m for special schools" beside "a €480
// million fund"). Every figure of the batch with the value of such a part
// is a part ("the €45m strand"), and a part is never set against a figure
// that is not one: it is a component, not a rival value of the whole.
func (c *comparer) markParts() {
	c.part = make([]bool, len(c.claims))
	slack := c.x.lex.partSumSlack
	type group struct {
		article, sentence int
		unit              string
	}
	groups := map[group][]int{}
	values := map[string][]float64{} // unit → every figure's value
	value := func(cl Claim) float64 { return (cl.Low + cl.High) / 2 }
	partial := func(cl Claim) bool {
		return cl.Kind == KindNumber && cl.Unit != "" && cl.Unit != "tally" && cl.Unit != "percent" &&
			!strings.HasPrefix(cl.Unit, ordinalUnitPrefix) && value(cl) > 0
	}
	for i, cl := range c.claims {
		if !partial(cl) {
			continue
		}
		g := group{cl.Article, cl.Sentence, cl.Unit}
		groups[g] = append(groups[g], i)
		values[cl.Unit] = append(values[cl.Unit], value(cl))
	}
	parts := map[string]map[float64]bool{}
	for g, ids := range groups {
		// "five counts of fraud and one count of fraudulent trading": a
		// part of one is written as a word the number reader leaves alone
		ones := c.singlesOf(g.article, g.sentence, g.unit)
		if len(ids)+ones < minParts || len(ids)+ones > maxParts {
			continue
		}
		sum, least, most := float64(ones), math.Inf(1), 0.0
		if ones > 0 {
			least = 1
		}
		for _, i := range ids {
			v := value(c.claims[i])
			sum += v
			least, most = min(least, v), max(most, v)
		}
		// each part a share of the total worth naming, none of them the
		// total itself ("44 euros a share, valuing it at 6.2 billion")
		if least < slack*sum || most >= (1-slack)*sum {
			continue
		}
		unit := c.claims[ids[0]].Unit
		total := false
		for _, v := range values[unit] {
			if v > 0 && math.Abs(v-sum) <= slack*v {
				total = true
				break
			}
		}
		if !total {
			continue
		}
		if parts[unit] == nil {
			parts[unit] = map[float64]bool{}
		}
		for _, i := range ids {
			parts[unit][value(c.claims[i])] = true
		}
	}
	for i, cl := range c.claims {
		if partial(cl) && parts[cl.Unit][value(cl)] {
			c.part[i] = true
		}
	}
}

// singlesOf counts the "one <unit>" phrases of a sentence ("and one count
// of fraudulent trading"): parts of one that no figure claim holds.
func (c *comparer) singlesOf(article, sentence int, unit string) int {
	doc := c.batch[article].Doc
	if doc == nil || sentence < 0 || sentence >= len(doc.Sentences) {
		return 0
	}
	toks := doc.SentenceTokens(sentence)
	n := 0
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Norm == "one" && singular(toks[k+1].Norm) == unit {
			n++
		}
	}
	return n
}

func (x *Extractor) newComparer(batch []Input, claims []Claim, cluster []int) *comparer {
	c := &comparer{x: x, batch: batch, claims: claims, ev: x.MainEvent(batch)}
	c.cluster = func(a int) int {
		if cluster != nil && a < len(cluster) {
			return cluster[a]
		}
		return a
	}
	dense := map[int]int{}
	c.clusterID = make([]int, len(claims))
	for i, cl := range claims {
		k := c.cluster(cl.Article)
		id, ok := dense[k]
		if !ok {
			id = len(dense)
			dense[k] = id
		}
		c.clusterID[i] = id
	}
	c.clusters = len(dense)
	c.marks = make([]int, c.clusters)
	return c
}

// newMark returns a stamp no cluster carries yet in c.marks.
func (c *comparer) newMark() int {
	c.lastMark++
	return c.lastMark
}

// bySlot returns the claims of each slot, in order.
func (c *comparer) bySlot() map[string][]int {
	out := map[string][]int{}
	for i := range c.claims {
		out[c.slot[i]] = append(out[c.slot[i]], i)
	}
	return out
}

// compare finds the conflicts and support of the canonicalised claims.
func (c *comparer) compare() Comparison {
	cmp := Comparison{Event: c.ev, Support: make([]int, len(c.claims))}
	bySlot := c.bySlot()
	for _, slot := range sortedKeys(bySlot) {
		items := bySlot[slot]
		rel := c.relationFor(slot, items)
		c.support(items, rel, cmp.Support)
		if rel.comparable {
			cfs := c.conflicts(slot, items, rel)
			first := 0
			if len(cfs) > 0 {
				first = backing(cfs[0])
			}
			for k, cf := range cfs {
				cf.later = k > 0 && backing(cf) < first
				c.assess(&cf)
				if cf.Confidence >= c.x.conf.threshold {
					cmp.Conflicts = append(cmp.Conflicts, cf)
				} else {
					cmp.Differences = append(cmp.Differences, cf)
				}
			}
		}
	}
	// a weekday the calendar refutes is reported on its own only when no
	// conflict above already sets it against the other articles (a
	// difference, weighed down by what else its sides say, does not)
	told := map[int]bool{}
	for _, cf := range cmp.Conflicts {
		for _, sd := range cf.Sides {
			for _, i := range sd.Claims {
				told[i] = true
			}
		}
	}
	for _, cf := range append(c.speakerConflicts(), c.calendarConflicts(told)...) {
		c.assess(&cf)
		if cf.Confidence >= c.x.conf.threshold {
			cmp.Conflicts = append(cmp.Conflicts, cf)
		} else {
			cmp.Differences = append(cmp.Differences, cf)
		}
	}
	sortConflicts(cmp.Conflicts)
	sortConflicts(cmp.Differences)
	return cmp
}

// backing is how many independent sources stand behind the two
// best-backed sides of a disagreement.
func backing(cf Conflict) int {
	first, second := 0, 0
	for _, sd := range cf.Sides {
		switch n := sd.IndependentSources; {
		case n > first:
			first, second = n, first
		case n > second:
			second = n
		}
	}
	return first + second
}

// sortConflicts orders conflicts by kind, then slot, then summary.
func sortConflicts(cs []Conflict) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if kindRank(a.Kind) != kindRank(b.Kind) {
			return kindRank(a.Kind) < kindRank(b.Kind)
		}
		if a.Slot != b.Slot {
			return a.Slot < b.Slot
		}
		return a.Summary < b.Summary
	})
}

func kindRank(k string) int {
	for i, v := range []string{KindDate, KindPlace, KindPerson, KindRole, KindNumber, KindQuote} {
		if v == k {
			return i
		}
	}
	return 99
}

// relation says how two claims of a slot relate.
type relation struct {
	comparable bool
	// compatible: both can be true at once.
	compatible func(i, j int) bool
	// within: claim i states claim j's value or something more precise.
	within func(i, j int) bool
	// related, when set, says which pairs may conflict at all: two
	// quotations in one cluster conflict only if they are directly the same
	// quotation, not merely linked through others.
	related func(i, j int) bool
	// sig returns what the functions above read of a claim: two claims
	// with equal sigs relate alike to every claim, so a slot's pairs are
	// compared once per pair of distinct sigs. byKey says the sig is the
	// comparison key alone, and within is key equality.
	sig   func(i int) sig
	byKey bool
}

// sig is the part of a claim a relation reads (see relation.sig).
type sig struct {
	key, person, role, words, unit string
	when                           timex.Range
	resolved                       bool
	low, high                      float64
	floor, ceiling                 bool
}

// sigGroup is the claims of a slot that share one sig.
type sigGroup struct {
	rep      int   // its first claim
	members  []int // its claims, in order
	clusters []int // the dense clusters of its claims, each once (filled by support)
}

// groupBySig splits claims into groups of equal sig, in order of first
// appearance.
func (c *comparer) groupBySig(items []int, rel relation) []*sigGroup {
	var groups []*sigGroup
	index := map[sig]int{}
	byKey := map[string]int{} // when the sig is the key alone
	for _, i := range items {
		var n int
		var ok bool
		if rel.byKey {
			n, ok = byKey[c.key[i]]
		} else {
			n, ok = index[rel.sig(i)]
		}
		if !ok {
			n = len(groups)
			if rel.byKey {
				byKey[c.key[i]] = n
			} else {
				index[rel.sig(i)] = n
			}
			groups = append(groups, &sigGroup{rep: i})
		}
		groups[n].members = append(groups[n].members, i)
	}
	return groups
}

// support sets out[i], for each claim i of a slot, to the number of
// independent sources (clusters) among the claims j that have i's key or
// state i's value more precisely (rel.within(j, i)). Claims are compared by
// distinct sig; when within is key equality, only claims with one key back
// each other and no pair is compared.
func (c *comparer) support(items []int, rel relation, out []int) {
	groups := c.groupBySig(items, rel)
	byKey := map[string][]*sigGroup{}
	for _, g := range groups {
		byKey[c.key[g.rep]] = append(byKey[c.key[g.rep]], g)
		mark := c.newMark()
		for _, i := range g.members {
			if k := c.clusterID[i]; c.marks[k] != mark {
				c.marks[k] = mark
				g.clusters = append(g.clusters, k)
			}
		}
	}
	for _, g := range groups {
		count, mark := 0, c.newMark()
		back := func(b *sigGroup) {
			for _, k := range b.clusters {
				if c.marks[k] != mark {
					c.marks[k] = mark
					count++
				}
			}
		}
		key := c.key[g.rep]
		for _, b := range byKey[key] {
			back(b)
		}
		if !rel.byKey {
			for _, b := range groups {
				if c.key[b.rep] != key && rel.within(b.rep, g.rep) {
					back(b)
				}
			}
		}
		for _, i := range g.members {
			out[i] = count
		}
	}
}

// conflicts builds the disagreements of a slot, if its values are
// incompatible: values that agree merge into one side, values compatible
// with every side ("mid-October" beside "Monday" and "October 14") join
// none, and two values asserted together by one article are never in
// conflict (pickSides).
func (c *comparer) conflicts(slot string, items []int, rel relation) []Conflict {
	type group struct {
		items    []int
		articles map[int]bool
		clusters int
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, i := range items {
		g := byKey[c.key[i]]
		if g == nil {
			g = &group{articles: map[int]bool{}}
			byKey[c.key[i]] = g
			groups = append(groups, g)
		}
		g.items = append(g.items, i)
		g.articles[c.claims[i].Article] = true
	}
	n := len(groups)
	if n < 2 {
		return nil
	}
	for _, g := range groups {
		mark := c.newMark()
		for _, i := range g.items {
			if k := c.clusterID[i]; c.marks[k] != mark {
				c.marks[k] = mark
				g.clusters++
			}
		}
	}
	shareArticle := func(a, b int) bool {
		for k := range groups[a].articles {
			if groups[b].articles[k] {
				return true
			}
		}
		return false
	}
	// Whether two groups are related depends on the sigs of their claims,
	// so each distinct sig of a group is tried once.
	var reps [][]int
	if rel.related != nil {
		reps = make([][]int, len(groups))
		for k, g := range groups {
			for _, sg := range c.groupBySig(g.items, rel) {
				reps[k] = append(reps[k], sg.rep)
			}
		}
	}
	related := func(a, b int) bool {
		if rel.related == nil {
			return true
		}
		for _, i := range reps[a] {
			for _, j := range reps[b] {
				if rel.related(i, j) {
					return true
				}
			}
		}
		return false
	}
	// Whether two groups are compatible is read once per pair and kept,
	// unless there are too many groups to keep a table of pairs.
	var memo []int8 // a*n+b: 0 unknown, 1 compatible, -1 not
	if n <= 1024 {
		memo = make([]int8, n*n)
	}
	compatible := func(a, b int) bool {
		if a > b {
			a, b = b, a
		}
		if memo == nil {
			return rel.compatible(groups[a].items[0], groups[b].items[0])
		}
		if memo[a*n+b] == 0 {
			memo[a*n+b] = -1
			if rel.compatible(groups[a].items[0], groups[b].items[0]) {
				memo[a*n+b] = 1
			}
		}
		return memo[a*n+b] == 1
	}
	picked := c.sidesOf(items, groupRelations{n: n, compatible: compatible, related: related, share: shareArticle,
		weight: func(a int) int { return groups[a].clusters }})
	var out []Conflict
	for _, sideGroups := range picked {
		var sides []Side
		for _, gs := range sideGroups {
			var sd Side
			for _, g := range gs {
				sd.Claims = append(sd.Claims, groups[g].items...)
			}
			sides = append(sides, c.finishSide(sd, rel, c.mostPrecise))
		}
		out = append(out, c.newConflict(slot, items, sides, rel, c.mostPrecise))
	}
	return out
}

// finishSide fills in a side's articles, sources and shown value from its
// claims; precise picks the claim whose value is shown (mostPrecise, or
// the reference tests' pairwise version).
func (c *comparer) finishSide(sd Side, rel relation, precise func([]int, relation) int) Side {
	sort.Ints(sd.Claims)
	c.countSources(&sd)
	best := precise(sd.Claims, rel)
	sd.Value, sd.Normalized = c.claims[best].Value, c.key[best]
	return sd
}

// countSources sets a side's articles, in order, and how many
// independent sources (rewrite clusters) they are, from its claims.
func (c *comparer) countSources(sd *Side) {
	arts, clusters := map[int]bool{}, map[int]bool{}
	for _, i := range sd.Claims {
		arts[c.claims[i].Article] = true
		clusters[c.cluster(c.claims[i].Article)] = true
	}
	sd.Articles = sd.Articles[:0]
	for a := range arts {
		sd.Articles = append(sd.Articles, a)
	}
	sort.Ints(sd.Articles)
	sd.IndependentSources = len(clusters)
}

// newConflict orders the sides of a disagreement and writes its summary;
// precise is as for finishSide.
func (c *comparer) newConflict(slot string, items []int, sides []Side, rel relation, precise func([]int, relation) int) Conflict {
	sort.SliceStable(sides, func(i, j int) bool { return sides[i].Articles[0] < sides[j].Articles[0] })
	cf := Conflict{Kind: c.claims[items[0]].Kind, Slot: slot, Sides: sides}
	if cf.Kind == KindQuote {
		cf.Diff = c.wordDiff(precise(sides[0].Claims, rel), precise(sides[1].Claims, rel))
	}
	cf.Summary = c.summary(cf, rel)
	return cf
}

// mostPrecise picks the claim that the most others on its side are within
// of, breaking ties by the longer written value and then by position.
// Claims with one sig are within the same others, so the count is made
// per pair of distinct sigs.
func (c *comparer) mostPrecise(ids []int, rel relation) int {
	groups := c.groupBySig(ids, rel)
	groupOf := map[int]int{}
	within := make([]int, len(groups)) // how many of ids each group's claims are within, themselves included
	for a, ga := range groups {
		for _, i := range ga.members {
			groupOf[i] = a
		}
		for _, gb := range groups {
			if rel.within(ga.rep, gb.rep) {
				within[a] += len(gb.members)
			}
		}
	}
	best, bestScore := ids[0], -1
	for _, i := range ids {
		a := groupOf[i]
		score := within[a]
		if rel.within(groups[a].rep, groups[a].rep) {
			score-- // not itself
		}
		if score > bestScore || (score == bestScore && writtenPrecision(c.claims[i]) > writtenPrecision(c.claims[best])) ||
			(score == bestScore && writtenPrecision(c.claims[i]) == writtenPrecision(c.claims[best]) && len(c.claims[i].Value) > len(c.claims[best].Value)) {
			best, bestScore = i, score
		}
	}
	return best
}

// writtenPrecision ranks how much of a value the text itself gives: a date
// written with month and year beats one without the year, which beats a
// weekday or "yesterday" that needed the calendar.
func writtenPrecision(c Claim) int {
	if c.Kind != KindDate {
		return 0
	}
	switch {
	case c.expr.Month != 0 && c.expr.Year != 0:
		return 2
	case c.expr.Month != 0:
		return 1
	}
	return 0
}

// canonicalise links people across articles (a surname alone stands for
// the one full name in the batch that holds it), clusters quotes, gives
// event parties of unknown side a side by their role, and fixes each
// claim's comparison slot and key.
func (c *comparer) canonicalise() {
	n := len(c.claims)
	c.person, c.slot, c.key = make([]string, n), make([]string, n), make([]string, n)
	c.words, c.content = make([][]string, n), make([][]string, n)
	spelling := c.nameSpellings()
	keyOf := func(cl Claim) string {
		k := personKey(cl)
		if one, ok := spelling[k]; ok {
			return one
		}
		return k
	}
	full := map[string]bool{}
	for _, cl := range c.claims {
		if k := keyOf(cl); strings.Contains(k, " ") {
			full[k] = true
		}
	}
	fullByWord := fullNamesByWord(full)
	link := func(k string) string {
		if k == "" {
			return k
		}
		if first, _, several := strings.Cut(k, " "); several {
			var found []string
			if c.x.lex.nameParticles[first] {
				// "von der leyen" stands for the one full name it ends
				for _, f := range fullByWord[first] {
					if f != k && strings.HasSuffix(f, " "+k) {
						found = append(found, f)
					}
				}
			} else {
				// "maarten de groot" for "maarten willem de groot": a
				// name with a middle name left out stands for the one
				// fuller name it fits, and every such name holds its
				// last word
				for _, f := range fullByWord[k[strings.LastIndexByte(k, ' ')+1:]] {
					if sameNameShorter(k, f) {
						found = append(found, f)
					}
				}
			}
			if len(found) == 1 {
				return found[0]
			}
			return k
		}
		if found := fullByWord[k]; len(found) == 1 {
			return found[0]
		}
		return k
	}
	c.rolesOf = map[string][]string{}
	sideOf := map[string]string{}
	for i, cl := range c.claims {
		c.slot[i], c.key[i] = cl.Slot, cl.Normalized
		c.person[i] = link(keyOf(cl))
		if (cl.Kind == KindPerson || cl.Kind == KindRole) && c.person[i] != "" {
			if cl.Role != "" && !contains(c.rolesOf[c.person[i]], cl.Role) {
				c.rolesOf[c.person[i]] = append(c.rolesOf[c.person[i]], cl.Role)
			}
			if cl.Side != "" {
				sideOf[c.person[i]] = cl.Side
			}
		}
	}
	for i, cl := range c.claims {
		switch cl.Kind {
		case KindPerson:
			if c.person[i] != "" {
				c.key[i] = "person:" + c.person[i]
				if !strings.HasPrefix(cl.Slot, "event.") {
					c.slot[i] = "person:" + c.person[i]
				}
			}
		case KindRole:
			c.slot[i] = "role:" + c.person[i]
		case KindQuote:
			c.words[i] = quoteWords(c.batch[cl.Article].Doc, cl.Span)
			c.content[i] = c.contentWords(c.words[i])
			c.key[i] = "quote:" + strings.Join(c.words[i], " ")
		}
	}
	// Event parties whose side the article did not say take it from the
	// same person elsewhere, or from the one side whose party holds the
	// same role. Parties are settled in order, and one settled counts for
	// the parties after it.
	prefix := "event." + c.ev.Agent + "."
	known := c.newSideRoles(prefix)
	for i, cl := range c.claims {
		if cl.Kind == KindPerson {
			known.add(i)
		}
	}
	for i, cl := range c.claims {
		if cl.Kind != KindPerson || !strings.HasPrefix(c.slot[i], prefix) || !strings.HasSuffix(c.slot[i], ".?") {
			continue
		}
		if s := sideOf[c.person[i]]; s != "" && c.person[i] != "" {
			c.slot[i] = prefix + strings.ToLower(s)
			known.add(i)
			continue
		}
		if s := known.sideByRole(c.claims[i].Role); s != "" {
			c.slot[i] = prefix + s
			known.add(i)
		}
	}
	c.clusterQuotes()
}

// fullNamesByWord indexes full names by each of their words.
func fullNamesByWord(full map[string]bool) map[string][]string {
	out := map[string][]string{}
	for _, f := range sortedKeys(full) {
		var seen []string
		for _, w := range strings.Fields(f) {
			if !contains(seen, w) {
				seen = append(seen, w)
				out[w] = append(out[w], f)
			}
		}
	}
	return out
}

// nameSpellings maps person keys that are one name spelt two ways to one
// of them: keys equal once the letters of claim.name-spellings are read
// alike ("katrin oberlaender" and "katrin oberländer", folded to
// "oberlander"), or equal but for the order of their parts ("jang min-ho",
// "min-ho jang"). Only spellings the batch holds both of are joined, so a
// name is never changed on its own.
func (c *comparer) nameSpellings() map[string]string {
	groups := map[string][]string{}
	for _, cl := range c.claims {
		k := personKey(cl)
		if k == "" {
			continue
		}
		f := c.x.lex.respell(k)
		// "Jang Min-ho" and "Min-ho Jang": a name written family name
		// first in one article and last in another
		if parts := strings.Fields(f); len(parts) >= 2 {
			slices.Sort(parts)
			f = strings.Join(parts, " ")
		}
		if !slices.Contains(groups[f], k) {
			groups[f] = append(groups[f], k)
		}
	}
	out := map[string]string{}
	for _, ks := range groups {
		if len(ks) < 2 {
			continue
		}
		slices.Sort(ks)
		for _, k := range ks[1:] {
			out[k] = ks[0]
		}
	}
	return out
}

func personKey(cl Claim) string {
	switch {
	case cl.Kind == KindPerson || cl.Kind == KindRole:
		return cl.Person
	case cl.Kind == KindQuote && strings.HasPrefix(cl.SpeakerKey, "person:"):
		return strings.TrimPrefix(cl.SpeakerKey, "person:")
	}
	return ""
}

// sideRoles holds the roles of the event parties whose side is known, by
// side.
type sideRoles struct {
	c      *comparer
	prefix string
	roles  map[string][]string // side → distinct roles of its parties
}

func (c *comparer) newSideRoles(prefix string) *sideRoles {
	return &sideRoles{c: c, prefix: prefix, roles: map[string][]string{}}
}

// add records claim i's roles (its own and its person's) under its side,
// if it is an event party whose side is known.
func (k *sideRoles) add(i int) {
	c := k.c
	slot := c.slot[i]
	if c.claims[i].Kind != KindPerson || !strings.HasPrefix(slot, k.prefix) || strings.HasSuffix(slot, ".?") {
		return
	}
	side := strings.TrimPrefix(slot, k.prefix)
	for _, r := range append([]string{c.claims[i].Role}, c.rolesOf[c.person[i]]...) {
		if !contains(k.roles[side], r) {
			k.roles[side] = append(k.roles[side], r)
		}
	}
}

// sideByRole finds the side of an event party from the roles of the
// parties whose side is known: an identical role first, else the one side
// with a compatible role.
func (k *sideRoles) sideByRole(role string) string {
	exact, compatible := map[string]bool{}, map[string]bool{}
	for side, roles := range k.roles {
		for _, r := range roles {
			if r == role {
				exact[side] = true
			}
			if rolesCompatible(r, role) {
				compatible[side] = true
			}
		}
	}
	if len(exact) == 1 {
		return sortedKeys(exact)[0]
	}
	if len(exact) == 0 && len(compatible) == 1 {
		return sortedKeys(compatible)[0]
	}
	return ""
}
