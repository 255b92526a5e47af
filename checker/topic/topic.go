// Package topic judges how well each paragraph of an article belongs to the
// story its batch is about. It is a term-support model: a paragraph is on
// topic when the words that carry its content are also used by the other
// articles of the batch, by the article's own title and lead, or by the
// article's other paragraphs.
//
// The model is deliberately simple and explainable. For every distinct
// content term of a paragraph it computes a support in [0,1]; the
// paragraph's relevance is the mean support, shrunk towards a prior so that
// a paragraph of three words is never judged on three words alone. The
// terms that nothing else supports are returned too, so a report can say
// why a paragraph was judged off-topic. Scoring (checker/score) turns
// relevance into off-topic findings; the claim stage reads the same
// verdicts to skip spill.
package topic

import (
	"context"
	"runtime"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// Params tune the model. All are read from the "offtopic" rule pack by the
// caller; none has a built-in default.
type Params struct {
	// BatchShare is the share of the other articles in the batch that must
	// use a term for it to count as fully supported by the batch; fewer
	// give proportionally less support. In (0,1].
	BatchShare float64
	// ArticleSupport is the support, in [0,1], of a term that the article
	// uses in another paragraph outside its title and lead.
	ArticleSupport float64
	// Prior is the relevance assumed before looking at any term, in [0,1].
	Prior float64
	// PriorTerms is how many terms' worth of weight the prior carries; the
	// larger, the more terms a paragraph needs before its own evidence
	// dominates. Zero or more.
	PriorTerms float64
	// LeadParagraphs is how many paragraphs, after the title, make the
	// article's lead.
	LeadParagraphs int
	// LeadMinWords is the fewest words a paragraph needs to count towards
	// the lead; shorter ones (datelines, headings) are passed over.
	LeadMinWords int
	// NameWeight is how much a name-like term (capitalised inside a
	// sentence that is not itself in title case) weighs against an
	// ordinary term's 1: names are the strongest sign of what a paragraph
	// is about. At least 1.
	NameWeight float64
}

// Article is one article of a batch as the model sees it.
type Article struct {
	// Doc is the segmented text.
	Doc *text.Document
	// Title is the headline, or "" when unknown.
	Title string
	// Exclude marks paragraphs, by index in Doc.Paragraphs, that no context
	// may draw on: boilerplate, or lines repeated across the batch. They
	// are still judged. Nil excludes nothing; a shorter slice excludes
	// nothing past its end.
	Exclude []bool
}

// Relevance is the model's judgement of one paragraph.
type Relevance struct {
	// Value is the shrunk mean support of the paragraph's terms, in [0,1].
	Value float64
	// Terms is the number of distinct content terms in the paragraph.
	Terms int
	// Weight is the summed weight of those terms (names weigh
	// Params.NameWeight, other terms 1).
	Weight float64
	// Support is the summed weighted support of those terms (at most
	// Weight).
	Support float64
	// BatchSupport is the part of Support that comes from the other
	// articles of the batch alone, not from the article's own title, lead
	// or paragraphs: how far the paragraph is about the batch's story.
	BatchSupport float64
	// Unsupported lists, in order of first use, the paragraph's terms that
	// no context uses at all.
	Unsupported []string
	// UnsupportedNames counts the unsupported terms used like names.
	UnsupportedNames int
	// Lead reports whether the paragraph is part of the article's lead.
	Lead bool
}

// Model holds the stop words and parameters; it is immutable and safe for
// concurrent use.
type Model struct {
	params Params
	stop   map[string]bool
}

// NewModel returns a model that ignores the given stop words (compared
// after folding with text.Fold).
func NewModel(stopWords []string, p Params) *Model {
	stop := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		stop[text.Fold(strings.TrimSpace(w))] = true
	}
	return &Model{params: p, stop: stop}
}

// Params returns the model's parameters.
func (m *Model) Params() Params { return m.params }

