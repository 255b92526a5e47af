package refind

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// patterns exercise what Finder has to get right: word boundaries at the
// start and end, case folding (with the long s and the Kelvin sign),
// anchors, multi-line mode, classes, repetition, groups, alternatives that
// share prefixes, and runes outside ASCII.
var patterns = []string{
	`(?i)(?:\bsaid\b|\bsays\b|\bsay\b|\baccording\s+to\b|\bsaying\b|['’]ll\b)`,
	`\b(?P<month>January|Jan|JANUARY|May|MAY)\b\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<year>\d{4})\b)?`,
	`(?i)\b(?P<rel>yesterday|this\s+week|last\s+week(?:end)?|the\s+day\s+before\s+yesterday)\b`,
	`(?:\b(?P<mod>(?i:last|next|this))\s+)?\b(?P<wd>Monday|Friday)\b`,
	`\b(\d{4})-(\d{2})-(\d{2})\b`,
	`(?i)\b(?P<n>\d{1,3}|one|two|a|an)\s+(?P<unit>days?|weeks?)\s+(?:ago)\b`,
	`^said`, `(?m)^said`, `said$`, `(?m)said$`, `\Bsaid`, `a\b`, `\b-`, `-\b`,
	`(?i)straße|STRASSE`, `(?i)k`, `(?i)s\b`, `é+`, `[à-ÿ]{2}`, `\p{Greek}+`,
	`(?s)a.b`, `a.b`, `x*y`, `(ab)+c`, `(?:ab|a)(?:bc|c)`, `a{2,3}`, `(a|b|)c`, `[^a-z]q`,
	`(?U)a+`, `(?i)(?:%|per\s+cent|percent)`, `\$\d+`, `“[^”]*”`,
}

// nullable patterns must be left to regexp.
var nullable = []string{``, `a*`, `\b`, `(?:a|)`, `^`, `x?`}

var alphabet = []string{
	"a", "b", "c", "q", "x", "y", "k", "K", "s", "S", "said", "SAID", "Say", "sa", "according", "to",
	"’ll", "'ll", " ", "  ", "\n", "\t", ".", ",", "-", "–", "%", "$", "1", "12", "2026", "2026-01-29",
	"January", "Jan", "May", "may", "Monday", "last", "week", "weekend", "yesterday", "ago", "days",
	"two", "per cent", "é", "ß", "straße", "STRASSE", "\u017f", "\u212a", "α", "β", "“", "”", "\xff", "\xe2\x80",
	"_", "ab", "abc",
}

// samples match the patterns, in some context.
var samples = []string{
	"Jan 3", "on January 29, 2026.", "MAY 12th 2025", "May 1 1999x", "two days ago", "3 WEEKS ago.", "an day ago",
	"last Monday", "NEXT Friday!", "the day before yesterday", "thi\u017f week", "last weekend", "2026-01-29",
	"\xff2026-01-29\xff", "they said, according to him", "it’ll", "a\u212a",
}

// randomText strings n pieces of the alphabet together, often with a
// space between.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 && rng.IntN(2) == 0 {
			b.WriteByte(' ')
		}
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

// check compares every method of a Finder with regexp on s.
func check(t *testing.T, re *regexp.Regexp, f *Finder, s string) {
	t.Helper()
	require.Equal(t, re.FindAllStringSubmatchIndex(s, -1), f.FindAllStringSubmatchIndex(s), "%s on %q", re, s)
	require.Equal(t, re.FindAllStringIndex(s, -1), f.FindAllStringIndex(s), "%s on %q", re, s)
	require.Equal(t, re.FindStringIndex(s), f.FindStringIndex(s), "%s on %q", re, s)
	require.Equal(t, re.MatchString(s), f.MatchString(s), "%s on %q", re, s)
	want := re.FindStringIndex(s)
	if want != nil && want[0] != 0 {
		want = nil
	}
	require.Equal(t, want, f.PrefixIndex(s), "%s on %q", re, s)
}

func TestFinderAgreesWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	texts := append(append([]string{""}, alphabet...), samples...)
	for range 5000 {
		texts = append(texts, randomText(rng, 1+rng.IntN(12)))
	}
	for range 1000 {
		a, b := samples[rng.IntN(len(samples))], samples[rng.IntN(len(samples))]
		texts = append(texts, randomText(rng, 2)+a+randomText(rng, 2)+b)
	}
	for _, p := range patterns {
		t.Run(p, func(t *testing.T) {
			re := regexp.MustCompile(p)
			f := New(re)
			assert.True(t, f.Accelerated(), "%s should be accelerated", p)
			found := 0
			for _, s := range texts {
				check(t, re, f, s)
				found += len(re.FindAllStringIndex(s, -1))
			}
			assert.Positive(t, found, "no text matches %s", p)
		})
	}
}

func TestNullableLeftToRegexp(t *testing.T) {
	for _, p := range nullable {
		re := regexp.MustCompile(p)
		f := New(re)
		assert.False(t, f.Accelerated(), p)
		for _, s := range []string{"", "a", "ba a", "\xff"} {
			check(t, re, f, s)
		}
	}
}

func TestStartRunes(t *testing.T) {
	tests := []struct {
		pattern        string
		free, bounded  string // runes that may start a match: anywhere, after a word boundary
		none           string // runes that never start one
		wantAutomaton  bool
		mayMatch, nope []string // texts the automaton lets through, or rules out
	}{
		{`(?i)\b(?:said|told)\b`, "", "sStTſ", "aä'", true, []string{"said", "SAID ", "to\u00e9"}, []string{"sad", "x", "sai ", "tol"}},
		{`['’]ll\b`, "'’", "", "l", true, []string{"'ll", "'ll!"}, []string{"'x", "'l"}},
		{`\d{4}-\d{2}`, "0123456789", "", "a-", true, []string{"2026-01", "2026-\u00e9"}, []string{"2a", "2026-x", "20"}},
		{`(?s).x`, "a\n\xff", "", "", true, []string{"ax"}, []string{"ab"}},
	}
	for _, tc := range tests {
		t.Run(tc.pattern, func(t *testing.T) {
			f := New(regexp.MustCompile(tc.pattern)).accelerator()
			require.NotNil(t, f)
			for _, r := range tc.free {
				assert.True(t, f.free.has(r), "free %q", r)
			}
			for _, r := range tc.bounded {
				assert.True(t, f.bounded.has(r), "bounded %q", r)
				assert.False(t, f.free.has(r), "not free %q", r)
			}
			for _, r := range tc.none {
				assert.False(t, f.free.has(r) || f.bounded.has(r), "no start %q", r)
			}
			require.Equal(t, tc.wantAutomaton, f.auto != nil)
			for _, s := range tc.mayMatch {
				assert.True(t, f.auto.mayMatch(s), "may match %q", s)
			}
			for _, s := range tc.nope {
				assert.False(t, f.auto.mayMatch(s), "cannot match %q", s)
			}
		})
	}
}

func FuzzFinder(f *testing.F) {
	f.Add(0, "said according to the ’ll SAID")
	f.Add(1, "On Monday, January 29, 2026 and Jan 3 2025")
	f.Add(4, "2026-01-29 2026-1-2")
	f.Add(2, "thi\u017f week, last weekend, the day before yesterday")
	f.Add(5, "two days ago, 3 weeks ago, a day ago")
	var finders []*Finder
	var res []*regexp.Regexp
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		res, finders = append(res, re), append(finders, New(re))
	}
	f.Fuzz(func(t *testing.T, which int, s string) {
		if which < 0 {
			which = -which
		}
		i := which % len(res)
		check(t, res[i], finders[i], s)
	})
}

// BenchmarkFinder looks for attribution verbs in 200 sentences of news
// prose, with a Finder and with regexp.
func BenchmarkFinder(b *testing.B) {
	re := regexp.MustCompile(patterns[0])
	f := New(re)
	sentence := "The minister, who met the union on Monday, told reporters the deal was “a fair one for everybody” and that talks would resume; according to the statement, nobody else said anything. "
	text := strings.Repeat(sentence, 200)
	b.Run("finder", func(b *testing.B) {
		for b.Loop() {
			f.FindAllStringIndex(text)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			re.FindAllStringIndex(text, -1)
		}
	})
}
