package claims

import "github.com/crosscheck-news/crosscheck/internal/disjoint"

// groupRelations says how the value groups of one slot relate, for
// pickSides. Groups are numbered 0..n-1 in order of first appearance.
type groupRelations struct {
	n int
	// compatible: both groups' values can hold at once.
	compatible func(a, b int) bool
	// related: the groups may be about one thing (relation.related).
	related func(a, b int) bool
	// share: some article gives both groups' values.
	share func(a, b int) bool
	// weight: how many independent sources give the group's value.
	weight func(a int) int
}

// opposed reports whether groups a and b disagree: their values cannot
// both hold, no article gives both, and they are about one thing.
func (r groupRelations) opposed(a, b int) bool {
	return !r.compatible(a, b) && !r.share(a, b) && r.related(a, b)
}

// pickSides finds the disagreements among the value groups of a slot,
// each as its sides, each side a list of groups.
//
// A slot may hold several quantities ("214 flights cancelled on Friday",
// "187 on Saturday"), so a slot may hold several disagreements, and a
// side holds only groups that agree with every group on it and with none
// of the other sides' first groups. Two values one article gives together
// are never set against each other, nor put on one side unless they
// agree: they are different quantities, both true for that article.
//
// The disagreement with the most sources behind its two values is taken
// first; a group opposed to every side taken so far joins it as a side of
// its own, up to maxSidesPerDisagreement sides. Each group serves in one
// disagreement at most; ties go to the earlier groups.
func pickSides(r groupRelations) [][][]int {
	used := make([]bool, r.n)
	var out [][][]int
	for len(out) < maxDisagreementsPerSlot {
		a, b, best := -1, -1, -1
		for x := 0; x < r.n; x++ {
			if used[x] {
				continue
			}
			for y := x + 1; y < r.n; y++ {
				if used[y] {
					continue
				}
				if w := r.weight(x) + r.weight(y); w > best && r.opposed(x, y) {
					a, b, best = x, y, w
				}
			}
		}
		if best < 0 {
			break
		}
		seeds := []int{a, b}
		for z := 0; z < r.n && len(seeds) < maxSidesPerDisagreement; z++ {
			if used[z] || z == a || z == b {
				continue
			}
			fits := true
			for _, s := range seeds {
				if !r.opposed(s, z) {
					fits = false
					break
				}
			}
			if fits {
				seeds = append(seeds, z)
			}
		}
		sides := make([][]int, len(seeds))
		for k, s := range seeds {
			sides[k] = []int{s}
			used[s] = true
		}
		// Each other group joins the one side whose first group it agrees
		// with and is about, when it agrees with every group on that side,
		// disagrees with every other side and no article gives it beside
		// a value of another side.
		for g := 0; g < r.n; g++ {
			if used[g] {
				continue
			}
			home := -1
			for k, sd := range sides {
				if r.compatible(g, sd[0]) {
					if home >= 0 {
						home = -2 // agrees with two sides: it settles nothing
						break
					}
					home = k
				}
			}
			if home < 0 || !r.related(g, sides[home][0]) {
				continue
			}
			fits := true
			for k, sd := range sides {
				if k != home && !r.opposed(g, sd[0]) {
					fits = false
					break
				}
				for _, m := range sd {
					if k == home && !r.compatible(g, m) || k != home && r.share(g, m) {
						fits = false
						break
					}
				}
				if !fits {
					break
				}
			}
			if fits {
				sides[home] = append(sides[home], g)
				used[g] = true
			}
		}
		out = append(out, sides)
	}
	return out
}

// maxSidesPerDisagreement bounds the sides of one disagreement of
// figures: past four values of one quantity, the slot holds several.
const maxSidesPerDisagreement = 4

// maxDisagreementsPerSlot bounds the disagreements pickSides finds in one
// slot: each takes a pass over the pairs of the slot's values, and past the
// first few they are differences of quantities the frames could not tell
// apart, worth little more to a reader.
const maxDisagreementsPerSlot = 3

// mergeSides finds the one disagreement of a slot whose values are not
// figures: every group opposed to another is contested, and contested
// groups that agree, or that one article gives together, are one side.
// An article that gives two dates or places for one slot thus merges
// them, and when everything merges there is no disagreement: such a
// slot holds several happenings the frames could not tell apart, and
// saying nothing is better than setting one against another.
func mergeSides(r groupRelations) [][][]int {
	contested := make([]bool, r.n)
	any := false
	for a := 0; a < r.n; a++ {
		for b := a + 1; b < r.n; b++ {
			if r.opposed(a, b) {
				contested[a], contested[b], any = true, true, true
			}
		}
	}
	if !any {
		return nil
	}
	sets := disjoint.New(r.n)
	for a := 0; a < r.n; a++ {
		for b := a + 1; b < r.n; b++ {
			if contested[a] && contested[b] && (r.compatible(a, b) || r.share(a, b)) {
				sets.Union(a, b)
			}
		}
	}
	index := map[int]int{}
	var sides [][]int
	for g := 0; g < r.n; g++ {
		if !contested[g] {
			continue
		}
		root := sets.Find(g)
		k, ok := index[root]
		if !ok {
			k = len(sides)
			index[root] = k
			sides = append(sides, nil)
		}
		sides[k] = append(sides[k], g)
	}
	if len(sides) < 2 {
		return nil
	}
	return [][][]int{sides}
}

// sidesOf picks the disagreements of a slot's value groups: figures by
// pickSides, other values by mergeSides.
func (c *comparer) sidesOf(items []int, r groupRelations) [][][]int {
	if c.claims[items[0]].Kind == KindNumber {
		return pickSides(r)
	}
	return mergeSides(r)
}
