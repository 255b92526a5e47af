package nlp

import (
	"bytes"
	_ "embed"
	"slices"
	"sync"
)

// Model is a trained tagger, lemmatiser and dependency parser. It is
// read-only once loaded, so one Model serves any number of goroutines.
type Model struct {
	tags     []tagClass        // the tagger's classes
	xpos     []string          // distinct XPOS tags, indexing lemmas
	uposOf   []uint8           // class -> index of its UPOS among the distinct ones
	finite   *[256]bool        // classes of finite verbs
	tagDict  map[string]uint8  // frequent words that always take one class
	lexicon  map[string]uint64 // normalised word -> hash of its classes in training
	tagger   linear            // first pass, left to right
	tagger2  linear            // second pass, which also sees the first pass's tags ahead
	gate     int32             // first-pass lead from which the second pass keeps the tag
	rels     []string          // relation labels, group by group
	relGroup []uint8           // group of each relation
	groupAt  []int             // relations of group g are groupAt[g] up to groupAt[g+1]
	rootRel  int               // index of "root" in rels, alone in its group
	parser   linear            // classes: see actionClasses
	lemmas   []map[string]string

	// noRepair turns repairDates and repairParticiple off (for measuring
	// them).
	noRepair bool

	// pool holds scratch buffers for analyses; it is the only state a
	// Model changes after loading, and sync.Pool is safe for concurrent use.
	pool sync.Pool
}

// tagClass is one class of the tagger: a Penn tag with its universal tag.
type tagClass struct {
	xpos, upos string
	xi         int // index into Model.xpos
}

// work holds the scratch buffers of one analysis, taken from and returned
// to the Model's pool so that results keep none of them.
type work struct {
	scratch []byte
	wf      []wordFeats
	tags    []uint8
	feats   []uint64
	ps      pstate
	lem     []byte
	lemAt   []int32
	words   []string
	found   []uint64
	first   []uint8
	lead    []int32
	all     [256]int32
	fillAt  []int32
	order   []int32
}

//go:embed model/en_ewt.nlp.gz
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(embedded))
})

// Default returns the built-in English model, trained on UD English EWT
// (see the model folder's LICENSE for credit and licence). It is loaded on
// the first call, in well under a second, and shared by later calls.
func Default() (*Model, error) { return defaultModel() }

// Tags returns the Penn Treebank tags the model can assign, with the
// universal tag each is paired with, as "XPOS/UPOS" strings in class order.
func (m *Model) Tags() []string {
	out := make([]string, len(m.tags))
	for i, t := range m.tags {
		out[i] = t.xpos + "/" + t.upos
	}
	return out
}

// Relations returns the dependency relations the model can assign.
func (m *Model) Relations() []string { return append([]string(nil), m.rels...) }

// Tag returns the words with their tags and lemmas but no tree: the cheap
// call for callers that need no syntax. Words may hold anything, including
// invalid UTF-8 and empty strings; each is one word.
func (m *Model) Tag(words []string) *Sentence {
	s := new(Sentence)
	m.TagTo(s, words)
	return s
}

// TagTo is Tag writing into s, reusing its buffers: with a reused Sentence
// tagging allocates nothing per word.
func (m *Model) TagTo(s *Sentence, words []string) {
	s.setWords(words)
	w := m.getWork()
	m.tag(s, w)
	m.pool.Put(w)
	s.parsed = false
}

// getWork returns scratch buffers from the pool.
func (m *Model) getWork() *work {
	if w, ok := m.pool.Get().(*work); ok {
		return w
	}
	return new(work)
}

// TagText tokenises text as one sentence (see Tokenize) and tags it; the
// words' offsets are into text.
func (m *Model) TagText(text string) *Sentence {
	s := new(Sentence)
	s.setTokens(Tokenize(text))
	w := m.getWork()
	m.tag(s, w)
	m.pool.Put(w)
	return s
}

