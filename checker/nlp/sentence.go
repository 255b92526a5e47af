package nlp

import "strings"

// Word is one analysed word of a sentence.
type Word struct {
	// Text is the word as given.
	Text string
	// Start and End are the word's half-open byte offsets in the sentence
	// text: the text given to ParseText or TagText, or for Parse and Tag
	// the words joined with single spaces.
	Start, End int
	// XPOS is the Penn Treebank tag ("NNS", "VBD", "HYPH", ...).
	XPOS string
	// UPOS is the universal part-of-speech tag ("NOUN", "VERB", "AUX", ...).
	UPOS string
	// Lemma is the lower-case dictionary form ("killed" → "kill",
	// "people" → "person", "’s" as a verb → "be").
	Lemma string
	// Head is the index in Sentence.Words of the word's head, or -1 for the
	// root of the sentence and for every word of a sentence that was only
	// tagged.
	Head int
	// Rel is the Universal Dependencies relation to the head, with its
	// subtype ("nsubj", "nsubj:pass", "obl:unmarked", "nmod:poss",
	// "compound:prt", "root"), or "" for a sentence that was only tagged.
	Rel string
}

// Sentence is the analysis of one sentence. A Sentence can be reused for
// another sentence (Model.ParseTo, Model.TagTo); its Words are then
// overwritten, so keep what you need of them first. A Sentence holds only
// its results: a few slices as long as the sentence.
type Sentence struct {
	// Words are the words in order.
	Words []Word

	parsed bool
	kidAt  []int32 // children of word i are kids[kidAt[i]:kidAt[i+1]]
	kids   []int
	first  []int32 // subtree span of word i: words first[i]..last[i]
	last   []int32
}

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// Parsed reports whether the sentence has a dependency tree (it came from
// Parse or ParseText, not from Tag or TagText).
func (s *Sentence) Parsed() bool { return s.parsed }

// Root returns the index of the root word, or -1 when the sentence is empty
// or was only tagged.
func (s *Sentence) Root() int {
	if !s.parsed {
		return -1
	}
	for i, w := range s.Words {
		if w.Head < 0 {
			return i
		}
	}
	return -1
}

// Children returns the indices of the words whose head is word i, in
// sentence order. The slice is shared with s: do not modify it. It is nil
// for a word without children, an index out of range or a sentence that
// was only tagged.
func (s *Sentence) Children(i int) []int {
	if !s.parsed || i < 0 || i >= len(s.Words) {
		return nil
	}
	a, b := s.kidAt[i], s.kidAt[i+1]
	if a == b {
		return nil
	}
	return s.kids[a:b:b]
}

// Child returns the first child of word i whose relation is rel, or -1.
// A rel without a subtype also matches the relation's subtypes: "nsubj"
// matches "nsubj" and "nsubj:pass", while "nsubj:pass" matches only itself.
func (s *Sentence) Child(i int, rel string) int {
	for _, k := range s.Children(i) {
		if RelIs(s.Words[k].Rel, rel) {
			return k
		}
	}
	return -1
}

// RelIs reports whether relation got is rel, or one of its subtypes when
// rel has none ("obl:unmarked" is "obl"; "obl" is not "obl:unmarked").
func RelIs(got, rel string) bool {
	if got == rel {
		return true
	}
	return !strings.Contains(rel, ":") && strings.HasPrefix(got, rel) && len(got) > len(rel) && got[len(rel)] == ':'
}

// PathToRoot returns word i, its head, the head's head and so on up to the
// root, in that order. It is nil for an index out of range; for a sentence
// that was only tagged it is just [i].
func (s *Sentence) PathToRoot(i int) []int {
	if i < 0 || i >= len(s.Words) {
		return nil
	}
	path := []int{i}
	if !s.parsed {
		return path
	}
	for h := s.Words[i].Head; h >= 0 && len(path) <= len(s.Words); h = s.Words[h].Head {
		path = append(path, h)
	}
	return path
}

// VerbOf returns the nearest ancestor of word i tagged VERB (the event a
// number, date or noun phrase hangs on: "killed" for "69" and "Wednesday"
// in "A fire killed 69 people on Wednesday"), or -1 when there is none or
// the sentence was only tagged.
func (s *Sentence) VerbOf(i int) int {
	if !s.parsed || i < 0 || i >= len(s.Words) {
		return -1
	}
	for h, steps := s.Words[i].Head, 0; h >= 0 && steps <= len(s.Words); h, steps = s.Words[h].Head, steps+1 {
		if s.Words[h].UPOS == "VERB" {
			return h
		}
	}
	return -1
}

// Subtree returns the half-open range [start, end) of word indices covered
// by word i and everything below it. The parser's trees are projective, so
// the range holds exactly the subtree. For an index out of range it is
// (0, 0); for a sentence that was only tagged it is (i, i+1).
func (s *Sentence) Subtree(i int) (start, end int) {
	if i < 0 || i >= len(s.Words) {
		return 0, 0
	}
	if !s.parsed {
		return i, i + 1
	}
	return int(s.first[i]), int(s.last[i]) + 1
}

// Span returns the half-open byte range of the sentence text covered by the
// subtree of word i (see Subtree), or (0, 0) for an index out of range.
func (s *Sentence) Span(i int) (start, end int) {
	a, b := s.Subtree(i)
	if a == b {
		return 0, 0
	}
	return s.Words[a].Start, s.Words[b-1].End
}

// Dominates reports whether word a is word d or one of its ancestors.
func (s *Sentence) Dominates(a, d int) bool {
	if a < 0 || a >= len(s.Words) || d < 0 || d >= len(s.Words) {
		return false
	}
	if !s.parsed {
		return a == d
	}
	return int(s.first[a]) <= d && d <= int(s.last[a]) && s.isAncestor(a, d)
}

func (s *Sentence) isAncestor(a, d int) bool {
	for steps := 0; d >= 0 && steps <= len(s.Words); steps++ {
		if d == a {
			return true
		}
		d = s.Words[d].Head
	}
	return false
}

// index builds the child lists and subtree spans after parsing.
func (s *Sentence) index(w *work) {
	n := len(s.Words)
	s.kidAt = fill(s.kidAt, n+1, 0)
	for _, w := range s.Words {
		if w.Head >= 0 {
			s.kidAt[w.Head+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidAt[i] += s.kidAt[i-1]
	}
	if cap(s.kids) < n {
		s.kids = make([]int, n)
	}
	s.kids = s.kids[:n]
	fillAt := w.fillAt[:0]
	fillAt = append(fillAt, s.kidAt[:n]...)
	for i, w := range s.Words {
		if w.Head >= 0 {
			s.kids[fillAt[w.Head]] = i
			fillAt[w.Head]++
		}
	}
	w.fillAt = fillAt
	s.first = fill(s.first, n, 0)
	s.last = fill(s.last, n, 0)
	for i := range s.first {
		s.first[i], s.last[i] = int32(i), int32(i)
	}
	// Breadth first from the root, then widen each head's span by its
	// dependents' in the reverse order: dependents before their heads.
	order := w.order[:0]
	for i, w := range s.Words {
		if w.Head < 0 {
			order = append(order, int32(i))
		}
	}
	for k := 0; k < len(order); k++ {
		for _, c := range s.Children(int(order[k])) {
			order = append(order, int32(c))
		}
	}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		if h := s.Words[i].Head; h >= 0 {
			s.first[h] = min(s.first[h], s.first[i])
			s.last[h] = max(s.last[h], s.last[i])
		}
	}
	w.order = order
}
