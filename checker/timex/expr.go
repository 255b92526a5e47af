package timex

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/refind"
)

// Granularity says how much of the calendar a date expression pins down.
type Granularity uint8

// Granularities, finest first.
const (
	// Day: one day ("October 14, 2025", "yesterday") or a short run of days
	// ("October 13-15").
	Day Granularity = iota + 1
	// Weekday: a day of the week ("on Tuesday"); without a reference date
	// it is a constraint on the calendar, not a date.
	Weekday
	// Week: a calendar week, Monday to Sunday ("last week").
	Week
	// PartOfMonth: a third of a month ("mid-October").
	PartOfMonth
	// Month: a calendar month ("October 2025", "last month").
	Month
	// PartOfYear: a third of a year ("early 2025").
	PartOfYear
	// Year: a calendar year ("in 1987").
	Year
)

// String names the granularity in lower case with hyphens.
func (g Granularity) String() string {
	switch g {
	case Day:
		return "day"
	case Weekday:
		return "weekday"
	case Week:
		return "week"
	case PartOfMonth:
		return "part-of-month"
	case Month:
		return "month"
	case PartOfYear:
		return "part-of-year"
	case Year:
		return "year"
	}
	return "unknown"
}

// Forms of date expression, as reported in Expr.Form. Each names the rule of
// the "dates" pack whose words it is built from, so findings can cite it.
const (
	FormISO       = "date.iso"        // 2025-10-14
	FormMonthDay  = "date.month-day"  // October 14, 2025; Oct. 14; Tuesday, Oct. 14
	FormDayMonth  = "date.day-month"  // 14 October 2025; the 14th of October
	FormMonthYear = "date.month-year" // October 2025
	FormMonth     = "date.month"      // in October
	FormPart      = "date.parts"      // mid-October 2025; mid-2025; the end of March
	FormYear      = "date.year"       // in 2015
	FormWeekday   = "date.weekdays"   // on Tuesday; last Friday
	FormRelative  = "date.relative"   // yesterday; earlier this month
	FormAgo       = "date.ago"        // three weeks ago
)

// Expr is one date expression found in a text, with what it says as
// written. Fields that the text does not give are zero.
type Expr struct {
	// Span locates the expression in the string it was found in.
	Span text.Span
	// Form says which kind of expression this is (one of the Form
	// constants).
	Form string
	// Granularity says how much of the calendar the expression pins down.
	Granularity Granularity
	// Year, Month and Day are the parts written; 0 when not written.
	Year, Month, Day int
	// LastDay is the last day of a day range ("October 13-15"), else 0.
	LastDay int
	// Part is the third of a month or year: 1 early, 2 mid, 3 late.
	Part int
	// HasWeekday says the text names a weekday, alone or beside a date.
	HasWeekday bool
	Weekday    time.Weekday
	// Direction is how a weekday is placed against the reference date: -1
	// the last one before it ("last Friday"), 1 the next one after it
	// ("next Friday"), 0 the one in the same week ("this Friday"). It is
	// meaningful only when HasDirection is set.
	Direction    int
	HasDirection bool
	// Future says a future cue ("will") comes before the weekday in the
	// string, so a plain weekday is looked for after the reference date,
	// not before it.
	Future bool
	// Unit, Offset and Portion describe an expression relative to the
	// reference date: the unit ("day", "week", "month", "year"), how many
	// units away, and which part of the unit ("", "before", "after",
	// "weekend").
	Unit    string
	Offset  int
	Portion string
}

// Relative reports whether the expression can only be placed on the
// calendar with a reference date.
func (e Expr) Relative() bool { return e.Unit != "" }

// exprPatterns are the compiled expressions FindAll runs.
type exprPatterns struct {
	iso, monthDay, dayMonth, part, monthYear, month, year, weekday, relative, ago *refind.Finder
	// weekdayAfter reads a full weekday name written after a date ("20
	// Feb 2019, Thursday", "March 5 (Thursday)"); dateNext says another
	// date starts after it, whose weekday it then is ("20 February,
	// Thursday 21 February")
	weekdayAfter, dateNext *regexp.Regexp
	// cues is the cheap first pass: a pattern runs only on strings holding
	// the words or figures it cannot match without.
	cues                                        *cueScanner
	futureCues                                  *ruleset.Rule
	parts, relatives, units, numbers, modifiers *ruleset.Rule
}

