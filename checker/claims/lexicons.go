package claims

import (
	"fmt"
	"math"
	"sort"
	"strconv"
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
	roleVerbs                           *ruleset.Rule // claim.role-verbs: "chairs" gives the role "chair"
	// spellings (claim.name-spellings) are letter groups a name may be
	// spelt with in place of others ("ae" for "ä", folded "a"), longest
	// first
	spellings [][2]string
	// namingWords (claim.naming-verbs) are the verbs of a relative clause
	// that give a post ("who was named its director"), and the words
	// allowed before and after them, by job
	namingWords map[string]string
	// nearTimeWords (claim.near-time-words) keep a time after "after" or
	// "before" close to it: "shortly after 23:00"
	nearTimeWords map[string]bool
	// clockTimeWords (claim.clock-time-words) are word clock times
	// ("noon"), and tallyPhraseCues (claim.tally-phrase-cues) the words
	// of claim.tally-phrases: cheap first passes before those patterns
	clockTimeWords  []string
	tallyPhraseCues map[string]bool
	// tallyTimePhrases (claim.tally-time-phrases: "as of") give the time a
	// count was made at; openingTimePreps (claim.opening-time-prepositions)
	// open a sentence whose time dates all its clauses; both folded,
	// longest first
	tallyTimePhrases, openingTimePreps []string
	// rangeOpeners (claim.range-openers) come before "A to B" read as a
	// range ("a range of 3% to 3.25%")
	rangeOpeners  map[string]bool
	genericBodies map[string]bool // claim.role-generic-bodies
	// roleLinks (claim.role-links) join a title to its portfolio and add
	// nothing ("responsible for culture"); roleEquivalents
	// (claim.role-equivalents) map a title that makes up a whole role to
	// the title news also writes for that post ("manager" to "coach")
	roleLinks       map[string]bool
	roleEquivalents map[string]string
	// rolePosts (claim.role-posts) maps a title to the groups of posts
	// of one body that one person holds only one of at a time ("chief
	// executive" and "chief operating officer" are both "company")
	rolePosts map[string][]string
	// roleConnectors (claim.role-connectors) maps a title to a word that
	// continues it besides "of" and "for" ("ambassador to Canada")
	roleConnectors map[string]string
	// Fact frames: modality classes by lemma (claim.modality), generic
	// measure heads (claim.measure-heads), change and time prepositions
	// (claim.change-prepositions, claim.time-prepositions) and time words
	// (claim.time-words).
	modality, changePreps, timePreps map[string]string
	measureHeads, timeWords          map[string]bool
	// levelVerbs are claim.level-verbs ("rise", "stand"); futureAux the
	// auxiliaries of claim.modality that mark the future ("will")
	levelVerbs, futureAux map[string]bool
	// valueHolders are claim.value-holders: nouns whose value a sum is
	// ("contract", "deal"), which measure nothing beyond the money
	valueHolders map[string]bool
	// firstWords (claim.first-words: "first", "initially") and
	// effectPhrases (claim.effect-phrases: "take effect") mark a date of
	// another happening than the event
	firstWords, effectPhrases map[string]bool
	// dayOffsets (claim.day-offsets) are the units ("day", "weeks") and
	// links ("after", "later") of "a day after": a date so followed dates
	// another happening than the event
	dayOffsets map[string]string
	// roleFunctions (claim.role-functions) are title words for a task or
	// standing held beside an office ("negotiator", "founder"); kin
	// (claim.kin-words) are words for a relative ("wife"), which end a
	// role read back from its title
	roleFunctions, kin map[string]bool
	// unnamedPeople (claim.unnamed-people) are nouns for a person left
	// unnamed, who may be what a later "she" stands for
	unnamedPeople map[string]bool
	// rateNouns (claim.rate-nouns) are what a sum is given per
	rateNouns map[string]bool
	// relativePronouns (claim.relative-pronouns) open a relative clause
	// about the noun before them: "the group, which was founded in 2013"
	relativePronouns map[string]bool
	// predicateSynonyms (claim.predicate-synonyms) map verbs of one
	// happening to one ("establish" → "found")
	predicateSynonyms map[string]string
	// directionWords (claim.direction-words) stand between a distance and
	// its reference point: "20 km north of Valm"
	directionWords map[string]bool
	// referencePreps (claim.reference-prepositions) introduce the point a
	// distance is measured from ("60 km from the capital", "40 km off
	// Peterhead")
	referencePreps map[string]bool
	// countVerbs (claim.count-verbs) say what a count of "people" on them
	// counts ("employs 140 people": workers)
	countVerbs map[string]string
	// ordinalWords (claim.ordinal-words: "second" → "2") and ordinalNouns
	// (claim.ordinal-nouns: "player" → "person") read ranks
	ordinalWords, ordinalNouns map[string]string
	// measureNouns (claim.measure-nouns: "attendance", "crowd" →
	// "attendance") take a bare figure as their value; measureLinks
	// (claim.measure-links: "stood", "reached") may stand between them
	measureNouns map[string]string
	// meaningWords (claim.meaning-words) turn a quotation's meaning when
	// changed: negations, units of time
	meaningWords map[string]bool
	// placeCuesKnown (claim.place-cues-known: "near", "at") introduce a
	// place only when the gazetteer knows it; basedSuffixes
	// (claim.based-suffixes: "based" → "base") make "Osaka-based" a seat
	placeCuesKnown map[string]bool
	basedSuffixes  map[string]string
	// seatVerbs (claim.seat-verbs) say where a thing lastingly is
	seatVerbs map[string]bool
	// siteNouns (claim.site-nouns) name fixed sites, whose place is where
	// they are
	siteNouns map[string]bool
	// windowPreps and windowUnits (claim.window-prepositions,
	// claim.window-units) mark "in 24 hours" as a window, not a figure
	windowPreps, windowUnits, windowWords map[string]bool
	// withinPhrases (claim.within-phrases), folded and split, say after a
	// comma that a place lies in or by the next: "on the eastern side of"
	withinPhrases [][]string
	// multiTitles are the role titles of several words, folded and split
	// ("chief executive"): a role key holding all of one's words holds it
	multiTitles  [][]string
	measureLinks map[string]bool
	// nameParticles are claim.name-particles: lower-case words inside a
	// person's name ("von der Leyen")
	nameParticles map[string]bool
	// partWords are claim.part-words: "other", "more", "remaining"
	partWords map[string]bool
	// clockTimes is claim.clock-times; timeQualifiers claim.time-qualifiers
	// (phrase → approx, after, before); tallyCues claim.tally-cues
	clockTimes *ruleset.Rule
	// tallyPhrases is claim.tally-phrases: tallies written out in words
	tallyPhrases   *ruleset.Rule
	timeQualifiers map[string]string
	// timeZones is claim.time-zones: a word after a clock time → its zone
	timeZones map[string]string
	tallyCues map[string]bool
	// nightWords (claim.night-words) and laterHours (claim.later-hours)
	// tell a night that spans two dates from a later hour of the next day
	nightWords, laterHours map[string]bool
	// inclusion are claim.inclusion-words: "including", "excluding"
	inclusion map[string]bool
	// genericUnits are claim.generic-units: units that say little of
	// what is counted without a state or a verb ("people")
	genericUnits map[string]bool
	// roleRanks and roleTimes are claim.role-ranks ("deputy") and
	// claim.role-times ("former"): role words that mark another post and
	// another time
	roleRanks, roleTimes map[string]bool
	// leadMinTokens is claim.lead-sentence: how many tokens an article's
	// first sentence needs to be its lead sentence, not a headline;
	// ledeVerbShare is claim.lede-verbs: the share of the winner's votes
	// another lede word needs to join the event.
	leadMinTokens int
	// partSumSlack is claim.parts-of-total: how close parts must add up to
	// a total, and the least share of it each must be
	partSumSlack  float64
	ledeVerbShare float64
	unitGroups    *ruleset.Rule
	// unitConversions is claim.unit-conversions: unit → factor and the
	// unit figures of it are compared in
	unitConversions               map[string]unitConversion
	numberWords, months, weekdays *ruleset.Rule

	// lexicons the extractors search text with
	titles, quoteVerbs, bodies, orgHeads, agreementHeads, percent *lexFinder

	function, nameStop, honorifics, placeCues map[string]bool // folded single words
	placeKinds                                map[string]bool // claim.place-kinds
	clauseOpeners                             map[string]bool // claim.clause-openers
	futureVerbs                               map[string]bool // claim.future-verbs
	unitWords, quoteVerbWords, titleWords     map[string]bool
	orgHeadWords, titleFirstWords             map[string]bool
	headWords                                 map[string]bool // every word of an organisation or agreement head

	// The event words, keyed by folded word: what each reports, and
	// which weigh half (attribution verbs and weak event words).
	eventWords map[string]string
	weakEvent  map[string]bool
	// eventTokens merges what the main-event pass asks of each word, so
	// that it looks each up once.
	eventTokens map[string]eventToken
	// particles[word] are the words that, right after an event word as
	// written, make it another verb (claim.event-particles)
	particles map[string]map[string]bool
	// lightVerbs are claim.light-verbs: verbs whose object names the deed
	lightVerbs map[string]bool
	// onceVerbs are claim.once-verbs: what happens to a subject once,
	// mapped to the words for its place ("birthplace")
	onceVerbs map[string]string
	// lifeVerbs and lifeNouns are claim.life-verbs (a verb that takes
	// lives, mapped to the state it gives the people counted) and
	// claim.life-nouns (the nouns for those lives)
	lifeVerbs map[string]string
	lifeNouns map[string]bool
	// tellingNouns and tellingVerbs are claim.telling-nouns and
	// claim.telling-verbs: texts and verbs that give figures
	tellingNouns, tellingVerbs map[string]bool
	// periodEnds[word] are the period nouns that make a date after word
	// the end of a reporting period (claim.period-ends)
	periodEnds map[string]map[string]bool
	// Reading verbs the table does not list: irregular past forms (form →
	// verb), regular endings (longest first), words never taken for the
	// event verb, and attribution verbs.
	irregular   map[string]string
	endings     []verbEnding
	verbStop    map[string]bool
	attribution map[string]bool
	// What marks a sentence as about the event: references after a
	// definite determiner, nouns for happenings, words of another occasion.
	references, definites, otherOccasion map[string]bool
	happening                            map[string]string
	// Numbers: units written before the number, measures (unit → label),
	// states of counted people, vague numbers (word → low, high).
	unitsBefore map[string]bool
	measures    map[string]string
	states      map[string]countState
	// tollStates (claim.toll-states) are the states whose counts are a
	// disaster's toll
	tollStates map[string]bool
	stateUnits map[string]string     // state → the unit its first word (in order) gives
	vague      map[string][2]float64 // by folded phrase; every word of a phrase is numberish
	vagueWords int                   // the most words a vague phrase has
	plurals    map[string]string     // unit → plural, where adding "s" is wrong
	singulars  map[string]string     // the same plurals → their unit
	// The number tables keyed by folded word, and every word among them.
	numberWordValues, multiplierWords map[string]string
	numberish                         map[string]bool
}

