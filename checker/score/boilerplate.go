package score

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/topic"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// Boilerplate is judged sentence by sentence. Every signal gives evidence
// in [0,1] to a sentence or to a whole paragraph (a line, or an HTML
// block); a sentence's evidence combines its own and its paragraph's as
// 1 - Π(1 - w), and the sentence is boilerplate when that reaches
// bp.threshold. The signals are:
//
//   - text rules (the pack's lexicon and pattern rules): sign-up prompts,
//     copyright, credit lines, "read more", share prompts, cookie text,
//     author bios, advertising markers, navigation phrases;
//   - shape: a short line without sentence punctuation (weak), a run of
//     such lines (a menu), a line of short items joined by separators;
//   - HTML hints: link density, furniture words (nav, footer, share …) in
//     the ancestors' tags, ids and classes, and position before or after
//     the page's main run of text;
//   - repetition: a line that recurs in other articles of the batch, unless
//     the topic model finds its words belong to the story (text both
//     articles copied from one source).
//
// The score is the share of the article's words in boilerplate sentences;
// each sentence's words count under its strongest signal's rule, so the
// components add up to the score.

// Ids of the boilerplate rules the scorer computes itself; the pack holds
// their weights and parameters.
const (
	ruleBPThreshold     = "bp.threshold"
	ruleBPShortLine     = "bp.short-line"
	ruleBPNavRun        = "bp.nav-run"
	ruleBPSeparatorList = "bp.separator-list"
	ruleBPLinkDense     = "bp.link-dense"
	ruleBPHTMLContext   = "bp.html-context"
	ruleBPHTMLContent   = "bp.html-content"
	ruleBPOutsideMain   = "bp.outside-main"
	ruleBPRepeatedLine  = "bp.repeated-line"
	ruleBPTimestamp     = "bp.timestamp-line"
)

// textRule is a lexicon or pattern rule run on sentences or paragraphs.
type textRule struct {
	filter    *filteredRule // the rule behind its literal prefilter
	paragraph bool          // scope: paragraph; otherwise each sentence
}

// shapeRule is a weight rule with up to three parameters.
type shapeRule struct {
	weight     float64
	a, b, c    float64
	configured bool
}

type boilerplateRules struct {
	threshold   float64
	text        []textRule
	literals    *literalIndex   // of the text rules' conditions
	bySentence  []*filteredRule // the text rules run per sentence
	shortLine   shapeRule       // a: max_words
	navRun      shapeRule       // a: max_words, b: min_run
	sepList     shapeRule       // a: min_items, b: max_item_words
	linkDense   shapeRule       // a: ratio_from, b: ratio_full
	outsideMain shapeRule       // a: min_words
	repeated    shapeRule       // a: min_articles, b: content_relevance
	timestamp   shapeRule       // a line that is only a date or a time
	furniture   map[string]float64
	content     map[string]bool
	model       *lineModel // nil when bp.line-model is disabled
	modelHTML   *lineModel // for HTML pages; nil when bp.line-model-html is disabled
}

