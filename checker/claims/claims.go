// Package claims extracts the checkable facts of each article in a batch
// (the main event's date and place, the people who did it and in what role,
// numbers, quotes, organisations and agreements), each with the span of
// text it was read from, and compares them across articles: where sources
// give incompatible values for the same slot it reports a conflict, and
// where they differ only in spelling ("Renée"/"Renee", "Oct. 14"/"October
// 14", a quote trimmed of a few words) it merges them.
//
// The stage works in three steps:
//
//  1. MainEvent reads the batch and decides what it is about: the event verb
//     most articles use, weighted towards their opening paragraphs
//     ("sued"), plus the verbs that share its sentences ("filed"); when no
//     listed verb is shared, the past-tense verb most articles open with
//     ("grounded").
//  2. Extract reads one article's claims. A claim in a sentence that
//     reports the main event (its verb, or "the decision", not about
//     another year or occasion) has Frame "event"; the rest are
//     "background".
//     ExtractBatch runs both steps and fills in what needs the whole batch
//     (a year missing from "October 14" taken from the other articles).
//  3. Compare groups the claims by slot, merges compatible values, reports
//     conflicts, and counts for each claim the independent sources behind
//     it (articles in one rewrite cluster count once).
//
// Every word the stage reads with lives in the "claims" and "dates" rule
// packs; nothing about a particular event is written in code.
package claims

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
	"github.com/crosscheck-news/crosscheck/checker/places"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// Claim kinds, as in Claim.Kind and Conflict.Kind.
const (
	KindDate         = "date"
	KindPerson       = "person"
	KindRole         = "role"
	KindPlace        = "place"
	KindOrganisation = "organisation"
	KindAgreement    = "agreement"
	KindNumber       = "number"
	KindQuote        = "quote"
)

// Frames, as in Claim.Frame.
const (
	// FrameEvent marks a claim made in a sentence that reports the batch's
	// main event.
	FrameEvent = "event"
	// FrameBackground marks every other claim.
	FrameBackground = "background"
)

// Input is one article handed to the stage.
type Input struct {
	// ID names the article in summaries.
	ID string
	// Doc is the article's segmented text; every span indexes Doc.Text.
	Doc *text.Document
	// Published is the publication date, valid only when HasPublished.
	Published    timex.Date
	HasPublished bool
	// Dateline is the place the article was filed from, "" when unknown.
	Dateline string
	// Masthead holds spans of the text that carry the article's own
	// metadata (a dateline such as "HALIFAX, March 14 (Wire) -"): a date
	// there is when the story was filed, not a claim about the event.
	Masthead []text.Span
	// Skip marks paragraphs (by index into Doc.Paragraphs) that are
	// off-topic or boilerplate and contribute no claims. It may be nil or
	// shorter than the paragraph list; missing entries are false.
	Skip []bool
}

func (in Input) skipped(p int) bool { return p < len(in.Skip) && in.Skip[p] }

