package claims

import (
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/refind"
)

// lexFinder searches text with a lexicon rule and finds exactly what the
// rule's own FindAll, MatchString and fullMatch find, faster: a lexicon is
// one alternation of its terms, which RE2 tries at every position of the
// text, while refind rules most positions out first (see package refind).
// Rules of other shapes (several expressions, capture groups) go to the
// rule itself.
type lexFinder struct {
	rule *ruleset.Rule
	find *refind.Finder // nil: use rule
}

func newLexFinder(rule *ruleset.Rule) *lexFinder {
	f := &lexFinder{rule: rule}
	if res := rule.Regexps(); rule.Kind == ruleset.KindLexicon && len(res) == 1 && res[0].NumSubexp() == 0 {
		f.find = refind.New(res[0])
	}
	return f
}

// FindAll returns what f.rule.FindAll(s) returns.
func (f *lexFinder) FindAll(s string) []ruleset.Match {
	if f.find == nil {
		return f.rule.FindAll(s)
	}
	var out []ruleset.Match
	for _, loc := range f.find.FindAllStringIndex(s) {
		sp := text.Span{Start: loc[0], End: loc[1]}
		out = append(out, ruleset.Match{Span: sp, Value: sp})
	}
	return out
}

// MatchString returns what f.rule.MatchString(s) returns.
func (f *lexFinder) MatchString(s string) bool {
	if f.find == nil {
		return f.rule.MatchString(s)
	}
	return f.find.MatchString(s)
}

// FullMatch returns what fullMatch(f.rule, s) returns: whether a match
// covers all of s. Only the first match can start at 0.
func (f *lexFinder) FullMatch(s string) bool {
	if f.find == nil {
		return fullMatch(f.rule, s)
	}
	loc := f.find.PrefixIndex(s)
	return loc != nil && loc[1] == len(s)
}
