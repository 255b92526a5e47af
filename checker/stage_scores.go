package checker

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/claims"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/score"
)

// scoreState is what the scoring stages leave in a batch.
type scoreState struct {
	articles    []score.ArticleScores
	reliability []score.Score
	deductions  [][]score.Deduction
}

// scoreArticles computes boilerplate, off-topic and speculation for every
// article; the claim stage then skips the paragraphs found to be
// boilerplate or off-topic. It runs after the rewrite stage, so that a line
// a copy shares with its source is not taken for boilerplate.
func (b *batch) scoreArticles(ctx context.Context) error {
	ins := b.scoreInputs()
	if b.progress != nil {
		b.progress(Progress{Stage: StageScores, Total: len(ins)})
	}
	res, err := b.c.scorer.ScoreBatch(ctx, ins, b.workers)
	if err != nil {
		return err
	}
	if b.progress != nil {
		b.progress(Progress{Stage: StageScores, Done: len(ins), Total: len(ins)})
	}
	b.scores.articles = res
	return nil
}

// scoreInputs describes the articles to the score stage, each with its
// source once the rewrite stage has grouped them.
func (b *batch) scoreInputs() []score.Input {
	ins := make([]score.Input, len(b.arts))
	cluster := b.clusterOf()
	for i := range b.arts {
		a := &b.arts[i]
		ins[i] = score.Input{ID: a.ID, Doc: b.docs[i], Title: a.Title, Blocks: a.Blocks}
		if cluster != nil {
			ins[i].Source = clusterID(cluster[i])
		}
	}
	return ins
}

// skipParagraphs returns, for article i, the paragraphs that contribute no
// claims: those the scoring stage found to be boilerplate or off-topic.
func (b *batch) skipParagraphs(i int) []bool {
	if b.scores.articles == nil {
		return nil
	}
	s := b.scores.articles[i]
	skip := make([]bool, len(s.OffTopicParagraphs))
	for p := range skip {
		skip[p] = s.OffTopicParagraphs[p] || (p < len(s.BoilerplateParagraphs) && s.BoilerplateParagraphs[p])
	}
	return skip
}

// reliability combines each article's scores with what the rewrite and
// claim stages found into one figure, every deduction listed.
func (b *batch) reliability(ctx context.Context) error {
	lost := b.conflictsLost()
	n := len(b.arts)
	b.scores.reliability = make([]score.Score, n)
	b.scores.deductions = make([][]score.Deduction, n)
	claimCount, unbacked, attributed := make([]int, n), make([]int, n), make([]int, n)
	st := &b.claims
	for k, c := range st.claims {
		claimCount[c.Article]++
		if k < len(st.cmp.Support) && st.cmp.Support[k] <= 1 {
			unbacked[c.Article]++
		}
		if b.attributed(c) {
			attributed[c.Article]++
		}
	}
	for i := range b.arts {
		in := score.ReliabilityInput{
			Scores: b.scores.articles[i], ConflictsLost: lost[i],
			Claims: claimCount[i], UnbackedClaims: unbacked[i], AttributedClaims: attributed[i],
		}
		if b.rewrites != nil {
			in.Rewrite = b.rewrites.Articles[i].RewriteScore
		}
		b.scores.reliability[i], b.scores.deductions[i] = b.c.scorer.Reliability(in)
	}
	return ctx.Err()
}

// attributed reports whether a claim is attributed to a source: a quote
// with a speaker, or a claim in a sentence the scoring stage found to
// attribute what it says.
func (b *batch) attributed(c claims.Claim) bool {
	if c.Kind == claims.KindQuote && c.Speaker != "" {
		return true
	}
	sents := b.scores.articles[c.Article].AttributedSentences
	return c.Sentence >= 0 && c.Sentence < len(sents) && sents[c.Sentence]
}

// conflictsLost lists, per article, the conflicts it is on the losing side
// of. Each side weighs its independent sources, a source counting 1 less
// rel.side-weight times its speculation score; sides lighter than the
// heaviest lose, and when the heaviest sides tie nobody loses.
func (b *batch) conflictsLost() [][]string {
	lost := make([][]string, len(b.arts))
	discount := b.c.sideWeight
	cluster := b.clusterOf()
	for _, cf := range b.claims.cmp.Conflicts {
		weights := make([]float64, len(cf.Sides))
		for si, side := range cf.Sides {
			best := map[int]float64{} // cluster → its least speculative article's weight
			for _, a := range side.Articles {
				c := a
				if cluster != nil {
					c = cluster[a]
				}
				w := 1 - discount*b.scores.articles[a].Speculation.Value
				if old, ok := best[c]; !ok || w > old {
					best[c] = w
				}
			}
			for _, w := range best {
				weights[si] += w
			}
		}
		heaviest, ties := 0.0, 0
		for _, w := range weights {
			switch {
			case w > heaviest+1e-9:
				heaviest, ties = w, 1
			case w > heaviest-1e-9:
				ties++
			}
		}
		if ties > 1 {
			continue
		}
		for si, side := range cf.Sides {
			if weights[si] < heaviest-1e-9 {
				for _, a := range side.Articles {
					lost[a] = append(lost[a], fmt.Sprintf("%s: %q", cf.Summary, side.Value))
				}
			}
		}
	}
	return lost
}

