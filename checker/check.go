// Package checker is crosscheck's library API: load a batch of news articles
// about one event, check it, and get a Report saying which articles rewrite
// others, where sources contradict each other, and how much of each source
// is boilerplate, off-topic spill or speculation.
//
//	arts, rejected, err := checker.LoadPaths([]string{"fixtures/canada-korea-mou"}, nil, checker.LoadOptions{})
//	if err != nil { ... }
//	rep, err := checker.Check(ctx, arts, checker.Options{Rejected: rejected})
//	if err != nil { ... }
//	rep.WriteJSON(os.Stdout)
//
// Check is safe for concurrent use and honours cancellation. Every finding
// in the report carries byte spans into the text of its article, and the
// same batch always gives the same report.
package checker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// Version is crosscheck's version, written into every report.
const Version = "0.1.0"

// Article is one input article: its id, text and metadata.
type Article = ingest.Article

// Report is the result of a check; see package report for the format.
type Report = report.Report

// Span is a half-open byte range into an article's text.
type Span = text.Span

// InputError is an input that could not be read as an article.
type InputError = ingest.InputError

// LoadOptions control loading; see ingest.Options.
type LoadOptions = ingest.Options

// Options control a check. The zero value is ready to use.
type Options struct {
	// Rules is the rule set; nil means the built-in rules.
	Rules *ruleset.Set
	// Workers bounds how many goroutines work on the batch; 0 means one per
	// CPU.
	Workers int
	// MaxBytes is the per-article size limit for articles given directly to
	// Check; 0 means ingest.DefaultMaxBytes.
	MaxBytes int64
	// Rejected are inputs the loader could not read. Check lists them under
	// the report's errors, so nothing a caller was given is dropped
	// silently.
	Rejected []*InputError
	// Progress, when set, is told how far each stage has got. It may be
	// called from several goroutines at once and must return quickly.
	Progress func(Progress)
}

// Progress reports how much of a stage is done.
type Progress struct {
	// Stage is the stage's name, as in Report.Stages.
	Stage string
	// Done and Total count the stage's units of work (articles, pairs).
	Done, Total int
}

// Stage names, as listed in Report.Stages.
const (
	StageLoad     = "load"
	StageSegment  = "segment"
	StageMetadata = "metadata"
)

// LoadPaths reads the articles at paths (files, folders, or "-" for JSON
// Lines on stdin). Inputs that cannot be read come back as InputErrors; the
// error is for a failure to start loading at all, such as broken rules.
func LoadPaths(paths []string, stdin io.Reader, opts LoadOptions) ([]Article, []*InputError, error) {
	return ingest.LoadPaths(paths, stdin, opts)
}

// ParseArticle reads one article from raw bytes in the given format ("text",
// "markdown" or "html"), decoding its encoding and front matter.
func ParseArticle(id, format string, data []byte, opts LoadOptions) (Article, error) {
	l, err := ingest.NewLoader(opts)
	if err != nil {
		return Article{}, err
	}
	return l.ParseArticle(id, id, format, data)
}

// batch is the working state of one check: the accepted articles and their
// segmented texts, in input order.
type batch struct {
	arts     []Article
	docs     []*text.Document
	rep      *report.Report
	workers  int
	progress func(Progress)
}

