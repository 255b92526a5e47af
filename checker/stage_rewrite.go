package checker

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/rewrite"
)

// detectRewrites finds copies and rewrites, aligns them and groups the
// batch into clusters of one source each. A page's furniture (menus,
// footers, sign-up boxes, as the boilerplate rules see them on the page
// alone) is left out, so pages of one site do not pair.
func (b *batch) detectRewrites(ctx context.Context) error {
	furniture, err := b.c.scorer.Furniture(ctx, b.scoreInputs(), b.workers)
	if err != nil {
		return err
	}
	ins := make([]rewrite.Input, len(b.arts))
	for i := range b.arts {
		ins[i] = rewrite.Input{ID: b.arts[i].ID, Doc: b.docs[i], Published: PublishedTime(b.arts[i].Published), Exclude: furniture[i]}
	}
	if b.progress != nil {
		b.progress(Progress{Stage: StageRewrite, Total: len(ins)})
	}
	res, err := b.c.rewrite.Detect(ctx, ins, b.workers)
	if err != nil {
		return err
	}
	if b.progress != nil {
		b.progress(Progress{Stage: StageRewrite, Done: len(ins), Total: len(ins)})
	}
	b.rewrites = res
	return nil
}

// PublishedTime reads an article's Published field (RFC 3339 or
// YYYY-MM-DD); the zero time when it is empty or unreadable.
func PublishedTime(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t
	}
	return time.Time{}
}

// clusterOf returns each article's rewrite cluster, or nil (all
// independent) when the rewrite stage has not run.
func (b *batch) clusterOf() []int {
	if b.rewrites == nil {
		return nil
	}
	return b.rewrites.Cluster
}

// reportRewrites writes pairs, clusters, rewrite scores and artefact
// findings into the report.
func (b *batch) reportRewrites() {
	res := b.rewrites
	if res == nil {
		return
	}
	ev := func(article int, sp report.Span) (string, int) {
		doc := b.docs[article]
		return doc.Slice(sp), doc.Line(sp.Start)
	}
	for _, p := range res.Pairs {
		d := report.Duplicate{
			Original: b.arts[p.Original].ID, Rewrite: b.arts[p.Rewrite].ID,
			Direction: p.Direction, Kind: p.Kind, Similarity: p.Similarity,
			OriginalOnly: p.Alignment.OriginalOnly, RewriteOnly: p.Alignment.RewriteOnly,
		}
		for _, e := range p.Evidence {
			txt, line := ev(e.Article, e.Span)
			d.Evidence = append(d.Evidence, report.DirectionEvidence{
				Rule: e.Rule, Message: e.Message, Weight: e.Weight,
				Article: b.arts[e.Article].ID, Text: txt, Span: e.Span, Line: line,
			})
		}
		for _, ap := range p.Alignment.Pairs {
			rp := report.AlignedPair{Original: ap.Original, Rewrite: ap.Rewrite, Similarity: ap.Similarity}
			for _, e := range ap.Edits {
				rp.Edits = append(rp.Edits, report.Edit{
					Kind: e.Kind, Original: e.Original, Rewrite: e.Rewrite,
					OriginalText: e.OriginalText, RewriteText: e.RewriteText,
				})
			}
			d.Alignment = append(d.Alignment, rp)
		}
		b.rep.Duplicates = append(b.rep.Duplicates, d)
	}
	members := map[int][]string{}
	for i, c := range res.Cluster {
		members[c] = append(members[c], b.arts[i].ID)
		b.rep.Articles[i].Cluster = clusterID(c)
	}
	for c := 0; c < len(members); c++ {
		b.rep.Clusters = append(b.rep.Clusters, report.Cluster{ID: clusterID(c), Articles: members[c]})
	}
	for i, ar := range res.Articles {
		a := &b.rep.Articles[i]
		a.Scores["rewrite"] = ar.RewriteScore
		for _, f := range ar.Findings {
			txt, line := ev(i, f.Span)
			a.Findings = append(a.Findings, report.Finding{
				Kind: "rewrite", Rule: f.Rule, Message: f.Message, Text: txt, Span: f.Span, Line: line, Weight: f.Weight,
			})
		}
	}
}

// clusterID names cluster c in the report: "c1", "c2", ….
func clusterID(c int) string { return fmt.Sprintf("c%d", c+1) }
