// Package checker is crosscheck's library API: load a batch of news articles
// about one event, check it, and get a Report saying which articles rewrite
// others, where sources contradict each other, and how much of each source
// is boilerplate, off-topic spill or speculation.
//
//	arts, rejected, err := checker.LoadPaths([]string{"batches/harbour-fire"}, nil, checker.LoadOptions{})
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
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/claims"
	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/score"
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
	// Rules is the rule set the package-level Check compiles; nil means the
	// built-in rules. A Checker uses the rules it was built with.
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
	StageLoad        = "load"
	StageSegment     = "segment"
	StageMetadata    = "metadata"
	StageScores      = "scores"
	StageRewrite     = "rewrite"
	StageClaims      = "claims"
	StageConflicts   = "conflicts"
	StageReliability = "reliability"
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

// Checker holds a compiled rule set and the stages built from it, so that
// many batches can be checked without compiling the rules again. A Checker
// is immutable and safe for concurrent use.
type Checker struct {
	rules   *ruleset.Set
	dates   *timex.Reader
	claims  *claims.Extractor
	rewrite *rewrite.Detector
	scorer  *score.Scorer
}

// New compiles the stages for a rule set; nil means the built-in rules.
func New(rules *ruleset.Set) (*Checker, error) {
	if rules == nil {
		var err error
		if rules, err = ruleset.Default(); err != nil {
			return nil, err
		}
	}
	dates, err := timex.NewReader(rules)
	if err != nil {
		return nil, err
	}
	if err := ingest.CheckMetadataRules(rules); err != nil {
		return nil, err
	}
	cx, err := claims.NewExtractor(rules)
	if err != nil {
		return nil, err
	}
	rd, err := rewrite.NewDetector(rules)
	if err != nil {
		return nil, err
	}
	sc, err := score.NewScorer(rules)
	if err != nil {
		return nil, err
	}
	return &Checker{rules: rules, dates: dates, claims: cx, rewrite: rd, scorer: sc}, nil
}

// defaultChecker is built once, on first use, for the built-in rules.
var defaultChecker = sync.OnceValues(func() (*Checker, error) { return New(nil) })

// Check analyses a batch of articles with the built-in rules, or
// opts.Rules, and returns the report. See Checker.Check. With the built-in
// rules the stages are compiled once per process; with opts.Rules they are
// compiled on every call, so build a Checker with New to check many
// batches with one's own rules.
func Check(ctx context.Context, arts []Article, opts Options) (*Report, error) {
	c, err := defaultChecker()
	if opts.Rules != nil {
		c, err = New(opts.Rules)
	}
	if err != nil {
		return nil, err
	}
	return c.Check(ctx, arts, opts)
}

// Check analyses a batch of articles and returns the report. Articles with
// an empty or duplicate id, or with empty or oversized text, are listed
// under the report's errors and left out; the rest are analysed. The
// Checker's own rules are used and opts.Rules is ignored. Check returns an
// error only when ctx is done.
func (c *Checker) Check(ctx context.Context, arts []Article, opts Options) (*Report, error) {
	rep := &report.Report{Tool: report.Tool{Name: "crosscheck", Version: Version}}
	for _, e := range opts.Rejected {
		rep.Errors = append(rep.Errors, report.InputError{Input: e.Input, Error: e.Err.Error()})
	}
	b := &batch{c: c, rep: rep, workers: opts.Workers, progress: opts.Progress}
	b.arts, rep.Errors = c.accept(arts, opts.MaxBytes, rep.Errors)
	rep.Stages = []string{StageLoad}

	// The pipeline: each stage reads what the ones before it left in b.
	for _, st := range []struct {
		name string
		run  func(context.Context) error
	}{
		{StageSegment, b.segment},
		{StageMetadata, b.metadata},
		{StageRewrite, b.detectRewrites},
		{StageScores, b.scoreArticles},
		{StageClaims, b.extractClaims},
		{StageConflicts, b.compareClaims},
		{StageReliability, b.reliability},
	} {
		if b.progress != nil {
			b.progress(Progress{Stage: st.name, Total: len(b.arts)})
		}
		if err := st.run(ctx); err != nil {
			return nil, err
		}
		rep.Stages = append(rep.Stages, st.name)
	}
	b.writeReport()
	return rep, ctx.Err()
}

// accept copies the articles that can be analysed and reports the rest.
// Articles built in memory get the checks the loader gives files: text that
// is not UTF-8 has its bad bytes replaced (every span must index valid
// text), binary text is rejected, and an unknown format or unreadable
// publication date becomes a warning.
func (c *Checker) accept(arts []Article, maxBytes int64, errs []report.InputError) ([]Article, []report.InputError) {
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
		case int64(len(a.Text)) > maxBytes:
			reason = fmt.Sprintf("input too large: %s is over the per-article limit of %s", ingest.HumanBytes(int64(len(a.Text))), ingest.HumanBytes(maxBytes))
		default:
			if err := ingest.CheckText(a.Text); err != nil {
				reason = err.Error()
			}
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
		if !utf8.ValidString(a.Text) {
			a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
			a.Warnings = append(a.Warnings, "the text is not valid UTF-8; each run of bad bytes was replaced with U+FFFD")
		}
		switch a.Format {
		case "", ingest.FormatText, ingest.FormatMarkdown, ingest.FormatHTML, ingest.FormatJSONL:
		default:
			a.Warnings = append(a.Warnings, fmt.Sprintf("unknown format %q; taken as text", a.Format))
			a.Format = ingest.FormatText
		}
		if a.Published != "" {
			if stamp, ok := c.dates.ParseStamp(a.Published); ok {
				a.Published = stamp
			} else {
				a.Warnings = append(a.Warnings, fmt.Sprintf("published: cannot read the date %q; ignored", a.Published))
				a.Published = ""
			}
		}
		out = append(out, a)
	}
	return out, errs
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