func compileBoilerplate(p *ruleset.Pack) (*boilerplateRules, error) {
	if p == nil {
		return nil, fmt.Errorf("score: rule pack %q is missing", "boilerplate")
	}
	th, err := requireRule(p, ruleBPThreshold, ruleset.KindWeight)
	if err != nil {
		return nil, err
	}
	b := &boilerplateRules{threshold: th.Weight, furniture: map[string]float64{}, content: map[string]bool{}, literals: newLiteralIndex()}
	shapes := []struct {
		id     string
		dst    *shapeRule
		params []string
	}{
		{ruleBPShortLine, &b.shortLine, []string{"max_words"}},
		{ruleBPNavRun, &b.navRun, []string{"max_words", "min_run"}},
		{ruleBPSeparatorList, &b.sepList, []string{"min_items", "max_item_words"}},
		{ruleBPLinkDense, &b.linkDense, []string{"ratio_from", "ratio_full"}},
		{ruleBPOutsideMain, &b.outsideMain, []string{"min_words"}},
		{ruleBPRepeatedLine, &b.repeated, []string{"min_articles", "content_relevance"}},
		{ruleBPTimestamp, &b.timestamp, nil},
	}
	// Every rule not read by id is a text rule.
	byID := map[string]bool{ruleBPThreshold: true, ruleBPHTMLContext: true, ruleBPHTMLContent: true}
	for _, id := range lineModelRuleIDs {
		byID[id] = true
	}
	for _, sh := range shapes {
		byID[sh.id] = true
	}
	if err := checkTextRules(p, byID, "sentence", "paragraph"); err != nil {
		return nil, err
	}
	for _, r := range p.Rules {
		if byID[r.ID] {
			continue
		}
		if r.Scope == "paragraph" {
			b.text = append(b.text, textRule{filter: b.literals.add(r), paragraph: true})
		} else {
			b.text = append(b.text, textRule{filter: b.literals.add(r)})
			b.bySentence = append(b.bySentence, b.text[len(b.text)-1].filter)
		}
	}
	b.literals.build()
	for _, sh := range shapes {
		r, err := optionalRule(p, sh.id, ruleset.KindWeight)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue // disabled by the user: the signal is off
		}
		vals := make([]float64, 3)
		for i, name := range sh.params {
			if vals[i], err = requireParam(r, name); err != nil {
				return nil, err
			}
		}
		*sh.dst = shapeRule{weight: r.Weight, a: vals[0], b: vals[1], c: vals[2], configured: true}
	}
	htmlContext, err := optionalRule(p, ruleBPHTMLContext, ruleset.KindTable)
	if err != nil {
		return nil, err
	}
	if r := htmlContext; r != nil {
		for _, word := range slices.Sorted(maps.Keys(r.Entries)) {
			v := r.Entries[word]
			var w float64
			if _, err := fmt.Sscan(v, &w); err != nil || !(w >= 0 && w <= 1) {
				return nil, fmt.Errorf("%s: rule %q: entry %q: %q is not a number in [0,1]", r.Source, r.ID, word, v)
			}
			b.furniture[text.Fold(word)] = w
		}
	}
	if b.model, err = compileLineModel(p, ruleBPLineModel); err != nil {
		return nil, err
	}
	if b.modelHTML, err = compileLineModel(p, ruleBPLineModelHTML); err != nil {
		return nil, err
	}
	htmlContent, err := optionalRule(p, ruleBPHTMLContent, ruleset.KindLexicon)
	if err != nil {
		return nil, err
	}
	if r := htmlContent; r != nil {
		for _, t := range r.Terms {
			b.content[text.Fold(strings.TrimSpace(t))] = true
		}
	}
	return b, nil
}

// evidence is one signal that a sentence or paragraph is boilerplate.
type evidence struct {
	rule    string
	weight  float64
	para    int
	sent    int // index of the sentence, or -1 for the whole paragraph
	message string
}

// local gathers the evidence that needs only the article itself.
func (b *boilerplateRules) local(in Input) *articleState {
	doc := in.Doc
	st := &articleState{
		doc:        doc,
		blocks:     in.Blocks,
		paraBlock:  paragraphBlocks(doc, in.Blocks),
		words:      make([]int, len(doc.Sentences)),
		repeatKey:  make([]string, len(doc.Paragraphs)),
		repeatHash: make([]uint32, len(doc.Paragraphs)),
		repeated:   make([]bool, len(doc.Paragraphs)),
	}
	for i := range doc.Sentences {
		st.words[i] = text.CountWords(doc.SentenceTokens(i))
		st.total += st.words[i]
	}
	b.textEvidence(st)
	shapes := b.shapeEvidence(st, in.Title)
	st.shapes = shapes
	// Timestamp lines are read with the line model's word lists, which both
	// models share; the flags serve the rule here and a feature later.
	if words := cmp.Or(b.model, b.modelHTML); words != nil {
		st.timestamp = make([]bool, len(doc.Paragraphs))
		for pi := range doc.Paragraphs {
			st.timestamp[pi] = words.isTimestamp(doc, pi)
			if b.timestamp.configured && b.model != nil && st.timestamp[pi] && !shapes[pi].title {
				st.add(evidence{rule: ruleBPTimestamp, weight: b.timestamp.weight, para: pi, sent: -1,
					message: "a line that is only a date or a time"})
			}
		}
	}
	if len(in.Blocks) > 0 {
		b.htmlEvidence(st, shapes)
	}
	for i := range doc.Paragraphs {
		st.repeatKey[i] = lineKey(doc, i)
		st.repeatHash[i] = fnv32(st.repeatKey[i])
	}
	// The headline is never boilerplate, whatever it looks like.
	kept := st.evidence[:0]
	for _, ev := range st.evidence {
		if !shapes[ev.para].title {
			kept = append(kept, ev)
		}
	}
	st.evidence = kept
	flags, _ := st.flagSentences(b.threshold)
	st.prelim = st.paragraphFlags(flags)
	return st
}

