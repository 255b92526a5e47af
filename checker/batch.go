package checker

import (
	"context"
	"sync"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// batch is the working state of one check: the accepted articles, their
// segmented texts, and what each stage has found, in input order.
type batch struct {
	c        *Checker
	arts     []Article
	docs     []*text.Document
	rep      *report.Report
	workers  int
	progress func(Progress)

	rewrites *rewrite.Result
	claims   claimState
	scores   scoreState
}

// each runs fn for every article on the batch's workers, reporting progress
// under the stage's name.
func (b *batch) each(ctx context.Context, stage string, fn func(i int)) error {
	return workpool.Run(ctx, len(b.arts), b.workers, b.tracked(stage, len(b.arts), fn))
}

// tracked wraps fn so that each call counts towards the stage's progress.
func (b *batch) tracked(stage string, total int, fn func(i int)) func(i int) {
	if b.progress == nil {
		return fn
	}
	var mu sync.Mutex
	done := 0
	b.progress(Progress{Stage: stage, Total: total})
	return func(i int) {
		fn(i)
		mu.Lock()
		done++
		p := Progress{Stage: stage, Done: done, Total: total}
		mu.Unlock()
		b.progress(p)
	}
}

// segment parses every article's text.
func (b *batch) segment(ctx context.Context) error {
	b.docs = make([]*text.Document, len(b.arts))
	return b.each(ctx, StageSegment, func(i int) {
		b.docs[i] = text.Parse(b.arts[i].Text)
	})
}

// metadata reads missing metadata off each article's text.
func (b *batch) metadata(ctx context.Context) error {
	return b.each(ctx, StageMetadata, func(i int) {
		ingest.InferMetadata(&b.arts[i], b.docs[i], b.c.rules, b.c.dates)
	})
}

// writeReport fills the report from the batch's state.
func (b *batch) writeReport() {
	rep := b.rep
	for i := range b.arts {
		a := &b.arts[i]
		rep.Articles = append(rep.Articles, articleReport(a, b.docs[i]))
		for _, w := range a.Warnings {
			rep.Warnings = append(rep.Warnings, report.InputWarning{Input: a.Input, Article: a.ID, Warning: w})
		}
	}
	for i := range rep.Articles {
		rep.Articles[i].Scores = map[string]float64{}
	}
	b.reportRewrites()
	b.reportClaims()
	b.reportScores()
	rep.Normalize()
}
