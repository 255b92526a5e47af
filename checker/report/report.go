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
	// Scores holds the article's scores, each in [0,1], keyed by name.
	Scores map[string]float64 `json:"scores"`
	// Findings are the individual observations behind the scores.
	Findings []Finding `json:"findings"`
	// Text is the article's text; every span about this article indexes it.
	Text string `json:"text"`
	// TextOffset is the byte offset of Text within the decoded input (after
	// a byte-order mark and front matter), so an offset into Text plus
	// TextOffset is an offset into a UTF-8 input file.
	TextOffset int `json:"text_offset"`
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
	Original   string  `json:"original"`
	Rewrite    string  `json:"rewrite"`
	Similarity float64 `json:"similarity"`
	// Alignment pairs the spans of the two articles that say the same thing.
	Alignment []AlignedPair `json:"alignment"`
}

// AlignedPair is one aligned pair of spans: a sentence (or two) of the
// original beside its counterpart in the rewrite.
type AlignedPair struct {
	Original   Span    `json:"original"`
	Rewrite    Span    `json:"rewrite"`
	Similarity float64 `json:"similarity"`
}

// Conflict is a slot on which the articles disagree.
type Conflict struct {
	Kind    string `json:"kind"`
	Summary string `json:"summary"`
	Sides   []Side `json:"sides"`
}

// Side is one value of a conflicting slot and the articles that assert it.
type Side struct {
	Value    string     `json:"value"`
	Articles []string   `json:"articles"`
	Evidence []Evidence `json:"evidence"`
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
		words += a.Words
	}
	for i := range r.Duplicates {
		r.Duplicates[i].Alignment = orEmpty(r.Duplicates[i].Alignment)
	}
	for i := range r.Conflicts {
		c := &r.Conflicts[i]
		c.Sides = orEmpty(c.Sides)
		for j := range c.Sides {
			c.Sides[j].Articles = orEmpty(c.Sides[j].Articles)
			c.Sides[j].Evidence = orEmpty(c.Sides[j].Evidence)
		}
	}
	r.Summary = Summary{
		Articles:   len(r.Articles),
		Rejected:   len(r.Errors),
		Words:      words,
		Duplicates: len(r.Duplicates),
		Conflicts:  len(r.Conflicts),
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
