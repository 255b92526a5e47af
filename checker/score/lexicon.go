package score

import (
	"sort"
	"strings"

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
