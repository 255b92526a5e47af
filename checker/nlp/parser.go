package nlp

// The parser is an arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez
// and Satta 2011) with the root at the end of the buffer (Ballesteros and
// Nivre 2013). A configuration is a stack, a buffer of the words not yet
// shifted followed by ROOT, and the arcs made so far:
//
//	SHIFT    move the first buffer word b0 onto the stack
//	LEFT-l   make b0 the head of the stack top s0 with label l, pop s0
//	RIGHT-l  make the word under the top (s1) the head of s0, pop s0
//
// ROOT is never shifted and takes a dependent only when s0 is the last word
// on the stack, so every word gets exactly one head, exactly one word hangs
// on ROOT, and the arcs form a projective tree: any input, of any length,
// gives a well-formed tree after exactly 2n transitions.

// Transition kinds.
const (
	actShift = 0
	actLeft  = 1
	actRight = 2
)

// The parser's classifier decides a transition together with the group of
// the arc's relation (see relationGroups), then, for an arc, the relation
// within the group. Its classes, for G groups and L relations, are:
//
//	0                SHIFT
//	1+g, 1+G+g       LEFT and RIGHT with a relation of group g
//	1+2G+l, 1+2G+L+l relation l of a left or a right arc
//
// Relations are numbered group by group, so a group's relations are a range
// of classes. Scoring a move reads 1+2G weights per feature instead of the
// 1+2L of a fully joint classifier; the relation's weights are read once
// per word, and only for one group.

// actionClasses returns the number of move classes for g groups.
func actionClasses(g int) int { return 1 + 2*g }

// relationGroups maps a relation (without subtype) to its group: relations
// that play like roles in a sentence share a group, which lets the choice
// of a move see what kind of arc it makes. Relations not listed join "loose".
var relationGroups = map[string]string{
	"root":  "root",
	"punct": "punct",
	"nsubj": "subject", "csubj": "subject", "expl": "subject",
	"obj": "complement", "iobj": "complement", "ccomp": "complement", "xcomp": "complement",
	"obl":  "oblique",
	"nmod": "nmod",
	"case": "function", "mark": "function", "cc": "function", "aux": "function", "cop": "function",
	"det": "nominal", "nummod": "nominal", "amod": "nominal", "compound": "nominal", "flat": "nominal",
	"fixed": "nominal", "goeswith": "nominal",
	"advmod": "adverbial", "discourse": "adverbial", "vocative": "adverbial", "dep": "adverbial",
	"conj": "loose", "parataxis": "loose", "list": "loose", "appos": "loose", "dislocated": "loose",
	"reparandum": "loose", "orphan": "loose",
	"advcl": "clause", "acl": "clause",
}

// groupOf returns the group name of relation rel.
func groupOf(rel string) string {
	switch rel {
	case "nmod:poss":
		return "nominal" // a possessor works like a determiner
	case "compound:prt":
		return "adverbial"
	}
	if g, ok := relationGroups[baseRel(rel)]; ok {
		return g
	}
	return "loose"
}

// Values for missing positions in parser features.
const (
	noWord  = 0xAB5E0001
	noTag   = 1
	rootTag = 2
	noLabel = 0xFF
)

// pstate is a parser configuration for a sentence of n words; index n is
// ROOT.
type pstate struct {
	n      int
	stack  []int32
	b      int32
	heads  []int32 // head of each word, -1 while it has none; n for ROOT
	labels []uint8
	lc1    []int32 // leftmost and second leftmost left dependents, -1 if none
	lc2    []int32
	rc1    []int32 // rightmost and second rightmost right dependents
	rc2    []int32
	nl     []uint8 // number of left and right dependents, capped at 255
	nr     []uint8
	lset   []uint64 // labels of the left and right dependents, as bit sets
	rset   []uint64
	w      []uint64 // word value per position (ROOT included)
	p      []uint64 // tag value per position (ROOT included)
	u      []uint64 // universal tag value per position
	k      []uint64 // word kind per position (see wordKind)
}

// reset prepares s for a sentence with word values w and tag classes tags.
func (s *pstate) reset(wf []wordFeats, tags []uint8, upos []uint8) {
	n := len(tags)
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	s.heads = fill(s.heads, n+1, -1)
	s.labels = fill(s.labels, n+1, noLabel)
	s.lc1 = fill(s.lc1, n+1, -1)
	s.lc2 = fill(s.lc2, n+1, -1)
	s.rc1 = fill(s.rc1, n+1, -1)
	s.rc2 = fill(s.rc2, n+1, -1)
	s.nl = fill(s.nl, n+1, 0)
	s.nr = fill(s.nr, n+1, 0)
	s.lset = fill(s.lset, n+1, 0)
	s.rset = fill(s.rset, n+1, 0)
	s.w = fill(s.w, n+1, 0)
	s.p = fill(s.p, n+1, 0)
	s.u = fill(s.u, n+1, 0)
	s.k = fill(s.k, n+1, 0)
	for i := 0; i < n; i++ {
		s.w[i] = wf[i].norm
		s.p[i] = uint64(tags[i]) + 16
		s.u[i] = uint64(upos[tags[i]]) + 0x1000
		s.k[i] = wf[i].cls
	}
	s.w[n] = noWord + 1
	s.p[n] = rootTag
	s.u[n] = rootTag
	s.k[n] = rootTag
}

