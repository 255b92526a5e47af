package timex

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
	"github.com/crosscheck-news/crosscheck/internal/refind"
)

// trickyDates are strings at the edges of the first pass: other cases,
// fold variants RE2's (?i) accepts (long s, Kelvin sign), dashes, invalid
// bytes, and words that hold a cue without being a date.
var trickyDates = []string{
	"On Wednesday, January 29, 2026, they met.",
	"WEDNESDAY, JANUARY 29, 2026", "SEPT. 3", "Sept. 3", "the 29th of January",
	"It closed in December.", "by mid-January", "in late January", "at the end of February",
	"in early 2025", "the close of 2024", "earlier this week", "EARLIER THIS MONTH",
	"thi\u017f week, the day before ye\u017fterday", "la\u017ft wee\u212aend", "LAST WEE\u212aEND",
	"three days ago", "2 weeks ago", "a dozen years ago", "Chicago", "weekly", "yesterday's",
	"Today", "TONIGHT", "this morning", "2026-01-29", "2026-01-29T10:00", "in 2015", "the 1990s",
	"2015-16", "\xff March 3", "March\xff 3", "Mar. 3–5", "May 12", "may 12", "Jan 2026",
	"Thursday", "thursday", "Thurs.", "last Friday", "this coming Monday", "next\u00a0Monday",
	"The minister will sign on Tuesday.", "nine months ago", "ten\tyears\tago",
}

// dateSentences gathers sentences to test the first pass on: the fixture
// batches, a generated corpus, and the tricky strings.
func dateSentences(t testing.TB) []string {
	t.Helper()
	var out []string
	files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "*", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		doc := text.Parse(string(b))
		for _, s := range doc.Sentences {
			out = append(out, doc.Slice(s.Span))
		}
		out = append(out, doc.Text)
	}
	for _, a := range benchcorpus.Generate(benchcorpus.DefaultOptions(40)).Articles {
		doc := text.Parse(a.Text)
		for _, s := range doc.Sentences {
			out = append(out, doc.Slice(s.Span))
		}
	}
	return append(out, trickyDates...)
}

func TestCueScanner(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		in   string
		want cues
	}{
		{"", 0},
		{"no date here", 0},
		{"42", cueDigit},
		{"1 2 3 4", cueDigit},
		{"2026", cueDigit | cueYear},
		{"January", cueMonth},
		{"JAN", cueMonth},
		{"january", 0},
		{"Wednesday", cueWeekday},
		{"WEDNESDAY", cueWeekday},
		{"Wed", 0},
		{"wednesday", 0},
		{"Late", cuePart},
		{"YESTERDAY", cueRelative},
		{"ye\u017fterday", cueRelative},
		{"wee\u212a", cueRelative},
		{"Chicago", cueAgo},
		{"late last year, 3 days AGO", cuePart | cueRelative | cueAgo | cueDigit},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, r.exprs.cues.scan(tc.in))
		})
	}
}

// datePattern is one of FindAll's patterns with the cues it runs on.
type datePattern struct {
	name string
	re   *refind.Finder
	runs func(cues) bool
}

func datePatterns(r *Reader) []datePattern {
	x := r.exprs
	return []datePattern{
		{"iso", x.iso, func(c cues) bool { return c.has(cueYear) }},
		{"monthDay", x.monthDay, func(c cues) bool { return c.has(cueMonth | cueDigit) }},
		{"dayMonth", x.dayMonth, func(c cues) bool { return c.has(cueMonth | cueDigit) }},
		{"part", x.part, func(c cues) bool { return c.has(cuePart) && (c.has(cueMonth) || c.has(cueYear)) }},
		{"monthYear", x.monthYear, func(c cues) bool { return c.has(cueMonth | cueYear) }},
		{"month", x.month, func(c cues) bool { return c.has(cueMonth) }},
		{"year", x.year, func(c cues) bool { return c.has(cueYear) }},
		{"weekday", x.weekday, func(c cues) bool { return c.has(cueWeekday) }},
		{"relative", x.relative, func(c cues) bool { return c.has(cueRelative) }},
		{"ago", x.ago, func(c cues) bool { return c.has(cueAgo) }},
	}
}

// TestCuesSound checks the claim the first pass rests on: wherever a
// pattern matches, the cues it needs are there. It also checks that each
// pattern's Finder finds what the pattern's regexp finds.
func TestCuesSound(t *testing.T) {
	r := testReader(t)
	x := r.exprs
	patterns := datePatterns(r)
	for _, p := range patterns {
		require.True(t, p.re.Accelerated(), p.name)
	}
	matched := map[string]int{}
	for _, s := range dateSentences(t) {
		c := x.cues.scan(s)
		for _, p := range patterns {
			want := p.re.Regexp().FindAllStringSubmatchIndex(s, -1)
			require.Equal(t, want, p.re.FindAllStringSubmatchIndex(s), "pattern %s on %q", p.name, s)
			if want != nil {
				matched[p.name]++
				require.True(t, p.runs(c), "pattern %s matches %q, but the first pass found cues %07b", p.name, s, c)
			}
		}
	}
	for _, p := range patterns {
		assert.Positive(t, matched[p.name], "no test sentence exercises pattern %s", p.name)
	}
}

// TestFirstPassChangesNothing compares FindAll with the first pass against
// every pattern run on every string.
func TestFirstPassChangesNothing(t *testing.T) {
	r := testReader(t)
	found := 0
	for _, s := range dateSentences(t) {
		want := r.findAll(s, allCues)
		require.Equal(t, want, r.FindAll(s), "%q", s)
		found += len(want)
	}
	assert.Greater(t, found, 100)
}

// TestFirstPassOnTimeline does the same on every sentence of the
// SemEval-2015 TimeLine articles (Wikinews), which are full of dates, and
// compares each pattern's Finder with its regexp there.
func TestFirstPassOnTimeline(t *testing.T) {
	dir := evaldata.Dir(t, "semeval2015-timeline")
	files, err := filepath.Glob(filepath.Join(dir, "corpus_*", "corpus_trackA_TimeML", "*.tml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	r := testReader(t)
	patterns := datePatterns(r)
	sentences, found := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range sentencePattern.FindAllStringSubmatch(string(b), -1) {
			s := detokenise(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[2], ""))
			want := r.findAll(s, allCues)
			require.Equal(t, want, r.FindAll(s), "%s: %q", f, s)
			for _, p := range patterns {
				require.Equal(t, p.re.Regexp().FindAllStringSubmatchIndex(s, -1), p.re.FindAllStringSubmatchIndex(s), "pattern %s on %q", p.name, s)
			}
			sentences++
			found += len(want)
		}
	}
	t.Logf("%d sentences, %d date expressions, all alike", sentences, found)
	assert.Greater(t, found, 400)
}

// BenchmarkFindAll reads every sentence of a generated batch of 40
// articles and of the fixture batches, with and without the first pass.
func BenchmarkFindAll(b *testing.B) {
	r := testReader(b)
	sentences := dateSentences(b)
	for _, bc := range []struct {
		name string
		pass bool
	}{{"first-pass", true}, {"every-pattern", false}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range sentences {
					if bc.pass {
						r.FindAll(s)
					} else {
						r.findAll(s, allCues)
					}
				}
			}
			b.ReportMetric(float64(len(sentences)), "sentences")
		})
	}
}