// compileExprs builds the recognisers from the "dates" pack. Month and
// weekday names are matched capitalised (or in capitals) only; the other
// words are matched in any case.
func compileExprs(p *ruleset.Pack, months, weekdays *ruleset.Rule) (*exprPatterns, error) {
	need := func(id, kind string) (*ruleset.Rule, error) {
		r := p.Rule(id)
		if r == nil {
			return nil, errMissing(id)
		}
		if err := r.CheckKind(kind); err != nil {
			return nil, err
		}
		return r, nil
	}
	x := &exprPatterns{}
	var err error
	var monthCues, yearCues, ago *ruleset.Rule
	const lexicon, table = ruleset.KindLexicon, ruleset.KindTable
	for _, f := range []struct {
		dst      **ruleset.Rule
		id, kind string
	}{
		{&x.parts, "date.parts", table}, {&x.relatives, "date.relative", table}, {&x.units, "date.units", table},
		{&x.numbers, "date.number-words", table}, {&x.modifiers, "date.weekday-modifiers", table},
		{&x.futureCues, "date.future-cues", lexicon}, {&monthCues, "date.month-cues", lexicon},
		{&yearCues, "date.year-cues", lexicon}, {&ago, "date.ago", lexicon},
	} {
		if *f.dst, err = need(f.id, f.kind); err != nil {
			return nil, err
		}
	}
	month := capitalised(keys(months.Entries))
	wdAll := capitalised(keys(weekdays.Entries))
	wdFull := capitalised(fullNames(weekdays.Entries))
	parts := phrases(keys(x.parts.Entries))
	mods := phrases(keys(x.modifiers.Entries))
	rel := phrases(keys(x.relatives.Entries))
	units := phrases(keys(x.units.Entries))
	nums := phrases(keys(x.numbers.Entries))
	mcue := phrases(monthCues.Terms)
	ycue := phrases(yearCues.Terms)
	agoW := phrases(ago.Terms)

	wdPrefix := `(?:(?P<wd>` + wdAll + `)\.?,?\s+)?`
	yearTail := `(?:\s*,?\s*(?P<year>\d{4})\b)?`
	x.weekdayAfter = regexp.MustCompile(`^\s*,?\s*\(?(` + wdFull + `)\b\)?`)
	x.dateNext = regexp.MustCompile(`^\s*,?\s*(?:\d|(?:` + month + `)\b)`)
	x.monthDay = refind.New(regexp.MustCompile(wdPrefix + `(?:the\s+)?\b(?P<month>` + month + `)\b\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*(?P<last>\d{1,2})\b)?` + yearTail))
	x.dayMonth = refind.New(regexp.MustCompile(wdPrefix + `(?:(?i:the)\s+)?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>` + month + `)\b\.?` + yearTail))
	x.part = refind.New(regexp.MustCompile(`(?:\b(?i:the)\s+)?\b(?P<part>(?i:` + parts + `))(?:\s+|-)(?:(?i:the\s+)?(?P<month>` + month + `)\b\.?` + yearTail + `|(?P<pyear>\d{4})\b)`))
	x.monthYear = refind.New(regexp.MustCompile(`\b(?P<month>` + month + `)\b\.?\s*,?\s*(?P<year>\d{4})\b`))
	x.month = refind.New(regexp.MustCompile(`\b(?i:` + mcue + `)\s+(?P<month>` + month + `)\b`))
	x.year = refind.New(regexp.MustCompile(`\b(?i:` + ycue + `)\s+(?:the\s+year\s+)?(?P<year>(?:1[89]|20|21)\d{2})\b`))
	x.weekday = refind.New(regexp.MustCompile(`(?:\b(?P<mod>(?i:` + mods + `))\s+)?\b(?P<wd>` + wdFull + `)\b`))
	x.relative = refind.New(regexp.MustCompile(`(?i)\b(?P<rel>` + rel + `)\b`))
	x.ago = refind.New(regexp.MustCompile(`(?i)\b(?P<n>\d{1,3}|` + nums + `)\s+(?P<unit>` + units + `)\s+(?:` + agoW + `)\b`))
	x.iso = refind.New(isoPattern)
	x.cues = newCueScanner(keys(months.Entries), fullNames(weekdays.Entries), keys(x.parts.Entries), keys(x.relatives.Entries), ago.Terms)
	return x, nil
}

type errMissing string

func (e errMissing) Error() string {
	return `rule pack "dates" needs rule ` + string(e) + ` to read date expressions`
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// fullNames keeps, for each value of a table, its longest key: the full
// weekday name among its abbreviations.
func fullNames(m map[string]string) []string {
	best := map[string]string{}
	for k, v := range m {
		if b, ok := best[v]; !ok || len(k) > len(b) || (len(k) == len(b) && k < b) {
			best[v] = k
		}
	}
	out := make([]string, 0, len(best))
	for _, k := range best {
		out = append(out, k)
	}
	return out
}

// capitalised returns an alternation of the words in title case and in
// capitals, longest first.
func capitalised(words []string) string {
	var alts []string
	for _, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		alts = append(alts, regexp.QuoteMeta(string(unicode.ToUpper(r))+w[n:]), regexp.QuoteMeta(strings.ToUpper(w)))
	}
	return longestFirst(alts)
}

