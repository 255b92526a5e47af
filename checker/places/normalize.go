package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Normalize returns the key under which a place name is looked up: folded
// with text.Fold (lower case, accents removed: "Trois-Rivières" →
// "trois rivieres"), apostrophes and full stops dropped ("U.S." → "us",
// "Côte d’Ivoire" → "cote divoire"), "&" spelled "and", every other
// character that is not a letter or digit made a space, runs of spaces made
// one, and the words "saint", "sainte", "mount" and "fort" shortened to
// "st", "ste", "mt" and "ft" so that both spellings meet. Invalid UTF-8 bytes
// count as spaces. The result is "" when s holds no letter or digit.
//
// Normalize allocates only when s is not already in key form.
func Normalize(s string) string {
	if isKey(s) {
		return s
	}
	if k, ok := asciiKey(s); ok {
		return k
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = text.Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next letter or digit
	word := 0      // where the current word starts in b
	for _, r := range s {
		switch {
		case r == '\'' || r == '.' || r == 'ʼ' || r == 'ʻ' || r == 'ʹ':
			continue // "U.S." → "us", "Xi'an" → "xian"
		case r == '&':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("and")
			space = true
			word = b.Len()
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				shortenWord(&b, word)
				b.WriteByte(' ')
				word = b.Len()
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	shortenWord(&b, word)
	return b.String()
}

// shortenWord replaces the word that starts at from and runs to the end of
// b with its short form, if it has one.
func shortenWord(b *strings.Builder, from int) {
	w := b.String()[from:]
	short, ok := shortWord(w)
	if !ok {
		return
	}
	head := b.String()[:from]
	b.Reset()
	b.WriteString(head)
	b.WriteString(short)
}

// shortWord returns the short form of a word that place names spell
// both in full and shortened; keys hold the short form.
func shortWord(w string) (string, bool) {
	switch w {
	case "saint":
		return "st", true
	case "sainte":
		return "ste", true
	case "mount":
		return "mt", true
	case "fort":
		return "ft", true
	}
	return "", false
}

// asciiKey is Normalize for ASCII text, in one pass; it reports false
// when s holds other characters.
func asciiKey(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := false
	word := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == '\'' || c == '.':
			continue
		case c == '&':
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, "and"...)
			space = true
			word = len(b)
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = shortenASCII(b, word)
			b = append(b, ' ')
			word = len(b)
		}
		space = false
		b = append(b, c)
	}
	return string(shortenASCII(b, word)), true
}

// shortenASCII replaces the word that starts at from and runs to the end
// of b with its short form, if it has one.
func shortenASCII(b []byte, from int) []byte {
	if short, ok := shortWord(string(b[from:])); ok {
		return append(b[:from], short...)
	}
	return b
}

// isKey reports whether s is already in key form: lower-case ASCII letters
// and digits in words separated by single spaces, none of them a word that
// Normalize shortens.
func isKey(s string) bool {
	if s == "" {
		return true
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i == start {
				return false // leading, trailing or double space
			}
			if _, ok := shortWord(s[start:i]); ok {
				return false
			}
			start = i + 1
			continue
		}
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
