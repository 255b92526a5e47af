package places

import (
	"cmp"
	"slices"
)

// Relate says how the places named a and b lie with respect to each other,
// for deciding whether two texts that name them disagree about where
// something happened. Names are read as in Lookup.
//
// A name may have several readings. Readings that nest in one another
// (the city of New York within the state of New York; Dhaka city within
// Dhaka District within Dhaka Division) count as one reading that agrees
// with whatever any of them agrees with: "Buffalo" lies within "New York".
// Readings that do not nest (Paris, France; Paris, Texas) are compared in
// turn; when they disagree, the reading of a name that is clearly the most
// populous (four times the next) stands for it, and when there is none the
// answer is Unknown. Readings by own name are preferred to readings by an
// alternate name: "Salem" is the Salems of India and the United States, not
// Jerusalem.
//
// Relate returns Unknown when either name is not a known place.
func (g *Gazetteer) Relate(a, b string) Relation {
	return g.RelateIn(a, b)
}

// RelateIn is Relate with context: hints are other places the text names,
// used as in LookupIn to choose among a name's readings before the two
// names are compared. RelateIn("Paris", "Texas") is Disjoint (the Paris
// in France is the likelier), but RelateIn("Paris", "Texas", "Texas") is
// BContainsA.
func (g *Gazetteer) RelateIn(a, b string, hints ...string) Relation {
	ra := g.narrowByHints(g.resolve(a), hints)
	rb := g.narrowByHints(g.resolve(b), hints)
	if len(ra) == 0 || len(rb) == 0 {
		return Unknown
	}
	ca, cb := g.clusters(ra), g.clusters(rb)
	if r, ok := g.agree(ca, cb); ok {
		return r
	}
	if dominant(ca) {
		ca = ca[:1]
	}
	if dominant(cb) {
		cb = cb[:1]
	}
	if r, ok := g.agree(ca, cb); ok {
		return r
	}
	return Unknown
}

// cluster is a group of readings of one name that nest in the first,
// outermost one.
type cluster struct {
	members []cand
	pop     int64 // the largest population among the members
}

// clusters groups readings into clusters, keeps the clusters whose
// readings include one by own name (or all when none does), and orders
// them most populous first.
func (g *Gazetteer) clusters(cs []cand) []cluster {
	cs = slices.Clone(cs)
	slices.SortFunc(cs, func(a, b cand) int {
		ea, eb := &g.entries[a.idx], &g.entries[b.idx]
		if c := cmp.Compare(ea.depth, eb.depth); c != 0 {
			return c
		}
		if c := cmp.Compare(eb.pop, ea.pop); c != 0 {
			return c
		}
		return cmp.Compare(a.idx, b.idx)
	})
	var out []cluster
	own := make([]bool, 0, len(cs))
next:
	for _, c := range cs {
		for k := range out {
			root := out[k].members[0].idx
			if root == c.idx || g.isAncestor(root, c.idx) {
				out[k].members = append(out[k].members, c)
				out[k].pop = max(out[k].pop, g.entries[c.idx].pop)
				own[k] = own[k] || !c.alt
				continue next
			}
		}
		out = append(out, cluster{members: []cand{c}, pop: g.entries[c.idx].pop})
		own = append(own, !c.alt)
	}
	if slices.Contains(own, true) {
		kept := out[:0]
		for k, cl := range out {
			if own[k] {
				kept = append(kept, cl)
			}
		}
		out = kept
	}
	slices.SortStableFunc(out, func(a, b cluster) int { return cmp.Compare(b.pop, a.pop) })
	return out
}

// dominant reports whether the first cluster is clearly the likeliest
// reading: the only one, or at least four times as populous as the next.
func dominant(cs []cluster) bool {
	return len(cs) == 1 || cs[0].pop > 0 && cs[0].pop >= 4*cs[1].pop
}

