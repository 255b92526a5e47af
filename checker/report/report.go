// Package report defines crosscheck's report, version 1: the JSON contract
// between crosscheck and the pipelines and front ends that read it.
//
// Every field has an explicit snake_case name. Lists are never null: an
// empty list is written as []. Every span is a half-open byte range into the
// text of the article named beside it, which the report carries in
// articles[].text. The JSON Schema in schema.json (see Schema) describes the
// whole format; docs/report.md explains it for people.
package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// SchemaID is the value of Report.Schema for this version of the format.
const SchemaID = "crosscheck.report/v1"

// Schema is the JSON Schema (draft 2020-12) of the report.
//
//go:embed schema.json
var Schema []byte

// Span is a half-open byte range [start, end) into an article's text.
type Span = text.Span

// Report is the result of checking one batch of articles.
type Report struct {
	// Schema is always SchemaID.
	Schema string `json:"schema"`
	// Tool names the program and version that wrote the report.
	Tool Tool `json:"tool"`
	// Stages lists the analysis stages that ran, in order; a section whose
	// stage did not run is empty, not "nothing found".
	Stages []string `json:"stages"`
	// Summary counts what the report holds.
	Summary Summary `json:"summary"`
	// Event is what the claim stage took the batch to report, so a reader
	// can see which dates, places and figures counted as the event's; nil
	// when the claims stage did not run.
	Event *Event `json:"event,omitempty"`
	// Articles are the articles that were read, in input order.
	Articles []Article `json:"articles"`
	// Duplicates are pairs where one article copies or rewrites another.
	Duplicates []Duplicate `json:"duplicates"`
	// Clusters group articles that are copies or rewrites of one another;
	// each cluster counts as one independent source.
	Clusters []Cluster `json:"clusters"`
	// Claims are the checkable facts each article asserts.
	Claims []Claim `json:"claims"`
	// Conflicts are places where the articles contradict each other, with
	// a confidence at or above the claim stage's threshold: what gates
	// and reliability count.
	Conflicts []Conflict `json:"conflicts"`
	// Differences are disagreements the claim stage found but does not
	// trust enough to call conflicts (confidence below the threshold):
	// worth a look, with their reasons, never gated.
	Differences []Conflict `json:"differences"`
	// Errors are inputs that were rejected and left out of the analysis.
	Errors []InputError `json:"errors"`
	// Warnings are problems with inputs that were still analysed.
	Warnings []InputWarning `json:"warnings"`
}

// Tool identifies the program that wrote a report.
type Tool struct {
	// Name is always "crosscheck".
	Name string `json:"name"`
	// Version is the version of crosscheck that wrote the report.
	Version string `json:"version"`
}

// Event is the happening the batch reports, as the claim stage decided it
// from the articles' event words.
type Event struct {
	// Verb is the event word ("derail", "sign"), "" when the articles name
	// no event the stage knows and share no verb in their opening sentences.
	Verb string `json:"verb"`
	// Noun names the happening ("storm") or the act ("agreement").
	Noun string `json:"noun"`
	// Inferred says Verb is no listed event word but the verb most
	// articles use in their opening sentences.
	Inferred bool `json:"inferred"`
	// Verbs are every word that marks an event sentence, sorted.
	Verbs []string `json:"verbs"`
	// Articles are the ids of the articles that report the event, in
	// input order.
	Articles []string `json:"articles"`
	// Years are the years the event falls in, ascending.
	Years []int `json:"years"`
}

// Summary counts the contents of a report, for dashboards and gates.
type Summary struct {
	// Articles is the number of articles read: len(Report.Articles).
	Articles int `json:"articles"`
	// Rejected is the number of inputs left out: len(Report.Errors).
	Rejected int `json:"rejected"`
	// Words is the sum of Article.Words over all articles.
	Words int `json:"words"`
	// Duplicates is len(Report.Duplicates).
	Duplicates int `json:"duplicates"`
	// Conflicts is len(Report.Conflicts).
	Conflicts int `json:"conflicts"`
	// Differences is len(Report.Differences).
	Differences int `json:"differences"`
	// Sources counts independent sources: clusters of copies and rewrites
	// count once. It equals Articles when the rewrite stage did not run.
	Sources int `json:"sources"`
	// Claims is len(Report.Claims).
	Claims int `json:"claims"`
}

