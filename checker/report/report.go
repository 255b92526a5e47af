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
	// Articles are the articles that were read, in input order.
	Articles []Article `json:"articles"`
	// Duplicates are pairs where one article copies or rewrites another.
	Duplicates []Duplicate `json:"duplicates"`
	// Clusters group articles that are copies or rewrites of one another;
	// each cluster counts as one independent source.
	Clusters []Cluster `json:"clusters"`
	// Claims are the checkable facts each article asserts.
	Claims []Claim `json:"claims"`
	// Conflicts are places where the articles contradict each other.
	Conflicts []Conflict `json:"conflicts"`
	// Errors are inputs that were rejected and left out of the analysis.
	Errors []InputError `json:"errors"`
	// Warnings are problems with inputs that were still analysed.
	Warnings []InputWarning `json:"warnings"`
}

// Tool identifies the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Summary counts the contents of a report, for dashboards and gates.
type Summary struct {
	Articles   int `json:"articles"`
	Rejected   int `json:"rejected"`
	Words      int `json:"words"`
	Duplicates int `json:"duplicates"`
	Conflicts  int `json:"conflicts"`
	// Sources counts independent sources: clusters of copies and rewrites
	// count once. It equals Articles when the rewrite stage did not run.
	Sources int `json:"sources"`
	Claims  int `json:"claims"`
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
	// Title, Outlet, URL, Published, Byline and Dateline are the article's
	// metadata, "" when unknown. Published is YYYY-MM-DD or RFC 3339.
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Byline    string `json:"byline"`
	Dateline  string `json:"dateline"`
	// Inferred lists the metadata fields read off the text rather than
	// given, each with its evidence.
	Inferred []Inference `json:"inferred"`
	// Words counts the article's words and numbers.
	Words int `json:"words"`
	// Paragraphs and Sentences locate the article's segments.
	Paragraphs []Paragraph `json:"paragraphs"`
	Sentences  []Sentence  `json:"sentences"`
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
	Value      float64     `json:"value"`
	Components []Component `json:"components"`
}

// Component is one part of a score: its weight in the score, its own value,
// and the findings behind it (indices into the article's findings).
type Component struct {
	Name     string  `json:"name"`
	Rule     string  `json:"rule"`
	Weight   float64 `json:"weight"`
	Value    float64 `json:"value"`
	Reason   string  `json:"reason"`
	Findings []int   `json:"findings"`
}

// Inference records a metadata field read off the article's text.
type Inference struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
	Line  int    `json:"line"`
}

// Paragraph locates one paragraph.
type Paragraph struct {
	Span
	Line int `json:"line"`
}

// Sentence locates one sentence and names its paragraph (an index into
// Article.Paragraphs).
type Sentence struct {
	Span
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
	Span Span   `json:"span"`
	// Line is the 1-based line of Span.Start.
	Line int `json:"line"`
	// Weight is how much the finding counts in its score.
	Weight float64 `json:"weight"`
	// Related points at evidence in other articles, when there is some.
	Related []Evidence `json:"related"`
}

// Evidence is a span of text in one article, offered in support of a
// finding, a conflict side or an alignment.
type Evidence struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Line    int    `json:"line"`
}

// Duplicate is a pair where one article copies or rewrites another.
type Duplicate struct {
	Original string `json:"original"`
	Rewrite  string `json:"rewrite"`
	// Direction is "known" when the evidence says which side is the
	// original, "unknown" when it is too weak (then Original and Rewrite
	// are in input order).
	Direction string `json:"direction"`
	// Kind is copy, truncated or rewrite.
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
	// Evidence lists why the direction was decided as it was.
	Evidence []DirectionEvidence `json:"evidence"`
	// Alignment pairs the spans of the two articles that say the same thing.
	Alignment []AlignedPair `json:"alignment"`
	// OriginalOnly and RewriteOnly are spans only one side has.
	OriginalOnly []Span `json:"original_only"`
	RewriteOnly  []Span `json:"rewrite_only"`
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
	Rule    string  `json:"rule"`
	Message string  `json:"message"`
	Weight  float64 `json:"weight"`
	Article string  `json:"article"`
	Text    string  `json:"text"`
	Span    Span    `json:"span"`
	Line    int     `json:"line"`
}