// Term is one distinct content term of a paragraph.
type Term struct {
	// Text is the term's comparison form: folded, singular.
	Text string
	// Name reports whether the term is used like a name: capitalised
	// inside a sentence that is not in title case.
	Name bool
}

// ParagraphTerms returns the distinct content terms of paragraph i of doc,
// in order of first use. A term is a name when any of its uses is.
func (m *Model) ParagraphTerms(doc *text.Document, i int) []Term {
	var out []Term
	place := m.mapPlacer()
	for si := doc.Paragraphs[i].Sentences.First; si < doc.Paragraphs[i].Sentences.End; si++ {
		out = m.appendTerms(out, doc.Text, doc.SentenceTokens(si), place)
	}
	return out
}

// TextTerms returns the distinct content terms of a short text such as a
// title, in order of first use.
func (m *Model) TextTerms(s string) []Term {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	doc := text.Parse(s)
	var out []Term
	place := m.mapPlacer()
	for si := range doc.Sentences {
		out = m.appendTerms(out, doc.Text, doc.SentenceTokens(si), place)
	}
	return out
}

// A placer places a word part's term in a list of distinct terms being
// built: it returns the term, or false when the part makes none (a stop
// word), and whether the list holds the term already, at at; when it does
// not, the term's place is next.
type placer func(part string, next int) (term string, at int, seen, ok bool)

// mapPlacer keeps the terms' places in a map.
func (m *Model) mapPlacer() placer {
	index := map[string]int{}
	return func(part string, next int) (string, int, bool, bool) {
		term := m.term(part)
		if term == "" {
			return "", 0, false, false
		}
		if at, ok := index[term]; ok {
			return term, at, true, true
		}
		index[term] = next
		return term, next, false, true
	}
}

// appendTerms appends the distinct content terms of one sentence's tokens
// to dst; place tells the terms already in dst.
func (m *Model) appendTerms(dst []Term, src string, toks []text.Token, place placer) []Term {
	titleCase := isTitleCase(src, toks)
	opener := true // the next word opens the sentence, or a clause after ":", "-" or "("
	for _, tok := range toks {
		if tok.Kind != text.Word {
			if tok.Kind == text.Punct && (tok.Norm == ":" || tok.Norm == "-" || tok.Norm == "(") {
				opener = true
			}
			continue
		}
		upper := startsUpper(src[tok.Start:tok.End])
		name := !titleCase && !opener && upper
		// A run of capitals that opens a sentence or a list label ("Safety
		// Risks:") is not known to be a name.
		opener = opener && upper
		for rest := tok.Norm; ; {
			part, after, hyphen := strings.Cut(rest, "-")
			if term, at, seen, ok := place(part, len(dst)); seen {
				dst[at].Name = dst[at].Name || name
			} else if ok {
				dst = append(dst, Term{Text: term, Name: name})
			}
			if !hyphen {
				break
			}
			rest = after
		}
	}
	return dst
}

// isTitleCase reports whether a sentence reads like a headline, where
// capitals say nothing about names: most of its longer words capitalised
// and no full stop at the end.
func isTitleCase(src string, toks []text.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Kind == text.Punct && (toks[i].Norm == `"` || toks[i].Norm == "'" || toks[i].Norm == ")") {
			continue
		}
		if toks[i].Norm == "." {
			return false
		}
		break
	}
	words, upper := 0, 0
	for _, t := range toks {
		if t.Kind != text.Word || len(t.Norm) < 4 {
			continue // short words ("of", "and", "to") stay lower case in headlines
		}
		words++
		if startsUpper(src[t.Start:t.End]) {
			upper++
		}
	}
	return words > 0 && 10*upper >= 6*words
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// term turns one folded word into a content term, or "" for a stop word or
// a fragment without letters. Possessive endings and regular plurals are
// dropped so that "harbours" and "harbour's" meet "harbour".
func (m *Model) term(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.Trim(w, "'")
	if len(w) < 2 || m.stop[w] || !strings.ContainsFunc(w, unicode.IsLetter) {
		return ""
	}
	w = singular(w)
	if m.stop[w] {
		return ""
	}
	return w
}

