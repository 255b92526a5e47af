package rewrite

import (
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
)

// match kinds recorded while comparing two sentences.
const (
	matchNone uint8 = iota
	matchExact
	matchFuzzy
	matchGlued
)

// comparison is the scratch state of one sentence comparison.
type comparison struct {
	ma, mb []uint8 // match kind of each word of a and b
	pairs  [][2]int32
}

// similarity scores how closely the words a (of document pa) and b (of pb)
// say the same thing, in [0, 1]. Words meet when their stems are equal,
// when they are long and nearly equal in spelling, or when one is two
// words of the other run together. The score is the matched share of the
// weight of both sides (function words light, anchors heavy), lowered when
// each side holds numbers the other lacks, and mixed with how much of the
// matched words keep their order.
func (c *config) similarity(pa *prepared, a []word, pb *prepared, b []word) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var cmp comparison
	cmp.ma = make([]uint8, len(a))
	cmp.mb = make([]uint8, len(b))
	// Exact matches first, in order, so repeated words pair up left to right.
	for i := range a {
		for j := range b {
			if cmp.mb[j] == matchNone && a[i].key == b[j].key {
				cmp.ma[i], cmp.mb[j] = matchExact, matchExact
				cmp.pairs = append(cmp.pairs, [2]int32{int32(i), int32(j)})
				break
			}
		}
	}
	matched := 0.0 // matched weight on both sides
	for i := range a {
		if cmp.ma[i] != matchNone {
			matched += float64(a[i].weight)
		}
	}
	for j := range b {
		if cmp.mb[j] != matchNone {
			matched += float64(b[j].weight)
		}
	}
	total := 0.0
	for i := range a {
		total += float64(a[i].weight)
	}
	for j := range b {
		total += float64(b[j].weight)
	}
	// Near spellings and glued words only refine a comparison that exact
	// matches have already made plausible; unrelated sentences skip the
	// costly part.
	if matched >= c.simRefineMin*total {
		if len(cmp.pairs) < len(a) && len(cmp.pairs) < len(b) {
			matched += c.fuzzyMatches(pa, a, pb, b, &cmp)
		}
		matched += c.gluedMatches(pa, a, pb, b, cmp.ma, cmp.mb)
		matched += c.gluedMatches(pb, b, pa, a, cmp.mb, cmp.ma)
	}
	numA, numB := false, false
	for i := range a {
		numA = numA || (a[i].is(flagNumber) && cmp.ma[i] == matchNone)
	}
	for j := range b {
		numB = numB || (b[j].is(flagNumber) && cmp.mb[j] == matchNone)
	}
	sim := matched / total
	if c.simContainment > 0 {
		// The matched share of the lighter side: a sentence that says
		// everything the other says and a little more still paraphrases it.
		ma, wa, mb, wb := 0.0, 0.0, 0.0, 0.0
		for i := range a {
			wa += float64(a[i].weight)
			if cmp.ma[i] != matchNone {
				ma += float64(a[i].weight)
			}
		}
		for j := range b {
			wb += float64(b[j].weight)
			if cmp.mb[j] != matchNone {
				mb += float64(b[j].weight)
			}
		}
		contained := ma / wa
		if wb < wa {
			contained = mb / wb
		}
		sim = (1-c.simContainment)*sim + c.simContainment*min(contained, 1)
	}
	if numA && numB {
		sim *= 1 - c.simNumberPenalty
	}
	if c.simOrderWeight > 0 && len(cmp.pairs) > 1 {
		sim *= 1 - c.simOrderWeight + c.simOrderWeight*inOrderShare(cmp.pairs)
	}
	return min(max(sim, 0), 1)
}

// fuzzyMatches pairs long content words that start alike and are spelled
// nearly alike ("harbour" and "harbor", "organisation" and "organization")
// and returns the weight they add, scaled by how alike they are.
func (c *config) fuzzyMatches(pa *prepared, a []word, pb *prepared, b []word, cmp *comparison) float64 {
	if c.simFuzzyRatio <= 0 || c.simFuzzyRatio > 1 {
		return 0
	}
	added := 0.0
	for i := range a {
		if cmp.ma[i] != matchNone || a[i].is(flagFunction|flagNumber) {
			continue
		}
		if a[i].flen < 5 {
			continue
		}
		fa := flat(pa.norm(a[i]))
		for j := range b {
			if cmp.mb[j] != matchNone || b[j].is(flagFunction|flagNumber) || b[j].flen < 5 {
				continue
			}
			fb := flat(pb.norm(b[j]))
			longer := max(len(fa), len(fb))
			if fa[0] != fb[0] || float64(abs(len(fa)-len(fb))) > (1-c.simFuzzyRatio)*float64(longer) {
				continue
			}
			ratio := 1 - float64(levenshtein.ComputeDistance(fa, fb))/float64(longer)
			if ratio < c.simFuzzyRatio {
				continue
			}
			cmp.ma[i], cmp.mb[j] = matchFuzzy, matchFuzzy
			cmp.pairs = append(cmp.pairs, [2]int32{int32(i), int32(j)})
			added += ratio * float64(a[i].weight+b[j].weight)
			break
		}
	}
	return added
}

// gluedMatches finds unmatched words of a that are two adjacent unmatched
// words of b run together ("harbourwhich" for "harbour, which") and returns
// the weight they add.
func (c *config) gluedMatches(pa *prepared, a []word, pb *prepared, b []word, ma, mb []uint8) float64 {
	added := 0.0
	for i := range a {
		if ma[i] != matchNone {
			continue
		}
		if a[i].flen < 4 && !(a[i].is(flagNumber) && a[i].flen >= 2) {
			continue // short numbers glue too: "7-2" against "7", "2"
		}
		var fa string
		for j := 0; j+1 < len(b); j++ {
			if mb[j] != matchNone || mb[j+1] != matchNone || a[i].flen != b[j].flen+b[j+1].flen {
				continue
			}
			if fa == "" {
				fa = flat(pa.norm(a[i]))
			}
			if isGlued(fa, flat(pb.norm(b[j])), flat(pb.norm(b[j+1]))) {
				ma[i], mb[j], mb[j+1] = matchGlued, matchGlued, matchGlued
				added += float64(a[i].weight + b[j].weight + b[j+1].weight)
				break
			}
		}
	}
	return added
}

// isGlued reports whether whole is first and second run together.
func isGlued(whole, first, second string) bool {
	return len(first) > 0 && len(second) > 0 && len(whole) == len(first)+len(second) &&
		strings.HasPrefix(whole, first) && strings.HasSuffix(whole, second)
}

// inOrderShare is the share of matched word pairs that keep their relative
// order: the longest increasing run of b positions over a positions.
func inOrderShare(pairs [][2]int32) float64 {
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	var tails []int32 // patience sorting
	for _, p := range pairs {
		k := sort.Search(len(tails), func(i int) bool { return tails[i] >= p[1] })
		if k == len(tails) {
			tails = append(tails, p[1])
		} else {
			tails[k] = p[1]
		}
	}
	return float64(len(tails)) / float64(len(pairs))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
