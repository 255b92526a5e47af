package nlp

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// TrainOptions tunes Train. The zero value of a field means its default.
type TrainOptions struct {
	// TaggerIterations is the number of passes over the training data for
	// the tagger (default 8).
	TaggerIterations int
	// ParserIterations is the number of passes for the parser (default 15).
	ParserIterations int
	// Folds is the number of parts the training data is cut into to give
	// the parser tags predicted by a tagger that did not see the sentence
	// (jack-knifing), as it will meet at run time (default 5; 1 trains the
	// parser on the treebank's tags).
	Folds int
	// Seed fixes the shuffling and the parser's exploration (default 1):
	// the same data and options give the same model, byte for byte.
	Seed uint64
	// MinTagCount is how often an XPOS/UPOS pair must occur in the training
	// data to be a class of its own; a rarer pair is folded into its XPOS's
	// most frequent pair (default 5).
	MinTagCount int
	// TagDictMin and TagDictShare select the words the tagger tags by
	// look-up: words seen at least TagDictMin times (default 100) with one
	// class at least TagDictShare of the time (default 0.9999).
	TagDictMin   int
	TagDictShare float64
	// TaggerPrune and ParserPrune drop averaged weights smaller in size
	// than this from the model (defaults 0.05 and 0.5): they barely move a
	// decision.
	TaggerPrune float64
	ParserPrune float64
	// TagGate is the lead of the first tagging pass's best class over the
	// next, in perceptron weight units, from which the second pass leaves
	// the word alone (default 40): confident words keep their tag, which
	// halves the cost of tagging and changes almost nothing.
	TagGate float64
	// MinUpdates drops features the training updated fewer times than
	// this (default 3): they were seen too rarely to be trusted, and
	// dropping them keeps the model small and fast.
	MinUpdates int
	// Dev, when set, is evaluated after each parser pass and reported.
	Dev []TreebankSentence
	// Log receives progress lines; nil means none.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.TaggerIterations, 8)
	def(&o.ParserIterations, 15)
	def(&o.Folds, 5)
	def(&o.MinTagCount, 5)
	def(&o.TagDictMin, 100)
	def(&o.MinUpdates, 3)
	if o.TagGate <= 0 {
		o.TagGate = 40
	}
	if o.TagDictShare <= 0 {
		o.TagDictShare = 0.9999
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.TaggerPrune <= 0 {
		o.TaggerPrune = 0.05
	}
	if o.ParserPrune <= 0 {
		o.ParserPrune = 0.5
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Train trains a model on treebank sentences: the tag classes, tag
// dictionary and lemma table from counts, then the tagger, then the parser
// on jack-knifed tags. Sentences whose heads do not form a tree with one
// root are left out of the parser's training.
func Train(train []TreebankSentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(train) == 0 {
		return nil, errors.New("nlp: no training sentences")
	}
	m := &Model{}
	classOf := m.buildTags(train, opt.MinTagCount)
	if err := m.buildRels(train); err != nil {
		return nil, err
	}
	gold := make([][]uint8, len(train))
	words := make([][]string, len(train))
	for i, s := range train {
		words[i] = make([]string, len(s.Words))
		gold[i] = make([]uint8, len(s.Words))
		for j, w := range s.Words {
			words[i][j] = w.Form
			gold[i][j] = classOf[w.XPOS+"\x00"+w.UPOS]
		}
	}
	m.buildLemmas(train, classOf)

	start := time.Now()
	m.tagDict = buildTagDict(words, gold, opt.TagDictMin, opt.TagDictShare)
	m.lexicon = buildLexicon(words, gold)
	first := m.jackknife(words, gold, &opt)
	opt.logf("jack-knifing: %.0fs", time.Since(start).Seconds())

	start = time.Now()
	m.tagger = trainTagger(words, gold, nil, m.finite, m.tagDict, m.lexicon, len(m.tags), opt.TaggerIterations, opt.Seed, &opt).export(opt.TaggerPrune, opt.MinUpdates, taggerBits)
	m.tagger2 = trainTagger(words, gold, first, m.finite, m.tagDict, m.lexicon, len(m.tags), opt.TaggerIterations, opt.Seed, &opt).export(opt.TaggerPrune, opt.MinUpdates, taggerBits)
	m.gate = int32(min(opt.TagGate/float64(m.tagger.scale), 1<<30))
	opt.logf("tagger: %d + %d features kept, scale %g, gate %d, %.0fs", m.tagger.nfeat, m.tagger2.nfeat, m.tagger.scale, m.gate, time.Since(start).Seconds())

	start = time.Now()
	var ps []parseExample
	skipped := 0
	for i, s := range train {
		ex, ok := m.parseExample(s, first[i])
		if !ok {
			skipped++
			continue
		}
		ps = append(ps, ex)
	}
	// The parser trains on the first pass's jack-knifed tags: a little
	// noisier than the second pass gives at run time, which does no harm.
	opt.logf("parser: %d sentences (%d left out: not a tree with one root)", len(ps), skipped)
	pw := m.trainParser(ps, &opt)
	m.parser = pw.export(opt.ParserPrune, opt.MinUpdates, parserBits)
	opt.logf("parser: %d features kept, %.0fs", m.parser.nfeat, time.Since(start).Seconds())
	return m, nil
}

// withParser returns a copy of m with another parser.
func (m *Model) withParser(p linear) *Model {
	pm := &Model{tags: m.tags, xpos: m.xpos, uposOf: m.uposOf, finite: m.finite, tagDict: m.tagDict, lexicon: m.lexicon, tagger: m.tagger, tagger2: m.tagger2, gate: m.gate,
		rels: m.rels, relGroup: m.relGroup, groupAt: m.groupAt, rootRel: m.rootRel, parser: p, lemmas: m.lemmas}
	return pm
}

// jackknife cuts the training data into opt.Folds parts and tags each part
// with a first-pass tagger trained on the others. With one fold it returns
// the gold classes.
func (m *Model) jackknife(words [][]string, gold [][]uint8, opt *TrainOptions) [][]uint8 {
	if opt.Folds <= 1 {
		return gold
	}
	pred := make([][]uint8, len(words))
	for f := 0; f < opt.Folds; f++ {
		var inW [][]string
		var inG [][]uint8
		for i := range words {
			if i%opt.Folds != f {
				inW = append(inW, words[i])
				inG = append(inG, gold[i])
			}
		}
		fm := &Model{tags: m.tags, xpos: m.xpos, finite: m.finite}
		fm.tagDict = buildTagDict(inW, inG, opt.TagDictMin, opt.TagDictShare)
		fm.lexicon = buildLexicon(inW, inG)
		fm.tagger = trainTagger(inW, inG, nil, m.finite, fm.tagDict, fm.lexicon, len(m.tags), opt.TaggerIterations, opt.Seed+uint64(f)+1, nil).export(opt.TaggerPrune, opt.MinUpdates, taggerBits)
		var s Sentence
		var w work
		right, total := 0, 0
		for i := range words {
			if i%opt.Folds != f {
				continue
			}
			s.setWords(words[i])
			fm.firstPass(&s, &w)
			pred[i] = slices.Clone(w.tags)
			for j, c := range pred[i] {
				if c == gold[i][j] {
					right++
				}
				total++
			}
		}
		opt.logf("jack-knife fold %d/%d: %.2f%% of held-out tags right", f+1, opt.Folds, 100*float64(right)/float64(total))
	}
	return pred
}

// buildTags makes the tag classes: XPOS/UPOS pairs seen at least min times,
// most frequent first. It returns the class of every pair seen.
func (m *Model) buildTags(train []TreebankSentence, min int) map[string]uint8 {
	counts := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			counts[w.XPOS+"\x00"+w.UPOS]++
		}
	}
	pairs := sortedByCount(counts)
	classOf := map[string]uint8{}
	xposIndex := map[string]int{}
	for _, p := range pairs {
		if counts[p] < min || len(m.tags) == maxTagClasses {
			continue
		}
		x, u, _ := strings.Cut(p, "\x00")
		xi, ok := xposIndex[x]
		if !ok {
			xi = len(m.xpos)
			xposIndex[x] = xi
			m.xpos = append(m.xpos, x)
		}
		classOf[p] = uint8(len(m.tags))
		m.tags = append(m.tags, tagClass{xpos: x, upos: u, xi: xi})
	}
	m.uposOf = uposIndex(m.tags)
	m.finite = finiteClasses(m.tags)
	// A rare pair goes to its XPOS's most frequent class, or the most
	// frequent class of all.
	for _, p := range pairs {
		if _, ok := classOf[p]; ok {
			continue
		}
		x, _, _ := strings.Cut(p, "\x00")
		classOf[p] = 0
		for c, t := range m.tags {
			if t.xpos == x {
				classOf[p] = uint8(c)
				break
			}
		}
	}
	return classOf
}

// uposIndex numbers the distinct UPOS tags of the classes in order of
// first appearance and returns each class's number.
func uposIndex(tags []tagClass) []uint8 {
	seen := map[string]uint8{}
	out := make([]uint8, len(tags))
	for i, t := range tags {
		u, ok := seen[t.upos]
		if !ok {
			u = uint8(len(seen))
			seen[t.upos] = u
		}
		out[i] = u
	}
	return out
}

// sortedByCount returns the keys of counts, most frequent first, ties in
// byte order.
func sortedByCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys
}