// Article is what the report says about one article.
type Article struct {
	// ID is the article's id: a file's name without its extension, or the
	// id field of a JSON Lines record.
	ID string `json:"id"`
	// Input is where the article came from: a path, "path:line" for a JSON
	// Lines record, or "-:line" for standard input.
	Input string `json:"input"`
	// Format is how the input was read: text, markdown, html or jsonl.
	Format string `json:"format"`
	// Encoding is the character encoding the input was decoded from.
	Encoding string `json:"encoding"`
	// Title is the headline, "" when unknown.
	Title string `json:"title"`
	// Outlet is the publication that ran the article, "" when unknown.
	Outlet string `json:"outlet"`
	// URL is the article's address, "" when unknown.
	URL string `json:"url"`
	// Published is the publication date, YYYY-MM-DD or RFC 3339; "" when
	// unknown.
	Published string `json:"published"`
	// Byline names the author or authors, "" when unknown.
	Byline string `json:"byline"`
	// Dateline is the place the article was filed from, "" when unknown.
	Dateline string `json:"dateline"`
	// Inferred lists the metadata fields read off the text rather than
	// given, each with its evidence.
	Inferred []Inference `json:"inferred"`
	// Words counts the article's words and numbers.
	Words int `json:"words"`
	// Paragraphs are the article's paragraphs, in text order.
	Paragraphs []Paragraph `json:"paragraphs"`
	// Sentences are the article's sentences, in text order.
	Sentences []Sentence `json:"sentences"`
	// Cluster is the id of the article's cluster of copies and rewrites
	// ("" when the rewrite stage did not run).
	Cluster string `json:"cluster"`
	// Scores holds the article's scores, each in [0,1], keyed by name.
	Scores map[string]float64 `json:"scores"`
	// ScoreDetails explains each score: its components, with weights,
	// values and the findings behind them.
	ScoreDetails map[string]ScoreDetail `json:"score_details"`
	// Findings are the individual observations behind the scores.
	Findings []Finding `json:"findings"`
	// Text is the article's text; every span about this article indexes it.
	Text string `json:"text"`
	// TextOffset is the byte offset of Text within the decoded input (after
	// a byte-order mark and front matter), so an offset into Text plus
	// TextOffset is an offset into a UTF-8 input file.
	TextOffset int `json:"text_offset"`
}

// ScoreDetail explains one score.
type ScoreDetail struct {
	// Value is the score itself, in [0,1]: the same number as in
	// Article.Scores.
	Value float64 `json:"value"`
	// Components are the parts the score is made of. For reliability they
	// are its deductions, one per enabled rel.* rule, and Value is 1 less
	// the sum of their Weight × Value, and never below 0.
	Components []Component `json:"components"`
}

// Component is one part of a score: its weight in the score, its own value,
// and the findings behind it (indices into the article's findings).
type Component struct {
	// Name names the component: the id of the rule behind it; for a
	// reliability deduction that id without its "rel." prefix; for the
	// rewrite score's single component, "rewrite.artefacts".
	Name string `json:"name"`
	// Rule is the id of the rule whose weight the component uses;
	// `crosscheck explain` shows it.
	Rule string `json:"rule"`
	// Weight is that rule's weight. For a reliability deduction it is the
	// most the deduction can take; for a boilerplate rule whose evidence
	// varies from match to match, the strongest evidence among its
	// findings.
	Weight float64 `json:"weight"`
	// Value is what the component measured: for boilerplate and off_topic,
	// the share of the article's words it accounts for (the components add
	// up to the score); for speculation, the weighted cue count per
	// per_words words (a parameter of the speculation pack) after
	// discounts; for a reliability deduction, a number in [0,1] that times
	// Weight gives the amount deducted; for rewrite, the rewrite score.
	Value float64 `json:"value"`
	// Reason says in words what was measured, for a person.
	Reason string `json:"reason"`
	// Findings are indices into Article.Findings of the findings behind
	// the component, ascending; empty when none (a deduction may rest on
	// the batch as a whole).
	Findings []int `json:"findings"`
}