// Claim is one checkable fact read from one article.
type Claim struct {
	// Article is the index of the article in the batch.
	Article int
	// Kind is one of the Kind constants.
	Kind string
	// Slot names what the claim is a value for: "event.date",
	// "event.place", "event.signatory.chile" (the party doing the
	// event for a side), "role:ana roux", "event.number:job",
	// "quote:person:ana roux", "organisation", … Claims in the same
	// slot are compared.
	Slot string
	// Value is the claim's text as written ("October 14"); Normalized is
	// its comparison form ("2025-10-14", "weekday:tuesday",
	// "person:park ji-won", "money:dollar:3400000").
	Value      string
	Normalized string
	// Span is the evidence: the bytes of the article's text the claim was
	// read from.
	Span text.Span
	// Sentence is the index of the sentence holding the claim in the
	// article's Doc.Sentences.
	Sentence int
	// Frame is FrameEvent or FrameBackground.
	Frame string
	// Rule is the id of the claim rule that extracted it.
	Rule string

	// Granularity is a date's granularity ("day", "weekday", "month", …);
	// Range is where it falls on the calendar, and Resolved says whether it
	// could be placed at all (an expression relative to an unknown
	// publication date cannot). YearFrom says where a missing year came
	// from: "", "published", "article" or "batch".
	Granularity string
	Range       timex.Range
	Resolved    bool
	YearFrom    string
	expr        timex.Expr

	// Person is the comparison form of a person's name ("ana roux"),
	// "" for a person known only by role. Role is the role's comparison
	// form: its content words, sorted ("fisheries minister"). Side is the
	// country or body the person acts for ("Chile"), "" when unknown.
	Person string
	Role   string
	Side   string
	// RoleText is the role as written ("Minister of Oceans, Fisheries and
	// Ports"), "" when none was given.
	RoleText string

	// Speaker is who a quote is attributed to, as written ("Roux", "a press
	// release"), and SpeakerKey its comparison form ("person:ana roux",
	// "body:press release", "" when unknown).
	Speaker    string
	SpeakerKey string

	// Low and High bound a number's value (they differ for rounded and
	// hedged figures: "about 2,500", "more than 60"); Unit says what it
	// counts ("money:dollar", "percent", "job", "multiplier").
	Low, High float64
	Unit      string
	// Floor marks a count given as a confirmed minimum ("at least 69
	// people": claim.number-qualifiers "floor"): two floors of one
	// quantity that differ are two different counts, though each allows
	// the other.
	Floor bool
	// ceiling marks a figure given as a cap ("up to 72 turbines":
	// claim.number-qualifiers "max"): two caps of one quantity that differ
	// are two different limits, though each allows the other.
	ceiling bool
	// strict marks a bound that leaves out its own number (strictAbove,
	// strictBelow): see strictlyApart.
	strict uint8
	// based marks a place read from "Osaka-based": its frame is set when
	// read, not from the tree.
	based bool
	// Whole is, for a count of part of a group ("three of the nine
	// judges"), the size of the group; 0 otherwise.
	Whole float64

	// Fact is what the claim's value is about, read from the dependency
	// tree of its sentence: subject, measure, predicate and qualifiers
	// (dates, numbers, places and people; zero for the rest).
	Fact FactFrame
	// anchor is the index of the word heading the claim in its sentence's
	// analysis, -1 when it was not parsed.
	anchor int
	// anchored marks a value that hangs on a word for the main event (see
	// eventAnchored), read from the parse
	anchored bool
	// elsewhere marks a date or place whose sentence says it belongs to
	// another happening than the event (past perfect, future, "first
	// announced", a list of dates): weighed by conf.other-happening
	elsewhere bool
	// thing is, for a sum written before a noun ("the €45m strand"), that
	// noun's lemma: the sum is its value; "" otherwise or when the noun is
	// the event's own ("awarded a $1.2 billion contract")
	thing string
	// patient is the folded phrase the value's verb acts on: its object
	// ("the trust detected the attack": "attack") or, in the passive, its
	// subject ("the attack was detected"); passive marks the second. Two
	// frames whose subjects differ may still be about one thing when one
	// is passive and their patients agree.
	patient string
	passive bool
	// spoken marks a date that follows a speech verb it hangs on ("officials
	// said Thursday"): when someone spoke, perhaps not when the event was
	spoken bool
	// attribution is, for a quotation, its words together with where its
	// speaker is named close by: the evidence of who said it
	attribution text.Span
	// pastTask marks a role read from a relative clause in the past ("who
	// led the investigation"; claim.role-verbs entries marked "past"): a
	// task done, which tells who the person is and which titles go
	// together, but is compared with no other role
	pastTask bool
	// posts are the role's posts when it joins several with "and", each
	// with a title ("mayor and chair of the commission"), in the form of
	// Role; nil otherwise.
	posts []string
	// holds is, for a place, the folded name of a place the article says
	// lies within it ("Luxian, a county in Sichuan"), "" when none.
	holds string
	// inside is, for a place, the folded name of a place the article says
	// it lies in or by ("Przeróbka, on the eastern side of Gdańsk"), "" when
	// none.
	inside string

	// mayJoin marks a figure of a background sentence that holds a listed
	// event word and is not about another time: it joins the event's
	// figures if the sentence names a participant (frameByParticipants).
	mayJoin bool
}

// Event is what a batch reports: its main event verb and the words around
// it.
type Event struct {
	// Verb is the main event ("sue"), "" when no article reports one. For
	// an inferred event it is the verb's past form as most articles write
	// it ("grounded").
	Verb string
	// Noun and Agent name the event and the party doing it in summaries
	// ("lawsuit", "plaintiff"). When most articles name a happening in
	// their first event sentence ("a storm hit"), Noun is that happening ("storm");
	// an inferred event is an "event".
	Noun, Agent string
	// Verbs are the event words that mark event sentences: Verb, the verbs
	// sharing a sentence with it in two or more articles, and events nearly
	// as widely reported in as many ledes. Sorted.
	Verbs []string
	// Articles are the articles that report Verb, in order (for an
	// inferred event, those that use it in their opening sentences).
	Articles []int
	// Years are the years the event falls in: the batch's publication
	// years and the years of the dates the articles give in their first
	// event sentence. A sentence whose dates all fall in other years ("in
	// 1987") is about another time, and its claims are background.
	Years []int
	// Inferred says Verb is not a listed event word: no listed word was in
	// the opening paragraphs of two articles, so the verb most articles use
	// in their opening sentences was taken (see MainEvent).
	Inferred bool

	stem      string // the form all forms of an inferred verb share
	happening string // Noun, when it is a happening ("storm")
}

// Extractor reads claims with one compiled rule set. It is immutable and
// safe for concurrent use.
type Extractor struct {
	dates  *timex.Reader
	lex    *lexicons
	conf   *confidenceRules
	nlp    *nlp.Model
	places *places.Gazetteer
}

