package score

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// A literal prefilter for pattern rules: a cheap first pass that rules out
// most (unit, expression) pairs before the regular expression runs, the
// careful second pass. Most sentences hold no copyright sign, no "cookie"
// and no "newsletter", and a backtracking search that tries every position
// of every sentence for every expression was most of the scorer's time.
//
// For each compiled expression, condition() derives from its syntax tree a
// condition in conjunctive form: a list of clauses, each a set of literal
// strings, such that the fold (ahocorasick.go: case folded, runs of \s one
// space) of every string the expression matches contains, for every
// clause, at least one of the clause's literals. A unit of text that fails
// the condition cannot hold a match, so the expression is not run on it.
// The literals of all the expressions of a rule group go into one
// Aho–Corasick automaton, which reads a unit once and reports which
// literals it holds. Nothing is written by hand: a rule's literals come
// from its own patterns, so a new or changed pattern is filtered soundly
// without anyone listing keywords.
//
// Why the condition is sound, by induction on the syntax tree. Say a node
// is exact with set E when the fold of every string it matches is in E.
// Then:
//
//   - a literal is exact with the set of its fold: a case-sensitive rune
//     matches itself, a case-insensitive one any rune of its orbit, and all
//     of those fold to the same representative;
//   - a character class of a few runes is exact with their folds; an
//     empty-width assertion (^, $, \b) is exact with {""}; x+ and x*, where
//     x matches only spaces (\s), are exact with {" "} and {"", " "};
//   - a concatenation of exact nodes is exact with the folds of the
//     concatenations of their sets' strings (joinFolded); an alternation of
//     exact nodes with their union; x? with x's set and "";
//   - a match of a concatenation contains a match of each part, of x+ or
//     x{n,} (n ≥ 1) a match of x, and a capture is its content; so every
//     clause of a part is a clause of the whole, and so is the set of an
//     exact run of parts, whose fold some substring of the match has;
//   - a match of an alternation is a match of one branch, so the union of
//     one clause taken from each branch is a clause (and when a branch has
//     none, the alternation has none);
//   - x*, x{0,n}, ., and large classes promise nothing: no clause.
//
// The fold of a substring is a substring of the fold, so a unit holding a
// match satisfies every clause. Dropping clauses keeps a condition sound:
// one holding "" (always true), one that is just a space (true of nearly
// every unit). So does dropping a literal that contains another literal of
// its clause, since the shorter occurs wherever the longer does. The
// conditions only ever ask for literals to be present, so a sentence, which
// holds no literal its paragraph lacks, fails every condition its
// paragraph fails (scanSentences).
//
// TestPrefilterIsSound checks all this on every unit of the seeds, the
// fixtures, the test articles, generated batches and, when present, pages
// of the evaluation data; TestPrefilterChangesNoScore that scores are the
// same with and without the prefilter; FuzzPrefilter the condition and the
// automaton on arbitrary text.

const (
	// maxExact is the largest exact set kept; a larger one becomes a
	// clause of the whole.
	maxExact = 32
	// maxClassRunes is the largest character class, after folding, that
	// counts as exact.
	maxClassRunes = 10
)

// litInfo is what condition() knows about one syntax node.
type litInfo struct {
	exact   []string // when isExact: every match is one of these, folded
	isExact bool
	clauses [][]string // every match contains, per clause, one of its strings
}

func anything() litInfo             { return litInfo{} }
func exactly(set ...string) litInfo { return litInfo{exact: set, isExact: true} }

// addClause adds set as a clause unless it is trivially true (holds "").
func (li litInfo) addClause(set []string) litInfo {
	if slices.Contains(set, "") {
		return li
	}
	li.clauses = append(li.clauses, set)
	return li
}

// inexact returns what li promises about a string that contains a match
// of its node: its clauses and, when exact, its set as one more.
func (li litInfo) inexact() litInfo {
	out := litInfo{clauses: li.clauses}
	if li.isExact {
		out = out.addClause(li.exact)
	}
	return out
}

// best returns li's most selective clause, or nil when it has none: the one
// whose shortest literal is longest (longer literals occur less often),
// then the one with fewer literals.
func (li litInfo) best() []string {
	var best []string
	bestLen := -1
	for _, c := range li.inexact().clauses {
		short := shortest(c)
		if short > bestLen || short == bestLen && len(c) < len(best) {
			best, bestLen = c, short
		}
	}
	return best
}

// analyze derives what every match of re must contain.
func analyze(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpNoMatch:
		return exactly() // matches nothing: the empty set
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly("")
	case syntax.OpLiteral:
		return exactly(foldString(string(re.Rune)))
	case syntax.OpCharClass:
		return classInfo(re.Rune)
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		sub := analyze(re.Sub[0])
		if sub.isExact && len(sub.exact) < maxExact {
			return exactly(union(sub.exact, []string{""})...)
		}
		return anything()
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		sub := analyze(re.Sub[0])
		least := 1
		switch re.Op {
		case syntax.OpStar:
			least = 0
		case syntax.OpRepeat:
			if re.Min == 1 && re.Max == 1 {
				return sub
			}
			least = re.Min
		}
		if sub.isExact && len(sub.exact) == 1 && sub.exact[0] == " " {
			// A run of spaces folds to one space.
			if least == 0 {
				return exactly("", " ")
			}
			return exactly(" ")
		}
		if least == 0 {
			return anything()
		}
		return sub.inexact()
	case syntax.OpConcat:
		return concatInfo(re.Sub)
	case syntax.OpAlternate:
		return alternateInfo(re.Sub)
	}
	return anything() // OpAnyChar, OpAnyCharNotNL
}

