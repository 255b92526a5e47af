package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison form of s: compatibility-normalised, lower
// case, with diacritics removed ("Renée" → "renee"), curly quotes made
// straight, every dash and hyphen made "-", and the ellipsis character
// spelled "...". Two spellings a reader would call the same word fold to the
// same string. The result is in NFC. Invalid UTF-8 bytes become U+FFFD.
//
// Fold is meant for tokens and short phrases; it allocates only when s holds
// upper-case or non-ASCII characters.
func Fold(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue // combining accents left over from decomposition
		}
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

// foldSpecial maps characters that NFKD does not reduce to a plain form.
var foldSpecial = map[rune]string{
	// quotes and primes
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", '´': "'",
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	'‹': "'", '›': "'",
	// dashes and minus signs
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-", '⁃': "-",
	// letters without a canonical decomposition
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
	'ı': "i", 'ħ': "h", 'Ħ': "h",
	// spacing
	'\u00a0': " ", '\u2009': " ", '\u202f': " ",
}

// IsDash reports whether r is a hyphen, dash or minus sign.
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '⁃':
		return true
	}
	return false
}

// IsQuote reports whether r is a straight or typographic quotation mark.
func IsQuote(r rune) bool {
	switch r {
	case '"', '\'', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›':
		return true
	}
	return false
}