// Parse returns the words tagged, lemmatised and parsed into a dependency
// tree: every word has one head, exactly one word (the root) has none, and
// there are no cycles, for any input including none. Words may hold
// anything; each is one word.
func (m *Model) Parse(words []string) *Sentence {
	s := new(Sentence)
	m.ParseTo(s, words)
	return s
}

// ParseTo is Parse writing into s, reusing its buffers: with a reused
// Sentence parsing allocates nothing per word.
func (m *Model) ParseTo(s *Sentence, words []string) {
	s.setWords(words)
	w := m.getWork()
	m.tag(s, w)
	m.parse(s, w)
	m.pool.Put(w)
}

// ParseText tokenises text as one sentence (see Tokenize) and parses it;
// the words' offsets are into text.
func (m *Model) ParseText(text string) *Sentence {
	s := new(Sentence)
	s.setTokens(Tokenize(text))
	w := m.getWork()
	m.tag(s, w)
	m.parse(s, w)
	m.pool.Put(w)
	return s
}

// setWords resets s to hold words, with offsets into the words joined by
// single spaces.
func (s *Sentence) setWords(words []string) {
	if s.Words == nil || cap(s.Words) < len(words) {
		s.Words = make([]Word, len(words))
	}
	s.Words = s.Words[:len(words)]
	at := 0
	for i, w := range words {
		s.Words[i] = Word{Text: w, Start: at, End: at + len(w), Head: -1}
		at += len(w) + 1
	}
}

func (s *Sentence) setTokens(toks []Token) {
	s.Words = make([]Word, len(toks))
	for i, t := range toks {
		s.Words[i] = Word{Text: t.Text, Start: t.Start, End: t.End, Head: -1}
	}
}

// tag fills the tags and lemmas of s.Words.
func (m *Model) tag(s *Sentence, w *work) {
	n := len(s.Words)
	if cap(w.wf) < n {
		w.wf = make([]wordFeats, n)
		w.tags = make([]uint8, n)
	}
	w.wf, w.tags = w.wf[:n], w.tags[:n]
	scores := w.all[:len(m.tags)]
	words := w.texts(s.Words)
	w.scratch = wordFeatsOf(w.wf, words, w.scratch, m.lexicon)
	m.pass(&m.tagger, w, words, scores, nil)
	if m.tagger2.nfeat > 0 {
		w.first = append(w.first[:0], w.tags...)
		m.pass(&m.tagger2, w, words, scores, w.first)
	}
	m.lemmatize(s, w)
	for i := range s.Words {
		t := &m.tags[w.tags[i]]
		s.Words[i].XPOS, s.Words[i].UPOS = t.xpos, t.upos
		s.Words[i].Head, s.Words[i].Rel = -1, ""
	}
}

// pass tags the words left to right with tagger t, looking ahead at the
// classes in ahead when it is not nil.
//
// The first pass (ahead nil) records how far each word's best class leads
// the next in w.lead; the second pass skips the words whose lead reaches
// the model's gate, and the words of the tag dictionary.
func (m *Model) pass(t *linear, w *work, words []string, scores []int32, ahead []uint8) {
	finite := 0
	if ahead == nil {
		w.lead = slices.Grow(w.lead[:0], len(words))[:len(words)]
	} else {
		finite = countFinite(ahead, m.finite)
	}
	for i, word := range words {
		if ahead != nil {
			if w.lead[i] >= m.gate {
				continue
			}
		} else if c, ok := m.tagDict[word]; ok {
			w.tags[i] = c
			w.lead[i] = 1 << 30
			continue
		}
		fin := 0
		if ahead != nil {
			fin = finite
			if m.finite[ahead[i]] {
				fin--
			}
		}
		w.feats = taggerFeats(w.feats[:0], w.wf, w.tags, i, ahead, fin)
		clear(scores)
		w.found = t.lookup(w.feats, w.found)
		t.scoreAll(w.found, &w.all)
		best, lead := argmaxLead(scores)
		w.tags[i] = uint8(best)
		if ahead == nil {
			w.lead[i] = lead
		}
	}
}