// eventToken is what a word says about events: the event it reports (""
// for none) with its weight and tense, and the event it refers to after a
// definite determiner (refGeneric, a happening, or "").
type eventToken struct {
	event, ref string
	weak, past bool
}

// verbEnding is one row of claim.verb-endings: a regular ending, whether
// it marks a past form, and what replaces it.
type verbEnding struct {
	suffix, replace  string
	past, participle bool
}

// countState is one row of claim.count-states: the state a word gives a
// count of people, and the unit a count with no noun of its own counts.
type countState struct {
	state, unit string
}

// extractorRules are the ids of the claim extractors, each a rule of kind
// claim that a user pack may disable.
var extractorRules = []string{
	"claim.date", "claim.person.titled", "claim.person.role-only", "claim.role", "claim.place",
	"claim.place.dateline", "claim.organisation", "claim.agreement", "claim.number", "claim.quote",
	"claim.time", "claim.tally", "claim.ordinals",
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
	for _, id := range extractorRules {
		if r := p.Rule(id); r != nil {
			if err := r.CheckKind(ruleset.KindClaim); err != nil {
				return nil, err
			}
			l.enabled[id] = true
		}
	}
	var missing []string
	var wrongKind error
	get := func(pk *ruleset.Pack, id, kind string) *ruleset.Rule {
		r := pk.Rule(id)
		if r == nil {
			missing = append(missing, id)
		} else if err := r.CheckKind(kind); err != nil && wrongKind == nil {
			wrongKind = err
		}
		return r
	}
	const lexicon, table = ruleset.KindLexicon, ruleset.KindTable
	l.eventVerbs = get(p, "claim.event-verbs", table)
	l.eventNouns = get(p, "claim.event-nouns", table)
	l.eventAgents = get(p, "claim.event-agents", table)
	titles := get(p, "claim.role-titles", lexicon)
	quoteVerbs := get(p, "claim.quote-verbs", lexicon)
	bodies := get(p, "claim.quote-bodies", lexicon)
	orgHeads := get(p, "claim.org-heads", lexicon)
	agreementHeads := get(p, "claim.agreement-heads", lexicon)
	l.units = get(p, "claim.units", lexicon)
	percent := get(p, "claim.percent", lexicon)
	l.countries = get(p, "claim.countries", table)
	l.demonyms = get(p, "claim.demonyms", table)
	l.pronouns = get(p, "claim.pronouns", table)
	l.scales = get(p, "claim.scales", table)
	l.currencies = get(p, "claim.currencies", table)
	l.multipliers = get(p, "claim.multipliers", table)
	l.qualifiers = get(p, "claim.number-qualifiers", table)
	l.roleSynonyms = get(p, "claim.role-synonyms", table)
	l.roleVerbs = get(p, "claim.role-verbs", table)
	namingWords := get(p, "claim.naming-verbs", table)
	nearTimeWords := get(p, "claim.near-time-words", lexicon)
	clockTimeWords := get(p, "claim.clock-time-words", lexicon)
	tallyPhraseCues := get(p, "claim.tally-phrase-cues", lexicon)
	tallyTimePhrases := get(p, "claim.tally-time-phrases", lexicon)
	openingTimePreps := get(p, "claim.opening-time-prepositions", lexicon)
	rangeOpeners := get(p, "claim.range-openers", lexicon)
	genericBodies := get(p, "claim.role-generic-bodies", lexicon)
	roleLinks := get(p, "claim.role-links", lexicon)
	roleEquivalents := get(p, "claim.role-equivalents", table)
	rolePosts := get(p, "claim.role-posts", table)
	roleConnectors := get(p, "claim.role-connectors", table)
	roleRanks := get(p, "claim.role-ranks", lexicon)
	roleTimes := get(p, "claim.role-times", lexicon)
	modality := get(p, "claim.modality", table)
	measureHeads := get(p, "claim.measure-heads", lexicon)
	changePreps := get(p, "claim.change-prepositions", table)
	timePreps := get(p, "claim.time-prepositions", table)
	timeWords := get(p, "claim.time-words", lexicon)
	levelVerbs := get(p, "claim.level-verbs", lexicon)
	valueHolders := get(p, "claim.value-holders", lexicon)
	firstWords := get(p, "claim.first-words", lexicon)
	effectPhrases := get(p, "claim.effect-phrases", lexicon)
	dayOffsets := get(p, "claim.day-offsets", table)
	roleFunctions := get(p, "claim.role-functions", lexicon)
	kin := get(p, "claim.kin-words", lexicon)
	unnamedPeople := get(p, "claim.unnamed-people", lexicon)
	rateNouns := get(p, "claim.rate-nouns", lexicon)
	relativePronouns := get(p, "claim.relative-pronouns", lexicon)
	predicateSynonyms := get(p, "claim.predicate-synonyms", table)
	directionWords := get(p, "claim.direction-words", lexicon)
	referencePreps := get(p, "claim.reference-prepositions", lexicon)
	countVerbs := get(p, "claim.count-verbs", table)
	ordinalWords := get(p, "claim.ordinal-words", table)
	ordinalNouns := get(p, "claim.ordinal-nouns", table)
	measureNouns := get(p, "claim.measure-nouns", table)
	measureLinks := get(p, "claim.measure-links", lexicon)
	meaningWords := get(p, "claim.meaning-words", lexicon)
	placeCuesKnown := get(p, "claim.place-cues-known", lexicon)
	basedSuffixes := get(p, "claim.based-suffixes", table)
	seatVerbs := get(p, "claim.seat-verbs", lexicon)
	siteNouns := get(p, "claim.site-nouns", lexicon)
	windowPreps := get(p, "claim.window-prepositions", lexicon)
	windowUnits := get(p, "claim.window-units", lexicon)
	windowWords := get(p, "claim.window-words", lexicon)
	withinPhrases := get(p, "claim.within-phrases", lexicon)
	nameParticles := get(p, "claim.name-particles", lexicon)
	nameSpellings := get(p, "claim.name-spellings", table)
	partWords := get(p, "claim.part-words", lexicon)
	genericUnits := get(p, "claim.generic-units", lexicon)
	inclusion := get(p, "claim.inclusion-words", lexicon)
	clockTimes := get(p, "claim.clock-times", ruleset.KindPattern)
	tallyPhrases := get(p, "claim.tally-phrases", ruleset.KindPattern)
	timeQualifiers := get(p, "claim.time-qualifiers", table)
	timeZones := get(p, "claim.time-zones", table)
	tallyCues := get(p, "claim.tally-cues", lexicon)
	nightWords := get(p, "claim.night-words", lexicon)
	laterHours := get(p, "claim.later-hours", lexicon)
	leadSentence := get(p, "claim.lead-sentence", ruleset.KindWeight)
	partsOfTotal := get(p, "claim.parts-of-total", ruleset.KindWeight)
	ledeVerbs := get(p, "claim.lede-verbs", ruleset.KindWeight)
	eventParticles := get(p, "claim.event-particles", table)
	lightVerbs := get(p, "claim.light-verbs", lexicon)
	onceVerbs := get(p, "claim.once-verbs", table)
	lifeVerbs := get(p, "claim.life-verbs", table)
	lifeNouns := get(p, "claim.life-nouns", lexicon)
	tellingNouns := get(p, "claim.telling-nouns", lexicon)
	tellingVerbs := get(p, "claim.telling-verbs", lexicon)
	l.grammar = get(p, "claim.grammar", table)
	l.unitGroups = get(p, "claim.unit-groups", table)
	conversions := get(p, "claim.unit-conversions", table)
	l.numberWords = get(dates, "date.number-words", table)
	l.months = get(dates, "date.months", table)
	l.weekdays = get(dates, "date.weekdays", table)
	function := get(p, "claim.function-words", lexicon)
	nameStop := get(p, "claim.name-stopwords", lexicon)
	honorifics := get(p, "claim.honorifics", lexicon)
	placeCues := get(p, "claim.place-cues", lexicon)
	placeKinds := get(p, "claim.place-kinds", lexicon)
	clauseOpeners := get(p, "claim.clause-openers", lexicon)
	futureVerbs := get(p, "claim.future-verbs", lexicon)
	irregular := get(p, "claim.irregular-verbs", table)
	endings := get(p, "claim.verb-endings", table)
	verbStop := get(p, "claim.verb-stopwords", lexicon)
	reporting := get(p, "claim.reporting-verbs", lexicon)
	weak := get(p, "claim.weak-event-words", lexicon)
	references := get(p, "claim.event-references", lexicon)
	definites := get(p, "claim.definite-determiners", lexicon)
	happening := get(p, "claim.happening-nouns", table)
	otherOccasion := get(p, "claim.other-occasion", lexicon)
	periodEnds := get(p, "claim.period-ends", table)
	unitsBefore := get(p, "claim.units-before", lexicon)
	measures := get(p, "claim.measures", table)
	states := get(p, "claim.count-states", table)
	tollStates := get(p, "claim.toll-states", lexicon)
	vague := get(p, "claim.vague-numbers", table)
	plurals := get(p, "claim.unit-plurals", table)
	if len(missing) > 0 {
		return nil, fmt.Errorf("rule pack %q lacks rules the claim stage needs: %s", "claims", strings.Join(missing, ", "))
	}
	if wrongKind != nil {
		return nil, wrongKind
	}
	l.unitConversions = map[string]unitConversion{}
	for unit, v := range conversions.Entries {
		factor, base, ok := strings.Cut(strings.TrimSpace(v), " ")
		f, err := strconv.ParseFloat(factor, 64)
		if !ok || err != nil || f <= 0 || math.IsInf(f, 0) || strings.TrimSpace(base) == "" {
			return nil, fmt.Errorf("%s: rule claim.unit-conversions: %q: want \"factor unit\"", conversions.Source, unit)
		}
		l.unitConversions[text.Fold(unit)] = unitConversion{factor: f, unit: strings.TrimSpace(base)}
	}
	l.titles, l.quoteVerbs, l.bodies = newLexFinder(titles), newLexFinder(quoteVerbs), newLexFinder(bodies)
	l.orgHeads, l.agreementHeads, l.percent = newLexFinder(orgHeads), newLexFinder(agreementHeads), newLexFinder(percent)
	l.function = foldedSet(function.Terms)
	l.nameStop = rawSet(nameStop.Terms)
	l.honorifics = rawSet(honorifics.Terms)
	l.placeCues = foldedSet(placeCues.Terms)
	l.placeKinds = foldedSet(placeKinds.Terms)
	l.genericBodies = foldedSet(genericBodies.Terms)
	l.roleLinks, l.roleEquivalents = foldedSet(roleLinks.Terms), foldedTable(roleEquivalents.Entries)
	l.roleRanks, l.roleTimes = foldedSet(roleRanks.Terms), foldedSet(roleTimes.Terms)
	l.roleConnectors = foldedTable(roleConnectors.Entries)
	l.rolePosts = map[string][]string{}
	for title, groups := range foldedTable(rolePosts.Entries) {
		for _, g := range strings.Split(groups, ",") {
			if g = text.Fold(strings.TrimSpace(g)); g != "" {
				l.rolePosts[title] = append(l.rolePosts[title], g)
			}
		}
	}
	l.modality, l.changePreps, l.timePreps = foldedTable(modality.Entries), foldedTable(changePreps.Entries), foldedTable(timePreps.Entries)
	l.measureHeads, l.timeWords = foldedSet(measureHeads.Terms), foldedSet(timeWords.Terms)
	l.levelVerbs = foldedSet(levelVerbs.Terms)
	l.valueHolders = foldedSet(valueHolders.Terms)
	l.firstWords, l.effectPhrases = foldedSet(firstWords.Terms), foldedSet(effectPhrases.Terms)
	l.dayOffsets = foldedTable(dayOffsets.Entries)
	l.roleFunctions, l.kin = foldedSet(roleFunctions.Terms), foldedSet(kin.Terms)
	l.unnamedPeople = foldedSet(unnamedPeople.Terms)
	l.rateNouns = foldedSet(rateNouns.Terms)
	l.namingWords = foldedTable(namingWords.Entries)
	l.nearTimeWords = foldedSet(nearTimeWords.Terms)
	l.clockTimeWords = foldedTerms(clockTimeWords.Terms)
	l.tallyPhraseCues = foldedSet(tallyPhraseCues.Terms)
	l.tallyTimePhrases = foldedTerms(tallyTimePhrases.Terms)
	l.openingTimePreps = foldedTerms(openingTimePreps.Terms)
	l.rangeOpeners = foldedSet(rangeOpeners.Terms)
	l.relativePronouns = foldedSet(relativePronouns.Terms)
	l.predicateSynonyms = foldedTable(predicateSynonyms.Entries)
	l.directionWords = foldedSet(directionWords.Terms)
	l.referencePreps = foldedSet(referencePreps.Terms)
	l.countVerbs = foldedTable(countVerbs.Entries)
	l.ordinalWords, l.ordinalNouns = foldedTable(ordinalWords.Entries), foldedTable(ordinalNouns.Entries)
	l.measureNouns, l.measureLinks = foldedTable(measureNouns.Entries), foldedSet(measureLinks.Terms)
	l.meaningWords = foldedSet(meaningWords.Terms)
	l.placeCuesKnown, l.basedSuffixes = foldedSet(placeCuesKnown.Terms), foldedTable(basedSuffixes.Entries)
	l.seatVerbs = foldedSet(seatVerbs.Terms)
	l.siteNouns = foldedSet(siteNouns.Terms)
	l.windowPreps, l.windowUnits, l.windowWords = foldedSet(windowPreps.Terms), foldedSet(windowUnits.Terms), foldedSet(windowWords.Terms)
	for _, t := range withinPhrases.Terms {
		l.withinPhrases = append(l.withinPhrases, strings.Fields(text.Fold(t)))
	}
	// longest first, so "on the eastern side of" wins over a shorter phrase
	sort.SliceStable(l.withinPhrases, func(i, j int) bool { return len(l.withinPhrases[i]) > len(l.withinPhrases[j]) })
	l.nameParticles = foldedSet(nameParticles.Terms)
	l.spellings = sortedPairs(foldedTable(nameSpellings.Entries))
	l.partWords = foldedSet(partWords.Terms)
	l.genericUnits = foldedSet(genericUnits.Terms)
	l.inclusion = foldedSet(inclusion.Terms)
	l.clockTimes = clockTimes
	l.tallyPhrases = tallyPhrases
	l.timeQualifiers = foldedTable(timeQualifiers.Entries)
	l.timeZones = foldedTable(timeZones.Entries)
	l.tallyCues = foldedSet(tallyCues.Terms)
	l.nightWords, l.laterHours = foldedSet(nightWords.Terms), foldedSet(laterHours.Terms)
	l.futureAux = map[string]bool{}
	for _, w := range []string{"will", "shall"} {
		if l.modality[w] == "expected" {
			l.futureAux[w] = true
		}
	}
	l.leadMinTokens, l.ledeVerbShare = int(leadSentence.Weight), ledeVerbs.Weight
	l.partSumSlack = partsOfTotal.Weight
	l.clauseOpeners = foldedSet(clauseOpeners.Terms)
	l.futureVerbs = foldedSet(futureVerbs.Terms)
	l.unitWords = foldedSet(l.units.Terms)
	l.quoteVerbWords = singleWords(quoteVerbs.Terms)
	l.titleWords = singleWords(titles.Terms)
	for _, t := range titles.Terms {
		if f := strings.Fields(text.Fold(t)); len(f) > 1 {
			l.multiTitles = append(l.multiTitles, f)
		}
	}
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

	l.eventWords = foldedTable(l.eventVerbs.Entries)
	l.attribution = singleWords(append(append([]string(nil), quoteVerbs.Terms...), reporting.Terms...))
	l.weakEvent = singleWords(weak.Terms)
	for w := range l.attribution {
		l.weakEvent[w] = true
	}
	l.irregular = foldedTable(irregular.Entries)
	for _, k := range sortedKeys(endings.Entries) {
		f := strings.Fields(endings.Entries[k])
		if len(f) == 0 {
			return nil, fmt.Errorf("%s: rule %q: entry %q: want \"tense [replacement]\"", endings.Source, endings.ID, k)
		}
		e := verbEnding{suffix: text.Fold(k), past: f[0] == "past", participle: f[0] == "participle"}
		if len(f) > 1 {
			e.replace = f[1]
		}
		l.endings = append(l.endings, e)
	}
	sort.SliceStable(l.endings, func(i, j int) bool { return len(l.endings[i].suffix) > len(l.endings[j].suffix) })
	l.verbStop = singleWords(verbStop.Terms)
	l.references = singleWords(references.Terms)
	l.definites = singleWords(definites.Terms)
	l.otherOccasion = singleWords(otherOccasion.Terms)
	l.periodEnds = wordSets(periodEnds)
	l.happening = foldedTable(happening.Entries)
	l.particles = wordSets(eventParticles)
	l.lightVerbs = foldedSet(lightVerbs.Terms)
	l.onceVerbs = map[string]string{}
	for k, v := range onceVerbs.Entries {
		l.onceVerbs[text.Fold(k)] = v
	}
	l.tellingNouns, l.tellingVerbs = foldedSet(tellingNouns.Terms), foldedSet(tellingVerbs.Terms)
	l.lifeVerbs, l.lifeNouns = map[string]string{}, foldedSet(lifeNouns.Terms)
	for k, v := range lifeVerbs.Entries {
		l.lifeVerbs[text.Fold(k)] = v
	}
	l.eventTokens = map[string]eventToken{}
	for w, v := range l.eventWords {
		_, past := l.verbKey(w)
		l.eventTokens[w] = eventToken{event: v, weak: l.weakEvent[w], past: past}
	}
	addRef := func(w, ref string) {
		for _, form := range []string{w, w + "'s"} { // "the storm's path"
			t := l.eventTokens[form]
			t.ref = ref
			l.eventTokens[form] = t
		}
	}
	for w := range l.references {
		addRef(w, refGeneric)
	}
	for w, h := range l.happening {
		addRef(w, h)
	}
	l.unitsBefore = singleWords(unitsBefore.Terms)
	l.measures = foldedTable(measures.Entries)
	l.tollStates = foldedSet(tollStates.Terms)
	l.states, l.stateUnits = map[string]countState{}, map[string]string{}
	for _, k := range sortedKeys(states.Entries) {
		f := strings.Fields(states.Entries[k])
		if len(f) != 2 {
			return nil, fmt.Errorf("%s: rule %q: entry %q: value %q: want \"state unit\"", states.Source, states.ID, k, states.Entries[k])
		}
		l.states[text.Fold(k)] = countState{state: f[0], unit: f[1]}
		if _, ok := l.stateUnits[f[0]]; !ok {
			l.stateUnits[f[0]] = f[1]
		}
	}
	l.plurals = foldedTable(plurals.Entries)
	l.singulars = map[string]string{}
	for _, u := range sortedKeys(l.plurals) {
		if pl := l.plurals[u]; pl != u {
			l.singulars[pl] = u
		}
	}
	l.numberWordValues, l.multiplierWords = foldedTable(l.numberWords.Entries), foldedTable(l.multipliers.Entries)
	l.numberish = map[string]bool{}
	for _, m := range []map[string]string{l.numberWordValues, l.multiplierWords} {
		for w := range m {
			l.numberish[w] = true
		}
	}
	l.vague = map[string][2]float64{}
	for _, k := range sortedKeys(vague.Entries) {
		v := vague.Entries[k]
		phrase := strings.Fields(text.Fold(k))
		if len(phrase) == 0 {
			return nil, fmt.Errorf("%s: rule %q: entry %q: the phrase is blank", vague.Source, vague.ID, k)
		}
		f := strings.Fields(v)
		if len(f) != 2 {
			return nil, fmt.Errorf("%s: rule %q: entry %q: value %q: want \"low high\"", vague.Source, vague.ID, k, v)
		}
		lo, err1 := strconv.ParseFloat(f[0], 64)
		hi, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil || math.IsNaN(lo) || math.IsNaN(hi) || lo > hi {
			return nil, fmt.Errorf("%s: rule %q: entry %q: value %q: want \"low high\"", vague.Source, vague.ID, k, v)
		}
		l.vague[strings.Join(phrase, " ")] = [2]float64{lo, hi}
		l.numberish[phrase[0]] = true
		l.vagueWords = max(l.vagueWords, len(phrase))
	}
	return l, nil
}

