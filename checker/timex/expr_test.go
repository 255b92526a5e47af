package timex

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

func testReader(t testing.TB) *Reader {
	t.Helper()
	r, err := NewReader(ruleset.MustDefault())
	require.NoError(t, err)
	return r
}

// Thursday 29 January 2026 is the reference date in these tables.
var ref = Date{Year: 2026, Month: 1, Day: 29}

func TestFindAllAndResolve(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name, in  string
		text      string // the expression's text
		form      string
		gran      Granularity
		withRef   string // resolved against ref
		noRef     string // resolved without a reference ("" = cannot be placed)
		noRefFail bool
	}{
		{"month day", "It was signed on January 29 by both.", "January 29", FormMonthDay, Day, "2026-01-29", "--01-29", false},
		{"abbreviated month", "Signed Jan. 29 in Ottawa.", "Jan. 29", FormMonthDay, Day, "2026-01-29", "--01-29", false},
		{"month day year", "On January 29, 2026, they met.", "January 29, 2026", FormMonthDay, Day, "2026-01-29", "2026-01-29", false},
		{"month day year no comma", "On January 29 2026 they met.", "January 29 2026", FormMonthDay, Day, "2026-01-29", "2026-01-29", false},
		{"ordinal", "By March 3rd, 2025 it was over.", "March 3rd, 2025", FormMonthDay, Day, "2025-03-03", "2025-03-03", false},
		{"day month year", "Signed 29 January 2026.", "29 January 2026", FormDayMonth, Day, "2026-01-29", "2026-01-29", false},
		{"the nth of month", "on the 29th of January", "the 29th of January", FormDayMonth, Day, "2026-01-29", "--01-29", false},
		{"iso", "Dated 2026-01-29.", "2026-01-29", FormISO, Day, "2026-01-29", "2026-01-29", false},
		{"weekday with date", "On Wednesday, January 28, 2026, they met.", "Wednesday, January 28, 2026", FormMonthDay, Day, "2026-01-28&weekday:wednesday", "2026-01-28&weekday:wednesday", false},
		{"abbreviated weekday with date", "Wed., Jan. 28", "Wed., Jan. 28", FormMonthDay, Day, "2026-01-28&weekday:wednesday", "--01-28&weekday:wednesday", false},
		{"weekday after date", "Officials said on 20 Feb 2019 Thursday.", "20 Feb 2019 Thursday", FormDayMonth, Day, "2019-02-20&weekday:thursday", "2019-02-20&weekday:thursday", false},
		{"weekday after date in brackets", "The vote is on January 28 (Wednesday).", "January 28 (Wednesday)", FormMonthDay, Day, "2026-01-28&weekday:wednesday", "--01-28&weekday:wednesday", false},
		{"day range", "talks on January 27-29 in Seoul", "January 27-29", FormMonthDay, Day, "2026-01-27/2026-01-29", "--01-27/--01-29", false},
		{"weekday", "On Wednesday, the minister met them.", "Wednesday", FormWeekday, Weekday, "2026-01-28", "weekday:wednesday", false},
		{"weekday same day", "On Thursday the minister signed.", "Thursday", FormWeekday, Weekday, "2026-01-29", "weekday:thursday", false},
		{"last weekday", "Last Thursday the deal fell apart.", "Last Thursday", FormWeekday, Weekday, "2026-01-22", "weekday:thursday", false},
		{"next weekday", "They meet again next Monday.", "next Monday", FormWeekday, Weekday, "2026-02-02", "weekday:monday", false},
		{"future weekday", "The minister will sign on Tuesday.", "Tuesday", FormWeekday, Weekday, "2026-02-03", "weekday:tuesday", false},
		{"this weekday", "this Friday", "this Friday", FormWeekday, Weekday, "2026-01-30", "weekday:friday", false},
		{"late month year", "In late January 2026, Canada signed.", "late January 2026", FormPart, PartOfMonth, "2026-01-21/2026-01-31", "2026-01-21/2026-01-31", false},
		{"mid month", "by mid-January", "mid-January", FormPart, PartOfMonth, "2026-01-11/2026-01-20", "--01-11/--01-20", false},
		{"end of month", "at the end of February", "the end of February", FormPart, PartOfMonth, "2026-02-21/2026-02-28", "--02-21/--02-29", false},
		{"early year", "in early 2025", "early 2025", FormPart, PartOfYear, "2025-01-01/2025-04-30", "2025-01-01/2025-04-30", false},
		{"month year", "in January 2026", "January 2026", FormMonthYear, Month, "2026-01-01/2026-01-31", "2026-01-01/2026-01-31", false},
		{"month with cue", "It opened in March.", "March", FormMonth, Month, "2026-03-01/2026-03-31", "--03-01/--03-31", false},
		{"december from january", "It closed in December.", "December", FormMonth, Month, "2025-12-01/2025-12-31", "--12-01/--12-31", false},
		{"year with cue", "entered into force in 2015", "2015", FormYear, Year, "2015-01-01/2015-12-31", "2015-01-01/2015-12-31", false},
		{"by year", "could rise sixfold by 2040", "2040", FormYear, Year, "2040-01-01/2040-12-31", "2040-01-01/2040-12-31", false},
		{"yesterday", "The union walked out yesterday.", "yesterday", FormRelative, Day, "2026-01-28", "", true},
		{"today", "Today the court ruled.", "Today", FormRelative, Day, "2026-01-29", "", true},
		{"last week", "Talks broke down last week.", "last week", FormRelative, Week, "2026-01-19/2026-01-25", "", true},
		{"earlier this month", "A deal was struck earlier this month.", "earlier this month", FormRelative, Month, "2026-01-01/2026-01-29", "", true},
		{"last month", "last month", "last month", FormRelative, Month, "2025-12-01/2025-12-31", "", true},
		{"last year", "Sales fell last year.", "last year", FormRelative, Year, "2025-01-01/2025-12-31", "", true},
		{"days ago", "The strike began three days ago.", "three days ago", FormAgo, Day, "2026-01-26", "", true},
		{"digits ago", "It began 2 weeks ago.", "2 weeks ago", FormAgo, Week, "2026-01-12/2026-01-18", "", true},
		{"last weekend", "Protests last weekend drew crowds.", "last weekend", FormRelative, Day, "2026-01-24/2026-01-25", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.FindAll(tc.in)
			require.Len(t, got, 1, "expressions in %q: %+v", tc.in, got)
			e := got[0]
			assert.Equal(t, tc.text, tc.in[e.Span.Start:e.Span.End])
			assert.Equal(t, tc.form, e.Form)
			assert.Equal(t, tc.gran, e.Granularity)
			rg, ok := e.Resolve(ref)
			require.True(t, ok)
			assert.Equal(t, tc.withRef, rg.String())
			rg, ok = e.Resolve(Date{})
			assert.Equal(t, !tc.noRefFail, ok)
			if ok {
				assert.Equal(t, tc.noRef, rg.String())
			}
		})
	}
}

