package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

func reader(t *testing.T) *Reader {
	t.Helper()
	r, err := NewReader(ruleset.MustDefault())
	require.NoError(t, err)
	return r
}

func TestParseStamp(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"2026-03-12", "2026-03-12", true},
		{"2026-01-29T10:00:00-05:00", "2026-01-29T10:00:00-05:00", true},
		{"2026-01-29T15:00:00Z", "2026-01-29T15:00:00Z", true},
		{"Jan. 29, 2026", "2026-01-29", true},
		{"January 29, 2026", "2026-01-29", true},
		{"29 January 2026", "2026-01-29", true},
		{"Jan. 29, 2026 3:15 p.m. ET", "2026-01-29T15:15:00-05:00", true},
		{"July 4, 2026 9 a.m. PT", "2026-07-04T09:00:00-07:00", true},
		{"2026-01-29 08:30", "2026-01-29T08:30:00Z", true},
		{"2026-01-29T08:30+09:00", "2026-01-29T08:30:00+09:00", true},
		{"Feb. 30, 2026", "", false},
		{"2026-13-01", "", false},
		{"next week", "", false},
		{"", "", false},
		{"January 2026", "", false},
	}
	r := reader(t)
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := r.ParseStamp(c.in)
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestFindAbsoluteSpan(t *testing.T) {
	r := reader(t)
	s := "The memorandum was signed on January 29, 2026, in Ottawa."
	d, sp, ok := r.FindAbsolute(s)
	require.True(t, ok)
	assert.Equal(t, "January 29, 2026", sp.In(s))
	assert.Equal(t, time.Thursday, d.Weekday())
	wd, ok := r.Weekday("Wednesday")
	assert.True(t, ok)
	assert.Equal(t, time.Wednesday, wd)
	_, ok = r.Weekday("Wensday")
	assert.False(t, ok)
}