// argmaxLead returns the best class and its lead over the next best.
func argmaxLead(scores []int32) (int, int32) {
	best, second := 0, -1
	for c := 1; c < len(scores); c++ {
		switch {
		case scores[c] > scores[best]:
			best, second = c, best
		case second < 0 || scores[c] > scores[second]:
			second = c
		}
	}
	if second < 0 {
		return best, 1 << 30
	}
	return best, scores[best] - scores[second]
}

// firstPass runs the first tagging pass alone, leaving the classes in
// w.tags (for jack-knifing in training).
func (m *Model) firstPass(s *Sentence, w *work) {
	n := len(s.Words)
	w.wf = slices.Grow(w.wf[:0], n)[:n]
	w.tags = slices.Grow(w.tags[:0], n)[:n]
	words := w.texts(s.Words)
	w.scratch = wordFeatsOf(w.wf, words, w.scratch, m.lexicon)
	m.pass(&m.tagger, w, words, w.all[:len(m.tags)], nil)
}

// texts returns the words' texts in a reused slice.
func (w *work) texts(ws []Word) []string {
	if cap(w.words) < len(ws) {
		w.words = make([]string, len(ws))
	}
	w.words = w.words[:len(ws)]
	for i := range ws {
		w.words[i] = ws[i].Text
	}
	return w.words
}

func argmax(scores []int32) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// parse builds the dependency tree of a tagged sentence.
func (m *Model) parse(s *Sentence, w *work) {
	st := &w.ps
	st.reset(w.wf, w.tags, m.uposOf)
	groups := len(m.groupAt) - 1
	nAct := actionClasses(groups)
	root, rootGroup := m.rootRel, int(m.relGroup[m.rootRel])
	scores := &w.all
	for !st.terminal() {
		shift, left, right := st.legal()
		kind, label := actShift, 0
		switch {
		case shift && !left && !right:
			// The only move, and no arc: nothing to score.
		case !shift && left && !right:
			kind, label = actLeft, root
		default:
			toRoot := int(st.b) == st.n
			w.feats = st.features(w.feats[:0])
			w.found = m.parser.lookup(w.feats, w.found)
			clear(scores[:nAct])
			m.parser.scoreRange(w.found, scores, 0, nAct)
			best, found, group := int32(0), false, 0
			if shift {
				best, found = scores[actShift], true
			}
			for g := 0; g < groups; g++ {
				if left && (g == rootGroup) == toRoot && (!found || scores[1+g] > best) {
					best, found, kind, group = scores[1+g], true, actLeft, g
				}
				if right && g != rootGroup && (!found || scores[1+groups+g] > best) {
					best, found, kind, group = scores[1+groups+g], true, actRight, g
				}
			}
			if kind != actShift {
				label = m.relationIn(w, kind, group)
			}
		}
		st.apply(kind, label)
	}
	n := st.n
	for i := range s.Words {
		h := int(st.heads[i])
		if h >= n || h < 0 {
			h = -1
		}
		s.Words[i].Head = h
		s.Words[i].Rel = m.rels[st.labels[i]]
	}
	s.parsed = true
	s.index(w)
	if !m.noRepair {
		if m.repairDates(s, st.k) {
			s.index(w)
		}
		if m.repairParticiple(s) {
			s.index(w)
		}
	}
}

