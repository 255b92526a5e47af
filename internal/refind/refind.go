// Package refind runs a regular expression over a text with the results
// package regexp gives, faster when few positions of the text can start a
// match: a word list compiled into one alternation, a date pattern that
// needs a month name.
//
// RE2's unanchored search tries the expression at every position of the
// text. A Finder first rules positions out cheaply, and only where a
// match may start asks RE2 for the expression's preferred match beginning
// exactly there:
//
//  1. From the expression's syntax, the runes a match can start with, and
//     which of them only after a word boundary (\b).
//  2. A small deterministic automaton over ASCII, built from the compiled
//     program with every zero-width assertion (\b, ^, $) taken as true: it
//     reads the text from the position and gives up where no match can go
//     on. It only ever accepts more than the expression does.
//  3. RE2 on the text from that position, through the expression anchored
//     at the start of its input (\A) and, for later positions, prefixed by
//     one rune ((?s:.)) and run from the rune before the position, so that
//     \b and ^ see the neighbours they see in the whole text. The text is
//     handed over as a rune reader, which RE2 reads only as far as the
//     attempt goes.
//
// Why the results are RE2's own: a leftmost-first search returns, at the
// first position where the expression matches, its preferred match there,
// and resumes at the match's end. A Finder visits positions in the same
// order (rune starts, an invalid byte counting as one rune, as RE2 steps),
// skips only positions where steps 1 and 2 prove no match can start, and
// takes step 3's answer, which is the preferred match at that position
// with the same neighbours. Expressions that can match the empty string,
// or use syntax the analysis does not know, are run by regexp directly.
package refind

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxStates bounds the automaton; an expression that needs more is
// checked by its start runes alone.
const maxStates = 4096

// Finder searches text for an expression. It is safe for concurrent use;
// what it rules positions out with is worked out on its first search.
type Finder struct {
	re    *regexp.Regexp
	once  sync.Once
	accel *accelerator // nil: every search is re's own
}

// accelerator is what a Finder rules positions out with.
type accelerator struct {
	// at matches at the start of its input; after matches after the first
	// rune of its input.
	at, after *regexp.Regexp
	free      runeSet // runes a match can start with
	bounded   runeSet // runes a match can start with after a word boundary
	auto      *automaton
}

// New returns a Finder for re, which must use leftmost-first matching (as
// regexp.Compile and MustCompile make it; not CompilePOSIX or Longest).
func New(re *regexp.Regexp) *Finder {
	return &Finder{re: re}
}

// accelerator returns f's accelerator, building it on first use.
func (f *Finder) accelerator() *accelerator {
	f.once.Do(func() { f.accel = newAccelerator(f.re) })
	return f.accel
}

func newAccelerator(re *regexp.Regexp) *accelerator {
	src := re.String()
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	tree = tree.Simplify()
	free, bounded, nullable, known := startRunes(tree)
	if nullable || !known {
		return nil
	}
	at, err1 := regexp.Compile(`\A(?:` + src + `)`)
	after, err2 := regexp.Compile(`\A(?s:.)(?:` + src + `)`)
	if err1 != nil || err2 != nil {
		return nil
	}
	a := &accelerator{at: at, after: after, free: newRuneSet(free), bounded: newRuneSet(bounded)}
	if prog, err := syntax.Compile(tree); err == nil {
		a.auto = newAutomaton(prog)
	}
	return a
}

// Regexp returns the expression the Finder runs.
func (f *Finder) Regexp() *regexp.Regexp { return f.re }

// Accelerated reports whether the Finder rules positions out itself
// rather than leaving every search to regexp.
func (f *Finder) Accelerated() bool { return f.accelerator() != nil }

// search calls fn with each match, as FindAllStringSubmatchIndex reports
// it, until fn returns false.
func (f *accelerator) search(s string, fn func(loc []int) bool) {
	var rd strings.Reader
	prev, prevStart := rune(-1), 0
	for p := 0; p < len(s); {
		r, w := rune(s[p]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[p:])
		}
		if f.mayStart(s, p, prev, r) {
			if loc := f.matchAt(s, p, prevStart, &rd); loc != nil {
				if !fn(loc) {
					return
				}
				for end := loc[1]; p < end; { // resume at the match's end, knowing its last rune
					r, w = utf8.DecodeRuneInString(s[p:])
					prev, prevStart = r, p
					p += w
				}
				continue
			}
		}
		prev, prevStart = r, p
		p += w
	}
}

// mayStart reports whether a match can start at p, where the rune r
// follows prev (-1 at the start of the text).
func (f *accelerator) mayStart(s string, p int, prev, r rune) bool {
	if !f.free.has(r) && !(f.bounded.has(r) && syntax.IsWordChar(prev) != syntax.IsWordChar(r)) {
		return false
	}
	return f.auto == nil || f.auto.mayMatch(s[p:])
}