// classInfo is exact for a class of at most maxClassRunes folded runes.
func classInfo(ranges []rune) litInfo {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > 4*maxClassRunes {
			return anything()
		}
	}
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if s := string(foldRune(r)); !slices.Contains(set, s) {
				set = append(set, s)
			}
		}
	}
	if len(set) > maxClassRunes {
		return anything()
	}
	return exactly(set...)
}

// concatInfo multiplies out runs of exact parts while their product stays
// small; each run that cannot stay exact becomes a clause.
func concatInfo(subs []*syntax.Regexp) litInfo {
	out := litInfo{}
	run, allExact := []string{""}, true
	for _, sub := range subs {
		part := analyze(sub)
		if part.isExact {
			if prod, ok := product(run, part.exact); ok {
				run = prod
				continue
			}
			out, run, allExact = out.addClause(run), part.exact, false
			continue
		}
		out, run, allExact = out.addClause(run), []string{""}, false
		out.clauses = append(out.clauses, part.clauses...)
	}
	if allExact {
		return exactly(run...)
	}
	return out.addClause(run)
}

// alternateInfo is exact when every branch is and the union is small;
// otherwise its one clause is the union of each branch's best clause.
func alternateInfo(subs []*syntax.Regexp) litInfo {
	parts := make([]litInfo, len(subs))
	allExact := true
	var all []string
	for i, sub := range subs {
		parts[i] = analyze(sub)
		allExact = allExact && parts[i].isExact
		if allExact {
			all = union(all, parts[i].exact)
		}
	}
	if allExact && len(all) <= maxExact {
		return exactly(all...)
	}
	var clause []string
	for _, p := range parts {
		b := p.best()
		if b == nil {
			return anything()
		}
		clause = union(clause, b)
	}
	return litInfo{clauses: [][]string{clause}}
}

