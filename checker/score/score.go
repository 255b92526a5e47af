// Package score rates every article of a batch so an editor sees at a
// glance which sources to trust, and why. It computes three scores from the
// text, each in [0,1] and each backed by findings with byte spans and the
// rule that fired:
//
//   - boilerplate: the share of the article's words in sign-up prompts,
//     copyright and credit lines, share prompts, cookie text, author bios
//     and navigation (boilerplate.go);
//   - off_topic: the share of its words in paragraphs that do not belong to
//     the batch's story (offtopic.go, using checker/topic);
//   - speculation: the density of hedges, unattributed predictions,
//     evaluative and rhetorical framing and first- or second-person address
//     (speculation.go);
//
// and combines them with the rewrite and claim stages' results into one
// reliability figure whose every deduction is listed (reliability.go).
//
// Every weight and threshold comes from the rule packs "boilerplate",
// "offtopic", "speculation" and "reliability" (rules/en); a user's --rules
// folder can change them. docs/scores.md describes the design.
package score

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/topic"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// Score and finding kinds. A Finding's Kind and a Score's Name use these.
const (
	// Boilerplate names the boilerplate score and its findings.
	Boilerplate = "boilerplate"
	// OffTopic names the off-topic score and its findings.
	OffTopic = "off_topic"
	// Speculation names the speculation score and its findings.
	Speculation = "speculation"
	// Reliability names the reliability score.
	Reliability = "reliability"
)

// Input is one article to score.
type Input struct {
	// ID names the article in errors.
	ID string
	// Doc is the article's segmented text; every span indexes Doc.Text.
	Doc *text.Document
	// Title is the article's headline, or "" when unknown; the off-topic
	// model counts it as part of the lead.
	Title string
	// Blocks are the HTML blocks Doc.Text was extracted from, with their
	// hints (tag, ancestor words, link bytes); nil unless the input was
	// HTML. Their spans must index Doc.Text.
	Blocks []ingest.Block
	// Source names the independent source the article belongs to: its
	// cluster of copies and rewrites, from the rewrite stage. Articles of
	// one source share lines because one copies the other, so a line counts
	// as repeated boilerplate only when articles of different sources hold
	// it. "" means the article is a source of its own.
	Source string
}

// Finding is one observation behind a score.
type Finding struct {
	// Kind is Boilerplate, OffTopic or Speculation.
	Kind string
	// Rule is the id of the rule that produced the finding.
	Rule string
	// Message says what was found, in words.
	Message string
	// Span locates the finding in the article's text: the sentence or
	// paragraph for boilerplate and off-topic findings, the cue for
	// speculation cues, the sentence for flagged sentences.
	Span text.Span
	// Weight is the finding's strength: a boilerplate rule's evidence, a
	// speculation cue's weight after any quotation or attribution discount,
	// an off-topic paragraph's 1 - relevance.
	Weight float64
}

// Component is one part of a score.
type Component struct {
	// Name is the id of the rule behind the component.
	Name string
	// Weight is the rule's weight; for a boilerplate rule whose evidence
	// varies (bp.link-dense, the bp.html-context table), the strongest
	// evidence among its findings.
	Weight float64
	// Value is what the component measured: for boilerplate and off-topic,
	// the share of the article's words it accounts for (the components add
	// up to the score); for speculation, the cue count per per_words words
	// after discounts (see speculation.go for how they combine).
	Value float64
	// Findings are indices into the article's Findings.
	Findings []int
}

// Score is one named score in [0,1] with the components that make it up.
type Score struct {
	// Name is Boilerplate, OffTopic, Speculation or Reliability.
	Name string
	// Value is in [0,1].
	Value float64
	// Components list what the value is made of: sorted by name, except
	// for reliability, whose components follow its deductions.
	Components []Component
}