// matchAt returns RE2's preferred match starting at p, with its groups,
// in offsets of s; the rune before p starts at prevStart.
func (f *accelerator) matchAt(s string, p, prevStart int, rd *strings.Reader) []int {
	if p == 0 {
		rd.Reset(s)
		return f.at.FindReaderSubmatchIndex(rd)
	}
	rd.Reset(s[prevStart:])
	loc := f.after.FindReaderSubmatchIndex(rd)
	if loc == nil {
		return nil
	}
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += prevStart
		}
	}
	loc[0] = p
	return loc
}

// FindAllStringSubmatchIndex returns what f.Regexp().FindAllStringSubmatchIndex(s, -1) returns.
func (f *Finder) FindAllStringSubmatchIndex(s string) [][]int {
	a := f.accelerator()
	if a == nil {
		return f.re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	a.search(s, func(loc []int) bool {
		out = append(out, loc)
		return true
	})
	return out
}

// FindAllStringIndex returns what f.Regexp().FindAllStringIndex(s, -1)
// returns.
func (f *Finder) FindAllStringIndex(s string) [][]int {
	a := f.accelerator()
	if a == nil {
		return f.re.FindAllStringIndex(s, -1)
	}
	var out [][]int
	a.search(s, func(loc []int) bool {
		out = append(out, loc[:2:2])
		return true
	})
	return out
}

// FindStringIndex returns what f.Regexp().FindStringIndex(s) returns: the
// leftmost match.
func (f *Finder) FindStringIndex(s string) []int {
	a := f.accelerator()
	if a == nil {
		return f.re.FindStringIndex(s)
	}
	var out []int
	a.search(s, func(loc []int) bool {
		out = loc[:2:2]
		return false
	})
	return out
}

// PrefixIndex returns the match at the start of s: what
// f.Regexp().FindStringIndex(s) returns when it starts at 0, else nil.
func (f *Finder) PrefixIndex(s string) []int {
	a := f.accelerator()
	if a == nil {
		if loc := f.re.FindStringIndex(s); loc != nil && loc[0] == 0 {
			return loc
		}
		return nil
	}
	if s == "" {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !a.mayStart(s, 0, -1, r) {
		return nil
	}
	var rd strings.Reader
	if loc := a.matchAt(s, 0, 0, &rd); loc != nil {
		return loc[:2:2]
	}
	return nil
}

// MatchString returns what f.Regexp().MatchString(s) returns.
func (f *Finder) MatchString(s string) bool {
	if f.accelerator() == nil {
		return f.re.MatchString(s)
	}
	return f.FindStringIndex(s) != nil
}

// startRunes returns the runes a match of re can start with, as range
// pairs: free ones, and bounded ones that a word boundary must come
// before. nullable says re can match the empty string; known is false
// when re holds syntax the analysis does not cover.
func startRunes(re *syntax.Regexp) (free, bounded []rune, nullable, known bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, nil, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// Zero-width: they only restrict where a match can be; leaving the
		// restriction out keeps the start set a superset.
		return nil, nil, true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, nil, true, true
		}
		r := re.Rune[0]
		free = []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				free = append(free, f, f)
			}
		}
		return free, nil, false, true
	case syntax.OpCharClass:
		return append([]rune(nil), re.Rune...), nil, false, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []rune{0, unicode.MaxRune}, nil, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return startRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		free, bounded, _, known = startRunes(re.Sub[0])
		return free, bounded, true, known
	case syntax.OpRepeat:
		free, bounded, nullable, known = startRunes(re.Sub[0])
		return free, bounded, nullable || re.Min == 0, known
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			f, b, n, k := startRunes(sub)
			if !k {
				return nil, nil, true, false
			}
			free, bounded, nullable = append(free, f...), append(bounded, b...), nullable || n
		}
		return free, bounded, nullable, true
	case syntax.OpConcat:
		// A \b met before the first rune is consumed holds where the match
		// starts: whatever can come first after it is bounded.
		boundary := false
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpWordBoundary {
				boundary = true
				continue
			}
			f, b, n, k := startRunes(sub)
			if !k {
				return nil, nil, true, false
			}
			if boundary {
				bounded = append(append(bounded, f...), b...)
			} else {
				free, bounded = append(free, f...), append(bounded, b...)
			}
			if !n {
				return free, bounded, false, true
			}
		}
		return free, bounded, true, true
	}
	return nil, nil, true, false
}

// runeSet is a set of runes: a table for ASCII, range pairs above it.
type runeSet struct {
	ascii  [utf8.RuneSelf]bool
	ranges []rune
}