// product returns every concatenation of a string of a with one of b, or
// false when there could be more than maxExact.
func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			if s := joinFolded(x, y); !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out, true
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// condition returns the clauses every match of re satisfies, simplified
// and sorted; none means the expression is always run.
func condition(re *regexp.Regexp) [][]string {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil // cannot happen for a compiled expression; no filter is always sound
	}
	var out [][]string
	seen := map[string]bool{}
	for _, c := range analyze(tree).inexact().clauses {
		c = minimalLiterals(c)
		key := strings.Join(c, "\x00")
		if key == " " {
			continue // every unit of more than one word holds a space
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	// The most selective clause first: a unit most often fails there.
	sort.SliceStable(out, func(i, j int) bool { return shortest(out[i]) > shortest(out[j]) })
	return out
}

// shortest is the length of a clause's shortest literal.
func shortest(c []string) int {
	n := -1
	for _, s := range c {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// minimalLiterals drops the literals of a clause that contain another of
// its literals, and sorts the rest.
func minimalLiterals(c []string) []string {
	var out []string
	for i, s := range c {
		redundant := false
		for j, t := range c {
			if i != j && strings.Contains(s, t) && (len(s) > len(t) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// literalIndex collects the literals of the conditions of a group of rules
// and, once built, finds them in units of text.
type literalIndex struct {
	ids  map[string]int32
	list []string
	auto *automaton
}

func newLiteralIndex() *literalIndex { return &literalIndex{ids: map[string]int32{}} }

// bitClause is one clause as a bitset over literal ids: the words that
// hold any of its literals.
type bitClause []bitWord

type bitWord struct {
	index int
	mask  uint64
}

// filteredRule is a lexicon or pattern rule with, for each of its compiled
// expressions, the condition a unit must meet to hold a match.
type filteredRule struct {
	rule  *ruleset.Rule
	exprs []*regexp.Regexp
	conds [][]bitClause // per expression; empty: always run
	// firsts is the union of every expression's first clause, when every
	// expression has one: a unit holding none of its literals meets no
	// condition.
	firsts bitClause
}

// add derives the conditions of r's expressions and registers their
// literals. Call build when every rule is added.
func (x *literalIndex) add(r *ruleset.Rule) *filteredRule {
	f := &filteredRule{rule: r, exprs: r.Regexps()}
	for _, re := range f.exprs {
		var cond []bitClause
		for _, clause := range condition(re) {
			words := map[int]uint64{}
			for _, lit := range clause {
				id, ok := x.ids[lit]
				if !ok {
					id = int32(len(x.list))
					x.ids[lit] = id
					x.list = append(x.list, lit)
				}
				words[int(id>>6)] |= 1 << (id & 63)
			}
			var bc bitClause
			for w, m := range words {
				bc = append(bc, bitWord{w, m})
			}
			sort.Slice(bc, func(i, j int) bool { return bc[i].index < bc[j].index })
			cond = append(cond, bc)
		}
		f.conds = append(f.conds, cond)
	}
	f.firsts = firstClauses(f.conds)
	return f
}

// firstClauses merges the first clause of each condition, or returns nil
// when a condition has none.
func firstClauses(conds [][]bitClause) bitClause {
	words := map[int]uint64{}
	for _, cond := range conds {
		if len(cond) == 0 {
			return nil
		}
		for _, w := range cond[0] {
			words[w.index] |= w.mask
		}
	}
	var out bitClause
	for i, m := range words {
		out = append(out, bitWord{i, m})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].index < out[j].index })
	return out
}

// build compiles the automaton over every literal added.
func (x *literalIndex) build() { x.auto = newAutomaton(x.list) }

// found is a bitset of the literals a unit holds.
type found []uint64

// newFound returns room for the literal bitsets of n units.
func (x *literalIndex) newFound(n int) []uint64 { return make([]uint64, n*x.auto.words()) }

// scanInto records the literals of unit in the i-th bitset of all and
// returns that bitset.
func (x *literalIndex) scanInto(all []uint64, i int, unit string) found {
	w := x.auto.words()
	f := all[i*w : (i+1)*w : (i+1)*w]
	clear(f)
	x.auto.scan(unit, f)
	return f
}

// scan returns the literals of one unit.
func (x *literalIndex) scan(unit string) found {
	return x.scanInto(x.newFound(1), 0, unit)
}

// holds reports whether f satisfies every clause of cond.
func (f found) holds(cond []bitClause) bool {
	for _, clause := range cond {
		if !f.hitsAny(clause) {
			return false
		}
	}
	return true
}

// hitsAny reports whether f holds a literal of clause.
func (f found) hitsAny(clause bitClause) bool {
	for _, w := range clause {
		if f[w.index]&w.mask != 0 {
			return true
		}
	}
	return false
}

// mayMatch reports whether any expression of the rule can match a unit
// holding the literals lits.
func (fr *filteredRule) mayMatch(lits found) bool {
	if fr.firsts != nil && !lits.hitsAny(fr.firsts) {
		return false
	}
	for _, cond := range fr.conds {
		if lits.holds(cond) {
			return true
		}
	}
	return false
}

// matchString is rule.MatchString(unit), skipping the expressions the
// unit's literals rule out.
func (fr *filteredRule) matchString(unit string, lits found) bool {
	for i, re := range fr.exprs {
		if lits.holds(fr.conds[i]) && re.MatchString(unit) {
			return true
		}
	}
	return false
}

// first is the span of rule.FindAll(unit)[0]: the leftmost match of any
// expression, the earlier expression on a tie.
func (fr *filteredRule) first(unit string, lits found) (text.Span, bool) {
	var best []int
	for i, re := range fr.exprs {
		if !lits.holds(fr.conds[i]) {
			continue
		}
		if loc := re.FindStringIndex(unit); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	if best == nil {
		return text.Span{}, false
	}
	return text.Span{Start: best[0], End: best[1]}, true
}

// findAll is the spans of rule.FindAll(unit), in the same order: each
// expression's matches in turn, then a stable sort by start when the rule
// has more than one expression.
func (fr *filteredRule) findAll(unit string, lits found) []text.Span {
	var out []text.Span
	for i, re := range fr.exprs {
		if !lits.holds(fr.conds[i]) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(unit, -1) {
			out = append(out, text.Span{Start: loc[0], End: loc[1]})
		}
	}
	if len(fr.exprs) > 1 {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// anyMayMatch reports whether some rule of rules can match a unit holding
// the literals lits.
func anyMayMatch(rules []*filteredRule, lits found) bool {
	for _, fr := range rules {
		if fr.mayMatch(lits) {
			return true
		}
	}
	return false
}

// scanSentences records in all (one bitset per sentence of doc) the
// literals of each sentence that keep accepts and that one of rules might
// match. paragraph returns a paragraph's literals. A sentence lies inside
// its paragraph (text.Document promises it, and it is checked here), so it
// holds no literal its paragraph lacks; the conditions only ever ask for
// literals to be present, so a sentence fails every condition its
// paragraph fails. Such a sentence is not read, and its empty bitset fails
// those conditions just the same.
func (x *literalIndex) scanSentences(all []uint64, doc *text.Document, rules []*filteredRule,
	keep func(si int) bool, paragraph func(pi int) found) {
	for si, s := range doc.Sentences {
		if !keep(si) {
			continue
		}
		p := doc.Paragraphs[s.Paragraph].Span
		if p.Start <= s.Start && s.End <= p.End && !anyMayMatch(rules, paragraph(s.Paragraph)) {
			continue
		}
		x.scanInto(all, si, doc.Slice(s.Span))
	}
}