// ArticleScores are the scores of one article.
type ArticleScores struct {
	// Boilerplate, OffTopic and Speculation are the article's scores.
	Boilerplate, OffTopic, Speculation Score
	// Findings are every finding behind the scores, sorted by span start,
	// then span end, then rule, then message.
	Findings []Finding
	// BoilerplateParagraphs marks, per paragraph of the input's Doc, the
	// paragraphs at least half of whose words are boilerplate.
	BoilerplateParagraphs []bool
	// OffTopicParagraphs marks, per paragraph of the input's Doc, the
	// paragraphs judged off-topic. A paragraph can be both boilerplate and
	// off-topic (an author bio). The claim stage skips these.
	OffTopicParagraphs []bool
	// Relevance is, per paragraph, the off-topic model's relevance in
	// [0,1] (see checker/topic); boilerplate paragraphs are judged too.
	Relevance []float64
	// OffTopicOnly is the share of the article's words in off-topic
	// paragraphs that are not also boilerplate (an author bio is both): what
	// off-topic adds to boilerplate, so that reliability deducts for a
	// paragraph once.
	OffTopicOnly float64
	// AttributedSentences marks, per sentence of the input's Doc, the
	// sentences that attribute what they say to a named source (rule
	// spec.attribution); the reliability figure counts claims made in
	// them as attributed. Sentences left out of scoring are false.
	AttributedSentences []bool
}

// Scorer computes scores from a rule set. It is compiled once and safe for
// concurrent use.
type Scorer struct {
	bp *boilerplateRules
	// lineSink, set only when the line model is being fitted, receives the
	// model's features of every paragraph of article i.
	lineSink func(i int, rows [][]float64)
	ot       offTopicRules
	model    *topic.Model
	spec     *speculationRules
	rel      *ruleset.Pack
}