// repairParticiple turns a root noun with a participle that has an object
// into a clause: in "A fire killed 69 people" the tagger, trained on web
// text, may read "killed" as a participle modifying "fire" (as in "69
// people killed in a fire"), and the parser then makes "fire" the root. A
// participle with a direct object is no passive, so when the root is a noun
// (no copula, no subject) whose acl dependent after it is a VBN with an obj
// and no auxiliary, the
// participle becomes the root, tagged VBD, with the noun as its subject and
// the noun's dependents after it (the final stop) as its own. It reports
// whether it changed the tree.
func (m *Model) repairParticiple(s *Sentence) bool {
	n := s.Root()
	if n < 0 || s.Words[n].UPOS != "NOUN" && s.Words[n].UPOS != "PROPN" && s.Words[n].UPOS != "PRON" {
		return false
	}
	v := -1
	for _, c := range s.Children(n) {
		if c > n && s.Words[c].Rel == "acl" && s.Words[c].XPOS == "VBN" {
			v = c
			break
		}
	}
	if v < 0 || s.Child(v, "obj") < 0 || s.Child(v, "aux") >= 0 || s.Child(v, "nsubj") >= 0 ||
		s.Child(n, "cop") >= 0 || s.Child(n, "nsubj") >= 0 {
		return false
	}
	for _, c := range s.Children(n) {
		if c > v {
			s.Words[c].Head = v
		}
	}
	s.Words[v].Head, s.Words[v].Rel = -1, "root"
	s.Words[v].XPOS = "VBD"
	s.Words[n].Head, s.Words[n].Rel = v, "nsubj"
	return true
}

// repairDates moves dates the parser hung on a noun to the verb the noun
// depends on, and reports whether it moved any. A greedy parser decides
// late where a phrase at the end of a sentence attaches and tends to keep
// it on the nearest noun ("killed 69 people in Dhaka on Wednesday"), while
// in news a date almost always dates the event, as the treebank attaches it.
// A date word (weekday, month, time, a day or week) introduced by a
// preposition of time ("on", "in", "during", "since", ...), whose relation
// is nmod, whose head is no date itself, and that stands at the right edge
// of an object or oblique of a verb (perhaps through nouns that are nmod
// themselves), becomes an obl of the verb. Its subtree being at the right
// edge keeps the tree projective.
func (m *Model) repairDates(s *Sentence, kinds []uint64) bool {
	moved := false
	for d := range s.Words {
		switch kinds[d] {
		case kindWeekday, kindMonth, kindRelativeDay, kindTime:
		default:
			continue
		}
		if s.Words[d].Rel != "nmod" || !timePreposition(s, d) {
			continue
		}
		a := s.Words[d].Head
		if a >= 0 && isDateKind(kinds[a]) {
			continue
		}
		for a >= 0 && s.Words[a].Rel == "nmod" {
			a = s.Words[a].Head
		}
		if a < 0 || a > d || int(s.last[a]) != int(s.last[d]) {
			continue
		}
		if r := s.Words[a].Rel; !RelIs(r, "obj") && !RelIs(r, "iobj") && !RelIs(r, "obl") {
			continue
		}
		g := s.Words[a].Head
		if g < 0 || g > a || s.Words[g].UPOS != "VERB" {
			continue
		}
		s.Words[d].Head = g
		s.Words[d].Rel = "obl"
		moved = true
	}
	return moved
}

func isDateKind(k uint64) bool {
	switch k {
	case kindWeekday, kindMonth, kindRelativeDay, kindTime, kindYear:
		return true
	}
	return false
}

// timePreposition reports whether word d has a case dependent that is a
// preposition of time.
func timePreposition(s *Sentence, d int) bool {
	for _, c := range s.Children(d) {
		if s.Words[c].Rel != "case" {
			continue
		}
		switch s.Words[c].Lemma {
		case "on", "in", "at", "during", "since", "before", "after", "until", "till", "by":
			return true
		}
	}
	return false
}

// relationIn picks the best relation of group g for an arc made by kind,
// from the features w.found holds.
func (m *Model) relationIn(w *work, kind, g int) int {
	lo, hi := m.groupAt[g], m.groupAt[g+1]
	if hi-lo == 1 {
		return lo
	}
	base := actionClasses(len(m.groupAt) - 1)
	if kind == actRight {
		base += len(m.rels)
	}
	clear(w.all[:hi-lo])
	m.parser.scoreRange(w.found, &w.all, base+lo, base+hi)
	return lo + argmax(w.all[:hi-lo])
}