// buildRels makes the relation labels, most frequent first.
func (m *Model) buildRels(train []TreebankSentence) error {
	counts := map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			counts[w.Rel]++
		}
	}
	if counts["root"] == 0 {
		return errors.New("nlp: no \"root\" relation in the training data")
	}
	rels := sortedByCount(counts)
	if len(rels) > maxRelations {
		return fmt.Errorf("nlp: %d relations, at most %d", len(rels), maxRelations)
	}
	// Number the groups by their most frequent relation, and the relations
	// group by group, most frequent first.
	groupName := func(rel string) string {
		if rel == "root" {
			return "root"
		}
		return groupOf(rel)
	}
	order := map[string]int{}
	for _, r := range rels {
		if _, ok := order[groupName(r)]; !ok {
			order[groupName(r)] = len(order)
		}
	}
	slices.SortStableFunc(rels, func(a, b string) int { return order[groupName(a)] - order[groupName(b)] })
	groups := make([]uint8, len(rels))
	for i, r := range rels {
		groups[i] = uint8(order[groupName(r)])
	}
	return m.setRelations(rels, groups)
}

// setRelations sets the relations and their groups: groups numbered from 0
// in order, each a run of relations, "root" alone in its own.
func (m *Model) setRelations(rels []string, groups []uint8) error {
	m.rels, m.relGroup, m.groupAt = rels, groups, m.groupAt[:0]
	m.rootRel = slices.Index(rels, "root")
	if m.rootRel < 0 || len(rels) < 2 {
		return errors.New("relations need \"root\" and at least one other")
	}
	for i, g := range groups {
		switch {
		case i == 0 && g != 0, i > 0 && g != groups[i-1] && g != groups[i-1]+1:
			return fmt.Errorf("relation %q: group %d out of order", rels[i], g)
		case i == 0 || g != groups[i-1]:
			m.groupAt = append(m.groupAt, i)
		}
	}
	m.groupAt = append(m.groupAt, len(rels))
	rg := int(groups[m.rootRel])
	if m.groupAt[rg+1]-m.groupAt[rg] != 1 {
		return errors.New("\"root\" must be alone in its group")
	}
	return nil
}

