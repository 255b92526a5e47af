package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	// Word is a run of letters and digits that starts with a letter, or that
	// mixes letters and digits ("5th"), with inner apostrophes and hyphens
	// ("Korea’s", "Jung-kwan") and dotted abbreviations ("U.S.").
	Word TokenKind = iota + 1
	// Number is a run of digits with inner separators: "1,000", "2.5",
	// "3:15", "2026-01-29".
	Number
	// Punct is a punctuation mark; a run of full stops is one token ("...").
	Punct
	// Symbol is a currency, maths or other symbol ("$", "%", "©").
	Symbol
	// Link is a URL or an e-mail address, kept whole.
	Link
)

// String names the kind in lower case.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	case Link:
		return "link"
	}
	return "unknown"
}

// Token is one word, number, link or punctuation mark of a text.
type Token struct {
	Span
	// Kind classifies the token.
	Kind TokenKind
	// Norm is the comparison form of the token's text (see Fold).
	Norm string
}

// IsWordLike reports whether the token is a word or a number, the units that
// word counts and similarity measures use.
func (t Token) IsWordLike() bool { return t.Kind == Word || t.Kind == Number }

// linkPattern finds URLs and e-mail addresses, which are kept as one token
// and never split into sentences.
var linkPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"“”]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)

// findLinks returns the spans of URLs and e-mail addresses inside span sp of
// text, with trailing sentence punctuation left out of each link.
func findLinks(text string, sp Span) []Span {
	seg := text[sp.Start:sp.End]
	if !strings.ContainsAny(seg, "@/.") {
		return nil
	}
	var out []Span
	for _, m := range linkPattern.FindAllStringIndex(seg, -1) {
		end := m[1]
		for end > m[0] {
			r, w := utf8.DecodeLastRuneInString(seg[m[0]:end])
			if !strings.ContainsRune(".,;:!?)]}'\"’”", r) {
				break
			}
			end -= w
		}
		if end > m[0] {
			out = append(out, Span{sp.Start + m[0], sp.Start + end})
		}
	}
	return out
}

// Tokenize splits the span sp of text into tokens, appending them to dst.
// links are the URL and e-mail spans inside sp (from findLinks), in order.
func tokenize(dst []Token, text string, sp Span, links []Span) []Token {
	i := sp.Start
	li := 0
	for i < sp.End {
		for li < len(links) && links[li].End <= i {
			li++
		}
		if li < len(links) && links[li].Start == i {
			l := links[li]
			dst = append(dst, Token{Span: l, Kind: Link, Norm: Fold(text[l.Start:l.End])})
			i = l.End
			continue
		}
		limit := sp.End
		if li < len(links) && links[li].Start < limit {
			limit = links[li].Start
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case isSpace(r):
			i += w
		case isWordRune(r):
			end, kind := scanWord(text, i, limit)
			dst = append(dst, Token{Span: Span{i, end}, Kind: kind, Norm: Fold(text[i:end])})
			i = end
		case r == '.':
			end := i + 1
			for end < limit && text[end] == '.' {
				end++
			}
			dst = append(dst, Token{Span: Span{i, end}, Kind: Punct, Norm: text[i:end]})
			i = end
		default:
			kind := Punct
			if unicode.IsSymbol(r) || strings.ContainsRune("%‰‱#&@°§¶†‡", r) {
				kind = Symbol
			}
			dst = append(dst, Token{Span: Span{i, i + w}, Kind: kind, Norm: Fold(text[i : i+w])})
			i += w
		}
	}
	return dst
}

// scanWord returns the end of the word or number starting at i and its kind.
func scanWord(text string, i, limit int) (int, TokenKind) {
	if n := dottedAbbrevLen(text, i, limit); n > 0 {
		return i + n, Word
	}
	j := i
	prev := rune(0)
	letters := false
	for j < limit {
		r, w := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				letters = true
			}
			prev = r
			j += w
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[min(j+w, limit):limit])
		if j+w >= limit {
			next = 0
		}
		switch {
		case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next):
		case (r == '-' || r == '‐' || r == '‑') && isWordRune(prev) && isWordRune(next):
		case (r == '.' || r == ',' || r == ':' || r == '/') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		default:
			if letters {
				return j, Word
			}
			return j, Number
		}
		prev = r
		j += w
	}
	if letters {
		return j, Word
	}
	return j, Number
}

// dottedAbbrevLen returns the byte length of a dotted abbreviation such as
// "U.S." or "a.m." starting at i (single letters each followed by a full
// stop, at least two of them), or 0 when there is none.
func dottedAbbrevLen(text string, i, limit int) int {
	j, n := i, 0
	for j < limit {
		r, w := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) || j+w >= limit || text[j+w] != '.' {
			break
		}
		j += w + 1
		n++
	}
	if n < 2 {
		return 0
	}
	return j - i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}
