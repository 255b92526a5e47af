package claims

import (
	"sort"
	"strings"
)

// Comparison is the result of comparing a batch's claims.
type Comparison struct {
	// Event is the batch's main event, as MainEvent decides it.
	Event Event
	// Conflicts are the slots where articles disagree, ordered by kind
	// (date, place, person, role, number, quote), then slot, then summary.
	Conflicts []Conflict
	// Support holds, for each claim (same index as the claims given), the
	// number of independent sources whose claims in the same slot state its
	// value or something more precise that implies it ("January 29, 2026"
	// backs "late January"). Articles in one rewrite cluster count once.
	Support []int
}

// Conflict is a slot on which articles give incompatible values.
type Conflict struct {
	// Kind is the kind of the claims in conflict (date, person, role,
	// place, number, quote).
	Kind string
	// Slot is the slot they fill ("event.date", "quote:body:press release").
	Slot string
	// Summary is one line a fact-checker can read on its own: "Award day:
	// 'March 10', a Tuesday (01, 02) vs 'Wednesday' = 2026-03-11 (03)".
	Summary string
	// Sides are the incompatible values, each with its articles and
	// evidence, ordered by their first article.
	Sides []Side
	// Diff is, for a quote conflict, the word-level difference from the
	// first side's wording to the second's; nil otherwise.
	Diff []WordEdit
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
	// quote words and content words per claim (quotes only)
	words, content [][]string
	// roles known for each person, across the batch
	rolesOf map[string][]string
	// short article labels for summaries, built on first use
	short []string
}

// Compare compares the claims of a batch (as ExtractBatch returns them)
// and reports conflicts and support. cluster[i] is the rewrite cluster of
// article i: articles in one cluster count as one independent source. nil
// means every article is independent.
func (x *Extractor) Compare(batch []Input, claims []Claim, cluster []int) Comparison {
	c := &comparer{x: x, batch: batch, claims: claims, ev: x.MainEvent(batch)}
	c.cluster = func(a int) int {
		if cluster != nil && a < len(cluster) {
			return cluster[a]
		}
		return a
	}
	c.canonicalise()
	cmp := Comparison{Event: c.ev, Support: make([]int, len(claims))}
	bySlot := map[string][]int{}
	for i := range claims {
		bySlot[c.slot[i]] = append(bySlot[c.slot[i]], i)
	}
	for _, slot := range sortedKeys(bySlot) {
		items := bySlot[slot]
		rel := c.relationFor(slot, items)
		for _, i := range items {
			cmp.Support[i] = c.support(i, items, rel)
		}
		if rel.comparable {
			if cf, ok := c.conflict(slot, items, rel); ok {
				cmp.Conflicts = append(cmp.Conflicts, cf)
			}
		}
	}
	sort.SliceStable(cmp.Conflicts, func(i, j int) bool {
		a, b := cmp.Conflicts[i], cmp.Conflicts[j]
		if kindRank(a.Kind) != kindRank(b.Kind) {
			return kindRank(a.Kind) < kindRank(b.Kind)
		}
		if a.Slot != b.Slot {
			return a.Slot < b.Slot
		}
		return a.Summary < b.Summary
	})
	return cmp
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
}

func (c *comparer) support(i int, items []int, rel relation) int {
	seen := map[int]bool{}
	for _, j := range items {
		if c.key[j] == c.key[i] || rel.within(j, i) {
			seen[c.cluster(c.claims[j].Article)] = true
		}
	}
	return len(seen)
}

