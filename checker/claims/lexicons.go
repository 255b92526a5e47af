package claims

import (
	"fmt"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// lexicons holds the compiled rules of the "claims" pack that the
// extractors read with.
type lexicons struct {
	enabled map[string]bool // claim extractors present (a user may disable one)

	eventVerbs, eventNouns, eventAgents *ruleset.Rule
	units                               *ruleset.Rule
	countries, demonyms, pronouns       *ruleset.Rule
	scales, currencies, multipliers     *ruleset.Rule
	qualifiers, roleSynonyms, grammar   *ruleset.Rule
	unitGroups                          *ruleset.Rule
	numberWords, months, weekdays       *ruleset.Rule

	// lexicons the extractors search text with
	titles, quoteVerbs, bodies, orgHeads, agreementHeads, percent *lexFinder

	function, nameStop, honorifics, placeCues map[string]bool // folded single words
	unitWords, quoteVerbWords, titleWords     map[string]bool
	orgHeadWords, titleFirstWords             map[string]bool
	headWords                                 map[string]bool // every word of an organisation or agreement head
}

func loadLexicons(set *ruleset.Set) (*lexicons, error) {
	p := set.Pack("claims")
	if p == nil {
		return nil, fmt.Errorf("rule pack %q is missing", "claims")
	}
	dates := set.Pack("dates")
	if dates == nil {
		return nil, fmt.Errorf("rule pack %q is missing", "dates")
	}
	l := &lexicons{enabled: map[string]bool{}}
	for _, r := range p.OfKind(ruleset.KindClaim) {
		l.enabled[r.ID] = true
	}
	var missing []string
	get := func(pk *ruleset.Pack, id string) *ruleset.Rule {
		r := pk.Rule(id)
		if r == nil {
			missing = append(missing, id)
		}
		return r
	}
	l.eventVerbs = get(p, "claim.event-verbs")
	l.eventNouns = get(p, "claim.event-nouns")
	l.eventAgents = get(p, "claim.event-agents")
	titles := get(p, "claim.role-titles")
	quoteVerbs := get(p, "claim.quote-verbs")
	bodies := get(p, "claim.quote-bodies")
	orgHeads := get(p, "claim.org-heads")
	agreementHeads := get(p, "claim.agreement-heads")
	l.units = get(p, "claim.units")
	percent := get(p, "claim.percent")
	l.countries = get(p, "claim.countries")
	l.demonyms = get(p, "claim.demonyms")
	l.pronouns = get(p, "claim.pronouns")
	l.scales = get(p, "claim.scales")
	l.currencies = get(p, "claim.currencies")
	l.multipliers = get(p, "claim.multipliers")
	l.qualifiers = get(p, "claim.number-qualifiers")
	l.roleSynonyms = get(p, "claim.role-synonyms")
	l.grammar = get(p, "claim.grammar")
	l.unitGroups = get(p, "claim.unit-groups")
	l.numberWords = get(dates, "date.number-words")
	l.months = get(dates, "date.months")
	l.weekdays = get(dates, "date.weekdays")
	function := get(p, "claim.function-words")
	nameStop := get(p, "claim.name-stopwords")
	honorifics := get(p, "claim.honorifics")
	placeCues := get(p, "claim.place-cues")
	if len(missing) > 0 {
		return nil, fmt.Errorf("rule pack %q lacks rules the claim stage needs: %s", "claims", strings.Join(missing, ", "))
	}
	l.titles, l.quoteVerbs, l.bodies = newLexFinder(titles), newLexFinder(quoteVerbs), newLexFinder(bodies)
	l.orgHeads, l.agreementHeads, l.percent = newLexFinder(orgHeads), newLexFinder(agreementHeads), newLexFinder(percent)
	l.function = foldedSet(function.Terms)
	l.nameStop = rawSet(nameStop.Terms)
	l.honorifics = rawSet(honorifics.Terms)
	l.placeCues = foldedSet(placeCues.Terms)
	l.unitWords = foldedSet(l.units.Terms)
	l.quoteVerbWords = singleWords(quoteVerbs.Terms)
	l.titleWords = singleWords(titles.Terms)
	l.headWords = map[string]bool{}
	for _, t := range append(append([]string(nil), orgHeads.Terms...), agreementHeads.Terms...) {
		for _, w := range strings.Fields(text.Fold(t)) {
			l.headWords[w] = true
		}
	}
	l.titleFirstWords = map[string]bool{}
	for _, t := range titles.Terms {
		if f := strings.Fields(text.Fold(t)); len(f) > 0 {
			l.titleFirstWords[strings.Split(f[0], "-")[0]] = true
		}
	}
	l.orgHeadWords = singleWords(orgHeads.Terms)
	return l, nil
}

// Jobs of grammar words, as in the claim.grammar table.
const (
	gramDeterminer = "determiner"
	gramConnector  = "connector"
	gramList       = "list"
	gramAgent      = "agent"
	gramRelative   = "relative"
)

// is reports whether a folded word does the given grammar job.
func (l *lexicons) is(norm, job string) bool {
	v, ok := l.grammar.Lookup(norm)
	return ok && v == job
}

// singleWords returns the folded one-word terms of a list.
func singleWords(terms []string) map[string]bool {
	m := map[string]bool{}
	for _, t := range terms {
		if t = strings.TrimSpace(t); t != "" && !strings.Contains(t, " ") {
			m[text.Fold(t)] = true
		}
	}
	return m
}

func foldedSet(terms []string) map[string]bool {
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[text.Fold(strings.TrimSpace(t))] = true
	}
	return m
}

func rawSet(terms []string) map[string]bool {
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[strings.TrimSpace(t)] = true
	}
	return m
}

// on reports whether the claim extractor with the given rule id is
// enabled.
func (l *lexicons) on(id string) bool { return l.enabled[id] }

// country returns the display name of the country a folded phrase names,
// as a name ("republic of korea") or, when demonym is set, also as an
// adjective ("korean").
func (l *lexicons) country(folded string, demonym bool) (string, bool) {
	if v, ok := l.countries.Lookup(folded); ok {
		return v, true
	}
	if demonym {
		return l.demonyms.Lookup(folded)
	}
	return "", false
}

// isMonthOrWeekday reports whether a capitalised word is a month or weekday
// name, which never starts a name or a place.
func (l *lexicons) isMonthOrWeekday(word string) bool {
	w := strings.TrimSuffix(word, ".")
	if _, ok := l.months.Lookup(w); ok {
		return true
	}
	_, ok := l.weekdays.Lookup(w)
	return ok
}
