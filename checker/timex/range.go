package timex

import (
	"fmt"
	"strings"
	"time"
)

// Range is a set of calendar days: the days from First to Last (inclusive)
// that fall on one of the weekdays in Weekdays. A Range with zero First and
// Last is unbounded: every day of the calendar on those weekdays, which is
// what "on Tuesday" means without a reference date. A Range marked
// YearUnknown holds the same days in some year that is not known ("October
// 14" with no year in sight): First and Last then carry a month and day and
// Year 0.
type Range struct {
	First, Last Date
	// Weekdays is a bit set (bit i for time.Weekday(i)); 0 means every day.
	Weekdays uint8
	// YearUnknown says the days recur in an unknown year.
	YearUnknown bool
}

// allWeekdays is the bit set of every weekday.
const allWeekdays = 1<<7 - 1

// WeekdayBit returns the bit of w in Range.Weekdays.
func WeekdayBit(w time.Weekday) uint8 { return 1 << uint(w) }

// Bounded reports whether the range has a first and a last day.
func (r Range) Bounded() bool { return r.First.Month != 0 }

func (r Range) mask() uint8 {
	if r.Weekdays == 0 {
		return allWeekdays
	}
	return r.Weekdays & allWeekdays
}

// SingleDay returns the one day the range holds, if it holds exactly one
// day of a known year.
func (r Range) SingleDay() (Date, bool) {
	if !r.Bounded() || r.YearUnknown {
		return Date{}, false
	}
	var only Date
	n := 0
	r.eachDay(func(d Date) bool {
		only = d
		n++
		return n < 2
	})
	return only, n == 1
}

// eachDay calls fn for each day of a bounded range of a known year, in
// order, until fn returns false.
func (r Range) eachDay(fn func(Date) bool) {
	m := r.mask()
	last := r.Last.Time()
	for t := r.First.Time(); !t.After(last); t = t.AddDate(0, 0, 1) {
		if m&WeekdayBit(t.Weekday()) == 0 {
			continue
		}
		if !fn(fromTime(t)) {
			return
		}
	}
}

// Empty reports whether the range holds no day at all, as "Monday,
// October 14, 2025" does (that day was a Tuesday).
func (r Range) Empty() bool {
	if !r.Bounded() {
		return r.mask() == 0
	}
	if r.YearUnknown {
		return r.Last.Month*100+r.Last.Day < r.First.Month*100+r.First.Day
	}
	if r.Last.Time().Before(r.First.Time()) {
		return true
	}
	empty := true
	r.clipWeek().eachDay(func(Date) bool { empty = false; return false })
	return empty
}

// clipWeek shortens a range to its first seven days: enough to see every
// weekday it can hold.
func (r Range) clipWeek() Range {
	if end := r.First.Time().AddDate(0, 0, 6); end.Before(r.Last.Time()) {
		r.Last = fromTime(end)
	}
	return r
}

// Contains reports whether the day d is in the range.
func (r Range) Contains(d Date) bool {
	if r.mask()&WeekdayBit(d.Weekday()) == 0 {
		return false
	}
	if !r.Bounded() {
		return true
	}
	if r.YearUnknown {
		k := d.Month*100 + d.Day
		return r.First.Month*100+r.First.Day <= k && k <= r.Last.Month*100+r.Last.Day
	}
	t := dayOnly(d).Time()
	return !t.Before(r.First.Time()) && !t.After(r.Last.Time())
}

// Intersects reports whether some day lies in both ranges: whether two
// statements of a date can both be true.
func (r Range) Intersects(o Range) bool {
	if r.Empty() || o.Empty() {
		return false
	}
	switch {
	case !r.Bounded() && !o.Bounded():
		return r.mask()&o.mask() != 0
	case !r.Bounded():
		return o.withMask(o.mask() & r.mask()).nonEmptyAnyYear()
	case !o.Bounded():
		return r.withMask(r.mask() & o.mask()).nonEmptyAnyYear()
	case r.YearUnknown && o.YearUnknown:
		lo := max(r.First.Month*100+r.First.Day, o.First.Month*100+o.First.Day)
		hi := min(r.Last.Month*100+r.Last.Day, o.Last.Month*100+o.Last.Day)
		return lo <= hi // some year puts any weekday there
	case r.YearUnknown:
		return o.intersectsRecurring(r)
	case o.YearUnknown:
		return r.intersectsRecurring(o)
	}
	lo, hi := r.First.Time(), r.Last.Time()
	if t := o.First.Time(); t.After(lo) {
		lo = t
	}
	if t := o.Last.Time(); t.Before(hi) {
		hi = t
	}
	if hi.Before(lo) {
		return false
	}
	both := Range{First: fromTime(lo), Last: fromTime(hi), Weekdays: r.mask() & o.mask()}
	return !both.Empty()
}

func (r Range) withMask(m uint8) Range {
	r.Weekdays = m
	if m == 0 {
		r.Weekdays = 0x80 // no weekday at all; mask() keeps only the low seven bits
	}
	return r
}