// NewExtractor compiles the "claims", "dates" and "confidence" packs of
// set.
func NewExtractor(set *ruleset.Set) (*Extractor, error) {
	dates, err := timex.NewReader(set)
	if err != nil {
		return nil, err
	}
	lex, err := loadLexicons(set)
	if err != nil {
		return nil, err
	}
	conf, err := loadConfidence(set)
	if err != nil {
		return nil, err
	}
	model, err := loadModel()
	if err != nil {
		return nil, err
	}
	gaz, err := places.Default()
	if err != nil {
		return nil, fmt.Errorf("claims: loading the gazetteer: %w", err)
	}
	return &Extractor{dates: dates, lex: lex, conf: conf, nlp: model, places: gaz}, nil
}

// ModelEnv names an environment variable that, when set, gives the path of
// a language model file (see checker/nlp) to read claims with instead of
// the built-in one: a model retrained with make train-nlp, say.
const ModelEnv = "CROSSCHECK_NLP_MODEL"

// loadModel loads the language model: the file ModelEnv names, else the
// built-in one.
func loadModel() (*nlp.Model, error) {
	path := os.Getenv(ModelEnv)
	if path == "" {
		m, err := nlp.Default()
		if err != nil {
			return nil, fmt.Errorf("claims: loading the built-in language model: %w", err)
		}
		return m, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("claims: %s: %w", ModelEnv, err)
	}
	defer f.Close()
	m, err := nlp.Load(f)
	if err != nil {
		return nil, fmt.Errorf("claims: language model %s: %w", path, err)
	}
	return m, nil
}

// ExtractBatch decides the batch's main event and extracts every article's
// claims, in article order and then text order. Two things need the whole
// batch: a date written without a year, in an article whose own dates and
// publication date give none, takes the year most of the batch's event
// dates give; and a figure in a sentence naming one of the event's
// participants (a person most articles name) is a figure of the event.
func (x *Extractor) ExtractBatch(batch []Input) ([]Claim, Event) {
	lemmas := make([]articleLemmas, len(batch))
	for i, in := range batch {
		lemmas[i] = x.articleLemmas(in)
	}
	ev := x.mainEvent(batch, lemmas)
	var all []Claim
	for i, in := range batch {
		cs := x.extract(in, ev, lemmas[i])
		for j := range cs {
			cs[j].Article = i
		}
		all = append(all, cs...)
	}
	x.finishBatch(batch, all)
	return all, ev
}

// ExtractAll is ExtractBatch with the per-article work (reading the event
// words, then the claims) spread over up to workers goroutines (0 means one
// per CPU). It stops early, returning ctx's error, when ctx is done (the
// Event is then zero if the main event was not decided yet). The result is
// the same as ExtractBatch's.
func (x *Extractor) ExtractAll(ctx context.Context, batch []Input, workers int) ([]Claim, Event, error) {
	lemmas := make([]articleLemmas, len(batch))
	err := workpool.Run(ctx, len(batch), workers, func(i int) { lemmas[i] = x.articleLemmas(batch[i]) })
	if err != nil {
		return nil, Event{}, err
	}
	ev := x.mainEvent(batch, lemmas)
	per := make([][]Claim, len(batch))
	if err := workpool.Run(ctx, len(batch), workers, func(i int) { per[i] = x.extract(batch[i], ev, lemmas[i]) }); err != nil {
		return nil, ev, err
	}
	n := 0
	for _, cs := range per {
		n += len(cs)
	}
	all := make([]Claim, 0, n) // one allocation: claims are large, and batches reach 100,000 of them
	for i, cs := range per {
		for j := range cs {
			cs[j].Article = i
		}
		all = append(all, cs...)
		per[i] = nil
	}
	x.finishBatch(batch, all)
	return all, ev, nil
}

// Extract reads one article's claims, framed by the batch's main event ev
// (from MainEvent; a zero Event frames every claim as background). Claims
// come in text order with Article 0; ExtractBatch numbers them.
func (x *Extractor) Extract(in Input, ev Event) []Claim {
	return x.extract(in, ev, x.articleLemmas(in))
}

// extract is Extract with the article's event words already read.
func (x *Extractor) extract(in Input, ev Event, lemmas articleLemmas) []Claim {
	if in.Doc == nil {
		return nil
	}
	a := x.newArticle(in, ev, lemmas)
	a.extractDates()
	a.extractPeople()
	a.extractPlaces()
	a.extractNamedBodies()
	a.extractNumbers()
	a.extractTimes()
	a.extractTallies()
	a.extractOrdinals()
	a.extractQuotes()
	a.frameClaims()
	sort.SliceStable(a.claims, func(i, j int) bool {
		ci, cj := a.claims[i], a.claims[j]
		if ci.Span.Start != cj.Span.Start {
			return ci.Span.Start < cj.Span.Start
		}
		return ci.Kind < cj.Kind
	})
	return a.claims
}