// foldedTable returns a table's entries keyed by folded key, for look-ups
// by a token's Norm without folding it again.
func foldedTable(entries map[string]string) map[string]string {
	m := make(map[string]string, len(entries))
	for k, v := range entries {
		m[text.Fold(strings.TrimSpace(k))] = v
	}
	return m
}

// unitConversion says how a figure of one unit is compared: multiplied by
// factor, in unit (claim.unit-conversions).
type unitConversion struct {
	factor float64
	unit   string
}

// Jobs of grammar words, as in the claim.grammar table.
const (
	gramDeterminer = "determiner"
	gramConnector  = "connector"
	gramList       = "list"
	gramAgent      = "agent"
	gramRelative   = "relative"
	gramContrast   = "contrast"
	gramAuxiliary  = "auxiliary"
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

// wordSets reads a table whose values are space-separated words: folded
// key → the set of its folded words.
func wordSets(r *ruleset.Rule) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(r.Entries))
	for k, v := range r.Entries {
		out[text.Fold(k)] = foldedSet(strings.Fields(v))
	}
	return out
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
// as a name ("czech republic") or, when demonym is set, also as an
// adjective ("czech").
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

// plural returns a unit noun's plural: from claim.unit-plurals, else by
// the regular endings ("factories", "matches", "members").
func (l *lexicons) plural(w string) string {
	if p, ok := l.plurals[w]; ok {
		return p
	}
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// sortedPairs returns a table's entries as pairs, longer keys first and
// then in order, so that replacing them is deterministic.
func sortedPairs(m map[string]string) [][2]string {
	out := make([][2]string, 0, len(m))
	for k, v := range m {
		out = append(out, [2]string{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i][0]) != len(out[j][0]) {
			return len(out[i][0]) > len(out[j][0])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// respell writes a folded name with the letter groups of
// claim.name-spellings replaced, so that spellings of one name compare
// equal.
func (l *lexicons) respell(name string) string {
	for _, p := range l.spellings {
		name = strings.ReplaceAll(name, p[0], p[1])
	}
	return name
}

// foldedTerms returns a list's folded terms, longest first and then in
// order, for matching the longest phrase first.
func foldedTerms(terms []string) []string {
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if t = text.Fold(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}