// textEvidence runs the text rules. Each paragraph is read once for the
// literals of every rule's condition (prefilter.go), and each sentence
// where its paragraph's literals allow a sentence rule to match; a rule's
// expressions then run only on the units that meet their conditions.
func (b *boilerplateRules) textEvidence(st *articleState) {
	doc := st.doc
	if len(b.text) == 0 {
		return
	}
	paraLits := b.literals.newFound(len(doc.Paragraphs))
	for pi, p := range doc.Paragraphs {
		b.literals.scanInto(paraLits, pi, doc.Slice(p.Span))
	}
	w := b.literals.auto.words()
	paragraph := func(pi int) found { return paraLits[pi*w : (pi+1)*w] }
	var sentLits []uint64
	if len(b.bySentence) > 0 {
		sentLits = b.literals.newFound(len(doc.Sentences))
		b.literals.scanSentences(sentLits, doc, b.bySentence, func(int) bool { return true }, paragraph)
	}
	for _, tr := range b.text {
		if tr.paragraph {
			for pi, p := range doc.Paragraphs {
				if ev, ok := matchEvidence(tr.filter, doc.Slice(p.Span), paragraph(pi)); ok {
					ev.para, ev.sent = pi, -1
					st.evidence = append(st.evidence, ev)
				}
			}
			continue
		}
		for si, s := range doc.Sentences {
			if ev, ok := matchEvidence(tr.filter, doc.Slice(s.Span), sentLits[si*w:(si+1)*w]); ok {
				ev.para, ev.sent = s.Paragraph, si
				st.evidence = append(st.evidence, ev)
			}
		}
	}
}

// matchEvidence runs a rule on unit, which holds the literals lits, and
// returns evidence for its first match. The message quotes the whole unit
// when it is short, as a credit or copyright line is, and otherwise the
// match.
func matchEvidence(fr *filteredRule, unit string, lits found) (evidence, bool) {
	if !fr.mayMatch(lits) { // most units: the rule's literals are not all there
		return evidence{}, false
	}
	quoted := unit
	if utf8.RuneCountInString(unit) > 80 {
		m, ok := fr.first(unit, lits)
		if !ok {
			return evidence{}, false
		}
		quoted = unit[m.Start:m.End]
	} else if !fr.matchString(unit, lits) { // a match test is cheaper than finding spans
		return evidence{}, false
	}
	r := fr.rule
	return evidence{rule: r.ID, weight: r.Weight, message: fillMessage(r, quoted)}, true
}

// fillMessage returns the rule's message with {match} filled in, or its
// description when it has no message.
func fillMessage(r *ruleset.Rule, match string) string {
	msg := r.Message
	if msg == "" {
		msg = r.Description
	}
	return strings.ReplaceAll(msg, "{match}", abbreviate(strings.TrimSpace(match), 80))
}

// abbreviate shortens s to at most n runes, marking a cut with "…".
func abbreviate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// lineShape describes a paragraph's shape.
type lineShape struct {
	words      int
	punctuated bool // ends like a sentence
	short      bool // at most shortLine max_words words, not punctuated
	title      bool // the paragraph is the article's title
}