// NewScorer compiles the scoring rules of set: the packs "boilerplate",
// "offtopic", "speculation" and "reliability". A missing pack, or a rule
// missing a parameter the scorer needs, is an error naming the rule.
func NewScorer(set *ruleset.Set) (*Scorer, error) {
	if set == nil {
		return nil, fmt.Errorf("score: no rule set")
	}
	s := &Scorer{}
	var err error
	if s.bp, err = compileBoilerplate(set.Pack("boilerplate")); err != nil {
		return nil, err
	}
	if s.ot, s.model, err = compileOffTopic(set.Pack("offtopic")); err != nil {
		return nil, err
	}
	if s.spec, err = compileSpeculation(set.Pack("speculation")); err != nil {
		return nil, err
	}
	if s.rel = set.Pack("reliability"); s.rel == nil {
		return nil, fmt.Errorf("score: rule pack %q is missing", "reliability")
	}
	for _, id := range reliabilityRules {
		if _, err := optionalRule(s.rel, id, ruleset.KindWeight); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Furniture returns, per article and paragraph, whether the paragraph is
// boilerplate on the article's own evidence: the text rules, the shape of
// the line and, for HTML, where the block sits on the page; repetition
// across the batch is not used. The rewrite stage leaves these paragraphs
// out, so that two pages of one site, sharing its menus and footers, are
// not taken for copies of each other.
func (s *Scorer) Furniture(ctx context.Context, batch []Input, workers int) ([][]bool, error) {
	out := make([][]bool, len(batch))
	err := workpool.Run(ctx, len(batch), workers, func(i int) {
		if batch[i].Doc == nil {
			return
		}
		out[i] = s.bp.local(batch[i]).prelim
	})
	return out, err
}

// ScoreBatch scores every article of batch, in order. Boilerplate
// repetition and off-topic relevance are judged against the whole batch, so
// the batch should be every article about the event. Work is spread over up
// to workers goroutines (0 means one per CPU). The result depends only on
// the input and the rules. It returns an error when an input has no
// document or when ctx is done.
func (s *Scorer) ScoreBatch(ctx context.Context, batch []Input, workers int) ([]ArticleScores, error) {
	for i, in := range batch {
		if in.Doc == nil {
			return nil, fmt.Errorf("score: article %d (%q) has no document", i, in.ID)
		}
	}
	states := make([]*articleState, len(batch))
	if err := workpool.Run(ctx, len(batch), workers, func(i int) {
		states[i] = s.bp.local(batch[i])
		if s.lineSink != nil {
			states[i].featureSink = func(rows [][]float64) { s.lineSink(i, rows) }
		}
	}); err != nil {
		return nil, err
	}
	if err := s.bp.markRepeated(ctx, states, sourceIndex(batch), workers); err != nil {
		return nil, err
	}

	articles := make([]topic.Article, len(batch))
	for i, st := range states {
		articles[i] = topic.Article{Doc: batch[i].Doc, Title: batch[i].Title, Exclude: st.contextExcluded()}
	}
	relevance, err := s.model.Judge(ctx, articles, workers)
	if err != nil {
		return nil, err
	}

	s.ot.markElsewhere(states, relevance)
	out := make([]ArticleScores, len(batch))
	single := len(batch) == 1
	if err := workpool.Run(ctx, len(batch), workers, func(i int) {
		out[i] = s.finish(states[i], relevance[i], single)
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// articleState is the working state of one article between the passes.
type articleState struct {
	doc        *text.Document
	blocks     []ingest.Block
	paraBlock  []int // block index per paragraph, -1 when none
	words      []int // words per sentence
	total      int   // words in the article
	evidence   []evidence
	repeatKey  []string // per paragraph: the comparison key of the line
	repeatHash []uint32 // per paragraph: fnv32 of the key, which picks its shard
	repeated   []bool   // per paragraph: the line recurs in other articles
	prelim     []bool   // per paragraph: boilerplate on local evidence alone
	shapes     []lineShape
	otRule     []string // per paragraph: the off-topic rule that flagged it, or ""
	timestamp  []bool   // per paragraph: only a date or a time (nil without a line model)
	// HTML hints per paragraph, for the line model (nil for text input).
	linkRatio     []float64   // share of the block's text inside links
	htmlFurniture []bool      // an ancestor's tag, id or class names furniture
	outsideMain   []bool      // before or after the page's main run of text
	modelRows     [][]float64 // per paragraph: the line model's features, when it ran
	// elsewhere is set when the whole article is about another story than
	// the batch's (ot.article): its own batch support and the median of
	// the other articles'.
	elsewhere *elsewhere

	// featureSink, when set (by the model's fitting only), receives the
	// line model's features of every paragraph.
	featureSink func(rows [][]float64)

	repeatCount []repeatInfo // the repeated lines and how many articles hold each
	sentFlags   []bool       // per sentence: boilerplate
	strongest   []int        // per sentence: index of its strongest evidence, or -1
}

// sourceIndex numbers each article's source: the index of the first
// article of its source, or its own index when it names none.
func sourceIndex(batch []Input) []int {
	first := map[string]int{}
	out := make([]int, len(batch))
	for i, in := range batch {
		out[i] = i
		if in.Source == "" {
			continue
		}
		if f, ok := first[in.Source]; ok {
			out[i] = f
		} else {
			first[in.Source] = i
		}
	}
	return out
}

func (st *articleState) contextExcluded() []bool {
	out := make([]bool, len(st.doc.Paragraphs))
	for i := range out {
		out[i] = st.outOfContext(i)
	}
	return out
}

// outOfContext reports a paragraph no context may draw on: furniture on
// local evidence, or a line repeated across the batch.
func (st *articleState) outOfContext(pi int) bool {
	return st.prelim[pi] || st.repeated[pi]
}

// draft is a finding before the findings are sorted; component names the
// score component it belongs to ("" for none).
type draft struct {
	Finding
	component string
}

func (s *Scorer) finish(st *articleState, rel []topic.Relevance, single bool) ArticleScores {
	var drafts []draft
	bpDrafts, bpParas, bpSents := s.bp.finish(st, rel)
	drafts = append(drafts, bpDrafts...)
	otDrafts, otParas := s.ot.judge(st, rel, bpParas, single, func(pi int) bool { return st.modelRows != nil && otherStoryPlace(st.modelRows[pi], st.prelim[pi]) })
	drafts = append(drafts, otDrafts...)
	specDrafts, specDensity := s.spec.find(st.doc, excludedParagraphs(bpParas, otParas), bpSents)
	drafts = append(drafts, specDrafts...)

	sort.SliceStable(drafts, func(i, j int) bool {
		a, b := drafts[i], drafts[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	res := ArticleScores{
		Findings:              make([]Finding, len(drafts)),
		BoilerplateParagraphs: bpParas,
		OffTopicParagraphs:    otParas,
		Relevance:             make([]float64, len(rel)),
		AttributedSentences:   specDensity.attributed,
	}
	byComponent := map[string][]int{}
	for i, d := range drafts {
		res.Findings[i] = d.Finding
		if d.component != "" {
			key := d.Kind + "\x00" + d.component
			byComponent[key] = append(byComponent[key], i)
		}
	}
	for i, r := range rel {
		res.Relevance[i] = r.Value
	}
	res.Boilerplate = s.bp.score(st, drafts, byComponent)
	res.OffTopic = s.ot.score(st, otParas, byComponent)
	res.Speculation = s.spec.score(specDensity, byComponent)
	res.OffTopicOnly = offTopicOnly(st, otParas, bpParas)
	return res
}

// offTopicOnly is the share of the article's words in paragraphs that are
// off-topic but not boilerplate.
func offTopicOnly(st *articleState, offTopic, boilerplate []bool) float64 {
	if st.total == 0 {
		return 0
	}
	words := 0
	for pi, f := range offTopic {
		if !f || boilerplate[pi] {
			continue
		}
		r := st.doc.Paragraphs[pi].Sentences
		for si := r.First; si < r.End; si++ {
			words += st.words[si]
		}
	}
	return clamp01(float64(words) / float64(st.total))
}

func excludedParagraphs(a, b []bool) []bool {
	out := make([]bool, len(a))
	for i := range a {
		out[i] = a[i] || b[i]
	}
	return out
}

// requireParam reads a parameter that the scorer cannot work without.
func requireParam(r *ruleset.Rule, name string) (float64, error) {
	v, ok := r.Param(name)
	if !ok {
		return 0, fmt.Errorf("%s: rule %q: missing params.%s", r.Source, r.ID, name)
	}
	return v, nil
}

// requireRule returns the rule with the given id in pack, or an error
// when the pack lacks it or it is not of the given kind.
func requireRule(p *ruleset.Pack, id, kind string) (*ruleset.Rule, error) {
	r, err := optionalRule(p, id, kind)
	if err == nil && r == nil {
		err = fmt.Errorf("score: rule %q is missing from pack %q (%s)", id, p.Name, p.Source)
	}
	return r, err
}

// optionalRule returns the rule with the given id in pack, nil when a user
// has disabled it (its signal is then off), or an error when it is not of
// the given kind.
func optionalRule(p *ruleset.Pack, id, kind string) (*ruleset.Rule, error) {
	r := p.Rule(id)
	if r == nil {
		return nil, nil
	}
	if err := r.CheckKind(kind); err != nil {
		return nil, err
	}
	return r, nil
}

// checkTextRules checks that every rule of a pack the stage does not read
// by id (those in byID) is a lexicon or a pattern rule, the kinds it runs
// on the text, and that its scope is one of scopes ("" is always allowed).
func checkTextRules(p *ruleset.Pack, byID map[string]bool, scopes ...string) error {
	for _, r := range p.Rules {
		if byID[r.ID] {
			continue
		}
		if err := r.CheckKind(ruleset.KindLexicon, ruleset.KindPattern); err != nil {
			return err
		}
		if r.Scope != "" && !slices.Contains(scopes, r.Scope) {
			return fmt.Errorf("%s: rule %q: scope %q: want %s", r.Source, r.ID, r.Scope, strings.Join(scopes, " or "))
		}
	}
	return nil
}

// clamp01 limits v to [0,1].
func clamp01(v float64) float64 { return min(1, max(0, v)) }
