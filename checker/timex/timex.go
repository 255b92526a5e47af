// Package timex reads dates and times written the way news copy writes them
// ("Oct. 14, 2025", "14 October 2025", "2025-10-14", "Updated Oct. 14, 2025
// 9:40 a.m. ET"), using the month, weekday and time-zone tables of the
// "dates" rule pack, and places them on the real calendar.
package timex

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zone rules travel with the binary, so results do not depend on the host

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Date is a calendar date, optionally with a time of day in a zone.
type Date struct {
	Year, Month, Day int
	// HasTime says whether Hour and Minute are known.
	HasTime      bool
	Hour, Minute int
	// Zone is an IANA zone name, a fixed offset such as "+09:00", or "" for
	// a time without a zone (then the time is taken as UTC).
	Zone string
}

// Time returns the date as a time.Time: midnight UTC for a bare date, the
// time in its zone otherwise.
func (d Date) Time() time.Time {
	loc := time.UTC
	switch {
	case strings.HasPrefix(d.Zone, "+") || strings.HasPrefix(d.Zone, "-"):
		sign := 1
		if d.Zone[0] == '-' {
			sign = -1
		}
		loc = time.FixedZone(d.Zone, sign*(atoi(d.Zone[1:3])*3600+atoi(d.Zone[4:6])*60))
	case d.Zone != "":
		if l, err := time.LoadLocation(d.Zone); err == nil {
			loc = l
		}
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, 0, 0, loc)
}

// String formats the date as YYYY-MM-DD, or as RFC 3339 when the time is
// known.
func (d Date) String() string {
	if !d.HasTime {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return d.Time().Format(time.RFC3339)
}

// Weekday returns the day of the week the date falls on.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Valid reports whether the date exists on the calendar.
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 {
		return false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.Day && int(t.Month()) == d.Month
}

// Reader recognises dates using the tables of a rule set: complete dates
// (FindAbsolute, ParseStamp) and every date expression news copy uses
// (FindAll), which Resolve places on the calendar. It is immutable
// and safe for concurrent use.
type Reader struct {
	months, weekdays, zones *ruleset.Rule
	absolute                *regexp.Regexp
	exprs                   *exprPatterns
}

// NewReader builds a Reader from the "dates" pack of set.
func NewReader(set *ruleset.Set) (*Reader, error) {
	p := set.Pack("dates")
	if p == nil {
		return nil, fmt.Errorf("rule pack %q is missing", "dates")
	}
	r := &Reader{months: p.Rule("date.months"), weekdays: p.Rule("date.weekdays"), zones: p.Rule("date.zones")}
	if r.months == nil || r.weekdays == nil || r.zones == nil {
		return nil, fmt.Errorf("rule pack %q needs tables date.months, date.weekdays and date.zones", "dates")
	}
	for _, t := range []*ruleset.Rule{r.months, r.weekdays, r.zones} {
		if err := t.CheckKind(ruleset.KindTable); err != nil {
			return nil, err
		}
	}
	var err error
	if r.exprs, err = compileExprs(p, r.months, r.weekdays); err != nil {
		return nil, err
	}
	month := alternation(r.months.Entries)
	zone := alternation(r.zones.Entries)
	clock := `(?:\s*,?\s*(?:at\s+)?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s+(?P<zone>` + zone + `))?\b)?`
	r.absolute = regexp.MustCompile(`(?i)\b(?:` +
		`(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?:[T ](?P<ih>\d{2}):(?P<imin>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<iz>Z|[+-]\d{2}:?\d{2})?)?` +
		`|(?P<mname>` + month + `)\.?\s+(?P<mday>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<myear>\d{4})` + clock +
		`|(?P<dday>\d{1,2})(?:st|nd|rd|th)?\s+(?P<dname>` + month + `)\.?,?\s+(?P<dyear>\d{4})` + clock +
		`)`)
	return r, nil
}

// alternation joins the table's keys, longest first, for a regexp.
func alternation(entries map[string]string) string {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return strings.Join(keys, "|")
}

// FindAbsolute returns the first complete date (year, month and day) in s,
// with a time of day when one follows it, and the span it covers.
func (r *Reader) FindAbsolute(s string) (Date, text.Span, bool) {
	for _, loc := range r.absolute.FindAllStringSubmatchIndex(s, -1) {
		g := func(name string) string {
			i := r.absolute.SubexpIndex(name)
			if loc[2*i] < 0 {
				return ""
			}
			return s[loc[2*i]:loc[2*i+1]]
		}
		var d Date
		switch {
		case g("iso") != "":
			d.Year, d.Month, d.Day = atoi(g("iy")), atoi(g("im")), atoi(g("id"))
			if h := g("ih"); h != "" {
				d.HasTime, d.Hour, d.Minute = true, atoi(h), atoi(g("imin"))
				if z := g("iz"); z != "" {
					d.Zone = offsetZone(z)
				}
			}
		case g("mname") != "":
			d.Year, d.Day = atoi(g("myear")), atoi(g("mday"))
			d.Month = r.month(g("mname"))
			r.readClock(&d, g)
		default:
			d.Year, d.Day = atoi(g("dyear")), atoi(g("dday"))
			d.Month = r.month(g("dname"))
			r.readClock(&d, g)
		}
		if d.Valid() {
			return d, text.Span{Start: loc[0], End: loc[1]}, true
		}
	}
	return Date{}, text.Span{}, false
}

func (r *Reader) readClock(d *Date, g func(string) string) {
	h := g("hour")
	if h == "" {
		return
	}
	hour, minute, ampm := atoi(h), atoi(g("minute")), strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(g("ampm")))
	// A bare number after a date is a time only with minutes or am/pm.
	if g("minute") == "" && ampm == "" {
		return
	}
	switch {
	case ampm == "pm" && hour < 12:
		hour += 12
	case ampm == "am" && hour == 12:
		hour = 0
	}
	if hour > 23 || minute > 59 {
		return
	}
	d.HasTime, d.Hour, d.Minute = true, hour, minute
	if z := g("zone"); z != "" {
		d.Zone, _ = r.zones.Lookup(z)
	}
}

func (r *Reader) month(name string) int {
	v, _ := r.months.Lookup(name)
	return atoi(v)
}

// Weekday returns the weekday a name stands for ("Tuesday", "Tue").
func (r *Reader) Weekday(name string) (time.Weekday, bool) {
	v, ok := r.weekdays.Lookup(name)
	if !ok {
		return 0, false
	}
	return time.Weekday(atoi(v)), true
}

// offsetZone turns "Z" or "+0900" into "UTC" or "+09:00".
func offsetZone(z string) string {
	if z == "Z" || z == "z" {
		return "UTC"
	}
	z = strings.ReplaceAll(z, ":", "")
	return z[:3] + ":" + z[3:5]
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ParseStamp reads a publication stamp given as metadata: RFC 3339,
// YYYY-MM-DD, or any form FindAbsolute reads when it covers the whole
// string. It returns the stamp normalised (YYYY-MM-DD or RFC 3339).
func (r *Reader) ParseStamp(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.RFC3339), true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), true
	}
	d, sp, ok := r.FindAbsolute(s)
	if !ok || strings.TrimSpace(s[:sp.Start]+s[sp.End:]) != "" {
		if ok && sp.Start == 0 {
			return d.String(), true // trailing words after a full date, e.g. a weekday
		}
		return "", false
	}
	return d.String(), true
}
