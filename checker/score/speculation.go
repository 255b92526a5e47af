package score

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Speculation is a density. Every cue (a match of one of the pack's cue
// rules) weighs its rule's weight, times spec.quoted inside a direct
// quotation or spec.reported in a sentence that attributes its content to
// a source. Where cues of different rules overlap, the heaviest rule keeps
// the words. Boilerplate sentences and off-topic paragraphs are left out.
//
// Each rule is a component whose value is its discounted cue count per
// per_words words of what is left; the density is Σ weight × value, and the
// score is 1 - exp(-density / scale), which grows with every cue and never
// reaches 1. A sentence whose cues weigh at least spec.sentence's
// min_weight gets a finding of its own that lists them.

const (
	ruleSpecQuoted   = "spec.quoted"
	ruleSpecReported = "spec.reported"
	ruleSpecDensity  = "spec.density"
	ruleSpecSentence = "spec.sentence"

	tagException        = "exception"
	tagAttribution      = "attribution"
	tagWriterOnly       = "writer-only"
	tagUnattributedOnly = "unattributed-only"
)

type cueRule struct {
	rule             *ruleset.Rule
	phrases          *phraseMatcher // for a lexicon rule
	filter           *filteredRule  // for a pattern rule: the rule behind its literal prefilter
	perSentence      bool
	writerOnly       bool // not counted inside quotations
	unattributedOnly bool // counted only in the writer's own, unattributed words
}

type speculationRules struct {
	cues             []cueRule
	exceptions       []*filteredRule
	attribution      []*phraseMatcher // and attributionRules, for patterns
	attributionRules []*filteredRule
	lexicons         *lexiconSet     // the lexicon cues' matchers, then attribution's
	literals         *literalIndex   // of the pattern rules' conditions
	bySentence       []*filteredRule // the cue patterns run per sentence
	quoted, reported float64
	perWords, scale  float64
	sentenceMin      float64
}

func compileSpeculation(p *ruleset.Pack) (*speculationRules, error) {
	if p == nil {
		return nil, fmt.Errorf("score: rule pack %q is missing", "speculation")
	}
	sp := &speculationRules{quoted: 1, reported: 1, literals: newLiteralIndex()}
	quoted, err := optionalRule(p, ruleSpecQuoted, ruleset.KindWeight)
	if err != nil {
		return nil, err
	}
	if quoted != nil {
		sp.quoted = quoted.Weight
	}
	reported, err := optionalRule(p, ruleSpecReported, ruleset.KindWeight)
	if err != nil {
		return nil, err
	}
	if reported != nil {
		sp.reported = reported.Weight
	}
	dens, err := requireRule(p, ruleSpecDensity, ruleset.KindWeight)
	if err != nil {
		return nil, err
	}
	if sp.perWords, err = requireParam(dens, "per_words"); err != nil {
		return nil, err
	}
	if sp.scale, err = requireParam(dens, "scale"); err != nil {
		return nil, err
	}
	if sp.perWords <= 0 || sp.scale <= 0 {
		return nil, fmt.Errorf("%s: rule %q: per_words and scale must be positive", dens.Source, dens.ID)
	}
	sp.sentenceMin = math.Inf(1)
	sentence, err := optionalRule(p, ruleSpecSentence, ruleset.KindWeight)
	if err != nil {
		return nil, err
	}
	if sentence != nil {
		if sp.sentenceMin, err = requireParam(sentence, "min_weight"); err != nil {
			return nil, err
		}
	}
	// Every other rule is a cue, an exception or an attribution rule.
	byID := map[string]bool{ruleSpecQuoted: true, ruleSpecReported: true, ruleSpecDensity: true, ruleSpecSentence: true}
	if err := checkTextRules(p, byID, "sentence", "text"); err != nil {
		return nil, err
	}
	for _, r := range p.Rules {
		if byID[r.ID] {
			continue
		}
		switch {
		case hasTag(r, tagException):
			sp.exceptions = append(sp.exceptions, sp.literals.add(r))
		case hasTag(r, tagAttribution) && r.Kind == ruleset.KindLexicon:
			sp.attribution = append(sp.attribution, newPhraseMatcher(r))
		case hasTag(r, tagAttribution):
			sp.attributionRules = append(sp.attributionRules, sp.literals.add(r))
		default:
			var phrases *phraseMatcher
			var filter *filteredRule
			if r.Kind == ruleset.KindLexicon {
				phrases = newPhraseMatcher(r)
			} else {
				filter = sp.literals.add(r)
				if r.Scope == "sentence" {
					sp.bySentence = append(sp.bySentence, filter)
				}
			}
			sp.cues = append(sp.cues, cueRule{
				rule: r, phrases: phrases, filter: filter, perSentence: r.Scope == "sentence",
				writerOnly: hasTag(r, tagWriterOnly), unattributedOnly: hasTag(r, tagUnattributedOnly),
			})
		}
	}
	sp.literals.build()
	var matchers []*phraseMatcher
	for _, cr := range sp.cues {
		if cr.phrases != nil {
			matchers = append(matchers, cr.phrases)
		}
	}
	sp.lexicons = newLexiconSet(append(matchers, sp.attribution...)...)
	return sp, nil
}

func hasTag(r *ruleset.Rule, tag string) bool {
	for _, t := range r.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// cue is one candidate cue match.
type cue struct {
	span text.Span
	rule int // index into speculationRules.cues
	sent int
}

// specResult is what the speculation score is computed from.
type specResult struct {
	words  int                // words of the sentences that count
	counts map[string]float64 // rule id → discounted cue count
	weight map[string]float64 // rule id → rule weight
	// attributed marks, per sentence, those that attribute their content
	// to a source ("…, the minister said").
	attributed []bool
}

// find returns the speculation findings of doc, leaving out the excluded
// paragraphs and the boilerplate sentences.
func (sp *speculationRules) find(doc *text.Document, excluded []bool, bpSents []bool) ([]draft, specResult) {
	res := specResult{counts: map[string]float64{}, weight: map[string]float64{}, attributed: make([]bool, len(doc.Sentences))}
	counts := func(si int) bool {
		return si >= 0 && !excluded[doc.Sentences[si].Paragraph] && !bpSents[si]
	}
	for si := range doc.Sentences {
		if counts(si) {
			res.words += text.CountWords(doc.SentenceTokens(si))
		}
	}
	if res.words == 0 {
		return nil, res
	}
	// Each unit a pattern runs on is read once for the literals of every
	// pattern's condition; a pattern then runs only on the units that meet
	// it. Paragraphs are read when needed, sentences only where their
	// paragraph's literals allow a sentence pattern to match.
	w := sp.literals.auto.words()
	paraLits := sp.literals.newFound(len(doc.Paragraphs))
	paraRead := make([]bool, len(doc.Paragraphs))
	paragraph := func(pi int) found {
		if !paraRead[pi] {
			paraRead[pi] = true
			sp.literals.scanInto(paraLits, pi, doc.Slice(doc.Paragraphs[pi].Span))
		}
		return paraLits[pi*w : (pi+1)*w]
	}
	var sentLits []uint64
	if len(sp.bySentence) > 0 {
		sentLits = sp.literals.newFound(len(doc.Sentences))
		sp.literals.scanSentences(sentLits, doc, sp.bySentence, counts, paragraph)
	}
	// All lexicons are matched in one pass over the tokens: the cues' in
	// the order of sp.cues, then the attribution lexicons'.
	lexicon := sp.lexicons.find(doc.Text, doc.Tokens)
	var cands []cue
	for ci, cr := range sp.cues {
		switch {
		case cr.phrases != nil:
			// Lexicons match whole tokens, so sentence scope changes nothing.
			spans := lexicon[0]
			lexicon = lexicon[1:]
			for _, m := range spans {
				if si := doc.SentenceAt(m.Start); counts(si) {
					cands = append(cands, cue{span: m, rule: ci, sent: si})
				}
			}
		case cr.perSentence:
			for si, s := range doc.Sentences {
				if !counts(si) {
					continue
				}
				lits := found(sentLits[si*w : (si+1)*w])
				if !cr.filter.mayMatch(lits) {
					continue
				}
				for _, m := range cr.filter.findAll(doc.Slice(s.Span), lits) {
					cands = append(cands, cue{span: text.Span{Start: s.Start + m.Start, End: s.Start + m.End}, rule: ci, sent: si})
				}
			}
		default:
			// Patterns run paragraph by paragraph, skipping the paragraphs
			// left out, which on a web page are most of the text.
			for pi, p := range doc.Paragraphs {
				if excluded[pi] {
					continue
				}
				lits := paragraph(pi)
				if !cr.filter.mayMatch(lits) {
					continue
				}
				for _, m := range cr.filter.findAll(doc.Slice(p.Span), lits) {
					sp := text.Span{Start: p.Start + m.Start, End: p.Start + m.End}
					if si := doc.SentenceAt(sp.Start); counts(si) {
						cands = append(cands, cue{span: sp, rule: ci, sent: si})
					}
				}
			}
		}
	}
	// Exceptions are only looked for in paragraphs that hold a cue.
	var exceptions []text.Span
	checked := map[int]bool{}
	for _, c := range cands {
		pi := doc.Sentences[c.sent].Paragraph
		if checked[pi] {
			continue
		}
		checked[pi] = true
		p := doc.Paragraphs[pi]
		lits := paragraph(pi)
		for _, r := range sp.exceptions {
			for _, m := range r.findAll(doc.Slice(p.Span), lits) {
				exceptions = append(exceptions, text.Span{Start: p.Start + m.Start, End: p.Start + m.End})
			}
		}
	}
	cues := sp.resolve(cands, exceptions)
	quotes := quoteSpans(doc)
	attributed := map[int]bool{}
	attribute := func(sp text.Span) {
		si := doc.SentenceAt(sp.Start)
		if si < 0 || inside(quotes, sp.Start) || overlapsCue(cues, sp) {
			return // a weasel phrase such as "experts say" attributes nothing
		}
		attributed[si] = true
		res.attributed[si] = true
	}
	for _, spans := range lexicon { // what is left: the attribution lexicons'
		for _, m := range spans {
			attribute(m)
		}
	}
	if len(sp.attributionRules) > 0 {
		lits := sp.literals.scan(doc.Text)
		for _, r := range sp.attributionRules {
			for _, m := range r.findAll(doc.Text, lits) {
				attribute(m)
			}
		}
	}

	var drafts []draft
	type sentenceCues struct {
		weight float64
		names  []string
	}
	perSentence := map[int]*sentenceCues{}
	for _, c := range cues {
		cr := sp.cues[c.rule]
		factor, note := 1.0, ""
		switch {
		case inside(quotes, c.span.Start):
			if cr.writerOnly || cr.unattributedOnly {
				continue
			}
			factor, note = sp.quoted, fmt.Sprintf(" (inside a quotation: weight ×%g)", sp.quoted)
		case attributed[c.sent]:
			if cr.unattributedOnly {
				continue
			}
			factor, note = sp.reported, fmt.Sprintf(" (in attributed speech: weight ×%g)", sp.reported)
		}
		w := cr.rule.Weight * factor
		if w <= 0 {
			continue
		}
		match := doc.Slice(c.span)
		res.counts[cr.rule.ID] += factor
		res.weight[cr.rule.ID] = cr.rule.Weight
		drafts = append(drafts, draft{
			Finding:   Finding{Kind: Speculation, Rule: cr.rule.ID, Message: fillMessage(cr.rule, match) + note, Span: c.span, Weight: w},
			component: cr.rule.ID,
		})
		sc := perSentence[c.sent]
		if sc == nil {
			sc = &sentenceCues{}
			perSentence[c.sent] = sc
		}
		sc.weight += w
		sc.names = append(sc.names, fmt.Sprintf("%q (%s)", abbreviate(match, 40), strings.TrimPrefix(cr.rule.ID, "spec.")))
	}
	for si, sc := range perSentence {
		if sc.weight < sp.sentenceMin-1e-9 {
			continue
		}
		drafts = append(drafts, draft{Finding: Finding{
			Kind: Speculation, Rule: ruleSpecSentence, Span: doc.Sentences[si].Span, Weight: sc.weight,
			Message: fmt.Sprintf("speculative sentence, cues weighing %.2f: %s", sc.weight, strings.Join(sc.names, ", ")),
		}})
	}
	return drafts, res
}

// resolve drops cues that overlap an exception and, where cues overlap each
// other, keeps the heaviest rule's (then the longer, then the earlier).
func (sp *speculationRules) resolve(cands []cue, exceptions []text.Span) []cue {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		wa, wb := sp.cues[a.rule].rule.Weight, sp.cues[b.rule].rule.Weight
		if wa != wb {
			return wa > wb
		}
		if a.span.Len() != b.span.Len() {
			return a.span.Len() > b.span.Len()
		}
		if a.span.Start != b.span.Start {
			return a.span.Start < b.span.Start
		}
		return a.rule < b.rule
	})
	var kept []cue
	for _, c := range cands {
		if overlapsAny(exceptions, c.span) || overlapsCue(kept, c.span) {
			continue
		}
		kept = append(kept, c)
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].span.Start != kept[j].span.Start {
			return kept[i].span.Start < kept[j].span.Start
		}
		return kept[i].rule < kept[j].rule
	})
	return kept
}

