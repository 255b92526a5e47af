package rewrite

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/disjoint"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// verified is a candidate pair that passed verification, seen with a as
// side A and b as side B (a < b).
type verified struct {
	a, b    int
	units   []unit
	al      Alignment // a as the original
	diffs   []comparisonDiff
	kind    string
	sim     float64
	cluster int
	echo    [][2]int // per change of diffs (flattened in order), echoes of each side
	// glued[s] are the glued words of side s, found by alignment or alone.
	glued [2][]artefact
	// rest[s] is what side s has that the other lacks; set for truncated
	// copies only.
	rest [2]unaligned
}

// containment is the share of the content words of each aligned unit's
// shorter side whose stems the other side of the unit uses.
func containment(pa, pb *prepared, units []unit) float64 {
	total, found := 0, 0
	stems := map[uint64]bool{}
	for _, u := range units {
		wa, wb := pa.span(u.a0, u.a1), pb.span(u.b0, u.b1)
		if len(wa) > len(wb) {
			wa, wb = wb, wa
		}
		clear(stems)
		for _, w := range wb {
			stems[w.key] = true
		}
		for _, w := range wa {
			if w.is(flagFunction) {
				continue
			}
			total++
			if stems[w.key] {
				found++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(found) / float64(total)
}

// cutShort reports whether a one-to-one unit pairs a sentence with the
// start of itself: a copy truncated in mid-sentence ("... which won 23 of
// the"). Such a unit is copied, not rewritten.
func cutShort(pa, pb *prepared, u unit) bool {
	if u.a1-u.a0 != 1 || u.b1-u.b0 != 1 {
		return false
	}
	wa, wb := pa.span(u.a0, u.a1), pb.span(u.b0, u.b1)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 3 {
		return false
	}
	for i, w := range wa {
		if w.key != wb[i].key {
			return false
		}
	}
	return true
}

// unaligned is the content one side of a pair has and the other lacks.
type unaligned struct {
	words   int       // content words of the unaligned sentences
	stems   []uint64  // their distinct content stems, sorted
	related float64   // share of stems that another article of the batch uses (see relateRests)
	span    text.Span // from the first to the last unaligned sentence with content
}

// restOf collects, for each side of an alignment, its unaligned sentences.
func restOf(pa, pb *prepared, units []unit) [2]unaligned {
	var out [2]unaligned
	sides := [2]*prepared{pa, pb}
	var covered [2][]bool
	for s, p := range sides {
		covered[s] = make([]bool, len(p.sents))
	}
	for _, u := range units {
		for i := u.a0; i < u.a1; i++ {
			covered[0][i] = true
		}
		for i := u.b0; i < u.b1; i++ {
			covered[1][i] = true
		}
	}
	for s, p := range sides {
		stems := map[uint64]bool{}
		r := &out[s]
		for i, sw := range p.sents {
			if covered[s][i] || sw.content == 0 {
				continue
			}
			r.words += int(sw.content)
			sp := p.doc.Sentences[i].Span
			if r.span.End == 0 {
				r.span.Start = sp.Start
			}
			r.span.End = sp.End
			for _, w := range p.words[sw.first:sw.end] {
				if !w.is(flagFunction) {
					stems[w.key] = true
				}
			}
		}
		r.stems = slices.Sorted(maps.Keys(stems))
	}
	return out
}

// relateRests sets, for both sides of every truncated pair, the share of
// the unaligned stems that some other article of the batch uses. The part
// of a story a truncated copy cut off goes on about the story, so other
// reports of it (and rewrites of the full original) use its words; a
// paragraph pasted in from another story has words nobody else uses.
func relateRests(preps []*prepared, pairs []*verified) {
	// users[stem] holds the first two articles found using it, -1 for none.
	users := map[uint64]*[2]int32{}
	for _, v := range pairs {
		for _, r := range v.rest {
			for _, k := range r.stems {
				users[k] = &[2]int32{-1, -1}
			}
		}
	}
	if len(users) == 0 {
		return
	}
	for a, p := range preps {
		for _, w := range p.words {
			u := users[w.key]
			if u == nil || w.is(flagFunction) {
				continue
			}
			switch {
			case u[0] < 0:
				u[0] = int32(a)
			case u[0] != int32(a) && u[1] < 0:
				u[1] = int32(a)
			}
		}
	}
	for _, v := range pairs {
		for s, art := range [2]int{v.a, v.b} {
			r := &v.rest[s]
			n := 0
			for _, k := range r.stems {
				u := users[k]
				if u[0] != int32(art) && u[0] >= 0 || u[1] >= 0 {
					n++
				}
			}
			if len(r.stems) > 0 {
				r.related = float64(n) / float64(len(r.stems))
			}
		}
	}
}

func (d *Detector) detect(ctx context.Context, in []Input, workers int) (*Result, error) {
	c := d.cfg
	n := len(in)
	preps, err := c.prepareAll(ctx, in, workers)
	if err != nil {
		return nil, err
	}
	cands, err := c.candidates(ctx, preps, workers)
	if err != nil {
		return nil, err
	}
	found := make([]*verified, len(cands))
	if err := workpool.Run(ctx, len(cands), workers, func(k int) {
		found[k] = c.verify(preps, cands[k][0], cands[k][1])
	}); err != nil {
		return nil, err
	}
	var pairs []*verified
	for _, v := range found {
		if v != nil {
			pairs = append(pairs, v)
		}
	}

	res := &Result{Pairs: []Pair{}, Cluster: clusters(n, pairs), Articles: make([]ArticleResult, n)}
	pairs = spanningPairs(n, pairs)
	for _, v := range pairs {
		v.cluster = res.Cluster[v.a]
	}
	if err := c.countEchoes(ctx, preps, res.Cluster, pairs, workers); err != nil {
		return nil, err
	}
	relateRests(preps, pairs)
	for _, v := range pairs {
		res.Pairs = append(res.Pairs, c.decide(in, v))
	}
	sort.SliceStable(res.Pairs, func(i, j int) bool {
		if res.Pairs[i].Original != res.Pairs[j].Original {
			return res.Pairs[i].Original < res.Pairs[j].Original
		}
		return res.Pairs[i].Rewrite < res.Pairs[j].Rewrite
	})
	for i := range res.Articles {
		res.Articles[i].Findings = []Finding{}
	}
	c.scoreArticles(preps, pairs, res)
	return res, ctx.Err()
}

// prepareAll prepares every input's document; a nil document counts as
// empty.
func (c *config) prepareAll(ctx context.Context, in []Input, workers int) ([]*prepared, error) {
	preps := make([]*prepared, len(in))
	err := workpool.Run(ctx, len(in), workers, func(i int) {
		doc := in[i].Doc
		if doc == nil {
			doc = &text.Document{}
		}
		preps[i] = c.prepare(doc, in[i].Exclude)
	})
	return preps, err
}

// verify aligns articles a and b and keeps the pair when enough of the
// shorter one is aligned.
func (c *config) verify(preps []*prepared, a, b int) *verified {
	pa, pb := preps[a], preps[b]
	if pa.content == 0 || pb.content == 0 {
		return nil
	}
	units := c.align(pa, pb)
	if len(units) == 0 {
		return nil
	}
	ca, cb := coverage(pa, pb, units)
	shortCov, shortSents, alignedShort := ca, pa.contentSentences(), 0
	if pb.content < pa.content {
		shortCov, shortSents = cb, pb.contentSentences()
	}
	for _, u := range units {
		if pb.content < pa.content {
			alignedShort += u.b1 - u.b0
		} else {
			alignedShort += u.a1 - u.a0
		}
	}
	if alignedShort < min(c.pairMinSentences, shortSents) || shortCov < c.pairMinCoverage {
		return nil
	}
	mean := meanSimilarity(pa, pb, units)
	// Few aligned sentences prove little: brief reports of one event share
	// a lead and a quote. They pair only when nearly copied.
	if alignedShort < c.pairMinSentences && mean < c.shortPairSim {
		return nil
	}
	// Two independent reports that share a few near-identical sentences
	// (a quote, the charge sheet) align part-way at middling similarity;
	// a copy or rewrite aligns most of the shorter side closely.
	if mean*shortCov < c.pairMinSimilarity || (shortCov < c.partialCoverage && mean < c.partialSimilarity) {
		return nil
	}
	// A weak pair must at least be made of the other side's words: a
	// condensed copy keeps nine in ten of its content words from the
	// original, while an independent report telling the same facts in
	// the same order uses its own (two in three shared).
	if mean*shortCov < c.weakPairBelow && containment(pa, pb, units) < c.weakPairContainment {
		return nil
	}
	v := &verified{a: a, b: b, units: units, kind: KindRewrite, sim: mean * shortCov}
	v.al, v.diffs = c.buildAlignment(pa, pb, units)
	// A copy keeps nearly every aligned sentence nearly word for word, and
	// shows no rewrite artefact.
	copied, all := 0, 0
	for _, u := range units {
		w := pa.contentOf(u.a0, u.a1) + pb.contentOf(u.b0, u.b1)
		all += w
		if u.sim >= c.kindCopySimilarity || cutShort(pa, pb, u) {
			copied += w
		}
	}
	artefacts := 0
	for _, cd := range v.diffs {
		artefacts += len(cd.glued[sideA]) + len(cd.glued[sideB]) + len(cd.quoted[sideA])
	}
	if all > 0 && float64(copied) >= c.kindCopyShare*float64(all) && artefacts == 0 {
		v.kind = KindTruncated
		if ca >= c.kindFullCoverage && cb >= c.kindFullCoverage {
			v.kind = KindCopy
		} else {
			v.rest = restOf(pa, pb, units)
		}
	}
	for s, p := range [2]*prepared{pa, pb} {
		seen := map[int]bool{}
		for _, cd := range v.diffs {
			for _, g := range cd.glued[s] {
				if !seen[g.span.Start] {
					seen[g.span.Start] = true
					v.glued[s] = append(v.glued[s], g)
				}
			}
		}
		for _, g := range c.gluedWords(p) {
			if !seen[g.span.Start] {
				seen[g.span.Start] = true
				v.glued[s] = append(v.glued[s], g)
			}
		}
		sort.Slice(v.glued[s], func(i, j int) bool { return v.glued[s][i].span.Start < v.glued[s][j].span.Start })
	}
	// A "glued" word both sides write was in the text they share
	// ("Margarethe" is no "Margare" + "the"): it is no artefact of either.
	var words [2]map[string]bool
	for s, p := range [2]*prepared{pa, pb} {
		words[s] = map[string]bool{}
		for _, g := range v.glued[s] {
			words[s][text.Fold(p.doc.Slice(g.span))] = true
		}
	}
	for s, p := range [2]*prepared{pa, pb} {
		kept := v.glued[s][:0]
		for _, g := range v.glued[s] {
			if !words[1-s][text.Fold(p.doc.Slice(g.span))] {
				kept = append(kept, g)
			}
		}
		v.glued[s] = kept
	}
	return v
}

// spanningPairs keeps, in each cluster, the closest pairs that connect it:
// a maximum spanning tree over similarity (Kruskal's method, ties broken
// by article order). When a wire story, a copy of it and a rewrite of it
// all pair with one another, the copy–rewrite relation follows from the
// other two, and listing it would make one source look like three
// relations. Clusters are unchanged; pairs keep their order.
func spanningPairs(n int, pairs []*verified) []*verified {
	order := make([]int, len(pairs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := pairs[order[i]], pairs[order[j]]
		if a.sim != b.sim {
			return a.sim > b.sim
		}
		if a.a != b.a {
			return a.a < b.a
		}
		return a.b < b.b
	})
	sets := disjoint.New(n)
	keep := make([]bool, len(pairs))
	for _, k := range order {
		keep[k] = sets.Union(pairs[k].a, pairs[k].b)
	}
	out := pairs[:0:0]
	for k, v := range pairs {
		if keep[k] {
			out = append(out, v)
		}
	}
	return out
}

// contentSentences counts the sentences with at least one content word.
func (p *prepared) contentSentences() int {
	n := 0
	for _, s := range p.sents {
		if s.content > 0 {
			n++
		}
	}
	return n
}

// clusters numbers the connected components of the pair graph in order of
// their first article.
func clusters(n int, pairs []*verified) []int {
	sets := disjoint.New(n)
	for _, v := range pairs {
		sets.Union(v.a, v.b)
	}
	out := make([]int, n)
	number := map[int]int{}
	for i := range out {
		r := sets.Find(i)
		k, ok := number[r]
		if !ok {
			k = len(number)
			number[r] = k
		}
		out[i] = k
	}
	return out
}

// maxEchoWords bounds the phrases whose echoes are counted: a changed
// passage longer than this is rarely repeated word for word elsewhere, and
// the bound keeps the scan linear in the batch's words.
const maxEchoWords = 6

// countEchoes counts, for every changed passage of every pair, how many
// articles outside the pair's cluster use each side's wording (its words
// in order, compared on their stems). Each article is scanned once: every
// window of each length a phrase has is hashed and looked up. Passages with
// the same wording (the same synonym swap in many pairs) are counted once:
// the articles using a wording are counted in all, and for each cluster
// that owns the wording the articles of that cluster are subtracted, so
// the work does not grow with the number of pairs sharing a wording.
func (c *config) countEchoes(ctx context.Context, preps []*prepared, cluster []int, pairs []*verified, workers int) error {
	type wording struct {
		keys   []uint64
		owners []int // the clusters of the pairs that changed this wording, sorted
	}
	var wordings []wording
	index := map[string]int32{}        // wording keys → index into wordings
	var instance []int32               // per passage side, in pair order: its wording, or -1
	var instanceCluster []int          // per passage side: its pair's cluster
	byHash := map[uint64][]int32{}     // phrase hash → wordings
	var lengths [maxEchoWords + 1]bool // the lengths some wording has
	keyBuf := make([]byte, 0, 8*maxEchoWords)
	for _, v := range pairs {
		for _, cd := range v.diffs {
			for _, ch := range cd.changes {
				for s := range 2 {
					keys := ch.keys[s]
					instanceCluster = append(instanceCluster, v.cluster)
					if l := len(keys); l == 0 || l > maxEchoWords {
						instance = append(instance, -1) // never counted
						continue
					}
					keyBuf = keyBuf[:0]
					for _, k := range keys {
						keyBuf = binary.LittleEndian.AppendUint64(keyBuf, k)
					}
					w, ok := index[string(keyBuf)]
					if !ok {
						w = int32(len(wordings))
						index[string(keyBuf)] = w
						wordings = append(wordings, wording{keys: keys})
						lengths[len(keys)] = true
						h := phraseHash(keys)
						byHash[h] = append(byHash[h], w)
					}
					if o := wordings[w].owners; !slices.Contains(o, v.cluster) {
						wordings[w].owners = append(o, v.cluster)
					}
					instance = append(instance, w)
				}
			}
		}
	}
	// A bit per hash value (modulo the filter size) skips most windows
	// without a map lookup.
	const filterMask = 1<<20 - 1
	filter := make([]uint64, (filterMask+1)/64)
	for h := range byHash {
		filter[h&filterMask>>6] |= 1 << (h & 63)
	}
	// Articles are scanned in contiguous chunks, one per goroutine, each
	// with its own counts and a stamp per wording so that an article counts
	// once however often it repeats the wording.
	chunks := max(1, min(workers, len(preps)))
	if workers <= 0 {
		chunks = max(1, min(runtime.GOMAXPROCS(0), len(preps)))
	}
	type ownerKey struct {
		wording int32
		cluster int
	}
	partialTotal := make([][]int32, chunks)
	partialOwned := make([]map[ownerKey]int32, chunks)
	err := workpool.Run(ctx, chunks, chunks, func(ch int) {
		total := make([]int32, len(wordings))
		owned := map[ownerKey]int32{}
		stamp := make([]int32, len(wordings))
		var seq []uint64
		for i := ch * len(preps) / chunks; i < (ch+1)*len(preps)/chunks; i++ {
			if ctx.Err() != nil {
				return
			}
			p := preps[i]
			seq = seq[:0]
			for _, w := range p.words {
				seq = append(seq, w.key)
			}
			for pos := range seq {
				h := uint64(0)
				for l := 1; l <= maxEchoWords && pos+l <= len(seq); l++ {
					h = mix64(h ^ seq[pos+l-1])
					if !lengths[l] {
						continue
					}
					fh := mix64(h ^ uint64(l))
					if filter[fh&filterMask>>6]&(1<<(fh&63)) == 0 {
						continue
					}
					for _, w := range byHash[fh] {
						if stamp[w] == int32(i+1) || !slices.Equal(seq[pos:pos+l], wordings[w].keys) {
							continue
						}
						stamp[w] = int32(i + 1)
						total[w]++
						if slices.Contains(wordings[w].owners, cluster[i]) {
							owned[ownerKey{w, cluster[i]}]++
						}
					}
				}
			}
		}
		partialTotal[ch], partialOwned[ch] = total, owned
	})
	if err != nil {
		return err
	}
	total := make([]int, len(wordings))
	owned := map[ownerKey]int{}
	for ch := range partialTotal {
		for w, n := range partialTotal[ch] {
			total[w] += int(n)
		}
		for k, n := range partialOwned[ch] {
			owned[k] += int(n)
		}
	}
	echo := func(k int) int {
		w := instance[k]
		if w < 0 {
			return 0
		}
		return total[w] - owned[ownerKey{w, instanceCluster[k]}]
	}
	k := 0
	for _, v := range pairs {
		for _, cd := range v.diffs {
			for range cd.changes {
				v.echo = append(v.echo, [2]int{echo(k), echo(k + 1)})
				k += 2
			}
		}
	}
	return nil
}

// phraseHash hashes a sequence of word keys (the scan in countEchoes
// computes the same value word by word).
func phraseHash(keys []uint64) uint64 {
	h := uint64(0)
	for _, k := range keys {
		h = mix64(h ^ k)
	}
	return mix64(h ^ uint64(len(keys)))
}

// decide weighs the direction evidence of a verified pair and returns the
// pair oriented original → rewrite.
func (c *config) decide(in []Input, v *verified) Pair {
	var ev []Evidence // weights: positive says a is the original
	add := func(rule string, w float64, art int, sp text.Span, match string) {
		if w != 0 {
			ev = append(ev, Evidence{Rule: rule, Message: c.message(rule, match), Weight: w, Article: art, Span: sp})
		}
	}
	for _, g := range v.glued[sideB] {
		add(RuleEvidenceGlued, c.evGlued, v.b, g.span, g.text)
	}
	for _, g := range v.glued[sideA] {
		add(RuleEvidenceGlued, -c.evGlued, v.a, g.span, g.text)
	}
	k := 0
	for _, cd := range v.diffs {
		for _, dw := range cd.dropped[sideA] {
			add(RuleEvidenceDropped, c.evDropped, v.a, dw.span, dw.text)
		}
		for _, dw := range cd.dropped[sideB] {
			add(RuleEvidenceDropped, -c.evDropped, v.b, dw.span, dw.text)
		}
		for _, ch := range cd.changes {
			e := v.echo[k]
			k++
			rule, w := RuleEvidenceEcho, c.evEcho
			if ch.quote {
				rule, w = RuleEvidenceEchoQuote, c.evEchoQuote
			}
			switch {
			case e[sideA] > 0 && e[sideB] == 0:
				add(rule, w, v.a, ch.span[sideA], ch.text[sideA])
			case e[sideB] > 0 && e[sideA] == 0:
				add(rule, -w, v.b, ch.span[sideB], ch.text[sideB])
			}
		}
	}
	if v.kind == KindTruncated && c.evTruncated != 0 {
		arts, sign := [2]int{v.a, v.b}, [2]float64{1, -1}
		for s := range 2 {
			o, cp := v.rest[s], v.rest[1-s]
			if o.words >= c.truncMinWords && o.related >= c.truncMinRelated &&
				(cp.words < c.truncMinWords || cp.related+c.truncMargin <= o.related) {
				add(RuleEvidenceTruncated, sign[s]*c.evTruncated, arts[s], o.span, fmt.Sprintf("%d content words", o.words))
			}
		}
	}
	ta, tb := in[v.a].Published, in[v.b].Published
	if !ta.IsZero() && !tb.IsZero() && !ta.Equal(tb) {
		if ta.Before(tb) {
			add(RuleEvidencePublished, c.evPublished, v.a, text.Span{}, ta.UTC().Format("2006-01-02 15:04 MST"))
		} else {
			add(RuleEvidencePublished, -c.evPublished, v.b, text.Span{}, tb.UTC().Format("2006-01-02 15:04 MST"))
		}
	}
	net := 0.0
	for _, e := range ev {
		net += e.Weight
	}
	p := Pair{Original: v.a, Rewrite: v.b, Direction: DirectionUnknown, Kind: v.kind, Similarity: v.sim, Alignment: v.al}
	if math.Abs(net) >= c.directionMin && c.directionMin >= 0 {
		p.Direction = DirectionKnown
		if net < 0 {
			p.Original, p.Rewrite = v.b, v.a
			p.Alignment = v.al.swapped()
			for i := range ev {
				ev[i].Weight = -ev[i].Weight
			}
		}
	}
	sort.SliceStable(ev, func(i, j int) bool {
		x, y := ev[i], ev[j]
		switch {
		case math.Abs(x.Weight) != math.Abs(y.Weight):
			return math.Abs(x.Weight) > math.Abs(y.Weight)
		case x.Article != y.Article:
			return x.Article < y.Article
		case x.Span.Start != y.Span.Start:
			return x.Span.Start < y.Span.Start
		}
		return x.Rule < y.Rule
	})
	if ev == nil {
		ev = []Evidence{}
	}
	p.Evidence = ev
	return p
}

// scoreArticles lists the rewrite artefacts of every article that is the
// rewrite side of a pair with a known direction, and scores their density.
func (c *config) scoreArticles(preps []*prepared, pairs []*verified, res *Result) {
	type key struct {
		rule string
		span text.Span
	}
	seen := make([]map[key]bool, len(res.Articles))
	byPair := make(map[[2]int]*verified, len(pairs))
	for _, v := range pairs {
		byPair[[2]int{v.a, v.b}] = v
	}
	for _, p := range res.Pairs {
		if p.Direction != DirectionKnown {
			continue
		}
		v := byPair[[2]int{min(p.Original, p.Rewrite), max(p.Original, p.Rewrite)}]
		if v == nil {
			continue
		}
		rewSide := sideB
		if v.a == p.Rewrite {
			rewSide = sideA
		}
		words := len(preps[p.Rewrite].words)
		origSide := 1 - rewSide
		var found []Finding
		for _, g := range v.glued[rewSide] {
			found = append(found, Finding{Rule: RuleGlued, Message: c.message(RuleGlued, g.text), Span: g.span, Weight: c.artGlued})
		}
		for _, cd := range v.diffs {
			for _, dw := range cd.dropped[origSide] {
				found = append(found, Finding{Rule: RuleDroppedFunctionWord, Message: c.message(RuleDroppedFunctionWord, dw.text), Span: dw.at, Weight: c.artDropped})
			}
			for _, q := range cd.quoted[rewSide] {
				found = append(found, Finding{Rule: RuleQuoteChanged, Message: c.message(RuleQuoteChanged, q.text), Span: q.span, Weight: c.artQuote})
			}
		}
		total := 0.0
		for _, f := range found {
			total += f.Weight
		}
		score := 0.0
		if words > 0 {
			score = 1 - math.Exp(-total/(float64(words)/100)/c.scoreScale)
		}
		ar := &res.Articles[p.Rewrite]
		ar.RewriteScore = max(ar.RewriteScore, score)
		if seen[p.Rewrite] == nil {
			seen[p.Rewrite] = map[key]bool{}
		}
		for _, f := range found {
			if k := (key{f.Rule, f.Span}); !seen[p.Rewrite][k] {
				seen[p.Rewrite][k] = true
				ar.Findings = append(ar.Findings, f)
			}
		}
	}
	for i := range res.Articles {
		fs := res.Articles[i].Findings
		sort.SliceStable(fs, func(x, y int) bool {
			if fs[x].Span.Start != fs[y].Span.Start {
				return fs[x].Span.Start < fs[y].Span.Start
			}
			return strings.Compare(fs[x].Rule, fs[y].Rule) < 0
		})
	}
}
