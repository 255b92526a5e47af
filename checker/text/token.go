package text

import (
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
	// ("Chile’s", "Ji-won") and dotted abbreviations ("U.S.").
	Word TokenKind = iota + 1
	// Number is a run of digits with inner separators: "1,000", "2.5",
	// "9:40", "2025-10-14".
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

// findLinks returns the spans of URLs and e-mail addresses inside span sp of
// text, in order, with trailing sentence punctuation left out of each link.
// Links are kept as one token and never split into sentences. A hand-written
// scan rather than a regular expression: this runs on every paragraph, and
// an unanchored e-mail pattern costs more than the rest of segmentation.
func findLinks(text string, sp Span) []Span {
	seg := text[sp.Start:sp.End]
	var out []Span
	for i := 0; i < len(seg); {
		start, end := nextLink(seg, i)
		if start < 0 {
			break
		}
		end = trimLinkEnd(seg, start, end)
		if end > start {
			if n := len(out); n > 0 && out[n-1].End > sp.Start+start {
				out[n-1].End = max(out[n-1].End, sp.Start+end)
			} else {
				out = append(out, Span{sp.Start + start, sp.Start + end})
			}
		}
		i = max(end, start+1)
	}
	return out
}

// nextLink finds the first URL or e-mail address at or after i in s and
// returns its extent, or -1.
func nextLink(s string, i int) (start, end int) {
	for i < len(s) {
		j := strings.IndexAny(s[i:], "@:w")
		if j < 0 {
			return -1, -1
		}
		j += i
		switch s[j] {
		case '@':
			lo := j
			for lo > 0 {
				r, w := utf8.DecodeLastRuneInString(s[:lo])
				if !isEmailRune(r) {
					break
				}
				lo -= w
			}
			hi, dots := j+1, 0
			for hi < len(s) {
				r, w := utf8.DecodeRuneInString(s[hi:])
				if r == '.' {
					dots++
				} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
					break
				}
				hi += w
			}
			if lo < j && dots > 0 && hi > j+1 {
				return lo, hi
			}
		case ':':
			if strings.HasPrefix(s[j:], "://") {
				lo := j
				for lo > 0 && isASCIILetter(s[lo-1]) {
					lo--
				}
				scheme := strings.ToLower(s[lo:j])
				if (scheme == "http" || scheme == "https") && j+3 < len(s) {
					return lo, urlEnd(s, j+3)
				}
			}
		case 'w':
			if strings.HasPrefix(s[j:], "www.") && (j == 0 || !isASCIILetter(s[j-1])) && j+4 < len(s) {
				return j, urlEnd(s, j+4)
			}
		}
		i = j + 1
	}
	return -1, -1
}

func urlEnd(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) || strings.ContainsRune(`<>"“”`, r) {
			break
		}
		i += w
	}
	return i
}

func trimLinkEnd(s string, start, end int) int {
	for end > start {
		r, w := utf8.DecodeLastRuneInString(s[start:end])
		if !strings.ContainsRune(".,;:!?)]}'\"’”", r) {
			break
		}
		end -= w
	}
	return end
}

func isEmailRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._%+-", r)
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

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
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}