// TestFindAllMisfires holds words that general date searchers read as
// dates and that must stay silent.
func TestFindAllMisfires(t *testing.T) {
	r := testReader(t)
	for _, in := range []string{
		"We may march on the capital, we said.",
		"The Sun reported that sat navs were banned.",
		"He was in Ottawa's 2025 budget talks.",
		"Revenue grew 2015 per cent.",
		"Mon dieu, said the Wed pundit.",
		"It rose in the 1990s and in 2010-11.",
		"It is the second of many deals.",
		"© 2026 Global News",
		"She will march in may.",
	} {
		t.Run(in, func(t *testing.T) {
			assert.Empty(t, r.FindAll(in))
		})
	}
}

func TestFindAllSeveral(t *testing.T) {
	r := testReader(t)
	s := "Ukrainian President Volodymyr Zelenskyy blasted his allies Thursday, a year after talks on March 3, 2025 and nearly four years ago."
	var texts []string
	for _, e := range r.FindAll(s) {
		texts = append(texts, s[e.Span.Start:e.Span.End])
	}
	assert.Equal(t, []string{"Thursday", "March 3, 2025", "four years ago"}, texts)
}

// A weekday between two dates starts the second: it is not written after
// the first.
func TestWeekdayBetweenDates(t *testing.T) {
	r := testReader(t)
	s := "Talks ran on 27 January, Wednesday 28 January and Thursday."
	var got []string
	for _, e := range r.FindAll(s) {
		got = append(got, fmt.Sprintf("%s %v %v", s[e.Span.Start:e.Span.End], e.HasWeekday, e.Weekday))
	}
	assert.Equal(t, []string{"27 January false Sunday", "Wednesday 28 January true Wednesday", "Thursday true Thursday"}, got)
}

