package rewrite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// word is one word or number of a document in the form the stage compares.
type word struct {
	key    uint64  // hash of the word's stem (see stem)
	tok    int32   // index into Document.Tokens
	weight float32 // weight in sentence similarity
	flen   uint16  // length of flat(norm), capped at 65535
	flags  uint8
}

const (
	flagFunction uint8 = 1 << iota // a function word
	flagAnchor                     // a number or a capitalised word inside a sentence
	flagNumber                     // a number
	flagQuoted                     // inside a double-quoted passage
)

func (w word) is(f uint8) bool { return w.flags&f != 0 }

// sentenceWords locates one sentence's words in prepared.words.
type sentenceWords struct {
	first, end int32 // [first, end) in prepared.words
	content    int32 // words that are not function words
}

// prepared is a document with its words, sentences and quotations in the
// stage's comparison form. It is read-only once built.
type prepared struct {
	doc     *text.Document
	words   []word
	sents   []sentenceWords
	content int         // content words in the whole document
	quotes  []text.Span // inner spans of double-quoted passages, in order
}

// span returns the words of sentences [i, j).
func (p *prepared) span(i, j int) []word {
	return p.words[p.sents[i].first:p.sents[j-1].end]
}

// contentOf counts the content words of sentences [i, j).
func (p *prepared) contentOf(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		n += int(p.sents[k].content)
	}
	return n
}

// norm returns the comparison form of w.
func (p *prepared) norm(w word) string { return p.doc.Tokens[w.tok].Norm }

