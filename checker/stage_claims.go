package checker

import (
	"context"
	"slices"

	"github.com/crosscheck-news/crosscheck/checker/claims"
	"github.com/crosscheck-news/crosscheck/checker/report"
)

// claimState is what the claim stages leave in a batch.
type claimState struct {
	inputs []claims.Input
	claims []claims.Claim
	event  claims.Event
	cmp    claims.Comparison
}

// extractClaims reads every article's claims. Paragraphs the scoring stage
// marked off-topic or boilerplate contribute none.
func (b *batch) extractClaims(ctx context.Context) error {
	ins := make([]claims.Input, len(b.arts))
	for i := range b.arts {
		a := &b.arts[i]
		in := claims.Input{ID: a.ID, Doc: b.docs[i], Dateline: a.Dateline, Skip: b.skipParagraphs(i)}
		in.Masthead = a.Datelines
		if a.Published != "" {
			if d, _, ok := b.c.dates.FindAbsolute(a.Published); ok {
				in.Published, in.HasPublished = d, true
			}
		}
		ins[i] = in
	}
	if b.progress != nil {
		b.progress(Progress{Stage: StageClaims, Total: len(ins)})
	}
	cs, ev, err := b.c.claims.ExtractAll(ctx, ins, b.workers)
	if err != nil {
		return err
	}
	if b.progress != nil {
		b.progress(Progress{Stage: StageClaims, Done: len(ins), Total: len(ins)})
	}
	b.claims = claimState{inputs: ins, claims: cs, event: ev}
	return nil
}

// compareClaims finds conflicts, counting each rewrite cluster as one
// source.
func (b *batch) compareClaims(ctx context.Context) error {
	b.claims.cmp = b.c.claims.Compare(b.claims.inputs, b.claims.claims, b.clusterOf())
	return ctx.Err()
}

// reportClaims writes claims and conflicts into the report.
func (b *batch) reportClaims() {
	st := &b.claims
	ev := &report.Event{Verb: st.event.Verb, Noun: st.event.Noun, Inferred: st.event.Inferred,
		Verbs: append([]string{}, st.event.Verbs...), Articles: []string{}, Years: slices.Sorted(slices.Values(st.event.Years))}
	if ev.Years == nil {
		ev.Years = []int{}
	}
	for _, i := range st.event.Articles {
		ev.Articles = append(ev.Articles, b.arts[i].ID)
	}
	b.rep.Event = ev
	for k, c := range st.claims {
		doc := b.docs[c.Article]
		support := 0
		if k < len(st.cmp.Support) {
			support = st.cmp.Support[k]
		}
		b.rep.Claims = append(b.rep.Claims, report.Claim{
			Article: b.arts[c.Article].ID, Kind: c.Kind, Slot: c.Slot,
			Value: c.Value, Normalized: c.Normalized, Frame: c.Frame, Rule: c.Rule,
			Text: doc.Slice(c.Span), Span: c.Span, Line: doc.Line(c.Span.Start),
			Support: support,
			Fact: report.Fact{Subject: c.Fact.Subject, Measure: c.Fact.Measure, Predicate: c.Fact.Predicate,
				Time: c.Fact.Time, Reference: c.Fact.Reference, Holder: c.Fact.Holder, Change: c.Fact.Change,
				Modality: c.Fact.Modality, Source: c.Fact.Source},
		})
	}
	for _, cf := range st.cmp.Conflicts {
		b.rep.Conflicts = append(b.rep.Conflicts, b.reportConflict(cf))
	}
	for _, cf := range st.cmp.Differences {
		b.rep.Differences = append(b.rep.Differences, b.reportConflict(cf))
	}
}

// reportConflict turns a conflict or difference of the claim stage into
// its report form, with the evidence of every side.
func (b *batch) reportConflict(cf claims.Conflict) report.Conflict {
	st := &b.claims
	rc := report.Conflict{Kind: cf.Kind, Slot: cf.Slot, Summary: cf.Summary, Confidence: cf.Confidence}
	for _, r := range cf.Reasons {
		rc.Reasons = append(rc.Reasons, report.Reason{Rule: r.Rule, Weight: r.Weight, Detail: r.Detail})
	}
	for _, side := range cf.Sides {
		rs := report.Side{Value: side.Value, Normalized: side.Normalized, IndependentSources: side.IndependentSources}
		for _, a := range side.Articles {
			rs.Articles = append(rs.Articles, b.arts[a].ID)
		}
		for k, ci := range side.Claims {
			c := st.claims[ci]
			doc := b.docs[c.Article]
			sp := c.Span
			if k < len(side.Spans) {
				sp = side.Spans[k]
			}
			rs.Evidence = append(rs.Evidence, report.Evidence{
				Article: b.arts[c.Article].ID, Text: doc.Slice(sp), Span: sp, Line: doc.Line(sp.Start),
			})
		}
		rc.Sides = append(rc.Sides, rs)
	}
	for _, d := range cf.Diff {
		rc.Diff = append(rc.Diff, report.WordEdit{Op: d.Op, Text: d.Text})
	}
	return rc
}
