package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cues is what the cheap first pass of FindAll saw in a string: one bit per
// kind of word or figure that some date pattern cannot match without.
type cues uint8

const (
	cueDigit    cues = 1 << iota // an ASCII digit
	cueYear                      // four ASCII digits in a row
	cueMonth                     // a month name written as the patterns read it
	cueWeekday                   // a full weekday name written as the patterns read it
	cuePart                      // a word of a date.parts phrase, in any case
	cueRelative                  // a word of a date.relative phrase, in any case
	cueAgo                       // a word of a date.ago phrase, in any case

	allCues cues = 1<<iota - 1
)

// has reports whether every bit of want is set.
func (c cues) has(want cues) bool { return c&want == want }

// cueScanner finds, in one pass over a string, which cues it holds. It
// looks for literals: month and weekday names exactly as the patterns
// spell them (title case and capitals: they are matched case-sensitively),
// and for each phrase of the date.parts, date.relative and date.ago rules
// one of its words, compared the way the patterns' (?i) flag compares
// (Unicode simple case folding).
//
// Why skipping a pattern when its cue is missing never loses a match (each
// pattern in compileExprs, and isoPattern):
//
//   - isoPattern, year and monthYear contain \d{4} (and part's year branch
//     (?P<pyear>\d{4})); RE2's \d is [0-9], so a match holds four ASCII
//     digits in a row: cueYear. monthDay and dayMonth contain \d{1,2}:
//     cueDigit.
//   - monthDay, dayMonth, monthYear and month contain the group
//     (?P<month>...) outside any optional part, an alternation of the
//     month names in title case and in capitals (capitalised), matched
//     without (?i); the scanner looks for the same strings (less the
//     ones that contain a shorter one, which then occurs too): cueMonth.
//     part holds either that group or \d{4}: cueMonth or cueYear.
//   - weekday contains the group (?P<wd>...) outside its optional
//     modifier, the full weekday names in title case and capitals, matched
//     without (?i): cueWeekday.
//   - part, relative and ago contain a mandatory alternation of the phrases
//     of date.parts, date.relative and date.ago under (?i). phrases()
//     writes each phrase as its characters quoted, a space as \s+, a
//     hyphen as a dash class and an apostrophe as an apostrophe class, so
//     every match of a phrase holds, case-folded, each run of the phrase's
//     characters between spaces, hyphens and apostrophes; the scanner looks
//     for one such run of every phrase (its longest), case-folded the same
//     way: RE2's (?i) matches a rune against every rune of its
//     unicode.SimpleFold orbit, and the scanner compares runes by the
//     smallest member of that orbit (so "ſ" counts as "s" and the Kelvin
//     sign as "k", as they do for RE2).
//
// A pattern whose cue is absent therefore cannot match anywhere in the
// string, and FindAll, which only ever adds the matches of each pattern,
// returns the same expressions without running it.
type cueScanner struct {
	// the literals by the rune they start with: for a folded literal,
	// every rune of its first rune's fold orbit
	asciiStart [utf8.RuneSelf][]literal
	otherStart map[rune][]literal
}

// literal is one string the scanner looks for and the cue it sets.
type literal struct {
	runes []rune // fold keys for a folded literal, else the runes as written
	fold  bool
	cue   cues
}

func newCueScanner(months, weekdays, parts, relatives, agoWords []string) *cueScanner {
	sc := &cueScanner{otherStart: map[rune][]literal{}}
	sc.addExact(casedForms(months), cueMonth)
	sc.addExact(casedForms(weekdays), cueWeekday)
	sc.addFolded(anchors(parts), cuePart)
	sc.addFolded(anchors(relatives), cueRelative)
	sc.addFolded(anchors(agoWords), cueAgo)
	return sc
}

// casedForms returns each word in title case and in capitals, as
// capitalised() writes them into the patterns.
func casedForms(words []string) []string {
	var out []string
	for _, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		out = append(out, string(unicode.ToUpper(r))+w[n:], strings.ToUpper(w))
	}
	return out
}

// anchors returns, for each phrase, its longest run of characters between
// spaces, hyphens and apostrophes (the last of the longest on a tie: "year"
// in "this year").
func anchors(phrases []string) []string {
	var out []string
	for _, p := range phrases {
		best := ""
		for _, piece := range strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || unicode.IsSpace(r) }) {
			if len(piece) >= len(best) {
				best = piece
			}
		}
		if best != "" {
			out = append(out, best)
		}
	}
	return out
}

// minimal drops the strings that contain another of the set: wherever they
// occur, the shorter one occurs too.
func minimal(keys [][]rune) [][]rune {
	var out [][]rune
	for i, k := range keys {
		redundant := false
		for j, o := range keys {
			if i != j && containsRunes(k, o) && (len(o) < len(k) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, k)
		}
	}
	return out
}

func containsRunes(s, sub []rune) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if equalRunes(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (sc *cueScanner) addExact(words []string, c cues) {
	var keys [][]rune
	for _, w := range words {
		keys = append(keys, []rune(w))
	}
	for _, k := range minimal(keys) {
		sc.index(k[0], literal{runes: k, cue: c})
	}
}

// index files l under the rune r it can start with.
func (sc *cueScanner) index(r rune, l literal) {
	if r < utf8.RuneSelf {
		sc.asciiStart[r] = append(sc.asciiStart[r], l)
	} else {
		sc.otherStart[r] = append(sc.otherStart[r], l)
	}
}

func (sc *cueScanner) addFolded(words []string, c cues) {
	var keys [][]rune
	for _, w := range words {
		k := []rune(w)
		for i, r := range k {
			k[i] = foldKey(r)
		}
		keys = append(keys, k)
	}
	for _, k := range minimal(keys) {
		l := literal{runes: k, fold: true, cue: c}
		sc.index(k[0], l)
		for r := unicode.SimpleFold(k[0]); r != k[0]; r = unicode.SimpleFold(r) {
			sc.index(r, l)
		}
	}
}

// foldKey returns the smallest rune of r's simple case-folding orbit: two
// runes that RE2's (?i) treats as equal have the same key.
func foldKey(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A' // k and s have larger orbit members (K, ſ), never smaller ones
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// scan returns the cues found in s. Invalid bytes read as utf8.RuneError,
// as RE2 reads them.
func (sc *cueScanner) scan(s string) cues {
	var found cues
	digits := 0
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if '0' <= r && r <= '9' {
			found |= cueDigit
			if digits++; digits >= 4 {
				found |= cueYear
			}
		} else {
			digits = 0
			var ls []literal
			if r < utf8.RuneSelf {
				ls = sc.asciiStart[r]
			} else {
				ls = sc.otherStart[r]
			}
			for _, l := range ls {
				if found&l.cue == 0 && hasPrefixRunes(s[i:], l.runes, l.fold) {
					found |= l.cue
				}
			}
		}
		i += w
	}
	return found
}

// hasPrefixRunes reports whether s starts with the runes of want, compared
// by fold key when fold is set.
func hasPrefixRunes(s string, want []rune, fold bool) bool {
	i := 0
	for _, w := range want {
		if i >= len(s) {
			return false
		}
		r, n := rune(s[i]), 1
		switch {
		case r >= utf8.RuneSelf:
			r, n = utf8.DecodeRuneInString(s[i:])
			if fold {
				r = foldKey(r)
			}
		case fold && 'a' <= r && r <= 'z':
			r -= 'a' - 'A' // foldKey for ASCII
		}
		if r != w {
			return false
		}
		i += n
	}
	return true
}