func TestRangeRelations(t *testing.T) {
	r := testReader(t)
	parse := func(s string, ref Date) Range {
		es := r.FindAll(s)
		require.Len(t, es, 1, s)
		rg, ok := es[0].Resolve(ref)
		require.True(t, ok, s)
		return rg
	}
	none := Date{}
	jan29 := parse("January 29, 2026", none)
	jan29NoYear := parse("January 29", none)
	wed := parse("on Wednesday", none)
	thu := parse("on Thursday", none)
	late := parse("late January 2026", none)
	tests := []struct {
		name         string
		a, b         Range
		meet, within bool
	}{
		{"wednesday is not jan 29 2026", wed, jan29, false, false},
		{"thursday is jan 29 2026", thu, jan29, true, false},
		{"jan 29 2026 within thursday", jan29, thu, true, true},
		{"jan 29 2026 within late january", jan29, late, true, true},
		{"late january meets wednesday", late, wed, true, false},
		{"jan 29 without year meets wednesday", jan29NoYear, wed, true, false},
		{"jan 29 2026 within jan 29 of some year", jan29, jan29NoYear, true, true},
		{"jan 29 of some year meets jan 29 2026", jan29NoYear, jan29, true, false},
		{"wednesday within wednesday", wed, wed, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.meet, tc.a.Intersects(tc.b), "intersects")
			assert.Equal(t, tc.meet, tc.b.Intersects(tc.a), "intersects, swapped")
			assert.Equal(t, tc.within, tc.a.Within(tc.b), "within")
		})
	}
	mismatch := parse("Wednesday, January 29, 2026", none)
	assert.True(t, mismatch.Empty(), "January 29, 2026 was a Thursday")
	d, ok := jan29.SingleDay()
	assert.True(t, ok)
	assert.Equal(t, "Thursday", d.Weekday().String())
}

func FuzzFindAll(f *testing.F) {
	r := testReader(f)
	patterns := datePatterns(r)
	for _, s := range []string{"On Wednesday, January 29, 2026", "late January", "2 weeks ago", "in 2015", "mid-2025", "Jan. 29-31 2026", "\xff March 3", "thi\u017f wee\u212aend", "EARLIER THIS YEAR"} {
		f.Add(s, 2026, 1, 29)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		prev := -1
		got := r.FindAll(s)
		require.Equal(t, r.findAll(s, allCues), got, "the first pass must not change what is found")
		for _, p := range patterns {
			require.Equal(t, p.re.Regexp().FindAllStringSubmatchIndex(s, -1), p.re.FindAllStringSubmatchIndex(s), "pattern %s", p.name)
		}
		for _, e := range got {
			require.True(t, 0 <= e.Span.Start && e.Span.Start < e.Span.End && e.Span.End <= len(s))
			require.True(t, onBoundary(s, e.Span.Start) && onBoundary(s, e.Span.End), "span %v off rune boundaries", e.Span)
			require.GreaterOrEqual(t, e.Span.Start, prev, "in order, without overlaps")
			prev = e.Span.End
			ref := Date{Year: y%3000 + 1, Month: m, Day: d}
			if rg, ok := e.Resolve(ref); ok {
				_ = rg.String()
				_ = rg.Intersects(rg)
			}
		}
	})
}

// onBoundary reports whether a decoder reading s from the start stops at
// offset i (an invalid byte is read as one rune of one byte).
func onBoundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return i == len(s)
}