// agree returns the relation between every pair of clusters when they all
// give the same one.
func (g *Gazetteer) agree(ca, cb []cluster) (Relation, bool) {
	first := true
	var rel Relation
	for _, a := range ca {
		for _, b := range cb {
			r := g.relateClusters(a, b)
			if first {
				rel, first = r, false
			} else if r != rel {
				return Unknown, false
			}
		}
	}
	return rel, true
}

// relationOrder ranks relations from the most to the least compatible;
// the relation of two clusters is the most compatible of their members'.
var relationOrder = [...]int{Same: 0, AContainsB: 1, BContainsA: 2, Unknown: 3, Disjoint: 4}

func (g *Gazetteer) relateClusters(a, b cluster) Relation {
	best := Disjoint
	for _, x := range a.members {
		for _, y := range b.members {
			r := g.relateCands(x, y)
			if relationOrder[r] < relationOrder[best] {
				best = r
			}
			if best == Same {
				return Same
			}
		}
	}
	return best
}

// relateCands relates two readings.
func (g *Gazetteer) relateCands(a, b cand) Relation {
	x, y := a.idx, b.idx
	switch {
	case !a.inside && !b.inside:
		switch {
		case x == y:
			return Same
		case g.isAncestor(x, y):
			return AContainsB
		case g.isAncestor(y, x):
			return BContainsA
		}
	case a.inside && !b.inside:
		if x == y || g.isAncestor(y, x) {
			return BContainsA
		}
	case !a.inside && b.inside:
		if x == y || g.isAncestor(x, y) {
			return AContainsB
		}
	}
	if g.apart(x, y) {
		return Disjoint
	}
	return Unknown
}

// apart reports whether places x and y provably share no ground: some
// place containing (or being) x and some place containing (or being) y are
// separate.
func (g *Gazetteer) apart(x, y int32) bool {
	if x == y || g.isAncestor(x, y) || g.isAncestor(y, x) {
		return false
	}
	var bufX, bufY [maxDepth + 1]int32
	cx, cy := g.hardChain(x, bufX[:0]), g.hardChain(y, bufY[:0])
	for _, p := range cx {
		for _, q := range cy {
			if g.separate(p, q) {
				return true
			}
		}
	}
	return false
}

// hardChain returns x and the places containing it whose borders bound it
// for certain. A populated place's district is left out: a city can spill
// over into the next county (Atlanta lies in Fulton and DeKalb), though
// the data files it under one.
func (g *Gazetteer) hardChain(x int32, buf []int32) []int32 {
	settled := false
	for j := x; j >= 0; j = g.entries[j].parent {
		k := g.entries[j].kind
		if k == City || k == Locality {
			settled = true
		}
		if settled && k == District {
			continue
		}
		buf = append(buf, j)
	}
	return buf
}

// separate reports whether two places, neither containing the other, are
// surely apart: two divisions (or countries), or two populated places too
// far apart to touch, or a populated place far from every place the data
// lists within a division.
func (g *Gazetteer) separate(p, q int32) bool {
	if p == q || g.isAncestor(p, q) || g.isAncestor(q, p) {
		return false
	}
	ep, eq := &g.entries[p], &g.entries[q]
	adminP, adminQ := ep.kind <= District, eq.kind <= District
	switch {
	case adminP && adminQ:
		return true
	case !adminP && !adminQ:
		return ep.coords && eq.coords &&
			distanceKm(ep, eq) > 1.5*(reachKm(ep.pop)+reachKm(eq.pop))+5
	case adminP:
		ep, eq = eq, ep
	}
	// ep is a populated place, eq a division it may spill into.
	return ep.coords && eq.box >= 0 &&
		boxDistanceKm(ep.lat, ep.lon, g.boxes[eq.box]) > reachKm(ep.pop)+divisionMarginKm
}

// divisionMarginKm is how far a division may reach beyond the box around
// the populated places listed within it.
const divisionMarginKm = 30