// conflict builds the conflict of a slot, if its values are incompatible:
// values that agree merge into one side, values compatible with every side
// ("late January" beside "Wednesday" and "January 29") join none, and two
// values asserted together by one article are never in conflict.
func (c *comparer) conflict(slot string, items []int, rel relation) (Conflict, bool) {
	type group struct {
		items    []int
		articles map[int]bool
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
	shareArticle := func(a, b *group) bool {
		for k := range a.articles {
			if b.articles[k] {
				return true
			}
		}
		return false
	}
	n := len(groups)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	related := func(a, b *group) bool {
		if rel.related == nil {
			return true
		}
		for _, i := range a.items {
			for _, j := range b.items {
				if rel.related(i, j) {
					return true
				}
			}
		}
		return false
	}
	contested := make([]bool, n)
	any := false
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if !rel.compatible(groups[a].items[0], groups[b].items[0]) && !shareArticle(groups[a], groups[b]) && related(groups[a], groups[b]) {
				contested[a], contested[b], any = true, true, true
			}
		}
	}
	if !any {
		return Conflict{}, false
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if contested[a] && contested[b] && (rel.compatible(groups[a].items[0], groups[b].items[0]) || shareArticle(groups[a], groups[b])) {
				parent[find(a)] = find(b)
			}
		}
	}
	sideOf := map[int]*Side{}
	var order []int
	for g := 0; g < n; g++ {
		if !contested[g] {
			continue
		}
		r := find(g)
		sd := sideOf[r]
		if sd == nil {
			sd = &Side{}
			sideOf[r] = sd
			order = append(order, r)
		}
		sd.Claims = append(sd.Claims, groups[g].items...)
	}
	if len(order) < 2 {
		return Conflict{}, false
	}
	var sides []Side
	for _, r := range order {
		sd := sideOf[r]
		sort.Ints(sd.Claims)
		arts := map[int]bool{}
		clusters := map[int]bool{}
		for _, i := range sd.Claims {
			arts[c.claims[i].Article] = true
			clusters[c.cluster(c.claims[i].Article)] = true
		}
		for a := range arts {
			sd.Articles = append(sd.Articles, a)
		}
		sort.Ints(sd.Articles)
		sd.IndependentSources = len(clusters)
		best := c.mostPrecise(sd.Claims, rel)
		sd.Value, sd.Normalized = c.claims[best].Value, c.key[best]
		sides = append(sides, *sd)
	}
	sort.SliceStable(sides, func(i, j int) bool { return sides[i].Articles[0] < sides[j].Articles[0] })
	cf := Conflict{Kind: c.claims[items[0]].Kind, Slot: slot, Sides: sides}
	if cf.Kind == KindQuote {
		cf.Diff = c.wordDiff(c.mostPrecise(sides[0].Claims, rel), c.mostPrecise(sides[1].Claims, rel))
	}
	cf.Summary = c.summary(cf, rel)
	return cf, true
}

// mostPrecise picks the claim that the most others on its side are within
// of, breaking ties by the longer written value and then by position.
func (c *comparer) mostPrecise(ids []int, rel relation) int {
	best, bestScore := ids[0], -1
	for _, i := range ids {
		score := 0
		for _, j := range ids {
			if i != j && rel.within(i, j) {
				score++
			}
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
	full := map[string]bool{}
	for _, cl := range c.claims {
		if k := personKey(cl); strings.Contains(k, " ") {
			full[k] = true
		}
	}
	link := func(k string) string {
		if k == "" || strings.Contains(k, " ") {
			return k
		}
		var found []string
		for f := range full {
			if contains(strings.Fields(f), k) {
				found = append(found, f)
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		return k
	}
	c.rolesOf = map[string][]string{}
	sideOf := map[string]string{}
	for i, cl := range c.claims {
		c.slot[i], c.key[i] = cl.Slot, cl.Normalized
		c.person[i] = link(personKey(cl))
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
	// same role.
	prefix := "event." + c.ev.Agent + "."
	for i, cl := range c.claims {
		if cl.Kind != KindPerson || !strings.HasPrefix(c.slot[i], prefix) || !strings.HasSuffix(c.slot[i], ".?") {
			continue
		}
		if s := sideOf[c.person[i]]; s != "" && c.person[i] != "" {
			c.slot[i] = prefix + strings.ToLower(s)
			continue
		}
		if s := c.sideByRole(i, prefix); s != "" {
			c.slot[i] = prefix + s
		}
	}
	c.clusterQuotes()
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

// sideByRole finds the side of an event party from the roles of the
// parties whose side is known: an identical role first, else the one side
// with a compatible role.
func (c *comparer) sideByRole(i int, prefix string) string {
	role := c.claims[i].Role
	exact, compatible := map[string]bool{}, map[string]bool{}
	for j, o := range c.claims {
		if o.Kind != KindPerson || !strings.HasPrefix(c.slot[j], prefix) || strings.HasSuffix(c.slot[j], ".?") {
			continue
		}
		side := strings.TrimPrefix(c.slot[j], prefix)
		roles := append([]string{o.Role}, c.rolesOf[c.person[j]]...)
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