// fill returns b resized to n (reallocated only when too small) with every
// element set to v.
func fill[T any](b []T, n int, v T) []T {
	if cap(b) < n {
		b = make([]T, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = v
	}
	return b
}

func (s *pstate) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

// legal reports which transition kinds are allowed.
func (s *pstate) legal() (shift, left, right bool) {
	shift = int(s.b) < s.n
	left = len(s.stack) > 0 && (int(s.b) < s.n || len(s.stack) == 1)
	right = len(s.stack) > 1
	return
}

// apply performs transition kind with label.
func (s *pstate) apply(kind, label int) {
	switch kind {
	case actShift:
		s.stack = append(s.stack, s.b)
		s.b++
	case actLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.b, d, label)
	case actRight:
		d := s.stack[len(s.stack)-1]
		h := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(h, d, label)
	}
}

func (s *pstate) arc(h, d int32, label int) {
	s.heads[d] = h
	s.labels[d] = uint8(label)
	bit := uint64(1) << (uint(label) & 63)
	if d < h {
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= bit
	} else {
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h] |= bit
	}
}

// Parser feature templates; the numbers are part of the model file format.
const (
	fS0w = iota + 1
	fS0p
	fS0wp
	fS1w
	fS1p
	fS1wp
	fS2w
	fS2p
	fB0w
	fB0p
	fB0wp
	fB1w
	fB1p
	fB1wp
	fB2w
	fB2p
	fS0wpB0wp
	fS0wpB0w
	fS0wB0wp
	fS0wpB0p
	fS0pB0wp
	fS0wB0w
	fS0pB0p
	fS1wpS0wp
	fS1wpS0w
	fS1wS0wp
	fS1wpS0p
	fS1pS0wp
	fS1wS0w
	fS1pS0p
	fB0pB1p
	fB0wB1w
	fB0pB1pB2p
	fS0pB0pB1p
	fS1pS0pB0p
	fS2pS1pS0p
	fS0pS0LpB0p
	fS0pS0RpB0p
	fS0pB0pB0Lp
	fS1pS1RpS0p
	fS1pS0pS0Lp
	fS1pS0pS0Rp
	fS1pS1LpS0p
	fS0wD1
	fS0pD1
	fB0wD1
	fB0pD1
	fS0wB0wD1
	fS0pB0pD1
	fS1wD2
	fS1pD2
	fS0wD2
	fS0pD2
	fS1wS0wD2
	fS1pS0pD2
	fS0wVr
	fS0pVr
	fS0wVl
	fS0pVl
	fS1wVr
	fS1pVr
	fS1wVl
	fS1pVl
	fB0wVl
	fB0pVl
	fS0Lw
	fS0Lp
	fS0Ll
	fS0Rw
	fS0Rp
	fS0Rl
	fS1Lw
	fS1Lp
	fS1Ll
	fS1Rw
	fS1Rp
	fS1Rl
	fB0Lw
	fB0Lp
	fB0Ll
	fS0L2w
	fS0L2p
	fS0L2l
	fS0R2w
	fS0R2p
	fS0R2l
	fB0L2w
	fB0L2p
	fB0L2l
	fS0pS0LlS0L2l
	fS0pS0RlS0R2l
	fB0pB0LlB0L2l
	fS1pS1RlS1R2l
	fS0wLset
	fS0pLset
	fS0wRset
	fS0pRset
	fB0wLset
	fB0pLset
	fS1wRset
	fS1pRset
	fS0pS0nextp
	fB0pB0prevp
	fS1pS1nextp
	fS0pS0prevp
	fS0wpB0wpB1p
	fS0uB0u
	fS1uS0u
	fS0uB0uB1u
	fS1uS0uB0u
	fS2uS1uS0u
	fB0uB1uB2u
	fS0uS0LuB0u
	fS0uS0RuB0u
	fS1uS1RuS0u
	fS0wB0u
	fS0uB0w
	fS1wS0u
	fS1uS0w
)