// reportScores writes every score, its details and its findings into the
// report. Findings of all stages are merged in text order, and the
// indices in score details follow them.
func (b *batch) reportScores() {
	for i := range b.arts {
		a := &b.rep.Articles[i]
		doc := b.docs[i]
		type entry struct {
			f      report.Finding
			origin int // index in the score stage's findings, -1 for others
		}
		var all []entry
		if b.scores.articles != nil {
			for k, f := range b.scores.articles[i].Findings {
				all = append(all, entry{report.Finding{
					Kind: f.Kind, Rule: f.Rule, Message: f.Message, Text: doc.Slice(f.Span),
					Span: f.Span, Line: doc.Line(f.Span.Start), Weight: f.Weight,
				}, k})
			}
		}
		for _, f := range a.Findings { // from earlier stages (rewrite artefacts)
			all = append(all, entry{f, -1})
		}
		sort.SliceStable(all, func(x, y int) bool {
			fx, fy := all[x].f, all[y].f
			switch {
			case fx.Span.Start != fy.Span.Start:
				return fx.Span.Start < fy.Span.Start
			case fx.Span.End != fy.Span.End:
				return fx.Span.End < fy.Span.End
			case fx.Kind != fy.Kind:
				return fx.Kind < fy.Kind
			case fx.Rule != fy.Rule:
				return fx.Rule < fy.Rule
			}
			return fx.Message < fy.Message
		})
		remap := map[int]int{}
		a.Findings = a.Findings[:0]
		rewriteFindings := []int{}
		for k, e := range all {
			a.Findings = append(a.Findings, e.f)
			if e.origin >= 0 {
				remap[e.origin] = k
			} else if e.f.Kind == "rewrite" {
				rewriteFindings = append(rewriteFindings, k)
			}
		}
		if a.ScoreDetails == nil {
			a.ScoreDetails = map[string]report.ScoreDetail{}
		}
		if b.rewrites != nil {
			a.ScoreDetails["rewrite"] = report.ScoreDetail{Value: a.Scores["rewrite"], Components: []report.Component{{
				Name: "rewrite.artefacts", Rule: "rewrite.score-scale", Weight: 1, Value: a.Scores["rewrite"],
				Reason:   fmt.Sprintf("%d machine-rewrite artefacts (glued words, dropped function words, reworded quotes)", len(rewriteFindings)),
				Findings: rewriteFindings,
			}}}
		}
		if b.scores.articles == nil {
			continue
		}
		s := b.scores.articles[i]
		for _, sc := range []score.Score{s.Boilerplate, s.OffTopic, s.Speculation} {
			a.Scores[sc.Name] = sc.Value
			a.ScoreDetails[sc.Name] = scoreDetail(sc, nil, remap)
		}
		if b.scores.reliability != nil {
			rel := b.scores.reliability[i]
			a.Scores[score.Reliability] = rel.Value
			a.ScoreDetails[score.Reliability] = scoreDetail(rel, b.scores.deductions[i], remap)
		}
	}
}

// scoreDetail converts a score, and for reliability its deductions, to the
// report's form.
func scoreDetail(sc score.Score, deductions []score.Deduction, remap map[int]int) report.ScoreDetail {
	d := report.ScoreDetail{Value: sc.Value}
	indices := func(fs []int) []int {
		out := make([]int, 0, len(fs))
		for _, f := range fs {
			if k, ok := remap[f]; ok {
				out = append(out, k)
			}
		}
		sort.Ints(out)
		return out
	}
	if deductions != nil {
		for _, ded := range deductions {
			d.Components = append(d.Components, report.Component{
				Name: strings.TrimPrefix(ded.Rule, "rel."), Rule: ded.Rule, Weight: ded.Weight,
				Value: ded.Value, Reason: fmt.Sprintf("%s: deducts %.3f", ded.Reason, ded.Amount), Findings: indices(ded.Findings),
			})
		}
		return d
	}
	for _, c := range sc.Components {
		d.Components = append(d.Components, report.Component{
			Name: c.Name, Rule: c.Name, Weight: c.Weight, Value: c.Value,
			Reason: fmt.Sprintf("%d findings", len(c.Findings)), Findings: indices(c.Findings),
		})
	}
	return d
}
