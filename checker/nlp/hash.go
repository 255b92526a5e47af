package nlp

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes: a template number mixed with the hashes or
// small integers it combines. Training keys its weights on the full hash;
// the model file keeps the upper 32 bits (see key32), enough that an unseen
// feature meets a stored one about once in 4,000 look-ups per million
// stored features, a noise the weights shrug off.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	mulA      = 0x9E3779B97F4A7C15
	mulB      = 0x94D049BB133111EB
)

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// comb folds v into the running hash h.
func comb(h, v uint64) uint64 {
	h ^= v * mulA
	return bits.RotateLeft64(h, 29) * mulB
}

// fin is the MurmurHash3 finaliser: it spreads every input bit over the
// whole word so that both halves of a feature hash are usable.
func fin(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xFF51AFD7ED558CCD
	h ^= h >> 33
	h *= 0xC4CEB9FE1A85EC53
	h ^= h >> 33
	return h
}

func feat1(t, a uint64) uint64       { return fin(comb(comb(t, a), 1)) }
func feat2(t, a, b uint64) uint64    { return fin(comb(comb(comb(t, a), b), 2)) }
func feat3(t, a, b, c uint64) uint64 { return fin(comb(comb(comb(comb(t, a), b), c), 3)) }

// key32 is the part of a feature hash a model file stores.
func key32(f uint64) uint32 { return uint32(f >> 32) }

// normalize appends the comparison form of word w to dst: lower case, every
// ASCII digit as '0', curly single quotes as a straight apostrophe, curly
// double quotes as the treebank's two backquotes or two apostrophes, en and
// em dashes as two hyphens. Invalid UTF-8 bytes are kept.
func normalize(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, c)
			i++
			continue
		}
		i += size
		switch r {
		case '‘', '’', '‛', '′':
			dst = append(dst, '\'')
		case '“', '„', '‟':
			dst = append(dst, '`', '`')
		case '”', '″':
			dst = append(dst, '\'', '\'')
		case '–', '—', '―':
			dst = append(dst, '-', '-')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// Word shape flags.
const (
	flagTitle  = 1 << iota // first letter upper case, some lower case
	flagUpper              // two or more letters, all upper case
	flagDigit              // holds a digit
	flagHyphen             // holds a hyphen
	flagPeriod             // holds a full stop
	flagAlpha              // holds a letter
	flagFirst              // first word of the sentence
)

// shapeOf appends the shape of w to dst ("Xxxx" for "Dhaka" becomes "Xxx":
// upper X, lower x, digit d, other characters as they are, runs longer than
// two cut to two) and returns the flags of w.
func shapeOf(dst []byte, w string) ([]byte, uint64) {
	var flags uint64
	var last byte
	run := 0
	upper, lower := 0, 0
	for i, r := range w {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLower(r):
			c = 'x'
			lower++
			flags |= flagAlpha
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
			upper++
			flags |= flagAlpha
			if i == 0 {
				flags |= flagTitle
			}
		case '0' <= r && r <= '9':
			c = 'd'
			flags |= flagDigit
		case r == '-':
			c = '-'
			flags |= flagHyphen
		case r == '.':
			c = '.'
			flags |= flagPeriod
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsLetter(r):
			c = 'x'
			flags |= flagAlpha
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		dst = append(dst, c)
	}
	if lower == 0 {
		flags &^= flagTitle
		if upper >= 2 {
			flags |= flagUpper
		}
	}
	return dst, flags
}