// Inference records a metadata field read off the article's text.
type Inference struct {
	// Field is the metadata field that was filled: title, outlet, url,
	// published, byline or dateline.
	Field string `json:"field"`
	// Value is the value set on the article.
	Value string `json:"value"`
	// Rule is the id of the metadata rule that read it.
	Rule string `json:"rule"`
	// Text is the article text under Span, the evidence.
	Text string `json:"text"`
	// Span locates the evidence in Article.Text.
	Span Span `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
}

// Paragraph locates one paragraph.
type Paragraph struct {
	// Span is the paragraph's byte range in Article.Text.
	Span
	// Line is the 1-based line the paragraph starts on.
	Line int `json:"line"`
}

// Sentence locates one sentence and names its paragraph (an index into
// Article.Paragraphs).
type Sentence struct {
	// Span is the sentence's byte range in Article.Text.
	Span
	// Paragraph is the index, from 0, of the paragraph holding the
	// sentence.
	Paragraph int `json:"paragraph"`
}

// Finding is one observation about an article, produced by one rule.
type Finding struct {
	// Kind groups findings: boilerplate, off_topic, speculation, rewrite, …
	Kind string `json:"kind"`
	// Rule is the id of the rule that produced the finding.
	Rule string `json:"rule"`
	// Message says what was found, for a person.
	Message string `json:"message"`
	// Text is the article text under Span.
	Text string `json:"text"`
	// Span locates the finding in Article.Text.
	Span Span `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
	// Weight is how much the finding counts in its score: its rule's
	// weight, or for rules whose evidence varies, this match's strength.
	Weight float64 `json:"weight"`
	// Related points at evidence in other articles, when there is some.
	Related []Evidence `json:"related"`
}

// Evidence is a span of text in one article, offered in support of a
// finding, a conflict side or an alignment.
type Evidence struct {
	// Article is the id of the article whose text Span indexes.
	Article string `json:"article"`
	// Text is that article's text under Span.
	Text string `json:"text"`
	// Span locates the evidence in the article's text.
	Span Span `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
}

// Duplicate is a pair where one article copies or rewrites another.
type Duplicate struct {
	// Original is the id of the article taken for the original.
	Original string `json:"original"`
	// Rewrite is the id of the article that copies or rewrites it.
	Rewrite string `json:"rewrite"`
	// Direction is "known" when the evidence says which side is the
	// original, "unknown" when it is too weak (then Original and Rewrite
	// are in input order).
	Direction string `json:"direction"`
	// Kind is copy (kept word for word), truncated (one side holds only
	// part of the other) or rewrite.
	Kind string `json:"kind"`
	// Similarity in [0,1] says how alike the two are: the length-weighted
	// mean similarity of the aligned sentences times the share of the
	// shorter article they cover.
	Similarity float64 `json:"similarity"`
	// Evidence lists why the direction was decided as it was.
	Evidence []DirectionEvidence `json:"evidence"`
	// Alignment pairs the spans of the two articles that say the same thing.
	Alignment []AlignedPair `json:"alignment"`
	// OriginalOnly are runs of text only the original has, as spans into
	// its text.
	OriginalOnly []Span `json:"original_only"`
	// RewriteOnly are runs of text only the rewrite has, as spans into its
	// text.
	RewriteOnly []Span `json:"rewrite_only"`
}

// Describe says in a few words how the two articles relate: "B rewrites
// A", "B copies A", "B is a truncated copy of A", with a note when the
// direction is unknown.
func (d Duplicate) Describe() string {
	var s string
	switch d.Kind {
	case "copy":
		s = d.Rewrite + " copies " + d.Original
	case "truncated":
		s = d.Rewrite + " is a truncated copy of " + d.Original
	default:
		s = d.Rewrite + " rewrites " + d.Original
	}
	if d.Direction != "known" {
		s += " (direction unknown: the evidence does not say which came first)"
	}
	return s
}

// DirectionEvidence is one reason for a rewrite pair's direction, with a
// signed weight (positive favours the stated direction) and a span in one
// of the two articles.
type DirectionEvidence struct {
	// Rule is the id of the rewrite.evidence-* rule behind the clue.
	Rule string `json:"rule"`
	// Message says what the clue is, for a person.
	Message string `json:"message"`
	// Weight is how much the clue counts: positive when it says Original
	// is the original, negative when it says the opposite.
	Weight float64 `json:"weight"`
	// Article is the id of the article the clue is read in, one of the
	// pair.
	Article string `json:"article"`
	// Text is that article's text under Span; "" when Span is empty.
	Text string `json:"text"`
	// Span locates the clue in the article's text; it is empty ({0,0})
	// for a clue about the whole article, such as its publication time.
	Span Span `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
}