// buildLemmas learns the lemma table: for each lower-case word and XPOS
// its most frequent lower-case lemma, kept where the rules give another.
func (m *Model) buildLemmas(train []TreebankSentence, classOf map[string]uint8) {
	type key struct {
		xi   int
		word string
	}
	counts := map[key]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			xi := m.tags[classOf[w.XPOS+"\x00"+w.UPOS]].xi
			if m.xpos[xi] != w.XPOS {
				continue
			}
			k := key{xi, string(lowerWord(nil, w.Form))}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][string(lowerWord(nil, w.Lemma))]++
		}
	}
	m.lemmas = make([]map[string]string, len(m.xpos))
	for i := range m.lemmas {
		m.lemmas[i] = map[string]string{}
	}
	for k, c := range counts {
		best := sortedByCount(c)[0]
		if lemmaOf(k.word, m.xpos[k.xi]) != best {
			m.lemmas[k.xi][k.word] = best
		}
	}
}

// buildTagDict finds the words the tagger tags by look-up.
func buildTagDict(words [][]string, gold [][]uint8, minCount int, share float64) map[string]uint8 {
	counts := map[string]map[uint8]int{}
	for i, ws := range words {
		for j, w := range ws {
			if counts[w] == nil {
				counts[w] = map[uint8]int{}
			}
			counts[w][gold[i][j]]++
		}
	}
	dict := map[string]uint8{}
	for w, c := range counts {
		total, best, bestN := 0, uint8(0), -1
		for t, n := range c {
			total += n
			if n > bestN || (n == bestN && t < best) {
				best, bestN = t, n
			}
		}
		if total >= minCount && float64(bestN) >= share*float64(total) {
			dict[w] = best
		}
	}
	return dict
}

