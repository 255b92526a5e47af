package claims

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// calendarSlotPrefix starts the slot of a weekday written beside a date it
// does not fall on ("calendar:2026-03-08").
const calendarSlotPrefix = "calendar:"

// pairedWeekday returns the weekday a date claim writes beside its day
// ("Saturday, March 8") and the day it names, when it names one day of a
// known year.
func pairedWeekday(cl Claim) (time.Weekday, timex.Date, bool) {
	d, ok := namedDay(cl)
	if !ok || !cl.expr.HasWeekday || cl.expr.Day == 0 {
		return 0, timex.Date{}, false
	}
	return cl.expr.Weekday, d, true
}

// misPaired reports whether a date claim writes a weekday beside a day it
// does not fall on.
func misPaired(cl Claim) bool {
	wd, d, ok := pairedWeekday(cl)
	return ok && wd != d.Weekday()
}

// namedDay returns the day a date claim names, whatever it dates: "March
// 8", "8 March 2026", "Sunday, March 8", or a weekday the stage placed on
// the calendar from the publication date ("on Sunday").
func namedDay(cl Claim) (timex.Date, bool) {
	e := cl.expr
	if cl.Kind != KindDate || e.LastDay != 0 || e.Relative() {
		return timex.Date{}, false
	}
	if !(e.Day != 0 && e.Month != 0) && !(e.HasWeekday && e.Day == 0 && e.Month == 0) {
		return timex.Date{}, false
	}
	if !cl.Resolved || cl.Range.YearUnknown || cl.Range.First != cl.Range.Last || !cl.Range.First.Valid() {
		return timex.Date{}, false
	}
	f := cl.Range.First
	return timex.Date{Year: f.Year, Month: f.Month, Day: f.Day}, true
}

// calendarReach is how many days from a mis-paired day the day with the
// weekday written is looked for: the writer may have meant that day.
const calendarReach = 3

// calendarConflicts finds weekdays written beside a day they do not fall
// on ("Saturday, June 7" when 7 June 2026 was a Sunday), whatever the date
// dates: the calendar says one of the two words is wrong. The sides are
// the mis-paired dates, the other articles that name that day (the
// weekday may be wrong), and those that name the nearest day with that
// weekday, within calendarReach days (the day may be wrong: "Saturday,
// June 6"). A slip that no other article can be set against is not
// reported, and so is one whose every mis-paired date is in told: a
// disagreement found in its slot already sets it against the others.
func (c *comparer) calendarConflicts(told map[int]bool) []Conflict {
	byDay := map[timex.Date][]int{}
	wrong := map[timex.Date]map[time.Weekday][]int{}
	for i, cl := range c.claims {
		d, ok := namedDay(cl)
		if !ok {
			continue
		}
		if wd, _, ok := pairedWeekday(cl); ok && wd != d.Weekday() {
			if wrong[d] == nil {
				wrong[d] = map[time.Weekday][]int{}
			}
			wrong[d][wd] = append(wrong[d][wd], i)
			continue
		}
		byDay[d] = append(byDay[d], i)
	}
	days := make([]timex.Date, 0, len(wrong))
	for d := range wrong {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].String() < days[j].String() })
	var out []Conflict
	for _, d := range days {
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			bad := wrong[d][wd]
			if len(bad) == 0 || allIn(bad, told) {
				continue
			}
			cf := Conflict{Kind: KindDate, Slot: calendarSlotPrefix + d.String()}
			cf.Sides = append(cf.Sides, c.calendarSide(bad, wd.String()+" "+d.String()))
			if same := byDay[d]; len(same) > 0 {
				cf.Sides = append(cf.Sides, c.calendarSide(same, d.String()))
			}
			if near, ok := nearestWeekday(d, wd); ok && len(byDay[near]) > 0 {
				cf.Sides = append(cf.Sides, c.calendarSide(byDay[near], near.String()))
			}
			if len(cf.Sides) < 2 || !sidesApart(cf.Sides[0], cf.Sides[1:]) {
				continue
			}
			sort.SliceStable(cf.Sides, func(i, j int) bool { return cf.Sides[i].Articles[0] < cf.Sides[j].Articles[0] })
			parts := make([]string, len(cf.Sides))
			for k, sd := range cf.Sides {
				parts[k] = fmt.Sprintf("'%s' (%s)", sd.Value, c.articleList(sd.Articles))
			}
			cf.Summary = fmt.Sprintf("%s beside %s, a %s: %s", wd, d.Time().Format("2 January 2006"), d.Weekday(), strings.Join(parts, " vs "))
			out = append(out, cf)
		}
	}
	return out
}

// nearestWeekday returns the day nearest d that falls on wd, when it lies
// within calendarReach days (the earlier one on a tie).
func nearestWeekday(d timex.Date, wd time.Weekday) (timex.Date, bool) {
	t := d.Time()
	for n := 1; n <= calendarReach; n++ {
		for _, k := range []int{-n, n} {
			if u := t.AddDate(0, 0, k); u.Weekday() == wd {
				return timex.Date{Year: u.Year(), Month: int(u.Month()), Day: u.Day()}, true
			}
		}
	}
	return timex.Date{}, false
}

// sidesApart reports whether an article of side a differs from an article
// of one of the others.
func sidesApart(a Side, others []Side) bool {
	for _, o := range others {
		for _, x := range a.Articles {
			for _, y := range o.Articles {
				if x != y {
					return true
				}
			}
		}
	}
	return false
}

// calendarSide makes a side of a calendar conflict from claims ids, with
// comparison form "calendar:"+key: its value is the most explicit wording
// among them.
func (c *comparer) calendarSide(ids []int, key string) Side {
	sd := Side{Claims: ids, Normalized: "calendar:" + key}
	c.countSources(&sd)
	best := ids[0]
	for _, i := range ids {
		if c.claims[i].expr.Day != 0 && c.claims[best].expr.Day == 0 {
			best = i
		}
	}
	cl := c.claims[best]
	sd.Value = c.batch[cl.Article].Doc.Slice(cl.Span)
	return sd
}

// allIn reports whether every id is in set.
func allIn(ids []int, set map[int]bool) bool {
	for _, i := range ids {
		if !set[i] {
			return false
		}
	}
	return true
}