// nonEmptyAnyYear reports whether a bounded range holds a day; a range of
// unknown year recurs every year and so meets every weekday, unless its
// weekday set is empty.
func (r Range) nonEmptyAnyYear() bool {
	if r.YearUnknown {
		return r.mask() != 0 && !r.Empty()
	}
	return !r.Empty()
}

// intersectsRecurring reports whether the known-year range r meets the
// recurring range o in one of r's years.
func (r Range) intersectsRecurring(o Range) bool {
	for y := r.First.Year; y <= r.Last.Year && y <= r.First.Year+50; y++ {
		c := o.inYear(y)
		if c.Last.Valid() && r.Intersects(c) {
			return true
		}
	}
	return false
}

// inYear places a recurring range in year y.
func (r Range) inYear(y int) Range {
	r.YearUnknown = false
	r.First.Year, r.Last.Year = y, y
	for !r.Last.Valid() && r.Last.Day > 28 {
		r.Last.Day-- // February 29 in a common year
	}
	return r
}

// Within reports whether every day of r is also in o: whether stating r
// also states o ("October 14, 2025" is within "mid-October 2025").
func (r Range) Within(o Range) bool {
	if r.Empty() {
		return true
	}
	if !o.Bounded() {
		if !r.Bounded() || r.YearUnknown {
			return r.mask()&^o.mask() == 0
		}
		ok := true
		r.clipWeek().eachDay(func(d Date) bool { ok = o.Contains(d); return ok })
		return ok
	}
	if !r.Bounded() {
		return false
	}
	if r.YearUnknown {
		if !o.YearUnknown {
			return false
		}
		return o.First.Month*100+o.First.Day <= r.First.Month*100+r.First.Day &&
			r.Last.Month*100+r.Last.Day <= o.Last.Month*100+o.Last.Day && r.mask()&^o.mask() == 0
	}
	if !o.Contains(dayOnly(r.First)) && r.mask()&WeekdayBit(r.First.Weekday()) != 0 {
		return false
	}
	if r.Last.Time().Sub(r.First.Time()) > 400*24*time.Hour {
		// Long ranges: compare the ends and the weekday sets.
		return o.Contains(dayOnly(r.First)) && o.Contains(dayOnly(r.Last)) && r.mask()&^o.mask() == 0
	}
	ok := true
	r.eachDay(func(d Date) bool { ok = o.Contains(d); return ok })
	return ok
}

// String writes the range in its comparison form: "2025-10-14",
// "2025-10-11/2025-10-20", "--10-14" for a day of unknown year, with
// "weekday:tuesday" appended (after "&") or alone for a weekday
// constraint.
func (r Range) String() string {
	var parts []string
	if r.Bounded() {
		f, l := r.First.String(), r.Last.String()
		if r.YearUnknown {
			f, l = fmt.Sprintf("--%02d-%02d", r.First.Month, r.First.Day), fmt.Sprintf("--%02d-%02d", r.Last.Month, r.Last.Day)
		}
		if f == l {
			parts = append(parts, f)
		} else {
			parts = append(parts, f+"/"+l)
		}
	}
	if m := r.mask(); m != allWeekdays {
		var names []string
		for w := time.Sunday; w <= time.Saturday; w++ {
			if m&WeekdayBit(w) != 0 {
				names = append(names, strings.ToLower(w.String()))
			}
		}
		parts = append(parts, "weekday:"+strings.Join(names, ","))
	}
	if len(parts) == 0 {
		return "any"
	}
	return strings.Join(parts, "&")
}

// Resolve places the expression on the calendar. ref is the reference date,
// normally the article's publication date; a zero ref means none is known.
// Without a reference, a date with no year becomes a recurring Range
// (YearUnknown), a weekday stays an unbounded constraint, and an expression
// relative to the reference cannot be placed (ok is false). A day written
// with a weekday keeps both, so a mismatch gives an Empty range.
func (e Expr) Resolve(ref Date) (Range, bool) {
	hasRef := ref.Valid()
	var rg Range
	if e.HasWeekday {
		rg.Weekdays = WeekdayBit(e.Weekday)
	}
	switch {
	case e.Relative():
		if !hasRef {
			return Range{}, false
		}
		return e.resolveRelative(dayOnly(ref)), true
	case e.Granularity == Weekday:
		if !hasRef {
			return rg, true
		}
		return dayRange(weekdayNear(dayOnly(ref), e.Weekday, e.direction())), true
	case e.Granularity == Year:
		return Range{First: Date{Year: e.Year, Month: 1, Day: 1}, Last: Date{Year: e.Year, Month: 12, Day: 31}}, true
	case e.Granularity == PartOfYear:
		first := (e.Part-1)*4 + 1
		return Range{First: Date{Year: e.Year, Month: first, Day: 1}, Last: lastOfMonth(e.Year, first+3)}, true
	}
	// Day, part of month, month: the year may be missing.
	first, last := e.Day, e.Day
	switch e.Granularity {
	case Day:
		if e.LastDay > 0 {
			last = e.LastDay
		}
	case PartOfMonth:
		first, last = []int{1, 11, 21}[e.Part-1], []int{10, 20, 31}[e.Part-1]
	case Month:
		first, last = 1, 31
	}
	year := e.Year
	if year == 0 && hasRef {
		year = nearestYear(ref, e.Month, first)
	}
	if year == 0 {
		rg.YearUnknown = true
		rg.First, rg.Last = Date{Month: e.Month, Day: first}, Date{Month: e.Month, Day: min(last, daysIn(2000, e.Month))}
		return rg, true
	}
	rg.First, rg.Last = Date{Year: year, Month: e.Month, Day: first}, Date{Year: year, Month: e.Month, Day: min(last, daysIn(year, e.Month))}
	return rg, true
}