// buildLexicon maps each normalised word of the training data to a hash of
// the classes it took.
func buildLexicon(words [][]string, gold [][]uint8) map[string]uint64 {
	sets := map[string][4]uint64{}
	counts := map[string]int{}
	var scratch []byte
	for i, ws := range words {
		for j, w := range ws {
			scratch = normalize(scratch[:0], w)
			set := sets[string(scratch)]
			c := gold[i][j]
			set[c/64] |= 1 << (c % 64)
			sets[string(scratch)] = set
			counts[string(scratch)]++
		}
	}
	lex := make(map[string]uint64, len(sets))
	for w, set := range sets {
		if counts[w] >= lexiconMin {
			lex[w] = ambHash(set)
		}
	}
	return lex
}

// lexiconMin is how often a word must occur in training to have its
// ambiguity class in the lexicon: rarer words look unknown in training as
// they will at run time.
const lexiconMin = 3

// ambHash hashes a set of classes.
func ambHash(set [4]uint64) uint64 {
	h := uint64(fnvOffset)
	for _, x := range set {
		h = comb(h, x)
	}
	return fin(h)
}

// avgWeights is an averaged perceptron in training: for each feature a
// short list of class weights with the running sums that averaging needs.
type avgWeights struct {
	nclass int
	index  map[uint64]int32
	rows   [][]trEntry
	upd    []int32 // updates per row
	now    int64   // training instances seen
}

type trEntry struct {
	cls   int32
	w     float64
	total float64 // sum of w over the instances before stamp
	stamp int64
}

func newAvgWeights(nclass int) *avgWeights {
	return &avgWeights{nclass: nclass, index: map[uint64]int32{}}
}

func (a *avgWeights) score(feats []uint64, scores []float64) {
	for _, f := range feats {
		if r, ok := a.index[f]; ok {
			for _, e := range a.rows[r] {
				scores[e.cls] += e.w
			}
		}
	}
}

// update moves the weights of feats towards class good and away from bad.
func (a *avgWeights) update(feats []uint64, good, bad int) {
	for _, f := range feats {
		r, ok := a.index[f]
		if !ok {
			r = int32(len(a.rows))
			a.index[f] = r
			a.rows = append(a.rows, nil)
			a.upd = append(a.upd, 0)
		}
		a.upd[r]++
		a.rows[r] = a.bump(a.rows[r], good, 1)
		a.rows[r] = a.bump(a.rows[r], bad, -1)
	}
}