func (b *boilerplateRules) shapeEvidence(st *articleState, title string) []lineShape {
	doc := st.doc
	foldedTitle := foldLine(title)
	shapes := make([]lineShape, len(doc.Paragraphs))
	for pi, p := range doc.Paragraphs {
		sh := lineShape{punctuated: endsLikeSentence(doc.Slice(p.Span))}
		for si := p.Sentences.First; si < p.Sentences.End; si++ {
			sh.words += st.words[si]
		}
		sh.title = foldedTitle != "" && foldLine(doc.Slice(p.Span)) == foldedTitle
		sh.short = sh.words > 0 && !sh.punctuated
		shapes[pi] = sh
		if sh.title {
			continue
		}
		if b.shortLine.configured && sh.short && float64(sh.words) <= b.shortLine.a {
			st.add(evidence{rule: ruleBPShortLine, weight: b.shortLine.weight, para: pi, sent: -1,
				message: fmt.Sprintf("short line without sentence punctuation (%d words)", sh.words)})
		}
		if b.sepList.configured && !b.isTableRow(st, pi) {
			if n := separatedItems(doc.Slice(p.Span), int(b.sepList.b)); float64(n) >= b.sepList.a {
				st.add(evidence{rule: ruleBPSeparatorList, weight: b.sepList.weight, para: pi, sent: -1,
					message: fmt.Sprintf("menu-like line of %d short items joined by separators", n)})
			}
		}
	}
	if b.navRun.configured {
		navLine := func(i int) bool {
			return shapes[i].short && !shapes[i].title && float64(shapes[i].words) <= b.navRun.a
		}
		for i := 0; i < len(shapes); {
			j := i
			for j < len(shapes) && navLine(j) {
				j++
			}
			if j == i {
				i++
				continue
			}
			if float64(j-i) >= b.navRun.b {
				for k := i; k < j; k++ {
					st.add(evidence{rule: ruleBPNavRun, weight: b.navRun.weight, para: k, sent: -1,
						message: fmt.Sprintf("one of a run of %d short lines without sentence punctuation (menu shape)", j-i)})
				}
			}
			i = j
		}
	}
	return shapes
}

func (st *articleState) add(ev evidence) { st.evidence = append(st.evidence, ev) }

func (b *boilerplateRules) isTableRow(st *articleState, pi int) bool {
	bi := st.paraBlock[pi]
	if bi < 0 {
		return false
	}
	switch st.blocks[bi].Tag {
	case "tr", "table", "thead", "tbody", "tfoot":
		return true
	}
	return false
}

