package checker

import (
	"context"
	"errors"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/score"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// PairResult says whether one of two articles copies or rewrites the
// other, which is the original and why, and how their sentences align. It
// is the JSON answer of `crosscheck align --format json` and POST
// /v1/align.
type PairResult struct {
	// Pair is true when one article copies or rewrites the other.
	Pair bool `json:"pair"`
	// Kind is copy, truncated or rewrite; "" when Pair is false.
	Kind string `json:"kind"`
	// Direction is "known" when the evidence says which side is the
	// original, else "unknown" (then Original is the first article given).
	Direction string `json:"direction"`
	// Similarity in [0,1] is the length-weighted mean similarity of the
	// aligned sentences times the share of the shorter article they cover;
	// 0 when Pair is false.
	Similarity float64 `json:"similarity"`
	// RewriteScore in [0,1] is the density of machine-rewrite artefacts in
	// the rewrite side (rule rewrite.score-scale); 0 when Pair is false or
	// Direction is "unknown".
	RewriteScore float64 `json:"rewrite_score"`
	// Original is the side taken for the original; when Pair is false or
	// Direction is "unknown", the first article given.
	Original PairArticle `json:"original"`
	// Rewrite is the other side: the copy or rewrite when Pair is true.
	Rewrite PairArticle `json:"rewrite"`
	// Evidence lists the clues about the direction, with signed weights.
	Evidence []PairEvidence `json:"evidence"`
	// Alignment pairs the sentences; when Pair is false it shows the
	// closest sentences of two independent articles.
	Alignment PairAlignment `json:"alignment"`

	raw  rewrite.Alignment
	docs [2]*text.Document
}

// PairArticle names one side of a pair.
type PairArticle struct {
	// ID is the article's id.
	ID string `json:"id"`
	// Input is where the article came from, as in the report's
	// articles[].input; "" when the caller gave none.
	Input string `json:"input"`
}

// PairEvidence is one clue about a pair's direction. Article is "original"
// or "rewrite": the side the clue is read in.
type PairEvidence struct {
	// Rule is the id of the rewrite.evidence-* rule behind the clue.
	Rule string `json:"rule"`
	// Message says what the clue is, for a person.
	Message string `json:"message"`
	// Weight is how much the clue counts: positive when it says Original
	// is the original, negative when it says the opposite.
	Weight float64 `json:"weight"`
	// Article is "original" or "rewrite": the side whose text Span
	// indexes.
	Article string `json:"article"`
	// Span locates the clue in that side's text; it is empty ({0,0}) for
	// a clue about the whole article, such as its publication time.
	Span Span `json:"span"`
	// Text is that side's text under Span; "" when Span is empty.
	Text string `json:"text"`
}

// PairAlignment is the sentence alignment, with the text under every span.
type PairAlignment struct {
	// Pairs are the aligned steps, in text order on both sides.
	Pairs []PairStep `json:"pairs"`
	// OriginalOnly are runs of sentences only the original has.
	OriginalOnly []SpanText `json:"original_only"`
	// RewriteOnly are runs of sentences only the rewrite has.
	RewriteOnly []SpanText `json:"rewrite_only"`
}

// SpanText is a span with the text it covers.
type SpanText struct {
	// Span is a byte range in the text of the side it belongs to (see
	// PairResult.Documents); it may be empty, marking a place.
	Span Span `json:"span"`
	// Text is the text under Span, "" for an empty span.
	Text string `json:"text"`
}

// PairStep is one or two sentences of each side, aligned, with their
// word-level edits.
type PairStep struct {
	// OriginalSentences are the indices, from 0, of the step's one or two
	// sentences in the original's Document.Sentences.
	OriginalSentences []int `json:"original_sentences"`
	// RewriteSentences are the same for the rewrite.
	RewriteSentences []int `json:"rewrite_sentences"`
	// Original covers those sentences of the original.
	Original SpanText `json:"original"`
	// Rewrite covers those sentences of the rewrite.
	Rewrite SpanText `json:"rewrite"`
	// Similarity in [0,1] says how alike the two sides of the step are.
	Similarity float64 `json:"similarity"`
	// Edits are the word-level changes, in text order; empty when the
	// sentences match word for word.
	Edits []PairEdit `json:"edits"`
}

// PairEdit is one word-level edit: kind is substitution, insertion,
// deletion, glued or quote_changed.
type PairEdit struct {
	// Kind is substitution, insertion, deletion, glued or quote_changed.
	Kind string `json:"kind"`
	// Original is the edit in the original; for an insertion an empty
	// span at the place of insertion.
	Original SpanText `json:"original"`
	// Rewrite is the edit in the rewrite; for a deletion an empty span
	// where the words were.
	Rewrite SpanText `json:"rewrite"`
}

// Documents returns the segmented texts of the original and the rewrite,
// which every span in the result indexes.
func (r *PairResult) Documents() (original, rewritten *text.Document) { return r.docs[0], r.docs[1] }

// Steps returns the alignment in the rewrite stage's own form, for
// renderers.
func (r *PairResult) Steps() rewrite.Alignment { return r.raw }

// Align compares two articles: whether one copies or rewrites the other,
// which is the original and why, and their sentence alignment.
func (c *Checker) Align(ctx context.Context, a, b Article) (*PairResult, error) {
	if a.ID == b.ID {
		return nil, errors.New("the two articles have the same id")
	}
	// The two articles are prepared as Check prepares a batch: metadata
	// read off the text (a publication date is direction evidence) and page
	// furniture left out of the comparison. With no third article, there is
	// no echo evidence: Check, which sees the batch, may know a direction
	// that Align does not.
	arts := []Article{a, b}
	docs := []*text.Document{text.Parse(a.Text), text.Parse(b.Text)}
	for i := range arts {
		arts[i].Inferred = append([]ingest.Inference(nil), arts[i].Inferred...)
		ingest.InferMetadata(&arts[i], docs[i], c.rules, c.dates)
	}
	furniture, err := c.scorer.Furniture(ctx, []score.Input{
		{ID: arts[0].ID, Doc: docs[0], Title: arts[0].Title, Blocks: arts[0].Blocks},
		{ID: arts[1].ID, Doc: docs[1], Title: arts[1].Title, Blocks: arts[1].Blocks},
	}, 1)
	if err != nil {
		return nil, err
	}
	in := make([]rewrite.Input, 2)
	for i, art := range arts {
		in[i] = rewrite.Input{ID: art.ID, Doc: docs[i], Published: PublishedTime(art.Published), Exclude: furniture[i]}
	}
	res, err := c.rewrite.Detect(ctx, in, 1)
	if err != nil {
		return nil, err
	}
	out := &PairResult{Direction: rewrite.DirectionUnknown, Evidence: []PairEvidence{}}
	orig, rew := 0, 1
	if len(res.Pairs) > 0 {
		p := res.Pairs[0]
		orig, rew = p.Original, p.Rewrite
		out.Pair, out.Direction, out.Kind, out.Similarity, out.raw = true, p.Direction, p.Kind, p.Similarity, p.Alignment
		for _, e := range p.Evidence {
			side := "original"
			if e.Article == rew {
				side = "rewrite"
			}
			out.Evidence = append(out.Evidence, PairEvidence{Rule: e.Rule, Message: e.Message, Weight: e.Weight,
				Article: side, Span: e.Span, Text: in[e.Article].Doc.Slice(e.Span)})
		}
	} else {
		out.raw = c.rewrite.Align(in[0].Doc, in[1].Doc)
	}
	out.docs = [2]*text.Document{in[orig].Doc, in[rew].Doc}
	out.Original = PairArticle{ID: arts[orig].ID, Input: arts[orig].Input}
	out.Rewrite = PairArticle{ID: arts[rew].ID, Input: arts[rew].Input}
	out.RewriteScore = res.Articles[rew].RewriteScore
	out.Alignment = pairAlignment(out.raw, out.docs[0], out.docs[1])
	return out, nil
}

func pairAlignment(al rewrite.Alignment, orig, rew *text.Document) PairAlignment {
	out := PairAlignment{Pairs: []PairStep{}, OriginalOnly: []SpanText{}, RewriteOnly: []SpanText{}}
	for _, p := range al.Pairs {
		st := PairStep{
			OriginalSentences: p.OriginalSentences, RewriteSentences: p.RewriteSentences,
			Original: SpanText{p.Original, orig.Slice(p.Original)}, Rewrite: SpanText{p.Rewrite, rew.Slice(p.Rewrite)},
			Similarity: p.Similarity, Edits: []PairEdit{},
		}
		for _, e := range p.Edits {
			st.Edits = append(st.Edits, PairEdit{Kind: e.Kind, Original: SpanText{e.Original, e.OriginalText}, Rewrite: SpanText{e.Rewrite, e.RewriteText}})
		}
		out.Pairs = append(out.Pairs, st)
	}
	for _, s := range al.OriginalOnly {
		out.OriginalOnly = append(out.OriginalOnly, SpanText{s, orig.Slice(s)})
	}
	for _, s := range al.RewriteOnly {
		out.RewriteOnly = append(out.RewriteOnly, SpanText{s, rew.Slice(s)})
	}
	return out
}