func (a *avgWeights) bump(row []trEntry, cls int, d float64) []trEntry {
	for i := range row {
		if row[i].cls == int32(cls) {
			e := &row[i]
			e.total += float64(a.now-e.stamp) * e.w
			e.stamp = a.now
			e.w += d
			return row
		}
	}
	return append(row, trEntry{cls: int32(cls), w: d, stamp: a.now})
}

// export averages the weights, drops those smaller than prune and the
// features updated fewer than minUpd times, folds the keys to 32 bits and
// quantises to bits bits (at most 16).
func (a *avgWeights) export(prune float64, minUpd, bits int) linear {
	keys := make([]uint64, 0, len(a.index))
	for k, r := range a.index {
		if int(a.upd[r]) >= minUpd {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	now := float64(max(a.now, 1))
	type cw struct {
		cls int
		w   float64
	}
	var feats []uint32
	var rows [][]cw
	maxAbs := 0.0
	for _, k := range keys {
		var row []cw
		for _, e := range a.rows[a.index[k]] {
			avg := (e.total + float64(a.now-e.stamp)*e.w) / now
			row = append(row, cw{int(e.cls), avg})
		}
		k32 := key32(k)
		if n := len(feats); n > 0 && feats[n-1] == k32 {
			// Two features share the upper half of their hash: they are
			// one feature in the model file, so their weights add up.
			for _, e := range row {
				found := false
				for i := range rows[n-1] {
					if rows[n-1][i].cls == e.cls {
						rows[n-1][i].w += e.w
						found = true
					}
				}
				if !found {
					rows[n-1] = append(rows[n-1], e)
				}
			}
			continue
		}
		feats = append(feats, k32)
		rows = append(rows, row)
	}
	for _, row := range rows {
		for _, e := range row {
			if math.Abs(e.w) >= prune {
				maxAbs = max(maxAbs, math.Abs(e.w))
			}
		}
	}
	scale := maxAbs / float64(int(1)<<(bits-1)-1)
	if scale == 0 {
		scale = 1
	}
	b := linearBuilder{nclass: a.nclass, scale: float32(scale)}
	var cls []uint8
	var wt []int16
	for i, row := range rows {
		slices.SortFunc(row, func(x, y cw) int { return x.cls - y.cls })
		cls, wt = cls[:0], wt[:0]
		for _, e := range row {
			if math.Abs(e.w) < prune {
				continue
			}
			q := math.Round(e.w / scale)
			if q == 0 {
				continue
			}
			cls = append(cls, uint8(e.cls))
			wt = append(wt, int16(max(-32767, min(32767, q))))
		}
		if len(cls) > 0 {
			b.add(feats[i], cls, wt)
		}
	}
	return b.build()
}

// trainTagger trains the tagger's weights, greedy left to right with the
// tagger's own earlier choices as history, as at run time.
func trainTagger(words [][]string, gold, ahead [][]uint8, finite *[256]bool, dict map[string]uint8, lex map[string]uint64, nclass, iters int, seed uint64, opt *TrainOptions) *avgWeights {
	a := newAvgWeights(nclass)
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a99e7))
	scores := make([]float64, nclass)
	var wf []wordFeats
	var tags []uint8
	var feats []uint64
	var scratch []byte
	for it := 0; it < iters; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			ws, g := words[si], gold[si]
			wf = slices.Grow(wf[:0], len(ws))[:len(ws)]
			tags = slices.Grow(tags[:0], len(ws))[:len(ws)]
			scratch = wordFeatsOf(wf, ws, scratch, lex)
			for i, w := range ws {
				if c, ok := dict[w]; ok {
					tags[i] = c
					continue
				}
				var ah []uint8
				fin := 0
				if ahead != nil {
					ah = ahead[si]
					fin = countFinite(ah, finite)
					if finite[ah[i]] {
						fin--
					}
				}
				feats = taggerFeats(feats[:0], wf, tags, i, ah, fin)
				clear(scores)
				a.score(feats, scores)
				pred := argmaxF(scores, nil)
				a.now++
				if pred != int(g[i]) {
					a.update(feats, int(g[i]), pred)
				} else {
					right++
				}
				total++
				tags[i] = uint8(pred)
			}
		}
		if opt != nil {
			opt.logf("tagger pass %d: %.2f%% of non-dictionary words right", it+1, 100*float64(right)/float64(max(total, 1)))
		}
	}
	return a
}