// htmlEvidence adds the signals that come from the HTML the text was
// extracted from.
func (b *boilerplateRules) htmlEvidence(st *articleState, shapes []lineShape) {
	doc := st.doc
	contextCache := map[string]furnitureHit{}
	linkRatio := make([]float64, len(doc.Paragraphs))
	st.linkRatio = linkRatio
	st.htmlFurniture = make([]bool, len(doc.Paragraphs))
	st.outsideMain = make([]bool, len(doc.Paragraphs))
	localWeight := make([]float64, len(doc.Paragraphs)) // evidence so far, combined
	for pi := range doc.Paragraphs {
		bi := st.paraBlock[pi]
		if bi < 0 {
			continue
		}
		blk := st.blocks[bi]
		linkRatio[pi] = blockLinkRatio(doc.Text, blk)
		if b.linkDense.configured && b.linkDense.b > b.linkDense.a && linkRatio[pi] > b.linkDense.a {
			w := b.linkDense.weight * clamp01((linkRatio[pi]-b.linkDense.a)/(b.linkDense.b-b.linkDense.a))
			st.add(evidence{rule: ruleBPLinkDense, weight: w, para: pi, sent: -1,
				message: fmt.Sprintf("%.0f%% of the block is link text", 100*linkRatio[pi])})
		}
		if len(b.furniture) > 0 {
			hit, ok := contextCache[blk.Context]
			if !ok {
				hit = b.furnitureOf(blk.Context)
				contextCache[blk.Context] = hit
			}
			st.htmlFurniture[pi] = hit.weight > 0
			if hit.weight > 0 && !shapes[pi].title {
				st.add(evidence{rule: ruleBPHTMLContext, weight: hit.weight, para: pi, sent: -1,
					message: fmt.Sprintf("inside page furniture: <%s> marked %q", hit.element, hit.word)})
			}
		}
	}
	if !b.outsideMain.configured {
		return
	}
	for _, ev := range st.evidence {
		if ev.sent < 0 {
			localWeight[ev.para] = 1 - (1-localWeight[ev.para])*(1-ev.weight)
		} else {
			localWeight[ev.para] = max(localWeight[ev.para], ev.weight)
		}
	}
	// The main run is the stretch of paragraphs with the largest total of
	// dense words minus everything else's words (Kadane's maximum
	// subarray): long, sentence-shaped, link-poor paragraphs pull it in,
	// menus, teasers and footers push it out.
	first, last := -1, -1
	best, sum, start := 0, 0, 0
	for pi, sh := range shapes {
		gain := -max(sh.words, 1)
		if sh.punctuated && float64(sh.words) >= b.outsideMain.a && linkRatio[pi] < 0.3 && localWeight[pi] < b.threshold {
			gain = sh.words
		}
		if sum <= 0 {
			sum, start = 0, pi
		}
		sum += gain
		if sum > best {
			best, first, last = sum, start, pi
		}
	}
	if first < 0 {
		return
	}
	for pi, sh := range shapes {
		if (pi < first || pi > last) && !sh.title && sh.words > 0 {
			st.outsideMain[pi] = true
			where := "before"
			if pi > last {
				where = "after"
			}
			st.add(evidence{rule: ruleBPOutsideMain, weight: b.outsideMain.weight, para: pi, sent: -1,
				message: fmt.Sprintf("%s the page's main run of text", where)})
		}
	}
}

// furnitureHit is the furniture word that decides a block's context.
type furnitureHit struct {
	weight  float64
	word    string
	element string
}

// furnitureOf reads a block's ancestor context ("div main content article
// story body p"), innermost last. The innermost ancestor that names either
// furniture or content decides; within one element, furniture wins
// ("entry-footer", "post-share"). Generic words that page builders put on
// every element ("widget") carry little evidence in the table. Body and
// html never count: sites put page state on them.
func (b *boilerplateRules) furnitureOf(context string) furnitureHit {
	elems := splitContext(context)
	for i := len(elems) - 1; i >= 0; i-- {
		words := elems[i]
		if words[0] == "body" || words[0] == "html" {
			continue
		}
		var hit furnitureHit
		content := false
		for _, w := range words {
			if v, ok := b.furniture[w]; ok && v > hit.weight {
				hit = furnitureHit{weight: v, word: w, element: words[0]}
			}
			if b.content[w] {
				content = true
			}
		}
		if hit.weight > 0 {
			return hit
		}
		if content {
			return furnitureHit{}
		}
	}
	return furnitureHit{}
}

// blockTags are the block elements ingest records in a context; each starts
// a new ancestor.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true, "footer": true,
	"nav": true, "aside": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "table": true, "tr": true,
	"thead": true, "tbody": true, "tfoot": true, "caption": true, "blockquote": true, "pre": true,
	"figure": true, "figcaption": true, "form": true, "address": true, "hr": true, "br": true,
	"details": true, "summary": true, "fieldset": true, "legend": true, "center": true, "menu": true,
	"body": true, "html": true,
}

// splitContext splits a context string into its ancestors, each a tag name
// followed by its id and class words. A class word that is also a tag name
// starts a new ancestor; that only moves a boundary within one element.
func splitContext(context string) [][]string {
	var out [][]string
	for _, w := range strings.Fields(context) {
		if blockTags[w] || len(out) == 0 {
			out = append(out, []string{w})
			continue
		}
		out[len(out)-1] = append(out[len(out)-1], w)
	}
	return out
}

