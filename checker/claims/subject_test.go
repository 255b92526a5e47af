package claims

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// TestPronounSubject checks that a background fact whose subject is "it"
// takes the subject of the sentence before it in the same paragraph, so
// that its date meets another article's date of the same thing.
func TestPronounSubject(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name      string
		paragraph string
		date      string
		subject   string
	}{
		{"the sentence before has a subject", "The tailings dam burst on Thursday. The dam holds iron-ore waste. It was built in 1994.", "1994", "dam"},
		{"a verb tagged as a noun leaves the first noun", "The dam burst on Thursday. The dam belongs to Serra Alta Mineração, a privately held iron-ore producer based in Belo Horizonte. According to state records, it was constructed in 1994.", "1994", "dam"},
		{"a named subject stays", "The dam burst on Thursday. The company owns the dam. Serra Alta was founded in 1994.", "1994", "serra alta"},
		{"it in a complement clause is the main clause's subject", "The dam burst on Thursday. The government said it would reopen the road on March 3.", "March 3", "government"},
		{"it in a relative clause is not the main subject", "The dam burst on Thursday.\nThe prosecutor said that Kellbrook won the contracts it bid for in 2018.", "2018", ""},
		{"another paragraph is not looked into", "The dam burst on Thursday. The dam holds waste.\nIt was built in 1994.", "1994", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := newInput("a_1", timex.Date{}, tc.paragraph)
			found := false
			for _, c := range x.Extract(in, Event{}) {
				if c.Kind == KindDate && strings.Contains(c.Value, tc.date) {
					found = true
					assert.Equal(t, tc.subject, c.Fact.Subject)
				}
			}
			assert.True(t, found, "no claim %q", tc.date)
		})
	}
}

// TestDaysApart checks how two dates of a day or a weekday are told apart:
// by the calendar when both are placed on it, else by their weekdays.
func TestDaysApart(t *testing.T) {
	x := testExtractor(t)
	dateOf := func(published timex.Date, sentence string) Claim {
		t.Helper()
		for _, c := range x.Extract(newInput("a_1", published, sentence), Event{}) {
			if c.Kind == KindDate {
				return c
			}
		}
		t.Fatalf("no date in %q", sentence)
		return Claim{}
	}
	thu := timex.Date{Year: 2026, Month: 8, Day: 20} // a Thursday
	none := timex.Date{}
	tests := []struct {
		name        string
		a, b        Claim
		apart, know bool
	}{
		{"a placed and an unplaced Thursday are one day",
			dateOf(thu, "Nine people were still missing on Thursday."), dateOf(none, "Eleven people were still missing on Thursday."), false, true},
		{"a placed Thursday and an unplaced Wednesday are apart",
			dateOf(thu, "Nine people were still missing on Thursday."), dateOf(none, "Eleven people were still missing on Wednesday."), true, true},
		{"two unplaced weekdays compare by name",
			dateOf(none, "Nine people were still missing on Thursday."), dateOf(none, "Eleven people were still missing on Thursday."), false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			apart, known := daysApart(tc.a, tc.b)
			assert.Equal(t, tc.know, known)
			assert.Equal(t, tc.apart, apart)
		})
	}
}
