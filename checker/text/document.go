package text

import (
	"sort"
	"unicode/utf8"
)

// Paragraph is a block of text: a line of its own, or several lines joined
// when the text is hard-wrapped.
type Paragraph struct {
	Span
	// Line is the 1-based line on which the paragraph starts.
	Line int
	// Sentences is the index range [First, End) of the paragraph's sentences
	// in Document.Sentences.
	Sentences IndexRange
}

// Sentence is one sentence, or one heading or list item, of a paragraph.
type Sentence struct {
	Span
	// Paragraph is the index of the paragraph holding the sentence.
	Paragraph int
	// Tokens is the index range of the sentence's tokens in Document.Tokens.
	Tokens IndexRange
}

// IndexRange is a half-open range [First, End) of slice indices.
type IndexRange struct {
	First, End int
}

// Len returns the number of indices in the range.
func (r IndexRange) Len() int { return r.End - r.First }

// Document is a segmented text. It is immutable once built and safe to share
// between goroutines.
type Document struct {
	// Text is the text that every span indexes.
	Text string
	// Paragraphs, Sentences and Tokens are in text order; each sentence lies
	// inside its paragraph and each token inside its sentence.
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	// lineStarts holds the byte offset of the start of each line.
	lineStarts []int
}

// Parse segments text with the default English segmenter.
func Parse(text string) *Document { return DefaultSegmenter().Parse(text) }

// Parse segments text into paragraphs, sentences and tokens. Invalid UTF-8 is
// tolerated: each bad byte is treated as one unknown symbol and spans stay on
// byte boundaries that a decoder would respect.
func (sg *Segmenter) Parse(text string) *Document {
	d := &Document{Text: text, lineStarts: lineStarts(text)}
	for _, p := range sg.paragraphs(text) {
		pi := len(d.Paragraphs)
		first := len(d.Sentences)
		links := findLinks(text, p)
		for _, s := range sg.sentences(text, p, links) {
			t0 := len(d.Tokens)
			d.Tokens = tokenize(d.Tokens, text, s, linksIn(links, s))
			d.Sentences = append(d.Sentences, Sentence{Span: s, Paragraph: pi, Tokens: IndexRange{t0, len(d.Tokens)}})
		}
		d.Paragraphs = append(d.Paragraphs, Paragraph{Span: p, Line: d.Line(p.Start), Sentences: IndexRange{first, len(d.Sentences)}})
	}
	return d
}

func linksIn(links []Span, s Span) []Span {
	lo := sort.Search(len(links), func(i int) bool { return links[i].End > s.Start })
	hi := lo
	for hi < len(links) && links[hi].Start < s.End {
		hi++
	}
	return links[lo:hi]
}

// Slice returns the text under s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// Line returns the 1-based line number of byte offset off. Line breaks are
// "\n", "\r\n" and "\r".
func (d *Document) Line(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// Column returns the 1-based column, in runes, of byte offset off.
func (d *Document) Column(off int) int {
	line := d.Line(off)
	start := d.lineStarts[line-1]
	return utf8.RuneCountInString(d.Text[start:off]) + 1
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	r := d.Sentences[i].Tokens
	return d.Tokens[r.First:r.End]
}

// ParagraphSentences returns the sentences of paragraph i.
func (d *Document) ParagraphSentences(i int) []Sentence {
	r := d.Paragraphs[i].Sentences
	return d.Sentences[r.First:r.End]
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1 when off falls between sentences.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// Words counts the word and number tokens of the document.
func (d *Document) Words() int {
	return CountWords(d.Tokens)
}

// CountWords counts the word and number tokens in toks.
func CountWords(toks []Token) int {
	n := 0
	for _, t := range toks {
		if t.IsWordLike() {
			n++
		}
	}
	return n
}

// lineStarts returns the byte offsets at which lines start.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}