// AlignedPair is one aligned pair of spans: a sentence (or two) of the
// original beside its counterpart in the rewrite, with the word-level
// edits between them.
type AlignedPair struct {
	// Original spans one or two sentences of the original.
	Original Span `json:"original"`
	// Rewrite spans the one or two sentences of the rewrite aligned with
	// them.
	Rewrite Span `json:"rewrite"`
	// Similarity in [0,1] says how alike the two spans are.
	Similarity float64 `json:"similarity"`
	// Edits are the word-level changes between them, in text order; empty
	// when the sentences match word for word.
	Edits []Edit `json:"edits"`
}

// Edit is one word-level change from the original to the rewrite: kind is
// substitution, insertion, deletion, glued or quote_changed. An insertion
// has an empty original span at the place of insertion, a deletion an
// empty rewrite span.
type Edit struct {
	// Kind is substitution, insertion, deletion, glued or quote_changed
	// (a reworded quotation; the spans then cover the whole quotation).
	Kind string `json:"kind"`
	// Original locates the edit in the original's text; empty, at the
	// place of insertion, for an insertion.
	Original Span `json:"original"`
	// Rewrite locates the edit in the rewrite's text; empty, where the
	// words were, for a deletion.
	Rewrite Span `json:"rewrite"`
	// OriginalText is the original's text under Original, "" for an
	// insertion.
	OriginalText string `json:"original_text"`
	// RewriteText is the rewrite's text under Rewrite, "" for a deletion.
	RewriteText string `json:"rewrite_text"`
}

// Cluster is a group of articles that copy or rewrite one another.
type Cluster struct {
	// ID names the cluster: "c1", "c2", …; Article.Cluster refers to it.
	ID string `json:"id"`
	// Articles are the ids of the cluster's articles, in input order. A
	// cluster of one is an article that copies no other and that no other
	// copies.
	Articles []string `json:"articles"`
}