// each runs fn for every article on the batch's workers, reporting progress
// under the stage's name.
func (b *batch) each(ctx context.Context, stage string, fn func(i int)) error {
	return parallel(ctx, len(b.arts), b.workers, b.tracked(stage, len(b.arts), fn))
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

// Check analyses a batch of articles and returns the report. Articles with
// an empty or duplicate id, or with empty or oversized text, are listed
// under the report's errors and left out; the rest are analysed. Check
// returns an error only when the rules cannot be loaded or ctx is done.
func Check(ctx context.Context, arts []Article, opts Options) (*Report, error) {
	set := opts.Rules
	if set == nil {
		var err error
		if set, err = ruleset.Default(); err != nil {
			return nil, err
		}
	}
	dates, err := timex.NewReader(set)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{
		Tool:   report.Tool{Name: "crosscheck", Version: Version},
		Stages: []string{StageLoad},
	}
	for _, e := range opts.Rejected {
		rep.Errors = append(rep.Errors, report.InputError{Input: e.Input, Error: e.Err.Error()})
	}
	b := &batch{rep: rep, workers: opts.Workers, progress: opts.Progress}
	b.arts, rep.Errors = accept(arts, opts.MaxBytes, rep.Errors)

	if err := b.segment(ctx); err != nil {
		return nil, err
	}
	rep.Stages = append(rep.Stages, StageSegment)
	for i := range b.arts {
		ingest.InferMetadata(&b.arts[i], b.docs[i], set, dates)
	}
	rep.Stages = append(rep.Stages, StageMetadata)

	for i, a := range b.arts {
		rep.Articles = append(rep.Articles, articleReport(&a, b.docs[i]))
		for _, w := range a.Warnings {
			rep.Warnings = append(rep.Warnings, report.InputWarning{Input: a.Input, Article: a.ID, Warning: w})
		}
	}
	rep.Normalize()
	return rep, ctx.Err()
}

// accept copies the articles that can be analysed and reports the rest.
func accept(arts []Article, maxBytes int64, errs []report.InputError) ([]Article, []report.InputError) {
	if maxBytes <= 0 {
		maxBytes = ingest.DefaultMaxBytes
	}
	seen := map[string]string{}
	out := make([]Article, 0, len(arts))
	for _, a := range arts {
		input := a.Input
		if input == "" {
			input = a.ID
		}
		var reason string
		switch {
		case strings.TrimSpace(a.ID) == "":
			reason = "the article has no id"
		case seen[a.ID] != "":
			reason = fmt.Sprintf("duplicate article id %q: already read from %s", a.ID, seen[a.ID])
		case strings.TrimSpace(a.Text) == "":
			reason = "empty input: the article has no text"
		case int64(len(a.Text)) > maxBytes:
			reason = fmt.Sprintf("input too large: %s is over the per-article limit of %s", ingest.HumanBytes(int64(len(a.Text))), ingest.HumanBytes(maxBytes))
		}
		if reason != "" {
			errs = append(errs, report.InputError{Input: input, Error: reason})
			continue
		}
		seen[a.ID] = input
		if a.Input == "" {
			a.Input = input
		}
		a.Inferred = append([]ingest.Inference(nil), a.Inferred...)
		a.Warnings = append([]string(nil), a.Warnings...)
		out = append(out, a)
	}
	return out, errs
}

// segment parses every article's text, spreading the work over workers.
func (b *batch) segment(ctx context.Context) error {
	b.docs = make([]*text.Document, len(b.arts))
	return b.each(ctx, StageSegment, func(i int) {
		b.docs[i] = text.Parse(b.arts[i].Text)
	})
}

// parallel runs fn(0) … fn(n-1) on up to workers goroutines and stops
// handing out work once ctx is done.
func parallel(ctx context.Context, n, workers int, fn func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			if err := ctx.Err(); err != nil {
				return err
			}
			fn(i)
		}
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}

// articleReport describes one analysed article.
func articleReport(a *Article, doc *text.Document) report.Article {
	ra := report.Article{
		ID: a.ID, Input: a.Input, Format: a.Format, Encoding: a.Encoding,
		Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published, Byline: a.Byline, Dateline: a.Dateline,
		Words: doc.Words(), Text: a.Text, TextOffset: a.TextOffset,
	}
	if ra.Format == "" {
		ra.Format = ingest.FormatText
	}
	if ra.Encoding == "" {
		ra.Encoding = ingest.EncUTF8
	}
	for _, in := range a.Inferred {
		ra.Inferred = append(ra.Inferred, report.Inference{
			Field: in.Field, Value: in.Value, Rule: in.Rule,
			Text: doc.Slice(in.Span), Span: in.Span, Line: doc.Line(in.Span.Start),
		})
	}
	for _, p := range doc.Paragraphs {
		ra.Paragraphs = append(ra.Paragraphs, report.Paragraph{Span: p.Span, Line: p.Line})
	}
	for _, s := range doc.Sentences {
		ra.Sentences = append(ra.Sentences, report.Sentence{Span: s.Span, Paragraph: s.Paragraph})
	}
	return ra
}

// ErrNoArticles is returned by callers that need at least one article.
var ErrNoArticles = errors.New("no article could be read")

// LoadReader reads JSON Lines articles from r (one object per line with an
// id and a text); name labels the inputs in errors ("-" for stdin gives
// "-:1", "-:2", …).
func LoadReader(r io.Reader, name string, opts LoadOptions) ([]Article, []*InputError, error) {
	l, err := ingest.NewLoader(opts)
	if err != nil {
		return nil, nil, err
	}
	arts, errs := l.LoadReader(r, name)
	return arts, errs, nil
}