// WithYear returns the expression with its year set to y when the text did
// not give one, as when the year comes from the article's other dates.
func (e Expr) WithYear(y int) Expr {
	if e.Year == 0 && !e.Relative() && e.Granularity != Weekday {
		e.Year = y
	}
	return e
}

// NeedsYear reports whether the expression names a day, part or month
// without its year.
func (e Expr) NeedsYear() bool {
	return e.Year == 0 && e.Month != 0 && !e.Relative()
}

func (e Expr) direction() int {
	switch {
	case e.HasDirection:
		return e.Direction
	case e.Future:
		return 2 // on or after the reference
	}
	return -2 // on or before the reference: news reports what happened
}

// weekdayNear finds the weekday w near ref: dir -1 the last one strictly
// before ref, 1 the next one strictly after, 0 the one in ref's Monday-to-
// Sunday week, -2 the last one on or before ref, 2 the next one on or after.
func weekdayNear(ref Date, w time.Weekday, dir int) Date {
	t := ref.Time()
	diff := int(w) - int(t.Weekday())
	switch dir {
	case 0:
		mon := mondayOf(t)
		off := (int(w) + 6) % 7 // days after Monday
		return fromTime(mon.AddDate(0, 0, off))
	case -1, -2:
		back := (-diff + 7) % 7
		if back == 0 && dir == -1 {
			back = 7
		}
		return fromTime(t.AddDate(0, 0, -back))
	default:
		fwd := (diff + 7) % 7
		if fwd == 0 && dir == 1 {
			fwd = 7
		}
		return fromTime(t.AddDate(0, 0, fwd))
	}
}

func (e Expr) resolveRelative(ref Date) Range {
	t := ref.Time()
	switch e.Unit {
	case "day":
		return dayRange(fromTime(t.AddDate(0, 0, e.Offset)))
	case "week":
		mon := mondayOf(t).AddDate(0, 0, 7*e.Offset)
		first, last := mon, mon.AddDate(0, 0, 6)
		switch e.Portion {
		case "weekend":
			first = mon.AddDate(0, 0, 5)
		case "before":
			last = t
		case "after":
			first = t
		}
		return Range{First: fromTime(first), Last: fromTime(last)}
	case "month":
		m := time.Date(t.Year(), t.Month(), 1, 12, 0, 0, 0, time.UTC).AddDate(0, e.Offset, 0)
		rg := Range{First: fromTime(m), Last: lastOfMonth(m.Year(), int(m.Month()))}
		e.clipPortion(&rg, ref)
		return rg
	default: // year
		y := t.Year() + e.Offset
		rg := Range{First: Date{Year: y, Month: 1, Day: 1}, Last: Date{Year: y, Month: 12, Day: 31}}
		e.clipPortion(&rg, ref)
		return rg
	}
}

func (e Expr) clipPortion(rg *Range, ref Date) {
	switch e.Portion {
	case "before":
		rg.Last = ref
	case "after":
		rg.First = ref
	}
}

// nearestYear picks, for a month and day written without a year, the year
// that puts the date closest to the reference date (a January date in a
// December article is next year's).
func nearestYear(ref Date, month, day int) int {
	best, bestDist := 0, time.Duration(1<<62)
	for y := ref.Year - 1; y <= ref.Year+1; y++ {
		d := Date{Year: y, Month: month, Day: min(day, daysIn(y, month))}
		dist := d.Time().Sub(dayOnly(ref).Time())
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

func mondayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func dayRange(d Date) Range { return Range{First: d, Last: d} }

func dayOnly(d Date) Date { return Date{Year: d.Year, Month: d.Month, Day: d.Day} }

func fromTime(t time.Time) Date { return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()} }

func daysIn(year, month int) int {
	if month < 1 || month > 12 {
		return 31
	}
	return time.Date(year, time.Month(month)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

func lastOfMonth(year, month int) Date {
	return Date{Year: year, Month: month, Day: daysIn(year, month)}
}
