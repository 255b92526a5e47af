package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// FeedArticle is one article of a mixed feed.
type FeedArticle struct {
	ID   string
	Text string
	// Story numbers the story the article reports; articles of one story
	// are the articles of one base batch under one set of names.
	Story int
}

var (
	feedWord   = regexp.MustCompile(`\p{Lu}[\p{L}\p{M}'’-]{2,}`)
	feedNumber = regexp.MustCompile(`\b\d{1,3}\b`)
)

// Feed builds a feed of n articles about many stories from batches of real
// text (each batch a story, such as the fixture batches): it repeats the
// batches, each time under new names (every capitalised word but the
// first of a line gets a suffix the repeat chooses) and with its small
// numbers shifted, so that each repeat is a story of its own whose
// articles agree and disagree as the batch's do. The same batches, n and
// seed give the same feed. It is the shape of a day's scraped feed: many
// stories of a few articles each, with copies among them.
func Feed(batches [][]string, n int, seed uint64) []FeedArticle {
	if len(batches) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var out []FeedArticle
	for story := 0; len(out) < n; story++ {
		base := batches[story%len(batches)]
		if len(base) == 0 {
			if story > 10*len(batches) {
				break
			}
			continue
		}
		suffix := feedSuffix(rng)
		shift := 1 + rng.IntN(9)
		for k, t := range base {
			if len(out) == n {
				break
			}
			text := renameWords(t, suffix)
			text = feedNumber.ReplaceAllStringFunc(text, func(s string) string {
				v, _ := strconv.Atoi(s)
				return strconv.Itoa(v + shift)
			})
			out = append(out, FeedArticle{ID: fmt.Sprintf("s%04d_%02d", story, k), Text: text, Story: story})
		}
	}
	return out
}

// feedSuffix returns a short made-up syllable pair.
func feedSuffix(rng *rand.Rand) string {
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	b := []byte{cons[rng.IntN(len(cons))], vows[rng.IntN(len(vows))], cons[rng.IntN(len(cons))], vows[rng.IntN(len(vows))]}
	return string(b)
}

// renameWords appends suffix to every capitalised word of three or more
// letters that does not start a line or follow a full stop, so names
// change and sentence openings stay English.
func renameWords(t, suffix string) string {
	return replaceIndex(t, feedWord, func(s string, start int) string {
		if start == 0 {
			return s
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:start])
		if prev == '\n' {
			return s
		}
		if before := lastNonSpace(t[:start]); before == '.' || before == '!' || before == '?' || before == '“' || before == '"' || before == 0 {
			return s
		}
		return s + suffix
	})
}

// lastNonSpace returns the last rune of s that is not a space, 0 when none.
func lastNonSpace(s string) rune {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			return r
		}
		s = s[:len(s)-w]
	}
	return 0
}

// replaceIndex is ReplaceAllStringFunc with each match's offset.
func replaceIndex(t string, re *regexp.Regexp, fn func(match string, start int) string) string {
	var b []byte
	last := 0
	for _, m := range re.FindAllStringIndex(t, -1) {
		b = append(b, t[last:m[0]]...)
		b = append(b, fn(t[m[0]:m[1]], m[0])...)
		last = m[1]
	}
	return string(append(b, t[last:]...))
}