// phrases returns an alternation of the phrases, each space matching any
// run of space and each hyphen any dash, longest first.
func phrases(words []string) string {
	var alts []string
	for _, w := range words {
		q := regexp.QuoteMeta(strings.TrimSpace(w))
		q = strings.ReplaceAll(q, " ", `\s+`)
		q = strings.ReplaceAll(q, "-", `[-–—]`)
		q = strings.ReplaceAll(q, "'", `['’]`)
		alts = append(alts, q)
	}
	return longestFirst(alts)
}

// longestFirst joins alternatives so that RE2, which prefers the earliest
// alternative that matches, tries "earlier this month" before "this month".
func longestFirst(alts []string) string {
	sort.Slice(alts, func(i, j int) bool {
		if len(alts[i]) != len(alts[j]) {
			return len(alts[i]) > len(alts[j])
		}
		return alts[i] < alts[j]
	})
	out := alts[:0]
	for i, a := range alts {
		if i == 0 || a != alts[i-1] {
			out = append(out, a)
		}
	}
	return strings.Join(out, "|")
}

// FindAll returns the date expressions in s, in order and without overlaps
// (where two readings overlap, the longer wins). s is best one sentence: a
// future cue in it ("will") marks the weekdays after it as future. Spans are
// byte offsets into s. Invalid dates ("February 30") are left out.
func (r *Reader) FindAll(s string) []Expr {
	return r.findAll(s, r.exprs.cues.scan(s))
}