// Claim is one checkable fact an article asserts.
type Claim struct {
	// Article is the id of the article asserting the claim.
	Article string `json:"article"`
	// Kind is date, person, role, place, organisation, agreement, number or
	// quote.
	Kind string `json:"kind"`
	// Slot is what the claim gives a value for, such as "event.date".
	Slot string `json:"slot"`
	// Value is the value as written.
	Value string `json:"value"`
	// Normalized is the form values are compared in: an ISO date, a
	// "weekday:" or "person:" key, a number with its unit, ….
	Normalized string `json:"normalized"`
	// Frame is "event" for the batch's main event, "background" otherwise.
	Frame string `json:"frame"`
	// Rule is the id of the claim rule that extracted it.
	Rule string `json:"rule"`
	// Text is the article text under Span, the evidence.
	Text string `json:"text"`
	// Span locates the evidence in Article.Text.
	Span Span `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
	// Support counts the independent sources (clusters) that state the
	// same value for the same slot, or a more precise one that implies
	// it, this article's included; 0 when claims were not compared.
	Support int `json:"support"`
	// Fact is what the value is about, read from the sentence's structure:
	// empty fields where the sentence does not say.
	Fact Fact `json:"fact"`
}

// Fact is the fact frame of a claim: whose value it is, what it measures,
// and when, relative to what and how surely it holds (see docs/claims.md).
type Fact struct {
	// Subject is who or what the value belongs to ("mobileye").
	Subject string `json:"subject"`
	// Measure is what a figure measures beyond its unit ("depth").
	Measure string `json:"measure"`
	// Predicate is the verb or event the value hangs on ("kill", "sign").
	Predicate string `json:"predicate"`
	// Time is when the value holds, with its preposition ("by:2026-03-11").
	Time string `json:"time"`
	// Reference is the point a distance is measured from ("chongqing").
	Reference string `json:"reference"`
	// Holder is the thing a count describes ("building" in "a four-storey
	// building").
	Holder string `json:"holder"`
	// Change is "by" (an amount of change), "to" (a level reached), "from"
	// (a level left), "" for a plain value.
	Change string `json:"change"`
	// Modality is "" for a value asserted as fact, else expected, possible,
	// denied, earlier or part.
	Modality string `json:"modality"`
	// Source is who the value is credited to ("police").
	Source string `json:"source"`
}

// Conflict is a slot on which the articles disagree.
type Conflict struct {
	// Kind is the kind of the claims in conflict: date, person, role,
	// place, number, quote, ….
	Kind string `json:"kind"`
	// Slot is the slot the values disagree on, as in Claim.Slot.
	Slot string `json:"slot"`
	// Summary is one line a fact-checker can read on its own.
	Summary string `json:"summary"`
	// Sides are the incompatible values, two or more, ordered by their
	// first article.
	Sides []Side `json:"sides"`
	// Diff is the word-level difference between the quotes of a quote
	// conflict; empty for other kinds.
	Diff []WordEdit `json:"diff"`
	// Confidence, in [0,1], is how sure the claim stage is that the sides
	// truly disagree about one thing: where the confidence rules start
	// (conf.prior) plus the weights of Reasons, clamped.
	Confidence float64 `json:"confidence"`
	// Reasons are the confidence rules that applied.
	Reasons []Reason `json:"reasons"`
}

// Reason is one piece of evidence weighed for or against a conflict.
type Reason struct {
	// Rule is the id of the confidence rule ("conf.event-frame").
	Rule string `json:"rule"`
	// Weight is what the rule added to the confidence (negative: took away).
	Weight float64 `json:"weight"`
	// Detail says in words what was seen.
	Detail string `json:"detail"`
}

// Side is one value of a conflicting slot and the articles that assert it.
type Side struct {
	// Value is the most precise wording on this side, as written.
	Value string `json:"value"`
	// Normalized is Value's comparison form, as in Claim.Normalized.
	Normalized string `json:"normalized"`
	// Articles are the ids of the articles on this side, in input order.
	Articles []string `json:"articles"`
	// IndependentSources counts the clusters among Articles.
	IndependentSources int `json:"independent_sources"`
	// Evidence holds every span asserting this side's value.
	Evidence []Evidence `json:"evidence"`
}

// WordEdit is one piece of a word diff: op is "equal", "delete" (only in
// the first side) or "insert" (only in the second).
type WordEdit struct {
	// Op is "equal", "delete" or "insert".
	Op string `json:"op"`
	// Text is the words, as written, joined by single spaces.
	Text string `json:"text"`
}

// InputError is an input that was rejected, and why.
type InputError struct {
	// Input names the rejected input the way Article.Input names an
	// article's: a path, "path:N", "path[N]" for item N of a JSON array, ….
	Input string `json:"input"`
	// Error says why it was rejected.
	Error string `json:"error"`
}

// InputWarning is a problem with an input that was still analysed.
type InputWarning struct {
	// Input names the input as Article.Input does.
	Input string `json:"input"`
	// Article is the id of the article read from it.
	Article string `json:"article"`
	// Warning says what was wrong.
	Warning string `json:"warning"`
}

// Normalize replaces nil lists and maps with empty ones, so the JSON form
// has [] and {} rather than null, and fills the summary counts.
func (r *Report) Normalize() {
	r.Schema = SchemaID
	r.Stages = orEmpty(r.Stages)
	r.Articles = orEmpty(r.Articles)
	r.Duplicates = orEmpty(r.Duplicates)
	r.Clusters = orEmpty(r.Clusters)
	r.Claims = orEmpty(r.Claims)
	r.Conflicts = orEmpty(r.Conflicts)
	r.Differences = orEmpty(r.Differences)
	r.Errors = orEmpty(r.Errors)
	r.Warnings = orEmpty(r.Warnings)
	words := 0
	for i := range r.Articles {
		a := &r.Articles[i]
		a.Inferred = orEmpty(a.Inferred)
		a.Paragraphs = orEmpty(a.Paragraphs)
		a.Sentences = orEmpty(a.Sentences)
		a.Findings = orEmpty(a.Findings)
		for j := range a.Findings {
			a.Findings[j].Related = orEmpty(a.Findings[j].Related)
		}
		if a.Scores == nil {
			a.Scores = map[string]float64{}
		}
		if a.ScoreDetails == nil {
			a.ScoreDetails = map[string]ScoreDetail{}
		}
		for k, d := range a.ScoreDetails {
			d.Components = orEmpty(d.Components)
			for j := range d.Components {
				d.Components[j].Findings = orEmpty(d.Components[j].Findings)
			}
			a.ScoreDetails[k] = d
		}
		words += a.Words
	}
	for i := range r.Duplicates {
		d := &r.Duplicates[i]
		d.Evidence = orEmpty(d.Evidence)
		d.Alignment = orEmpty(d.Alignment)
		d.OriginalOnly = orEmpty(d.OriginalOnly)
		d.RewriteOnly = orEmpty(d.RewriteOnly)
		for j := range d.Alignment {
			d.Alignment[j].Edits = orEmpty(d.Alignment[j].Edits)
		}
	}
	for i := range r.Clusters {
		r.Clusters[i].Articles = orEmpty(r.Clusters[i].Articles)
	}
	for _, list := range [][]Conflict{r.Conflicts, r.Differences} {
		for i := range list {
			c := &list[i]
			c.Sides = orEmpty(c.Sides)
			c.Diff = orEmpty(c.Diff)
			c.Reasons = orEmpty(c.Reasons)
			for j := range c.Sides {
				c.Sides[j].Articles = orEmpty(c.Sides[j].Articles)
				c.Sides[j].Evidence = orEmpty(c.Sides[j].Evidence)
			}
		}
	}
	sources := len(r.Articles)
	if len(r.Clusters) > 0 {
		sources = len(r.Clusters)
	}
	r.Summary = Summary{
		Articles:    len(r.Articles),
		Rejected:    len(r.Errors),
		Words:       words,
		Duplicates:  len(r.Duplicates),
		Conflicts:   len(r.Conflicts),
		Differences: len(r.Differences),
		Sources:     sources,
		Claims:      len(r.Claims),
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Article returns the article with the given id, or nil.
func (r *Report) Article(id string) *Article {
	for i := range r.Articles {
		if r.Articles[i].ID == id {
			return &r.Articles[i]
		}
	}
	return nil
}

// WriteJSON writes the report as indented JSON followed by a newline. The
// output depends only on the report's contents: the same report gives the
// same bytes.
func (r *Report) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
