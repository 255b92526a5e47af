package score

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The literal prefilter (prefilter.go) compares text and literals in a
// folded form that the regular expressions' matches survive:
//
//   - Case. Go's regexp matches a case-insensitive rune against every rune
//     of its unicode.SimpleFold orbit ('k', 'K' and the Kelvin sign U+212A
//     are one orbit), so every rune is replaced by the smallest rune of its
//     orbit. Runes that match each other under (?i) get the same
//     representative, and so, trivially, do equal runes.
//   - Space. The runes of \s (tab, newline, form feed, carriage return,
//     space) become a space, and a run of spaces one space, so that a
//     pattern's "all\s+rights" is the one literal "ALL RIGHTS".
//
// The fold of a substring of s is a substring of the fold of s: folding
// goes rune by rune, and collapsing a run of spaces inside a substring
// leaves a space that the collapsed run around it still holds.

// asciiFold is foldRune for the ASCII runes: letters fold to upper case,
// the \s runes to a space.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = byte(orbitMin(r))
	}
	for _, r := range "\t\n\f\r" {
		t[r] = ' '
	}
	return t
}()

// foldRune returns the folded form of one rune (before runs of spaces are
// collapsed).
func foldRune(r rune) rune {
	if r >= 0 && r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	return orbitMin(r)
}

func orbitMin(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// foldString folds s. Invalid bytes become U+FFFD, the rune the regexp
// package reads them as.
func foldString(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		f := foldRune(r)
		if f == ' ' && len(b) > 0 && b[len(b)-1] == ' ' {
			continue
		}
		b = utf8.AppendRune(b, f)
	}
	return string(b)
}

// joinFolded is the fold of x followed by y, both folded: a space where
// x ends in one and y starts with one is collapsed.
func joinFolded(x, y string) string {
	if strings.HasSuffix(x, " ") && strings.HasPrefix(y, " ") {
		y = y[1:]
	}
	return x + y
}

// automaton is an Aho–Corasick automaton that finds which of a fixed set of
// literals (already folded) occur in a text, in one pass over the text's
// folded bytes. It is a full DFA over byte classes: bytes that occur in no
// literal share class 0. It is immutable once built.
//
// The table has a row of stride entries per state: one per class, holding
// the next state's row offset (so a step is one load and one add), and a
// last column holding where the state's outputs start in outIDs; a state's
// outputs end where the next row's start. A last row closes the list.
type automaton struct {
	ascii    [utf8.RuneSelf]uint8 // ASCII byte → class of its fold
	class    [256]uint8           // byte → class
	stride   int
	table    []int32
	outIDs   []int32 // per state, the literals that end there, its own and its suffix states'
	literals int
}

// spaceClass is the class of the folded space, which scan collapses in runs.
const spaceClass = 1

// newAutomaton builds the automaton for literals, which must be folded; a
// literal's id is its index. Empty literals are never reported.
func newAutomaton(literals []string) *automaton {
	a := &automaton{literals: len(literals)}
	a.class[' '] = spaceClass
	nclass := 2
	for _, lit := range literals {
		for i := 0; i < len(lit); i++ {
			if a.class[lit[i]] == 0 {
				a.class[lit[i]] = uint8(nclass)
				nclass++
			}
		}
	}
	for b := range a.ascii {
		a.ascii[b] = a.class[asciiFold[b]] // fold and classify in one look-up
	}
	// The trie, with -1 for a missing edge.
	trie := slices.Repeat([]int32{-1}, nclass)
	own := [][]int32{nil}
	for id, lit := range literals {
		if lit == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(lit); i++ {
			at := int(s)*nclass + int(a.class[lit[i]])
			if trie[at] < 0 {
				trie[at] = int32(len(own))
				own = append(own, nil)
				trie = append(trie, slices.Repeat([]int32{-1}, nclass)...)
			}
			s = trie[at]
		}
		own[s] = append(own[s], int32(id))
	}
	// Breadth first, each state's missing edges take its failure state's,
	// and its outputs add its failure state's (shallower, so complete).
	states := len(own)
	fail := make([]int32, states)
	outs := make([][]int32, states)
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		outs[s] = append(append([]int32(nil), own[s]...), outs[fail[s]]...)
		for c := range nclass {
			at := int(s)*nclass + c
			t := trie[at]
			switch {
			case t >= 0:
				if s != 0 {
					fail[t] = trie[int(fail[s])*nclass+c]
				}
				queue = append(queue, t)
			case s == 0:
				trie[at] = 0
			default:
				trie[at] = trie[int(fail[s])*nclass+c]
			}
		}
	}
	a.stride = nclass + 1
	a.table = make([]int32, (states+1)*a.stride)
	for s := range states {
		row := s * a.stride
		for c := range nclass {
			a.table[row+c] = trie[s*nclass+c] * int32(a.stride)
		}
		a.table[row+nclass] = int32(len(a.outIDs))
		a.outIDs = append(a.outIDs, outs[s]...)
	}
	a.table[states*a.stride+nclass] = int32(len(a.outIDs))
	return a
}

// words is the length of a bitset with one bit per literal.
func (a *automaton) words() int { return (a.literals + 63) / 64 }

// scan sets in found (a bitset of a.words() words, cleared by the caller)
// the literals that occur in the fold of s.
func (a *automaton) scan(s string, found []uint64) {
	table, stride, outIDs, ascii := a.table, a.stride, a.outIDs, &a.ascii
	out := stride - 1 // the column of a state's outputs
	at := 0           // the current state's row
	space := false    // the last folded byte was a space
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			i++
			c := int(ascii[b])
			if c == spaceClass {
				if space {
					continue
				}
				space = true
			} else {
				space = false
			}
			at = int(table[at+c])
			if lo, hi := table[at+out], table[at+stride+out]; lo != hi {
				for _, id := range outIDs[lo:hi] {
					found[id>>6] |= 1 << (id & 63)
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n := copy(buf[:], s[i:i+size])
		if f := foldRune(r); f != r || r == utf8.RuneError {
			n = utf8.EncodeRune(buf[:], f)
		}
		i += size
		space = false
		for _, b := range buf[:n] {
			at = int(table[at+int(a.class[b])])
			if lo, hi := table[at+out], table[at+stride+out]; lo != hi {
				for _, id := range outIDs[lo:hi] {
					found[id>>6] |= 1 << (id & 63)
				}
			}
		}
	}
}