func overlapsAny(spans []text.Span, s text.Span) bool {
	for _, o := range spans {
		if o.Overlaps(s) {
			return true
		}
	}
	return false
}

func overlapsCue(cues []cue, s text.Span) bool {
	for _, c := range cues {
		if c.span.Overlaps(s) {
			return true
		}
	}
	return false
}

// inside reports whether off falls in one of spans, which are sorted and
// do not overlap.
func inside(spans []text.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// quoteSpans finds the direct quotations of doc: text between an opening
// and a closing double quotation mark (curly, straight, guillemets or
// low-high), within one paragraph. A quotation left open runs to the end
// of its paragraph, the convention for a quote that continues in the next.
// Single quotation marks are ignored: they cannot be told from apostrophes.
func quoteSpans(doc *text.Document) []text.Span {
	var out []text.Span
	for _, p := range doc.Paragraphs {
		s := doc.Text[p.Start:p.End]
		open := -1
		for i, r := range s {
			if open < 0 {
				if r == '“' || r == '"' || r == '«' || r == '„' {
					open = i
				}
				continue
			}
			if r == '”' || r == '"' || r == '»' || r == '“' {
				out = append(out, text.Span{Start: p.Start + open, End: p.Start + i + len(string(r))})
				open = -1
			}
		}
		if open >= 0 {
			out = append(out, text.Span{Start: p.Start + open, End: p.End})
		}
	}
	return out
}

// score turns the cue counts into the speculation score.
func (sp *speculationRules) score(res specResult, byComponent map[string][]int) Score {
	sc := Score{Name: Speculation}
	if res.words == 0 {
		return sc
	}
	for id, n := range res.counts {
		sc.Components = append(sc.Components, Component{
			Name: id, Weight: res.weight[id], Value: n * sp.perWords / float64(res.words),
			Findings: byComponent[Speculation+"\x00"+id],
		})
	}
	sort.Slice(sc.Components, func(i, j int) bool { return sc.Components[i].Name < sc.Components[j].Name })
	density := 0.0 // summed in name order, so the result is the same on every run
	for _, c := range sc.Components {
		density += c.Weight * c.Value
	}
	sc.Value = clamp01(1 - math.Exp(-density/sp.scale))
	return sc
}