// AlignedPair is one aligned pair of spans: a sentence (or two) of the
// original beside its counterpart in the rewrite, with the word-level
// edits between them.
type AlignedPair struct {
	Original   Span    `json:"original"`
	Rewrite    Span    `json:"rewrite"`
	Similarity float64 `json:"similarity"`
	Edits      []Edit  `json:"edits"`
}

// Edit is one word-level change from the original to the rewrite: kind is
// substitution, insertion, deletion, glued or quote_changed. An insertion
// has an empty original span at the place of insertion, a deletion an
// empty rewrite span.
type Edit struct {
	Kind         string `json:"kind"`
	Original     Span   `json:"original"`
	Rewrite      Span   `json:"rewrite"`
	OriginalText string `json:"original_text"`
	RewriteText  string `json:"rewrite_text"`
}

// Cluster is a group of articles that copy or rewrite one another.
type Cluster struct {
	ID       string   `json:"id"`
	Articles []string `json:"articles"`
}

// Claim is one checkable fact an article asserts.
type Claim struct {
	Article string `json:"article"`
	// Kind is date, person, role, place, organisation, agreement, number or
	// quote.
	Kind string `json:"kind"`
	// Slot is what the claim gives a value for, such as "event.date".
	Slot string `json:"slot"`
	// Value is as written; Normalized is the form values are compared in.
	Value      string `json:"value"`
	Normalized string `json:"normalized"`
	// Frame is "event" for the batch's main event, "background" otherwise.
	Frame string `json:"frame"`
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
	Line  int    `json:"line"`
	// Support counts the independent sources (clusters) that assert the
	// same value for the same slot, this article's included.
	Support int `json:"support"`
}

// Conflict is a slot on which the articles disagree.
type Conflict struct {
	Kind    string `json:"kind"`
	Slot    string `json:"slot"`
	Summary string `json:"summary"`
	Sides   []Side `json:"sides"`
	// Diff is the word-level difference between the quotes of a quote
	// conflict; empty for other kinds.
	Diff []WordEdit `json:"diff"`
}

// Side is one value of a conflicting slot and the articles that assert it.
type Side struct {
	Value      string   `json:"value"`
	Normalized string   `json:"normalized"`
	Articles   []string `json:"articles"`
	// IndependentSources counts the clusters among Articles.
	IndependentSources int        `json:"independent_sources"`
	Evidence           []Evidence `json:"evidence"`
}

// WordEdit is one piece of a word diff: op is "equal", "delete" (only in
// the first side) or "insert" (only in the second).
type WordEdit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// InputError is an input that was rejected, and why.
type InputError struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

// InputWarning is a problem with an input that was still analysed.
type InputWarning struct {
	Input   string `json:"input"`
	Article string `json:"article"`
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
	for i := range r.Conflicts {
		c := &r.Conflicts[i]
		c.Sides = orEmpty(c.Sides)
		c.Diff = orEmpty(c.Diff)
		for j := range c.Sides {
			c.Sides[j].Articles = orEmpty(c.Sides[j].Articles)
			c.Sides[j].Evidence = orEmpty(c.Sides[j].Evidence)
		}
	}
	sources := len(r.Articles)
	if len(r.Clusters) > 0 {
		sources = len(r.Clusters)
	}
	r.Summary = Summary{
		Articles:   len(r.Articles),
		Rejected:   len(r.Errors),
		Words:      words,
		Duplicates: len(r.Duplicates),
		Conflicts:  len(r.Conflicts),
		Sources:    sources,
		Claims:     len(r.Claims),
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