// blockLinkRatio is the share of a block's text, not counting a list
// bullet, that sits inside links.
func blockLinkRatio(s string, blk ingest.Block) float64 {
	if blk.Span.End > len(s) || blk.Span.Start < 0 || blk.Span.IsEmpty() {
		return 0
	}
	n := blk.Span.Len()
	if strings.HasPrefix(s[blk.Span.Start:blk.Span.End], "- ") {
		n -= 2
	}
	if n <= 0 {
		return 0
	}
	return clamp01(float64(blk.LinkBytes) / float64(n))
}

// paragraphBlocks maps each paragraph to the HTML block holding its start,
// or -1.
func paragraphBlocks(doc *text.Document, blocks []ingest.Block) []int {
	out := make([]int, len(doc.Paragraphs))
	bi := 0
	for pi, p := range doc.Paragraphs {
		out[pi] = -1
		for bi < len(blocks) && blocks[bi].Span.End <= p.Start {
			bi++
		}
		if bi < len(blocks) && blocks[bi].Span.Start <= p.Start {
			out[pi] = bi
		}
	}
	return out
}

// separatedItems counts the items of a line split at menu separators when
// every item has at most maxWords words; otherwise it returns 0.
func separatedItems(line string, maxWords int) int {
	var parts []string
	if containsMenuSeparator(line) {
		parts = strings.FieldsFunc(line, isMenuSeparator)
	}
	if len(parts) < 2 {
		parts = splitSpaced(line, " / ", " > ")
	}
	n := 0
	for _, p := range parts {
		w := countFields(p, maxWords)
		if w == 0 {
			continue
		}
		if w > maxWords {
			return 0
		}
		n++
	}
	return n
}

func isMenuSeparator(r rune) bool {
	return r == '|' || r == '•' || r == '·' || r == '»' || r == '›' || r == '¦'
}

// containsMenuSeparator reports whether line holds a menu separator. Every
// separator but '|' starts with the byte 0xC2 or 0xE2 in UTF-8, so most
// lines are ruled out by three byte searches.
func containsMenuSeparator(line string) bool {
	if strings.IndexByte(line, '|') < 0 && strings.IndexByte(line, 0xC2) < 0 && strings.IndexByte(line, 0xE2) < 0 {
		return false
	}
	return strings.IndexFunc(line, isMenuSeparator) >= 0
}

// countFields is len(strings.Fields(s)), but stops counting past limit.
func countFields(s string, limit int) int {
	n, inField := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inField {
			if n++; n > limit {
				return n
			}
		}
		inField = !space
	}
	return n
}

func splitSpaced(s string, seps ...string) []string {
	for _, sep := range seps {
		if strings.Count(s, sep) >= 2 {
			return strings.Split(s, sep)
		}
	}
	return []string{s}
}

// endsLikeSentence reports whether s ends with sentence punctuation,
// looking past closing quotes and brackets.
func endsLikeSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || text.IsQuote(r) || r == ')' || r == ']'
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;", r)
}

// lineKey is the comparison form of a paragraph for finding lines repeated
// across articles: its folded words and numbers.
func lineKey(doc *text.Document, pi int) string {
	var b strings.Builder
	b.Grow(doc.Paragraphs[pi].Len()) // folded words are rarely longer than the text
	for _, s := range doc.ParagraphSentences(pi) {
		for _, t := range doc.Tokens[s.Tokens.First:s.Tokens.End] {
			if t.IsWordLike() {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.Norm)
			}
		}
	}
	return b.String()
}

// foldLine is the comparison form of a title-like line.
func foldLine(s string) string { return strings.Join(strings.Fields(text.Fold(s)), " ") }