// argmaxF returns the best class among those ok allows (all when ok is nil).
func argmaxF(scores []float64, ok func(int) bool) int {
	best := -1
	for c, s := range scores {
		if ok != nil && !ok(c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

// parseExample is one training sentence for the parser.
type parseExample struct {
	wf     []wordFeats
	tags   []uint8
	heads  []int32 // n for the root
	labels []uint8
}

func (m *Model) parseExample(s TreebankSentence, tags []uint8) (parseExample, bool) {
	n := len(s.Words)
	ex := parseExample{wf: make([]wordFeats, n), tags: tags, heads: make([]int32, n), labels: make([]uint8, n)}
	words := make([]string, n)
	roots := 0
	for i, w := range s.Words {
		words[i] = w.Form
		h := w.Head
		if h < 0 {
			h = n
			roots++
		}
		ex.heads[i] = int32(h)
		l := slices.Index(m.rels, w.Rel)
		if l < 0 || (l == m.rootRel) != (h == n) {
			return ex, false
		}
		ex.labels[i] = uint8(l)
	}
	if roots != 1 {
		return ex, false
	}
	// Every word must reach the root.
	for i := range n {
		j, steps := int32(i), 0
		for j != int32(n) && steps <= n {
			j = ex.heads[j]
			steps++
		}
		if j != int32(n) {
			return ex, false
		}
	}
	wordFeatsOf(ex.wf, words, nil, m.lexicon)
	return ex, true
}

// costs returns, for each transition kind, how many gold arcs it makes
// unreachable (Goldberg and Nivre 2013, arc-hybrid). For a non-projective
// tree the counts are an estimate; training follows the cheapest moves.
func (s *pstate) costs(gh []int32) (shift, left, right int) {
	n := int32(s.n)
	k := len(s.stack)
	inBuf := func(x int32) bool { return x >= s.b && x <= n }
	onStack := func(x int32) bool {
		for _, y := range s.stack {
			if y == x {
				return true
			}
		}
		return false
	}
	const illegal = 1 << 20
	shift, left, right = illegal, illegal, illegal
	sh, lf, rt := s.legal()
	b0 := s.b
	if sh {
		c := 0
		for _, d := range s.stack {
			if gh[d] == b0 {
				c++
			}
		}
		if h := gh[b0]; k > 0 && h != s.stack[k-1] && onStack(h) {
			c++
		}
		shift = c
	}
	if k > 0 {
		s0 := s.stack[k-1]
		deps := 0
		for d := b0; d < n; d++ {
			if gh[d] == s0 {
				deps++
			}
		}
		h := gh[s0]
		if lf {
			c := deps
			if h != b0 && ((k > 1 && h == s.stack[k-2]) || (inBuf(h) && h != b0)) {
				c++
			}
			left = c
		}
		if rt {
			c := deps
			if h != s.stack[k-2] && inBuf(h) {
				c++
			}
			right = c
		}
	}
	return
}

// trainParser trains the parser's weights with a dynamic oracle: from the
// second pass on, it follows its own prediction nine times in ten, learning
// the best move from wherever its mistakes lead (Goldberg and Nivre 2012).
// A move's class includes the group of the arc's relation; the relation
// within its group is learnt whenever the arc and its group are right.
func (m *Model) trainParser(exs []parseExample, opt *TrainOptions) *avgWeights {
	groups, nrel := len(m.groupAt)-1, len(m.rels)
	nAct := actionClasses(groups)
	a := newAvgWeights(nAct + 2*nrel)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a75e))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, nAct+2*nrel)
	cost := make([]int, nAct)
	var st pstate
	var feats []uint64
	root, rootGroup := m.rootRel, int(m.relGroup[m.rootRel])
	const illegal = 1 << 20
	for it := 0; it < opt.ParserIterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total, labRight, labTotal := 0, 0, 0, 0
		for _, ei := range order {
			ex := &exs[ei]
			st.reset(ex.wf, ex.tags, m.uposOf)
			for !st.terminal() {
				cs, cl, cr := st.costs(ex.heads)
				toRoot := int(st.b) == st.n
				k := len(st.stack)
				var s0, s1 int32 = -1, -1
				if k > 0 {
					s0 = st.stack[k-1]
				}
				if k > 1 {
					s1 = st.stack[k-2]
				}
				cost[actShift] = cs
				best := cs
				for g := 0; g < groups; g++ {
					c := cl
					switch {
					case c >= illegal || (g == rootGroup) != toRoot:
						c = illegal
					case ex.heads[s0] == st.b && int(m.relGroup[ex.labels[s0]]) != g:
						c++
					}
					cost[1+g] = c
					c = cr
					switch {
					case c >= illegal || g == rootGroup:
						c = illegal
					case ex.heads[s0] == s1 && int(m.relGroup[ex.labels[s0]]) != g:
						c++
					}
					cost[1+groups+g] = c
					best = min(best, cost[1+g], cost[1+groups+g])
				}
				feats = st.features(feats[:0])
				clear(scores)
				a.score(feats, scores)
				act := scores[:nAct]
				pred := argmaxF(act, func(c int) bool { return cost[c] < illegal })
				gold := argmaxF(act, func(c int) bool { return cost[c] == best })
				a.now++
				if cost[pred] != best {
					a.update(feats, gold, pred)
				} else {
					right++
				}
				total++
				next := gold
				if it >= exploreFrom && rng.Float64() < exploreProb {
					next = pred
				}
				kind, group, label := actShift, 0, root
				switch {
				case next == actShift:
				case next <= groups:
					kind, group = actLeft, next-1
				default:
					kind, group = actRight, next-1-groups
				}
				if kind != actShift && !(kind == actLeft && toRoot) {
					d, h := s0, st.b
					if kind == actRight {
						h = s1
					}
					lo, hi := m.groupAt[group], m.groupAt[group+1]
					base := nAct + lo
					if kind == actRight {
						base += nrel
					}
					label = lo + argmaxF(scores[base:base+hi-lo], nil)
					if g := int(ex.labels[d]); ex.heads[d] == h && g >= lo && g < hi {
						if label != g && hi-lo > 1 {
							a.update(feats, base+g-lo, base+label-lo)
						} else {
							labRight++
						}
						labTotal++
						label = g
					}
				}
				st.apply(kind, label)
			}
		}
		opt.logf("parser pass %d: %.2f%% of moves right, %.2f%% of relations, %.0fs", it+1, 100*float64(right)/float64(max(total, 1)), 100*float64(labRight)/float64(max(labTotal, 1)), time.Since(start).Seconds())
		if len(opt.Dev) > 0 && ((it+1)%3 == 0 || it+1 == opt.ParserIterations) {
			pm := m.withParser(a.export(opt.ParserPrune, opt.MinUpdates, parserBits))
			sc := Evaluate(pm, opt.Dev)
			opt.logf("  dev after pass %d: UPOS %.2f UAS %.2f LAS %.2f (%d parser features)", it+1, sc.UPOS, sc.UAS, sc.LAS, pm.parser.nfeat)
		}
	}
	return a
}

// The dynamic oracle's exploration: from the second pass on, the parser
// follows its own prediction with this probability.
const (
	exploreFrom = 1
	exploreProb = 0.9
)

// Bits of the quantised weights: the parser's weights lose nothing measurable
// at 10 bits, which makes the model file a third smaller.
const (
	taggerBits = 16
	parserBits = 10
)
