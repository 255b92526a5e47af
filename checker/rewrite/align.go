package rewrite

import "github.com/crosscheck-news/crosscheck/checker/text"

// unit is one step of a sentence alignment: sentences [a0, a1) of one
// article aligned with sentences [b0, b1) of the other.
type unit struct {
	a0, a1, b0, b1 int
	sim            float64
}

// Moves of the alignment path.
const (
	moveNone uint8 = iota
	moveSkipA
	moveSkipB
	move11
	move12
	move21
)

// align finds the best monotone alignment of the sentences of pa and pb,
// allowing 1-1, 1-2 and 2-1 steps and gaps on either side. A step is
// allowed only when its sentences are at least align-threshold similar, and
// a 1-2 or 2-1 step only when it beats the best 1-1 step within it by
// align-merge-margin. The path maximises the similarity of its steps
// weighted by their length in content words, so long faithful sentences
// outweigh short accidental ones.
//
// Only the first align-max-sentences sentences of each side take part, which
// bounds time and memory on pathological inputs (news articles are far
// shorter).
func (c *config) align(pa, pb *prepared) []unit {
	n, m := min(len(pa.sents), c.alignMaxSentences), min(len(pb.sents), c.alignMaxSentences)
	if n <= 0 || m <= 0 {
		return nil
	}
	sim := c.similarityMatrix(pa, pb, n, m)
	at := func(i, j int) float64 { return float64(sim[i*m+j]) }
	tau := c.alignThreshold
	gain := func(a0, a1, b0, b1 int, s float64) float64 {
		return s * float64(pa.contentOf(a0, a1)+pb.contentOf(b0, b1)+1) / 2
	}

	score := make([]float64, (n+1)*(m+1))
	move := make([]uint8, (n+1)*(m+1))
	merged := make([]float64, (n+1)*(m+1)) // similarity of the merge step ending at (i, j)
	idx := func(i, j int) int { return i*(m+1) + j }
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, mv := -1.0, moveNone
			if i > 0 {
				best, mv = score[idx(i-1, j)], moveSkipA
			}
			if j > 0 && score[idx(i, j-1)] > best {
				best, mv = score[idx(i, j-1)], moveSkipB
			}
			if i > 0 && j > 0 {
				if s := at(i-1, j-1); s >= tau {
					if v := score[idx(i-1, j-1)] + gain(i-1, i, j-1, j, s); v > best {
						best, mv = v, move11
					}
				}
			}
			if i > 0 && j > 1 {
				single := max(at(i-1, j-2), at(i-1, j-1))
				if single >= tau/2 {
					s := c.similarity(pa, pa.span(i-1, i), pb, pb.span(j-2, j))
					if s >= tau && s >= single+c.alignMergeMargin {
						if v := score[idx(i-1, j-2)] + gain(i-1, i, j-2, j, s); v > best {
							best, mv = v, move12
							merged[idx(i, j)] = s
						}
					}
				}
			}
			if i > 1 && j > 0 {
				single := max(at(i-2, j-1), at(i-1, j-1))
				if single >= tau/2 {
					s := c.similarity(pa, pa.span(i-2, i), pb, pb.span(j-1, j))
					if s >= tau && s >= single+c.alignMergeMargin {
						if v := score[idx(i-2, j-1)] + gain(i-2, i, j-1, j, s); v > best {
							best, mv = v, move21
							merged[idx(i, j)] = s
						}
					}
				}
			}
			score[idx(i, j)], move[idx(i, j)] = best, mv
		}
	}

	var units []unit
	for i, j := n, m; i > 0 || j > 0; {
		switch move[idx(i, j)] {
		case moveSkipA:
			i--
		case moveSkipB:
			j--
		case move11:
			units = append(units, unit{i - 1, i, j - 1, j, at(i-1, j-1)})
			i, j = i-1, j-1
		case move12:
			units = append(units, unit{i - 1, i, j - 2, j, merged[idx(i, j)]})
			i, j = i-1, j-2
		case move21:
			units = append(units, unit{i - 2, i, j - 1, j, merged[idx(i, j)]})
			i, j = i-2, j-1
		default:
			i, j = 0, 0
		}
	}
	for l, r := 0, len(units)-1; l < r; l, r = l+1, r-1 {
		units[l], units[r] = units[r], units[l]
	}
	return units
}