// findAll is FindAll running only the patterns whose cues (from the first
// pass) s holds; with allCues it runs every pattern.
func (r *Reader) findAll(s string, found cues) []Expr {
	x := r.exprs
	var cands []Expr
	// A future cue puts the weekdays after it in the future: "will sign
	// on Tuesday", but not "fell on Thursday, and will ...".
	firstFuture, cuesRead := -1, false
	futureBefore := func(off int) bool {
		if !cuesRead { // only sentences with a weekday need the cues
			cuesRead = true
			if ms := x.futureCues.FindAll(s); len(ms) > 0 {
				firstFuture = ms[0].Span.End
			}
		}
		return firstFuture >= 0 && firstFuture <= off
	}
	each := func(f *refind.Finder, form string, build func(g func(string) string, e *Expr) bool) {
		re := f.Regexp()
		for _, loc := range f.FindAllStringSubmatchIndex(s) {
			g := func(name string) string {
				i := re.SubexpIndex(name)
				if i < 0 || loc[2*i] < 0 {
					return ""
				}
				return s[loc[2*i]:loc[2*i+1]]
			}
			e := Expr{Span: text.Span{Start: loc[0], End: loc[1]}, Form: form}
			if build(g, &e) {
				cands = append(cands, e)
			}
		}
	}
	dayDate := func(g func(string) string, e *Expr) bool {
		e.Granularity = Day
		e.Month, e.Day, e.Year = r.month(g("month")), atoi(g("day")), atoi(g("year"))
		if l := g("last"); l != "" {
			e.LastDay = atoi(l)
			if e.LastDay <= e.Day || e.LastDay > 31 {
				return false
			}
		}
		if wd := g("wd"); wd != "" {
			e.Weekday, e.HasWeekday = r.Weekday(wd)
		} else if m := x.weekdayAfter.FindStringSubmatchIndex(s[e.Span.End:]); m != nil && !x.dateNext.MatchString(s[e.Span.End+m[1]:]) {
			e.Weekday, e.HasWeekday = r.Weekday(s[e.Span.End+m[2] : e.Span.End+m[3]])
			e.Span.End += m[1]
		}
		return dayExists(e.Year, e.Month, e.Day) && (e.LastDay == 0 || dayExists(e.Year, e.Month, e.LastDay))
	}
	// Each pattern runs only where its cues say it can match (see
	// cueScanner): most sentences hold no date at all.
	if found.has(cueYear) {
		for _, loc := range x.iso.FindAllStringSubmatchIndex(s) {
			e := Expr{Span: text.Span{Start: loc[0], End: loc[1]}, Form: FormISO, Granularity: Day,
				Year: atoi(s[loc[2]:loc[3]]), Month: atoi(s[loc[4]:loc[5]]), Day: atoi(s[loc[6]:loc[7]])}
			if (Date{Year: e.Year, Month: e.Month, Day: e.Day}).Valid() {
				cands = append(cands, e)
			}
		}
	}
	if found.has(cueMonth | cueDigit) {
		each(x.monthDay, FormMonthDay, dayDate)
		each(x.dayMonth, FormDayMonth, dayDate)
	}
	if found.has(cuePart) && (found.has(cueMonth) || found.has(cueYear)) {
		each(x.part, FormPart, func(g func(string) string, e *Expr) bool {
			v, _ := x.parts.Lookup(squashSpace(g("part")))
			e.Part = atoi(v)
			if y := g("pyear"); y != "" {
				e.Granularity, e.Year = PartOfYear, atoi(y)
				return e.Part > 0 && plausibleYear(e.Year)
			}
			e.Granularity, e.Month, e.Year = PartOfMonth, r.month(g("month")), atoi(g("year"))
			return e.Part > 0 && (e.Year == 0 || plausibleYear(e.Year))
		})
	}
	if found.has(cueMonth | cueYear) {
		each(x.monthYear, FormMonthYear, func(g func(string) string, e *Expr) bool {
			e.Granularity, e.Month, e.Year = Month, r.month(g("month")), atoi(g("year"))
			return plausibleYear(e.Year)
		})
	}
	if found.has(cueMonth) {
		each(x.month, FormMonth, func(g func(string) string, e *Expr) bool {
			e.Granularity, e.Month = Month, r.month(g("month"))
			// The cue is evidence, not part of the date: the span is the name.
			name := g("month")
			e.Span.Start = e.Span.End - len(name)
			return e.Month > 0
		})
	}
	if found.has(cueYear) {
		each(x.year, FormYear, func(g func(string) string, e *Expr) bool {
			y := g("year")
			e.Granularity, e.Year = Year, atoi(y)
			e.Span.Start = e.Span.End - len(y)
			// "the 1990s" is a decade, "2015-16" a season: neither is a year.
			if rest := s[e.Span.End:]; strings.HasPrefix(rest, "s") ||
				(len(rest) > 1 && (rest[0] == '-' || rest[0] == '/') && rest[1] >= '0' && rest[1] <= '9') {
				return false
			}
			return true
		})
	}
	if found.has(cueWeekday) {
		each(x.weekday, FormWeekday, func(g func(string) string, e *Expr) bool {
			e.Granularity, e.Future = Weekday, futureBefore(e.Span.Start)
			e.Weekday, e.HasWeekday = r.Weekday(g("wd"))
			if m := g("mod"); m != "" {
				v, ok := x.modifiers.Lookup(squashSpace(m))
				if ok {
					e.Direction, e.HasDirection = atoi(v), true
				}
			}
			return e.HasWeekday
		})
	}
	if found.has(cueRelative) {
		each(x.relative, FormRelative, func(g func(string) string, e *Expr) bool {
			v, ok := x.relatives.Lookup(squashSpace(g("rel")))
			if !ok {
				return false
			}
			f := strings.Fields(v)
			if len(f) < 2 {
				return false
			}
			e.Unit, e.Offset = f[0], atoi(f[1])
			if len(f) > 2 {
				e.Portion = f[2]
			}
			e.Granularity = unitGranularity(e.Unit, e.Portion)
			return e.Granularity != 0
		})
	}
	if found.has(cueAgo) {
		each(x.ago, FormAgo, func(g func(string) string, e *Expr) bool {
			n := g("n")
			count, err := strconv.Atoi(n)
			if err != nil {
				v, _ := x.numbers.Lookup(n)
				count = atoi(v)
			}
			u, _ := x.units.Lookup(g("unit"))
			e.Unit, e.Offset = u, -count
			e.Granularity = unitGranularity(u, "")
			return count > 0 && e.Granularity != 0
		})
	}
	return pickLongest(cands)
}

var isoPattern = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

func squashSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func plausibleYear(y int) bool { return y >= 1800 && y <= 2199 }

// dayExists reports whether the day exists in the month; with no year, any
// year may be meant, so February 29 exists.
func dayExists(year, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	if year == 0 {
		year = 2000 // a leap year
	} else if !plausibleYear(year) {
		return false
	}
	return (Date{Year: year, Month: month, Day: day}).Valid()
}

func unitGranularity(unit, portion string) Granularity {
	switch unit {
	case "day":
		return Day
	case "week":
		if portion == "weekend" {
			return Day
		}
		return Week
	case "month":
		return Month
	case "year":
		return Year
	}
	return 0
}

// pickLongest keeps non-overlapping candidates, preferring the earliest and
// then the longest.
func pickLongest(c []Expr) []Expr {
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].Span.Start != c[j].Span.Start {
			return c[i].Span.Start < c[j].Span.Start
		}
		return c[i].Span.Len() > c[j].Span.Len()
	})
	// Among overlapping candidates the longest wins, even when it starts later.
	var out []Expr
	for _, e := range c {
		if len(out) > 0 && out[len(out)-1].Span.Overlaps(e.Span) {
			if e.Span.Len() > out[len(out)-1].Span.Len() {
				out[len(out)-1] = e
			}
			continue
		}
		out = append(out, e)
	}
	return out
}
