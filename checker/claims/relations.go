package claims

import (
	"strings"
)

// relationFor returns how the claims of a slot relate. Only slots that hold
// one value for the event (its date, place, parties, figures), a person's
// role, or one quotation are compared; the rest (background dates, places,
// organisations) only count support, by equal value.
func (c *comparer) relationFor(slot string, items []int) relation {
	equal := func(i, j int) bool { return c.key[i] == c.key[j] }
	rel := relation{compatible: equal, within: equal}
	kind := c.claims[items[0]].Kind
	switch {
	case slot == "event.date":
		rel.comparable = true
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
	case slot == "event.place":
		rel.comparable = true
		rel.compatible = func(i, j int) bool {
			a, b := c.key[i], c.key[j]
			if a == b {
				return true
			}
			ca, cb := strings.HasPrefix(a, "country:"), strings.HasPrefix(b, "country:")
			if ca != cb {
				return true // a city may lie in the country; the rules do not say
			}
			return strings.HasPrefix(a, b+",") || strings.HasPrefix(b, a+",")
		}
		rel.within = func(i, j int) bool {
			return c.key[i] == c.key[j] || strings.HasPrefix(c.key[i], c.key[j]+",")
		}
	case kind == KindPerson && strings.HasPrefix(slot, "event.") && !strings.HasSuffix(slot, ".?"):
		rel.comparable = true
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
		rel.comparable = true
		rel.compatible = func(i, j int) bool { return rolesCompatible(c.claims[i].Role, c.claims[j].Role) }
		rel.within = func(i, j int) bool { return roleWithin(c.claims[i].Role, c.claims[j].Role) }
	case kind == KindNumber && strings.HasPrefix(slot, "event."):
		rel.comparable = true
		rel.compatible = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			return unitsCompatible(a.Unit, b.Unit) && a.Low <= b.High && b.Low <= a.High
		}
		rel.within = func(i, j int) bool {
			a, b := c.claims[i], c.claims[j]
			return unitsCompatible(a.Unit, b.Unit) && b.Low <= a.Low && a.High <= b.High
		}
	case kind == KindQuote:
		rel.comparable = true
		rel.compatible = func(i, j int) bool {
			return containsSeq(c.words[i], c.words[j]) || containsSeq(c.words[j], c.words[i])
		}
		rel.within = func(i, j int) bool { return containsSeq(c.words[i], c.words[j]) }
		rel.related = func(i, j int) bool { return c.sameQuote(i, j) }
	}
	return rel
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

// rolesCompatible reports whether two roles can describe one post: the
// words of one are all among the words of the other ("Industry Minister"
// and "Minister of Innovation, Science and Industry").
func rolesCompatible(a, b string) bool { return roleWithin(a, b) || roleWithin(b, a) }

// roleWithin reports whether role a says all that role b says.
func roleWithin(a, b string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(a) {
		have[w] = true
	}
	for _, w := range strings.Fields(b) {
		if !have[w] {
			return false
		}
	}
	return true
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
// and side by side, except where short marks left-out words with "…".
func containsSeq(long, short []string) bool {
	var segs [][]string
	cur := []string{}
	for _, w := range short {
		if w == "…" {
			if len(cur) > 0 {
				segs = append(segs, cur)
			}
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	if len(segs) == 0 {
		return true
	}
	pos := 0
	for _, seg := range segs {
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
	}
	return true
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
	parent := map[int]int{}
	for _, i := range qs {
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
	union := func(i, j int) {
		ri, rj := find(i), find(j)
		if ri < rj {
			parent[rj] = ri
		} else {
			parent[ri] = rj
		}
	}
	// Identical wordings are one quotation; compare one of each, and only
	// pairs that share a content word.
	first := map[string]int{}
	var distinct []int
	for _, i := range qs {
		if f, ok := first[c.key[i]]; ok {
			union(f, i)
			continue
		}
		first[c.key[i]] = i
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
	for n, i := range distinct {
		tried := map[int]bool{}
		for _, w := range c.content[i] {
			for _, m := range byWord[w] {
				if m <= n || tried[m] {
					continue
				}
				tried[m] = true
				if j := distinct[m]; c.sameQuote(i, j) {
					union(i, j)
				}
			}
		}
	}
	members := map[int][]int{}
	for _, i := range qs {
		members[find(i)] = append(members[find(i)], i)
	}
	for _, ms := range members {
		label := c.quoteLabel(ms)
		for _, i := range ms {
			c.slot[i] = "quote:" + label
		}
	}
}

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

// sameQuote decides whether two quotations are one quotation.
func (c *comparer) sameQuote(i, j int) bool {
	ci, cj := c.content[i], c.content[j]
	pi, pj := c.person[i], c.person[j]
	if pi != "" && pj != "" && pi != pj {
		return false
	}
	if containsSeq(c.words[i], c.words[j]) || containsSeq(c.words[j], c.words[i]) {
		return len(ci) > 0 && len(cj) > 0
	}
	small, large := ci, cj
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) < 2 {
		return false
	}
	set := map[string]bool{}
	for _, w := range large {
		set[w] = true
	}
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
