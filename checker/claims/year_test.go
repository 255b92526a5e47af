package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// A date without its year takes the article's commonest year; written with
// its weekday, the commonest year it falls on that weekday in, or none.
func TestYearFitting(t *testing.T) {
	monday19Oct := timex.Expr{Day: 19, Month: 10, HasWeekday: true, Weekday: time.Monday}
	plain19Oct := timex.Expr{Day: 19, Month: 10}
	tests := []struct {
		name   string
		e      timex.Expr
		counts map[int]int
		want   int
		ok     bool
	}{
		{"no weekday: the commonest, the earlier on a tie", plain19Oct, map[int]int{1978: 1, 2026: 1}, 1978, true},
		{"a weekday passes over a year it does not fit", monday19Oct, map[int]int{1978: 1, 2023: 1, 2026: 1}, 2026, true},
		{"a fitting year beats a commoner one", monday19Oct, map[int]int{1978: 3, 2026: 1}, 2026, true},
		{"no year fits", monday19Oct, map[int]int{1978: 2, 2023: 1}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := yearFitting(tc.e, tc.counts)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}
