// Package rewrite finds the articles of a batch that are really one source:
// exact and near-exact copies, truncated copies and machine rewrites (spun
// or back-translated text with swapped synonyms, reordered clauses, dropped
// words, words glued together where links were stripped, reworded quotes).
// For every such pair it aligns the two articles sentence by sentence,
// lists the word-level edits of each aligned pair, decides which side is
// the original and lists the evidence, and groups copies into clusters so
// that later stages can count independent sources.
//
// Two independent reports of the same event are not a pair, however much
// vocabulary they share: a pair needs a run of aligned sentences covering
// most of the shorter article.
//
// Large batches are never compared all-pairs: each sentence's content words
// are sketched with MinHash and banded (LSH), and only articles whose
// sentences collide become candidates for the careful, aligned comparison.
// Every threshold and weight comes from the "rewrite" rule pack.
package rewrite

import (
	"context"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Input is one article of a batch.
type Input struct {
	// ID names the article in messages.
	ID string
	// Doc is the segmented text.
	Doc *text.Document
	// Published is when the article was published; the zero time when
	// unknown.
	Published time.Time
	// Exclude marks paragraphs (by index in Doc.Paragraphs) that are not
	// the article's own text, such as a site's menus and footers: they are
	// neither sketched nor aligned, so two pages of one site are not taken
	// for copies of each other. Nil excludes nothing.
	Exclude []bool
}

// Pair kinds.
const (
	// KindCopy is a copy of the whole article, word for word or nearly.
	KindCopy = "copy"
	// KindTruncated is a copy of part of an article: one side holds the
	// other (cut short, or with text added), or both hold a common part,
	// with the words kept.
	KindTruncated = "truncated"
	// KindRewrite is a reworded copy: synonyms swapped, clauses reordered,
	// words dropped or glued, quotes reworded.
	KindRewrite = "rewrite"
)

// Directions.
const (
	// DirectionKnown means the evidence says which side is the original.
	DirectionKnown = "known"
	// DirectionUnknown means the evidence is too weak to tell; Original and
	// Rewrite are then in input order.
	DirectionUnknown = "unknown"
)

// Result is what Detect finds in a batch.
type Result struct {
	// Pairs are the copy and rewrite pairs, ordered by Original then
	// Rewrite index.
	Pairs []Pair
	// Cluster[i] is the cluster number of input i. Articles in one cluster
	// are copies or rewrites of each other; an article in no pair has a
	// cluster of its own. Clusters are numbered 0, 1, … in order of their
	// first article.
	Cluster []int
	// Articles holds one result per input, in input order.
	Articles []ArticleResult
}

// ArticleResult is the stage's verdict on one article.
type ArticleResult struct {
	// RewriteScore in [0, 1] is the density of machine-rewrite artefacts
	// (glued words, dropped function words, reworded quotes) in the article
	// where it is the rewrite side of a pair whose direction is known; 0
	// otherwise. See rule rewrite.score-scale.
	RewriteScore float64
	// Findings are the artefacts behind the score, in text order.
	Findings []Finding
}

// Pair is two articles of which one copies or rewrites the other.
type Pair struct {
	// Original and Rewrite are indices into the batch.
	Original, Rewrite int
	// Direction is DirectionKnown or DirectionUnknown.
	Direction string
	// Kind is KindCopy, KindTruncated or KindRewrite.
	Kind string
	// Similarity in [0, 1] is the length-weighted mean similarity of the
	// aligned sentences times the share of the shorter article they cover.
	Similarity float64
	// Evidence says why Original is taken for the original, strongest
	// first. A negative weight is evidence the other way.
	Evidence []Evidence
	// Alignment pairs the sentences of the two articles.
	Alignment Alignment
}

// Alignment is a monotone sentence alignment of an original and a rewrite.
type Alignment struct {
	// Pairs are the aligned sentences, in text order on both sides.
	Pairs []AlignedPair
	// OriginalOnly and RewriteOnly are runs of sentences that only one
	// side has, as spans into that side's text.
	OriginalOnly, RewriteOnly []text.Span
}

// AlignedPair is one step of an alignment: one or two sentences of the
// original aligned with one or two of the rewrite.
type AlignedPair struct {
	// OriginalSentences and RewriteSentences are sentence indices into each
	// article's Document.Sentences.
	OriginalSentences, RewriteSentences []int
	// Original and Rewrite span the aligned sentences.
	Original, Rewrite text.Span
	// Similarity in [0, 1] of the aligned sentences.
	Similarity float64
	// Edits are the word-level differences, in text order.
	Edits []Edit
}

// Edit is one word-level difference between aligned sentences.
type Edit struct {
	// Kind is one of EditSubstitution, EditInsertion (words only the
	// rewrite has), EditDeletion (words only the original has), EditGlued
	// (words run together on one side) or EditQuoteChanged (a quotation
	// reworded; the spans then cover the whole quotation).
	Kind string
	// Original and Rewrite locate the edit in each text; the side with no
	// words has an empty span where they would be.
	Original, Rewrite text.Span
	// OriginalText and RewriteText are the texts under the spans.
	OriginalText, RewriteText string
}

// Finding is one rewrite artefact in an article.
type Finding struct {
	// Rule is the id of the rule that found it; Message explains it.
	Rule, Message string
	// Span locates the artefact in the article's text.
	Span text.Span
	// Weight is the rule's weight in the rewrite score.
	Weight float64
}

// Evidence is one clue about the direction of a pair.
type Evidence struct {
	// Rule is the id of the evidence rule; Message explains the clue.
	Rule, Message string
	// Weight is how much the clue counts: positive for the pair's
	// direction (Original is the original), negative against it.
	Weight float64
	// Article is the batch index of the article the clue is read in, and
	// Span where; the span is empty for clues about the whole article.
	Article int
	Span    text.Span
}

// Options control a Detector's use by callers that keep options together.
type Options struct {
	// Rules is the rule set; nil means the built-in rules.
	Rules *ruleset.Set
	// Workers bounds the goroutines Detect uses; 0 means one per CPU.
	Workers int
}

// Detector finds rewrites. It is compiled once from a rule set and is safe
// for concurrent use.
type Detector struct {
	cfg *config
}

// NewDetector compiles the "rewrite" pack of set; nil means the built-in
// rules.
func NewDetector(set *ruleset.Set) (*Detector, error) {
	if set == nil {
		var err error
		if set, err = ruleset.Default(); err != nil {
			return nil, err
		}
	}
	cfg, err := newConfig(set)
	if err != nil {
		return nil, err
	}
	return &Detector{cfg: cfg}, nil
}

// SentenceSimilarity scores how closely two sentences, given as text, say
// the same thing, in [0, 1]: the measure the aligner uses. Each text is
// segmented and compared as one unit, whatever its sentence count. (It
// takes text rather than tokens because anchors, capitalised words inside
// a sentence, are read off the original spelling.)
func (d *Detector) SentenceSimilarity(a, b string) float64 {
	pa, pb := d.cfg.prepare(text.Parse(a), nil), d.cfg.prepare(text.Parse(b), nil)
	return d.cfg.similarity(pa, pa.words, pb, pb.words)
}

// Align aligns the sentences of orig and rew and lists the word-level edits
// of each aligned pair, whether or not the two would count as a pair in a
// batch.
func (d *Detector) Align(orig, rew *text.Document) Alignment {
	pa, pb := d.cfg.prepare(orig, nil), d.cfg.prepare(rew, nil)
	units := d.cfg.align(pa, pb)
	al, _ := d.cfg.buildAlignment(pa, pb, units)
	return al
}

// Detect finds the copies and rewrites among in. workers bounds the
// goroutines it uses (0 means one per CPU). It stops early and returns
// ctx's error when ctx is done. The result depends only on the input.
func (d *Detector) Detect(ctx context.Context, in []Input, workers int) (*Result, error) {
	return d.detect(ctx, in, workers)
}

// Candidates returns the article pairs (i < j, sorted) that Detect would
// verify: every pair in a small batch, the pairs whose sentence sketches
// collide in a large one. It is exposed for measuring the sketch stage.
func (d *Detector) Candidates(ctx context.Context, in []Input, workers int) ([][2]int, error) {
	preps, err := d.cfg.prepareAll(ctx, in, workers)
	if err != nil {
		return nil, err
	}
	return d.cfg.candidates(ctx, preps, workers)
}