// singular strips a regular English plural ending.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// articleModel is what the model knows about one article. Its terms are
// numbered in order of first use, and the counts are kept per number.
type articleModel struct {
	paraTerms [][]Term
	paraIDs   [][]int32 // per paragraph, its terms' numbers, in paraTerms' order
	excluded  []bool
	inLead    []bool
	terms     []string // number → term
	used      []int32  // number → non-excluded paragraphs using it
	lead      []int32  // number → lead units (title, lead paragraphs) using it
	inContext []bool   // number → in the article's context (title, non-excluded paragraphs)
	shard     []int32  // number → the shard of the batch's counts that holds it
	// byShard lists, per shard, the numbers of the article's terms it holds.
	byShard [][]int32
	// counter is, per number, the index of the term's counter in its
	// shard; Judge fills it.
	counter []int32
}

func (m *Model) buildArticle(a Article, shards int) *articleModel {
	doc := a.Doc
	am := &articleModel{
		paraTerms: make([][]Term, len(doc.Paragraphs)),
		paraIDs:   make([][]int32, len(doc.Paragraphs)),
		excluded:  make([]bool, len(doc.Paragraphs)),
		inLead:    make([]bool, len(doc.Paragraphs)),
		byShard:   make([][]int32, shards),
	}
	number := map[string]int32{}
	id := func(t string) int32 {
		n, ok := number[t]
		if !ok {
			n = int32(len(am.terms))
			number[t] = n
			am.terms = append(am.terms, t)
		}
		return n
	}
	var titleIDs []int32
	for _, t := range m.TextTerms(a.Title) {
		titleIDs = append(titleIDs, id(t.Text))
	}
	// Paragraph terms are placed by their article-wide numbers: a term is
	// already in the paragraph's list when it was last placed by this
	// paragraph (placedBy), at placedAt. Each word part's number, or -1 for
	// no term, is kept too: words recur, and m.term is the costly part.
	var placedBy, placedAt []int32
	var ids []int32
	current := int32(0)
	partNumber := map[string]int32{}
	place := func(part string, next int) (string, int, bool, bool) {
		n, known := partNumber[part]
		if !known {
			n = -1
			if t := m.term(part); t != "" {
				n = id(t)
			}
			partNumber[part] = n
		}
		if n < 0 {
			return "", 0, false, false
		}
		for len(placedBy) < len(am.terms) {
			placedBy, placedAt = append(placedBy, -1), append(placedAt, 0)
		}
		if placedBy[n] == current {
			return am.terms[n], int(placedAt[n]), true, true
		}
		placedBy[n], placedAt[n] = current, int32(next)
		ids = append(ids, n)
		return am.terms[n], next, false, true
	}
	for i := range doc.Paragraphs {
		current, ids = int32(i), nil
		for si := doc.Paragraphs[i].Sentences.First; si < doc.Paragraphs[i].Sentences.End; si++ {
			am.paraTerms[i] = m.appendTerms(am.paraTerms[i], doc.Text, doc.SentenceTokens(si), place)
		}
		am.paraIDs[i] = ids
	}
	am.used = make([]int32, len(am.terms))
	am.lead = make([]int32, len(am.terms))
	am.inContext = make([]bool, len(am.terms))
	for _, n := range titleIDs {
		am.lead[n]++
		am.inContext[n] = true
	}
	leadLeft := m.params.LeadParagraphs
	for i, ids := range am.paraIDs {
		am.excluded[i] = i < len(a.Exclude) && a.Exclude[i]
		if am.excluded[i] {
			continue
		}
		for _, n := range ids {
			am.used[n]++
			am.inContext[n] = true
		}
		if leadLeft > 0 && paragraphWords(doc, i) >= m.params.LeadMinWords {
			leadLeft--
			am.inLead[i] = true
			for _, n := range ids {
				am.lead[n]++
			}
		}
	}
	am.shard = make([]int32, len(am.terms))
	am.counter = make([]int32, len(am.terms))
	for n, t := range am.terms {
		am.shard[n] = int32(shardOf(t, shards))
		am.byShard[am.shard[n]] = append(am.byShard[am.shard[n]], int32(n))
	}
	return am
}

