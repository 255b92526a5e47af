package score

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// phraseMatcher finds a lexicon rule's terms in a document's tokens. It
// matches what the rule's compiled expression matches, whole words with
// case, quotes and dashes folded, but works on the tokens text.Parse has
// already made: a map lookup per token instead of running a regular
// expression with hundreds of alternatives over the text, which on long
// pages costs a hundred times more.
type phraseMatcher struct {
	caseSensitive bool
	// byFirst maps a phrase's first token key to the phrases starting
	// with it, longest first, so that "is expected to" wins over
	// "expected".
	byFirst map[string][][]string
}

func newPhraseMatcher(r *ruleset.Rule) *phraseMatcher {
	m := &phraseMatcher{caseSensitive: r.CaseSensitive, byFirst: map[string][][]string{}}
	seen := map[string]bool{}
	for _, term := range r.Terms {
		doc := text.Parse(strings.TrimSpace(term))
		var keys []string
		for _, t := range doc.Tokens {
			keys = append(keys, m.key(doc.Text, t))
		}
		if len(keys) == 0 || seen[strings.Join(keys, "\x00")] {
			continue
		}
		seen[strings.Join(keys, "\x00")] = true
		m.byFirst[keys[0]] = append(m.byFirst[keys[0]], keys)
	}
	for _, phrases := range m.byFirst {
		sort.SliceStable(phrases, func(i, j int) bool { return len(phrases[i]) > len(phrases[j]) })
	}
	return m
}

// key is a token's comparison form: its folded form, or, for a
// case-sensitive rule, its text with quotes and dashes folded only.
func (m *phraseMatcher) key(src string, t text.Token) string {
	if !m.caseSensitive {
		return t.Norm
	}
	raw := src[t.Start:t.End]
	if !strings.ContainsFunc(raw, func(r rune) bool { return text.IsQuote(r) || text.IsDash(r) }) {
		return raw
	}
	return strings.Map(func(r rune) rune {
		switch {
		case text.IsQuote(r) && r != '"' && r != '“' && r != '”' && r != '„':
			return '\''
		case text.IsDash(r):
			return '-'
		}
		return r
	}, raw)
}

// find returns the spans of the phrases found in toks (tokens of src), in
// order and without overlaps, preferring at each position the longest.
func (m *phraseMatcher) find(src string, toks []text.Token) []text.Span {
	var out []text.Span
	for i := 0; i < len(toks); i++ {
		phrases := m.byFirst[m.key(src, toks[i])]
		for _, ph := range phrases {
			if i+len(ph) > len(toks) || !m.matchAt(src, toks[i:i+len(ph)], ph) {
				continue
			}
			out = append(out, text.Span{Start: toks[i].Start, End: toks[i+len(ph)-1].End})
			i += len(ph) - 1
			break
		}
	}
	return out
}

func (m *phraseMatcher) matchAt(src string, toks []text.Token, ph []string) bool {
	for k := 1; k < len(ph); k++ {
		if m.key(src, toks[k]) != ph[k] {
			return false
		}
	}
	return true
}

// lexiconSet finds the terms of several lexicon rules in one pass over a
// document's tokens: one map look-up per token for all the case-insensitive
// rules and one for all the case-sensitive ones, instead of one per rule.
// Each rule's matches are what its own phraseMatcher.find returns.
type lexiconSet struct {
	matchers []*phraseMatcher
	// folded and exact map a first token key to the rules with phrases
	// starting with it: the case-insensitive rules and the others.
	folded, exact map[string][]phraseStart
	// exactFirst and exactLen hold the first bytes and the lengths of the
	// exact keys: an ASCII token is its own exact key (only non-ASCII
	// quotes and dashes change), so one whose first byte or length no key
	// has needs no look-up.
	exactFirst [256]bool
	exactLen   map[int]bool
}

// phraseStart is one rule's phrases that start with a given key, longest
// first.
type phraseStart struct {
	matcher int
	phrases [][]string
}

func newLexiconSet(matchers ...*phraseMatcher) *lexiconSet {
	ls := &lexiconSet{matchers: matchers, folded: map[string][]phraseStart{}, exact: map[string][]phraseStart{}, exactLen: map[int]bool{}}
	for mi, m := range matchers {
		dst := ls.folded
		if m.caseSensitive {
			dst = ls.exact
		}
		keys := make([]string, 0, len(m.byFirst))
		for k := range m.byFirst {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			dst[k] = append(dst[k], phraseStart{matcher: mi, phrases: m.byFirst[k]})
			if m.caseSensitive && k != "" {
				ls.exactFirst[k[0]] = true
				ls.exactLen[len(k)] = true
			}
		}
	}
	return ls
}

// mayBeExactKey reports whether a token's text can be the exact key of a
// phrase start, without computing its key.
func (ls *lexiconSet) mayBeExactKey(raw string) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf {
			return true // its key may differ from its text
		}
	}
	return raw != "" && ls.exactFirst[raw[0]] && ls.exactLen[len(raw)] // tokens are never empty
}

// find returns, per matcher, the spans its find would return for toks
// (tokens of src). A matcher's search goes on after the end of its last
// match, as its own find does; the matchers do not affect one another.
func (ls *lexiconSet) find(src string, toks []text.Token) [][]text.Span {
	out := make([][]text.Span, len(ls.matchers))
	resume := make([]int, len(ls.matchers)) // the first token each matcher may start a match at
	try := func(i int, starts []phraseStart) {
		for _, st := range starts {
			if i < resume[st.matcher] {
				continue
			}
			m := ls.matchers[st.matcher]
			for _, ph := range st.phrases {
				if i+len(ph) > len(toks) || !m.matchAt(src, toks[i:i+len(ph)], ph) {
					continue
				}
				out[st.matcher] = append(out[st.matcher], text.Span{Start: toks[i].Start, End: toks[i+len(ph)-1].End})
				resume[st.matcher] = i + len(ph)
				break
			}
		}
	}
	var exact *phraseMatcher // any case-sensitive matcher: they share one key
	for _, m := range ls.matchers {
		if m.caseSensitive {
			exact = m
			break
		}
	}
	for i, t := range toks {
		if len(ls.folded) > 0 {
			if starts := ls.folded[t.Norm]; starts != nil {
				try(i, starts)
			}
		}
		if exact != nil && ls.mayBeExactKey(src[t.Start:t.End]) {
			if starts := ls.exact[exact.key(src, t)]; starts != nil {
				try(i, starts)
			}
		}
	}
	return out
}