// prepare builds the comparison form of doc. Sentences of excluded
// paragraphs get no words, so nothing compares or aligns them.
func (c *config) prepare(doc *text.Document, exclude []bool) *prepared {
	p := &prepared{doc: doc, sents: make([]sentenceWords, len(doc.Sentences))}
	p.quotes = findQuotes(doc)
	p.words = make([]word, 0, len(doc.Tokens))
	q := 0
	for si, s := range doc.Sentences {
		sw := sentenceWords{first: int32(len(p.words))}
		if s.Paragraph < len(exclude) && exclude[s.Paragraph] {
			sw.end = sw.first
			p.sents[si] = sw
			continue
		}
		firstWord := true
		for ti := s.Tokens.First; ti < s.Tokens.End; ti++ {
			t := &doc.Tokens[ti]
			if !t.IsWordLike() {
				continue
			}
			for q < len(p.quotes) && p.quotes[q].End <= t.Start {
				q++
			}
			w := word{tok: int32(ti), key: hashString(stem(t.Norm)), weight: 1, flen: uint16(min(len(flat(t.Norm)), 65535))}
			switch {
			case t.Kind == text.Number:
				w.flags |= flagNumber | flagAnchor
			case c.functionWords[t.Norm]:
				w.flags |= flagFunction
			case !firstWord && startsUpper(doc.Text[t.Start:t.End]):
				w.flags |= flagAnchor
			}
			if q < len(p.quotes) && p.quotes[q].Contains(t.Span) {
				w.flags |= flagQuoted
			}
			switch {
			case w.is(flagFunction):
				w.weight = float32(c.simFunctionWeight)
			case w.is(flagAnchor):
				w.weight = float32(c.simAnchorWeight)
			}
			if !w.is(flagFunction) {
				sw.content++
			}
			firstWord = false
			p.words = append(p.words, w)
		}
		sw.end = int32(len(p.words))
		p.content += int(sw.content)
		p.sents[si] = sw
	}
	return p
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// findQuotes returns the inner spans of double-quoted passages: text between
// an opening and a closing double quote in the same paragraph. A paragraph
// with an odd number of quote marks leaves its last one unpaired.
func findQuotes(doc *text.Document) []text.Span {
	var out []text.Span
	for _, par := range doc.Paragraphs {
		if par.Sentences.Len() == 0 {
			continue
		}
		first := doc.Sentences[par.Sentences.First].Tokens.First
		end := doc.Sentences[par.Sentences.End-1].Tokens.End
		open := -1
		for ti := first; ti < end; ti++ {
			t := doc.Tokens[ti]
			if t.Kind != text.Punct || t.Norm != `"` {
				continue
			}
			if open < 0 {
				open = t.End
				continue
			}
			if q, ok := trimQuote(doc, first, ti, open); ok {
				out = append(out, q)
			}
			open = -1
		}
	}
	return out
}

// trimQuote returns the span from the first to the last word or number
// between byte offset open and token close, or false when there is none.
func trimQuote(doc *text.Document, first, closeTok, open int) (text.Span, bool) {
	q := text.Span{Start: -1}
	for k := first; k < closeTok; k++ {
		t := doc.Tokens[k]
		if t.Start < open || !t.IsWordLike() {
			continue
		}
		if q.Start < 0 {
			q.Start = t.Start
		}
		q.End = t.End
	}
	return q, q.Start >= 0
}

// flat is a word's comparison form without hyphens, apostrophes and dots, so
// that "co-ordinate" meets "coordinate" and "U.S." meets "US".
func flat(norm string) string {
	clean := true
	for i := 0; i < len(norm) && clean; i++ {
		switch norm[i] {
		case '-', '\'', '.', ',':
			clean = false
		}
	}
	if clean {
		return norm
	}
	var b strings.Builder
	b.Grow(len(norm))
	for i := 0; i < len(norm); i++ {
		switch norm[i] {
		case '-', '\'', '.', ',':
		default:
			b.WriteByte(norm[i])
		}
	}
	return b.String()
}

// stem reduces a folded word to a crude stem so that inflected forms meet:
// possessives, plurals and the -ed and -ing endings go, and so does a final
// e ("provide", "provided", "providing" → "provid"). It is deliberately
// small: the stage needs inflections to match, not a linguist's stem.
func stem(norm string) string {
	s := flat(norm)
	if strings.HasSuffix(norm, "'s") {
		s = flat(norm[:len(norm)-2])
	}
	n := len(s)
	switch {
	case n > 4 && strings.HasSuffix(s, "ies"):
		s = s[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(s, "sses") || strings.HasSuffix(s, "shes") || strings.HasSuffix(s, "ches") || strings.HasSuffix(s, "xes")):
		s = s[:n-2]
	case n > 3 && s[n-1] == 's' && s[n-2] != 's' && s[n-2] != 'u' && s[n-2] != 'i':
		s = s[:n-1]
	}
	n = len(s)
	switch {
	case n > 5 && strings.HasSuffix(s, "ing"):
		s = s[:n-3]
	case n > 4 && strings.HasSuffix(s, "ed"):
		s = s[:n-2]
	}
	if n = len(s); n > 3 && s[n-1] == 'e' {
		s = s[:n-1]
	}
	return s
}

// hashString is 64-bit FNV-1a followed by a final mix, so that keys spread
// well when MinHash permutes them.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}

// mix64 is the splitmix64 finaliser: a bijection on 64-bit words whose
// output bits each depend on every input bit.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// gluedWords returns the words of p that end in a glue word stuck to a head
// of at least glue-min-head letters that is not itself a function word:
// "budgetsfor", "harbourwhich", "Ministrythe". It needs no other article, so
// it also finds glued words in passages the other side lacks.
func (c *config) gluedWords(p *prepared) []artefact {
	var out []artefact
	for _, w := range p.words {
		t := p.doc.Tokens[w.tok]
		if t.Kind != text.Word || w.is(flagFunction) || len(t.Norm) < c.glueMinHead+2 || !allLetters(t.Norm) {
			continue
		}
		for _, g := range c.glueWords {
			head := len(t.Norm) - len(g)
			if head >= c.glueMinHead && strings.HasSuffix(t.Norm, g) && !c.functionWords[t.Norm[:head]] {
				out = append(out, artefact{span: t.Span, text: p.doc.Slice(t.Span)})
				break
			}
		}
	}
	return out
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