// markRepeated marks the lines that recur in at least min_articles
// independent sources of the batch (source[i] numbers article i's source;
// copies of one story share lines without making them boilerplate). The
// lines are counted in shards, by a hash of their key, one goroutine per
// shard: every line belongs to one shard, so the shards count and mark
// disjoint sets of lines, and the result does not depend on their number.
func (b *boilerplateRules) markRepeated(ctx context.Context, states []*articleState, source []int, workers int) error {
	if !b.repeated.configured || len(states) < 2 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	shards := uint32(max(1, workers))
	articles := make([][]int, len(states)) // per article and paragraph: the articles holding its line
	for ai, st := range states {
		articles[ai] = make([]int, len(st.repeatKey))
	}
	err := workpool.Run(ctx, int(shards), workers, func(shard int) {
		// A line counts the distinct sources holding it; most lines are
		// held by one, so the set is only made for the few that recur.
		type line struct {
			articles, last int
			sources        map[int]struct{}
		}
		lines := map[string]*line{}
		mine := func(st *articleState, pi int) bool {
			return st.repeatKey[pi] != "" && st.repeatHash[pi]%shards == uint32(shard)
		}
		for ai, st := range states {
			for pi, key := range st.repeatKey {
				if !mine(st, pi) {
					continue
				}
				l := lines[key]
				if l == nil {
					l = &line{articles: 1, last: source[ai]}
					lines[key] = l
					continue
				}
				if src := source[ai]; src != l.last {
					if l.sources == nil {
						l.sources = map[int]struct{}{l.last: {}}
					}
					if _, seen := l.sources[src]; !seen {
						l.sources[src] = struct{}{}
						l.articles++
					}
					l.last = src
				}
			}
		}
		for ai, st := range states {
			for pi, key := range st.repeatKey {
				if mine(st, pi) {
					articles[ai][pi] = lines[key].articles
				}
			}
		}
	})
	if err != nil {
		return err
	}
	for ai, st := range states {
		for pi, n := range articles[ai] {
			if st.repeatKey[pi] != "" && float64(n) >= max(2, b.repeated.a) {
				st.repeated[pi] = true
				st.repeatCount = append(st.repeatCount, repeatInfo{para: pi, articles: n})
			}
		}
	}
	return nil
}

// fnv32 is the 32-bit FNV-1a hash of s.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// repeatInfo records how many independent sources share a repeated line.
type repeatInfo struct {
	para, articles int
}

// finish adds the repetition evidence, which needs the topic model, and
// decides which sentences and paragraphs are boilerplate.
func (b *boilerplateRules) finish(st *articleState, rel []topic.Relevance) ([]draft, []bool, []bool) {
	for _, ri := range st.repeatCount {
		r := rel[ri.para]
		mean := 0.0
		if r.Weight > 0 {
			mean = r.Support / r.Weight
		}
		if mean < b.repeated.b {
			st.add(evidence{rule: ruleBPRepeatedLine, weight: b.repeated.weight, para: ri.para, sent: -1,
				message: fmt.Sprintf("line recurs in %d independent sources of the batch and its words are not the story's (support %.2f)", ri.articles, mean)})
		}
	}
	b.modelEvidence(st, rel)
	flags, strongest := st.flagSentences(b.threshold)
	st.sentFlags, st.strongest = flags, strongest
	paras := st.paragraphFlags(flags)

	var drafts []draft
	for _, ev := range st.evidence {
		if !st.evidenceCounts(ev, flags) {
			continue
		}
		sp := st.doc.Paragraphs[ev.para].Span
		if ev.sent >= 0 {
			sp = st.doc.Sentences[ev.sent].Span
		}
		drafts = append(drafts, draft{
			Finding:   Finding{Kind: Boilerplate, Rule: ev.rule, Message: ev.message, Span: sp, Weight: ev.weight},
			component: ev.rule,
		})
	}
	return drafts, paras, flags
}

// modelEvidence runs the line model on every paragraph but the headline
// and adds its evidence where the probability reaches min_probability.
func (b *boilerplateRules) modelEvidence(st *articleState, rel []topic.Relevance) {
	model := b.model
	if len(st.blocks) > 0 {
		model = b.modelHTML // fitted on pages, with the HTML hints as features
	}
	if model == nil {
		return
	}
	rows := model.lineFeatures(st, rel)
	st.modelRows = rows
	if st.featureSink != nil {
		st.featureSink(rows)
	}
	for pi, x := range rows {
		// A paragraph the rules already mark needs no second reason.
		if st.shapes[pi].title || st.prelim[pi] || st.doc.Paragraphs[pi].Sentences.Len() == 0 {
			continue
		}
		p := model.probability(x)
		if p < model.threshold(st.shapes[pi]) {
			continue
		}
		// Rounded: the evidence is reported, and three places are all
		// the fitted weights can claim.
		st.add(evidence{rule: model.id, weight: min(math.Round(p*1000)/1000, model.maxEvidence), para: pi, sent: -1,
			message: fmt.Sprintf("looks like page furniture (probability %.2f: %s)", p, model.explain(x))})
	}
}