// shardOf spreads terms over shards by an FNV-1a hash, so that the batch's
// term counts can be made in parallel, each shard counting its own terms.
func shardOf(t string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(t); i++ {
		h = (h ^ uint32(t[i])) * 16777619
	}
	return int(h % uint32(shards))
}

func paragraphWords(doc *text.Document, i int) int {
	n := 0
	for _, s := range doc.ParagraphSentences(i) {
		n += text.CountWords(doc.Tokens[s.Tokens.First:s.Tokens.End])
	}
	return n
}

// Judge returns, for every article of the batch and every paragraph of its
// document, the paragraph's relevance. Work is spread over up to workers
// goroutines (0 means one per CPU). The result depends only on the input.
func (m *Model) Judge(ctx context.Context, batch []Article, workers int) ([][]Relevance, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// How many articles use each term is counted in shards, one goroutine
	// per shard; the counts do not depend on how many shards there are.
	shards := max(1, workers)
	models := make([]*articleModel, len(batch))
	if err := workpool.Run(ctx, len(batch), workers, func(i int) { models[i] = m.buildArticle(batch[i], shards) }); err != nil {
		return nil, err
	}
	counts := make([][]int32, shards) // per shard, the articles using each of its terms
	if err := workpool.Run(ctx, shards, workers, func(s int) {
		n := 0
		for _, am := range models {
			n += len(am.byShard[s])
		}
		index := make(map[string]int32, n/4)
		var c []int32
		for _, am := range models {
			for _, id := range am.byShard[s] {
				k, ok := index[am.terms[id]]
				if !ok {
					k = int32(len(c))
					index[am.terms[id]] = k
					c = append(c, 0)
				}
				if am.inContext[id] {
					c[k]++
				}
				am.counter[id] = k // each shard writes its own terms' entries
			}
		}
		counts[s] = c
	}); err != nil {
		return nil, err
	}
	out := make([][]Relevance, len(batch))
	err := workpool.Run(ctx, len(batch), workers, func(i int) {
		out[i] = m.judgeArticle(models[i], counts, len(batch)-1)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (m *Model) judgeArticle(am *articleModel, counts [][]int32, others int) []Relevance {
	p := m.params
	need := max(1, p.BatchShare*float64(others))
	out := make([]Relevance, len(am.paraTerms))
	for i, terms := range am.paraTerms {
		r := Relevance{Terms: len(terms), Lead: am.inLead[i]}
		self := int32(0) // whether this paragraph's own use must be discounted
		if !am.excluded[i] {
			self = 1
		}
		leadSelf := int32(0)
		if am.inLead[i] {
			leadSelf = 1
		}
		for k, term := range terms {
			n := am.paraIDs[i][k]
			s := 0.0
			if others > 0 {
				otherArticles := counts[am.shard[n]][am.counter[n]]
				if am.inContext[n] {
					otherArticles--
				}
				s = min(1, float64(otherArticles)/need)
			}
			batch := s
			if am.lead[n]-leadSelf > 0 {
				s = 1
			}
			if am.used[n]-self > 0 {
				s = max(s, p.ArticleSupport)
			}
			if s == 0 {
				r.Unsupported = append(r.Unsupported, term.Text)
				if term.Name {
					r.UnsupportedNames++
				}
			}
			w := 1.0
			if term.Name {
				w = max(1, p.NameWeight)
			}
			r.Weight += w
			r.Support += w * s
			r.BatchSupport += w * batch
		}
		r.Value = (r.Support + p.Prior*p.PriorTerms) / (r.Weight + p.PriorTerms)
		if r.Weight == 0 && p.PriorTerms == 0 {
			r.Value = p.Prior
		}
		out[i] = r
	}
	return out
}