func newRuneSet(pairs []rune) runeSet {
	var s runeSet
	for i := 0; i+1 < len(pairs); i += 2 {
		lo, hi := pairs[i], pairs[i+1]
		for r := max(lo, 0); r <= hi && r < utf8.RuneSelf; r++ {
			s.ascii[r] = true
		}
		if hi >= utf8.RuneSelf {
			s.ranges = append(s.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	return s
}

func (s *runeSet) has(r rune) bool {
	if 0 <= r && r < utf8.RuneSelf {
		return s.ascii[r]
	}
	for i := 0; i+1 < len(s.ranges); i += 2 {
		if s.ranges[i] <= r && r <= s.ranges[i+1] {
			return true
		}
	}
	return false
}

// automaton is a deterministic automaton over ASCII bytes built from a
// compiled program with every zero-width assertion taken as true. From the
// start of a would-be match it reads the text until the program can no
// longer go on (no match starts here) or could have matched (maybe one
// does), or until a byte outside ASCII (maybe).
type automaton struct {
	next   []int32 // state*128 + byte: the next state, or dead
	accept []bool  // the program can have matched in this state
}

const dead = -1

func newAutomaton(prog *syntax.Prog) *automaton {
	a := &automaton{}
	ids := map[string]int32{}
	var sets [][]uint32
	add := func(pcs []uint32, accept bool) int32 {
		key := pcKey(pcs, accept)
		if id, ok := ids[key]; ok {
			return id
		}
		id := int32(len(sets))
		ids[key] = id
		sets = append(sets, pcs)
		a.accept = append(a.accept, accept)
		a.next = append(a.next, make([]int32, utf8.RuneSelf)...)
		return id
	}
	cl := &closer{prog: prog, seen: make([]uint32, len(prog.Inst))}
	add(cl.closure([]uint32{uint32(prog.Start)}))
	// the ASCII bytes each rune-consuming instruction reads, as a bit set
	masks := make([][2]uint64, len(prog.Inst))
	for pc := range prog.Inst {
		switch prog.Inst[pc].Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		default:
			continue
		}
		for c := rune(0); c < utf8.RuneSelf; c++ {
			if consumes(&prog.Inst[pc], c) {
				masks[pc][c>>6] |= 1 << (c & 63)
			}
		}
	}
	var out []uint32
	for st := 0; st < len(sets); st++ {
		if len(sets) > maxStates {
			return nil
		}
		seen := map[string]int32{} // the next state of each set of instructions reached from st
		for c := rune(0); c < utf8.RuneSelf; c++ {
			out = out[:0]
			for _, pc := range sets[st] {
				if masks[pc][c>>6]&(1<<(c&63)) != 0 {
					out = append(out, prog.Inst[pc].Out)
				}
			}
			next := int32(dead)
			if len(out) > 0 {
				key := pcKey(out, false)
				if id, ok := seen[key]; ok {
					next = id
				} else {
					if pcs, accept := cl.closure(out); len(pcs) > 0 || accept {
						next = add(pcs, accept)
					}
					seen[key] = next
				}
			}
			a.next[st*utf8.RuneSelf+int(c)] = next
		}
	}
	return a
}

// closer computes closures over one program, reusing its buffers.
type closer struct {
	prog  *syntax.Prog
	seen  []uint32 // generation that last visited each instruction
	gen   uint32
	stack []uint32
}

// closure returns the rune-consuming instructions reachable from pcs
// without consuming input, in order, and whether a match is.
func (cl *closer) closure(pcs []uint32) ([]uint32, bool) {
	cl.gen++
	var out []uint32
	accept := false
	stack := append(cl.stack[:0], pcs...)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cl.seen[pc] == cl.gen {
			continue
		}
		cl.seen[pc] = cl.gen
		in := &cl.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			stack = append(stack, in.Out)
		case syntax.InstMatch:
			accept = true
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	cl.stack = stack
	slices.Sort(out)
	return out, accept
}

func pcKey(pcs []uint32, accept bool) string {
	b := make([]byte, 0, 4*len(pcs)+1)
	if accept {
		b = append(b, 1)
	}
	for _, pc := range pcs {
		b = append(b, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	return string(b)
}

// consumes reports whether a rune-consuming instruction reads c.
func consumes(in *syntax.Inst, c rune) bool {
	switch in.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return c != '\n'
	case syntax.InstRune, syntax.InstRune1:
		return in.MatchRune(c)
	}
	return false
}

// mayMatch reports whether a match could start at the beginning of s.
func (a *automaton) mayMatch(s string) bool {
	st := int32(0)
	for i := 0; ; i++ {
		if a.accept[st] {
			return true
		}
		if i == len(s) {
			return false // the program needs more input than there is
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if st = a.next[int(st)*utf8.RuneSelf+int(c)]; st == dead {
			return false
		}
	}
}