// evidenceCounts reports whether ev applies to at least one sentence that
// ended up boilerplate.
func (st *articleState) evidenceCounts(ev evidence, flags []bool) bool {
	if ev.sent >= 0 {
		return flags[ev.sent]
	}
	r := st.doc.Paragraphs[ev.para].Sentences
	for si := r.First; si < r.End; si++ {
		if flags[si] {
			return true
		}
	}
	return false
}

// flagSentences combines the evidence per sentence and returns which
// sentences reach threshold and, for each, the index of its strongest
// evidence (-1 when none).
func (st *articleState) flagSentences(threshold float64) ([]bool, []int) {
	n := len(st.doc.Sentences)
	keep := make([]float64, n) // Π(1 - w) per sentence
	strongest := make([]int, n)
	for i := range keep {
		keep[i], strongest[i] = 1, -1
	}
	stronger := func(i, j int) bool { // is evidence i stronger than j?
		if j < 0 {
			return true
		}
		a, b := st.evidence[i], st.evidence[j]
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.rule < b.rule
	}
	apply := func(si, ei int) {
		keep[si] *= 1 - clamp01(st.evidence[ei].weight)
		if stronger(ei, strongest[si]) {
			strongest[si] = ei
		}
	}
	for ei, ev := range st.evidence {
		if ev.sent >= 0 {
			apply(ev.sent, ei)
			continue
		}
		r := st.doc.Paragraphs[ev.para].Sentences
		for si := r.First; si < r.End; si++ {
			apply(si, ei)
		}
	}
	flags := make([]bool, n)
	for i := range flags {
		flags[i] = strongest[i] >= 0 && 1-keep[i] >= threshold-1e-9
	}
	return flags, strongest
}

// paragraphFlags marks paragraphs at least half of whose words are in
// flagged sentences (or, for a paragraph without words, any of whose
// sentences is flagged).
func (st *articleState) paragraphFlags(flags []bool) []bool {
	out := make([]bool, len(st.doc.Paragraphs))
	for pi, p := range st.doc.Paragraphs {
		total, flagged, any := 0, 0, false
		for si := p.Sentences.First; si < p.Sentences.End; si++ {
			total += st.words[si]
			if flags[si] {
				flagged += st.words[si]
				any = true
			}
		}
		out[pi] = any && 2*flagged >= total
	}
	return out
}

// score builds the boilerplate score: each flagged sentence's words count
// under the rule of its strongest evidence.
func (b *boilerplateRules) score(st *articleState, drafts []draft, byComponent map[string][]int) Score {
	sc := Score{Name: Boilerplate}
	if st.total == 0 {
		return sc
	}
	words := map[string]int{}
	flagged := 0
	for si, f := range st.sentFlags {
		if f {
			words[st.evidence[st.strongest[si]].rule] += st.words[si]
			flagged += st.words[si]
		}
	}
	sc.Value = clamp01(float64(flagged) / float64(st.total))
	// Every rule with findings is a component, weighing its strongest
	// finding; one whose findings all sit in sentences another rule
	// explains better has value 0.
	for key, idx := range byComponent {
		kind, rule, _ := strings.Cut(key, "\x00")
		if kind != Boilerplate {
			continue
		}
		w := 0.0
		for _, i := range idx {
			w = max(w, drafts[i].Weight)
		}
		sc.Components = append(sc.Components, Component{Name: rule, Weight: w, Value: float64(words[rule]) / float64(st.total), Findings: idx})
	}
	sort.Slice(sc.Components, func(i, j int) bool { return sc.Components[i].Name < sc.Components[j].Name })
	return sc
}