// similarityMatrix returns the similarity of each of the first n sentences
// of pa with each of the first m of pb, row-major. Sentence pairs that share too few content
// words to reach any useful similarity are left at 0 without comparing
// them in full.
func (c *config) similarityMatrix(pa, pb *prepared, n, m int) []float32 {
	sim := make([]float32, n*m)
	index := make(map[uint64][]int32, pb.content)
	for j, s := range pb.sents[:m] {
		for _, w := range pb.words[s.first:s.end] {
			if w.is(flagFunction) {
				continue
			}
			l := index[w.key]
			if len(l) == 0 || l[len(l)-1] != int32(j) {
				index[w.key] = append(l, int32(j))
			}
		}
	}
	shared := make([]int32, m)
	var touched []int32
	for i, s := range pa.sents[:n] {
		touched = touched[:0]
		for _, w := range pa.words[s.first:s.end] {
			if w.is(flagFunction) {
				continue
			}
			for _, j := range index[w.key] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range touched {
			k := shared[j]
			shared[j] = 0
			// Sentences that share under a fifth of the shorter one's
			// content words cannot reach the alignment threshold.
			small := min(s.content, pb.sents[j].content)
			if k >= 1 && 5*k >= small {
				sim[i*m+int(j)] = float32(c.similarity(pa, pa.words[s.first:s.end], pb, pb.words[pb.sents[j].first:pb.sents[j].end]))
			}
		}
	}
	return sim
}

// coverage returns the share of pa's and pb's content words that lie in
// aligned sentences.
func coverage(pa, pb *prepared, units []unit) (ca, cb float64) {
	wa, wb := 0, 0
	for _, u := range units {
		wa += pa.contentOf(u.a0, u.a1)
		wb += pb.contentOf(u.b0, u.b1)
	}
	if pa.content > 0 {
		ca = float64(wa) / float64(pa.content)
	}
	if pb.content > 0 {
		cb = float64(wb) / float64(pb.content)
	}
	return ca, cb
}

// meanSimilarity is the content-weighted mean similarity of the units.
func meanSimilarity(pa, pb *prepared, units []unit) float64 {
	num, den := 0.0, 0.0
	for _, u := range units {
		w := float64(pa.contentOf(u.a0, u.a1) + pb.contentOf(u.b0, u.b1) + 1)
		num += u.sim * w
		den += w
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// buildAlignment turns alignment steps between pa (as the original) and pb
// (as the rewrite) into an Alignment, and returns the word-level
// comparison of every step beside it.
func (c *config) buildAlignment(pa, pb *prepared, units []unit) (Alignment, []comparisonDiff) {
	al := Alignment{Pairs: make([]AlignedPair, 0, len(units)), OriginalOnly: []text.Span{}, RewriteOnly: []text.Span{}}
	diffs := make([]comparisonDiff, 0, len(units))
	da, db := pa.doc, pb.doc
	for _, u := range units {
		cd := c.diffUnit(pa, pb, u)
		ap := AlignedPair{
			OriginalSentences: indexRange(u.a0, u.a1),
			RewriteSentences:  indexRange(u.b0, u.b1),
			Original:          text.Span{Start: da.Sentences[u.a0].Start, End: da.Sentences[u.a1-1].End},
			Rewrite:           text.Span{Start: db.Sentences[u.b0].Start, End: db.Sentences[u.b1-1].End},
			Similarity:        u.sim,
			Edits:             cd.edits,
		}
		if ap.Edits == nil {
			ap.Edits = []Edit{}
		}
		al.Pairs = append(al.Pairs, ap)
		diffs = append(diffs, cd)
	}
	al.OriginalOnly = unalignedRuns(da, units, func(u unit) (int, int) { return u.a0, u.a1 })
	al.RewriteOnly = unalignedRuns(db, units, func(u unit) (int, int) { return u.b0, u.b1 })
	return al, diffs
}

func indexRange(i, j int) []int {
	out := make([]int, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, k)
	}
	return out
}

// unalignedRuns returns the spans of runs of consecutive sentences of doc
// that no unit covers.
func unalignedRuns(doc *text.Document, units []unit, rangeOf func(unit) (int, int)) []text.Span {
	covered := make([]bool, len(doc.Sentences))
	for _, u := range units {
		i, j := rangeOf(u)
		for k := i; k < j; k++ {
			covered[k] = true
		}
	}
	out := []text.Span{}
	for k := 0; k < len(covered); k++ {
		if covered[k] {
			continue
		}
		start := k
		for k+1 < len(covered) && !covered[k+1] {
			k++
		}
		out = append(out, text.Span{Start: doc.Sentences[start].Start, End: doc.Sentences[k].End})
	}
	return out
}

// swapped returns the alignment seen from the other side.
func (al Alignment) swapped() Alignment {
	out := Alignment{OriginalOnly: al.RewriteOnly, RewriteOnly: al.OriginalOnly, Pairs: make([]AlignedPair, len(al.Pairs))}
	for i, p := range al.Pairs {
		q := AlignedPair{
			OriginalSentences: p.RewriteSentences, RewriteSentences: p.OriginalSentences,
			Original: p.Rewrite, Rewrite: p.Original, Similarity: p.Similarity,
			Edits: make([]Edit, len(p.Edits)),
		}
		for k, e := range p.Edits {
			f := Edit{Kind: e.Kind, Original: e.Rewrite, Rewrite: e.Original, OriginalText: e.RewriteText, RewriteText: e.OriginalText}
			switch e.Kind {
			case EditInsertion:
				f.Kind = EditDeletion
			case EditDeletion:
				f.Kind = EditInsertion
			}
			q.Edits[k] = f
		}
		out.Pairs[i] = q
	}
	return out
}