// distBucket groups a distance in words.
func distBucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// features appends the features of the configuration to out.
func (s *pstate) features(out []uint64) []uint64 {
	wAt := func(i int32) uint64 {
		if i < 0 {
			return noWord
		}
		return s.w[i]
	}
	pAt := func(i int32) uint64 {
		if i < 0 {
			return noTag
		}
		return s.p[i]
	}
	uAt := func(i int32) uint64 {
		if i < 0 {
			return noTag
		}
		return s.u[i]
	}
	lAt := func(i int32) uint64 {
		if i < 0 {
			return noLabel
		}
		return uint64(s.labels[i])
	}
	at := func(v []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return v[i]
	}
	n := int32(s.n)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	b0, b1, b2 := s.b, int32(-1), int32(-1)
	if b0+1 <= n {
		b1 = b0 + 1
		if b0+2 <= n {
			b2 = b0 + 2
		}
	}
	s0w, s0p := wAt(s0), pAt(s0)
	s1w, s1p := wAt(s1), pAt(s1)
	s2w, s2p := wAt(s2), pAt(s2)
	b0w, b0p := wAt(b0), pAt(b0)
	b1w, b1p := wAt(b1), pAt(b1)
	b2w, b2p := wAt(b2), pAt(b2)
	s0wp, s1wp, b0wp, b1wp := comb(s0w, s0p), comb(s1w, s1p), comb(b0w, b0p), comb(b1w, b1p)
	s0u, s1u, b0u := uAt(s0), uAt(s1), uAt(b0)

	s0L, s0L2, s0R, s0R2 := at(s.lc1, s0), at(s.lc2, s0), at(s.rc1, s0), at(s.rc2, s0)
	s1L, s1R, s1R2 := at(s.lc1, s1), at(s.rc1, s1), at(s.rc2, s1)
	b0L, b0L2 := at(s.lc1, b0), at(s.lc2, b0)

	var d1, d2 uint64
	if s0 >= 0 {
		d1 = distBucket(b0 - s0)
		if s1 >= 0 {
			d2 = distBucket(s0 - s1)
		}
	}
	var s0vl, s0vr, s1vl, s1vr, b0vl uint64
	var s0ls, s0rs, s1rs, b0ls uint64
	if s0 >= 0 {
		s0vl, s0vr, s0ls, s0rs = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr, s1rs = uint64(s.nl[s1]), uint64(s.nr[s1]), s.rset[s1]
	}
	b0vl, b0ls = uint64(s.nl[b0]), s.lset[b0]

	near := func(i, d int32) uint64 {
		if i < 0 {
			return noTag
		}
		j := i + d
		if j < 0 || j >= n {
			return noTag + 8
		}
		return s.p[j]
	}

	out = append(out,
		feat1(fS0w, s0w), feat1(fS0p, s0p), feat1(fS0wp, s0wp),
		feat1(fS1w, s1w), feat1(fS1p, s1p), feat1(fS1wp, s1wp),
		feat1(fS2w, s2w), feat1(fS2p, s2p),
		feat1(fB0w, b0w), feat1(fB0p, b0p), feat1(fB0wp, b0wp),
		feat1(fB1w, b1w), feat1(fB1p, b1p), feat1(fB1wp, b1wp),
		feat1(fB2w, b2w), feat1(fB2p, b2p),

		feat2(fS0wpB0wp, s0wp, b0wp), feat2(fS0wpB0w, s0wp, b0w), feat2(fS0wB0wp, s0w, b0wp),
		feat2(fS0wpB0p, s0wp, b0p), feat2(fS0pB0wp, s0p, b0wp), feat2(fS0wB0w, s0w, b0w),
		feat2(fS0pB0p, s0p, b0p),
		feat2(fS1wpS0wp, s1wp, s0wp), feat2(fS1wpS0w, s1wp, s0w), feat2(fS1wS0wp, s1w, s0wp),
		feat2(fS1wpS0p, s1wp, s0p), feat2(fS1pS0wp, s1p, s0wp), feat2(fS1wS0w, s1w, s0w),
		feat2(fS1pS0p, s1p, s0p),
		feat2(fB0pB1p, b0p, b1p), feat2(fB0wB1w, b0w, b1w),

		feat3(fB0pB1pB2p, b0p, b1p, b2p), feat3(fS0pB0pB1p, s0p, b0p, b1p),
		feat3(fS1pS0pB0p, s1p, s0p, b0p), feat3(fS2pS1pS0p, s2p, s1p, s0p),
		feat3(fS0pS0LpB0p, s0p, pAt(s0L), b0p), feat3(fS0pS0RpB0p, s0p, pAt(s0R), b0p),
		feat3(fS0pB0pB0Lp, s0p, b0p, pAt(b0L)), feat3(fS1pS1RpS0p, s1p, pAt(s1R), s0p),
		feat3(fS1pS0pS0Lp, s1p, s0p, pAt(s0L)), feat3(fS1pS0pS0Rp, s1p, s0p, pAt(s0R)),
		feat3(fS1pS1LpS0p, s1p, pAt(s1L), s0p),

		feat2(fS0wD1, s0w, d1), feat2(fS0pD1, s0p, d1), feat2(fB0wD1, b0w, d1), feat2(fB0pD1, b0p, d1),
		feat3(fS0wB0wD1, s0w, b0w, d1), feat3(fS0pB0pD1, s0p, b0p, d1),
		feat2(fS1wD2, s1w, d2), feat2(fS1pD2, s1p, d2), feat2(fS0wD2, s0w, d2), feat2(fS0pD2, s0p, d2),
		feat3(fS1wS0wD2, s1w, s0w, d2), feat3(fS1pS0pD2, s1p, s0p, d2),

		feat2(fS0wVr, s0w, s0vr), feat2(fS0pVr, s0p, s0vr), feat2(fS0wVl, s0w, s0vl), feat2(fS0pVl, s0p, s0vl),
		feat2(fS1wVr, s1w, s1vr), feat2(fS1pVr, s1p, s1vr), feat2(fS1wVl, s1w, s1vl), feat2(fS1pVl, s1p, s1vl),
		feat2(fB0wVl, b0w, b0vl), feat2(fB0pVl, b0p, b0vl),

		feat1(fS0Lw, wAt(s0L)), feat1(fS0Lp, pAt(s0L)), feat1(fS0Ll, lAt(s0L)),
		feat1(fS0Rw, wAt(s0R)), feat1(fS0Rp, pAt(s0R)), feat1(fS0Rl, lAt(s0R)),
		feat1(fS1Lw, wAt(s1L)), feat1(fS1Lp, pAt(s1L)), feat1(fS1Ll, lAt(s1L)),
		feat1(fS1Rw, wAt(s1R)), feat1(fS1Rp, pAt(s1R)), feat1(fS1Rl, lAt(s1R)),
		feat1(fB0Lw, wAt(b0L)), feat1(fB0Lp, pAt(b0L)), feat1(fB0Ll, lAt(b0L)),
		feat1(fS0L2w, wAt(s0L2)), feat1(fS0L2p, pAt(s0L2)), feat1(fS0L2l, lAt(s0L2)),
		feat1(fS0R2w, wAt(s0R2)), feat1(fS0R2p, pAt(s0R2)), feat1(fS0R2l, lAt(s0R2)),
		feat1(fB0L2w, wAt(b0L2)), feat1(fB0L2p, pAt(b0L2)), feat1(fB0L2l, lAt(b0L2)),
		feat3(fS0pS0LlS0L2l, s0p, lAt(s0L), lAt(s0L2)), feat3(fS0pS0RlS0R2l, s0p, lAt(s0R), lAt(s0R2)),
		feat3(fB0pB0LlB0L2l, b0p, lAt(b0L), lAt(b0L2)), feat3(fS1pS1RlS1R2l, s1p, lAt(s1R), lAt(s1R2)),

		feat2(fS0wLset, s0w, s0ls), feat2(fS0pLset, s0p, s0ls), feat2(fS0wRset, s0w, s0rs), feat2(fS0pRset, s0p, s0rs),
		feat2(fB0wLset, b0w, b0ls), feat2(fB0pLset, b0p, b0ls), feat2(fS1wRset, s1w, s1rs), feat2(fS1pRset, s1p, s1rs),

		feat2(fS0pS0nextp, s0p, near(s0, 1)), feat2(fB0pB0prevp, b0p, near(b0, -1)),
		feat2(fS1pS1nextp, s1p, near(s1, 1)), feat2(fS0pS0prevp, s0p, near(s0, -1)),
		feat3(fS0wpB0wpB1p, s0wp, b0wp, b1p),
		feat2(fS0uB0u, s0u, b0u), feat2(fS1uS0u, s1u, s0u),
		feat3(fS0uB0uB1u, s0u, b0u, uAt(b1)), feat3(fS1uS0uB0u, s1u, s0u, b0u),
		feat3(fS2uS1uS0u, uAt(s2), s1u, s0u), feat3(fB0uB1uB2u, b0u, uAt(b1), uAt(b2)),
		feat3(fS0uS0LuB0u, s0u, uAt(s0L), b0u), feat3(fS0uS0RuB0u, s0u, uAt(s0R), b0u),
		feat3(fS1uS1RuS0u, s1u, uAt(s1R), s0u),
		feat2(fS0wB0u, s0w, b0u), feat2(fS0uB0w, s0u, b0w), feat2(fS1wS0u, s1w, s0u), feat2(fS1uS0w, s1u, s0w),
	)
	return out
}
