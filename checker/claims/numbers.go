package claims

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// unitLookahead is how many words after a number may stand before the noun
// it counts ("179 new aerial refuelling tankers").
const unitLookahead = 4

var (
	scaledNumber = regexp.MustCompile(`^(\d+(?:\.\d+)?)([a-z]+)$`)                      // "5m", "1.2bn"
	foldWord     = regexp.MustCompile(`^(?:(\d+)|([a-z]+))-?fold$`)                     // "threefold", "6-fold"
	plainNumber  = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$`) // "2,750", "2.5"
	// a currency's letter written on its figure: "R480" (rand), "K2.5"
	prefixedNumber = regexp.MustCompile(`^([a-z]{1,2})(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$`)
)

// numberRead is a number being read, with what surrounds it.
type numberRead struct {
	first, last int // token range read, inclusive
	value       float64
	half        float64 // half the rounding step
	// step is the place of the last digit written: 0.1 for "21.5", 100 for
	// "18,400", 0 when no digits were read.
	step          float64
	currency, pct string
	unit          string
	qualifier     string
	// whole is the size of the group a count is part of ("three of the
	// nine judges"), 0 when none is given.
	whole float64
	// vague marks an uncounted number ("dozens"): low and high bound it.
	vague     bool
	low, high float64
	// state is what happened to the people counted ("dead"), "" when
	// nothing says.
	state string
	// measureNoun marks a bare figure read as the value of a noun of
	// claim.measure-nouns ("the attendance was 46,417").
	measureNoun bool
}

func (a *article) extractNumbers() {
	if !a.lex.on("claim.number") {
		return
	}
	var dates []text.Span
	for _, c := range a.claims {
		if c.Kind == KindDate {
			dates = append(dates, c.Span)
		}
	}
	inDate := func(t text.Token) bool {
		for _, d := range dates {
			if d.Overlaps(t.Span) {
				return true
			}
		}
		return false
	}
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		counted := "" // the unit of the last count read in the sentence
		for i := 0; i < len(toks); i++ {
			if !a.mayStartNumber(toks[i]) || inDate(toks[i]) {
				continue
			}
			nr, ok := a.readNumber(toks, i)
			if !ok {
				if nr, ok = a.readMeasureValue(toks, i); !ok {
					if nr, ok = a.readElliptical(toks, i, counted); !ok {
						continue
					}
				}
			}
			nr = a.joinDuration(toks, nr)
			if a.isCount(nr) {
				counted = nr.unit
				if nr.state == "" {
					nr.state = a.countState(toks, nr)
				}
			}
			if lo, first, ok := a.rangeStart(toks, nr); ok {
				// the lower end was read on its own first: it is part of
				// this range
				if n := len(a.claims); n > 0 && a.claims[n-1].Kind == KindNumber && a.claims[n-1].Span.Start >= toks[first].Start {
					a.claims = a.claims[:n-1]
				}
				nr.vague, nr.low, nr.high, nr.first = true, lo, nr.value, first
			}
			a.emitNumber(nr, toks, s)
			i = nr.last
		}
	}
}

// rangeStart reads the lower end of a range written before the number nr:
// "between 20 and 30 people", "a range of 3% to 3.25%", "at 2 to 3
// million". It returns the lower end (in nr's scale when it has none of
// its own) and the token the range starts at. "from 2 to 3" and "by 0.25
// to 4.5" are changes, never ranges, so "to" is read only after a word of
// claim.range-openers.
func (a *article) rangeStart(toks []text.Token, nr numberRead) (float64, int, bool) {
	j := nr.first - 1
	if nr.vague || nr.qualifier != "" || j < 2 || nr.first != nr.last && toks[nr.first].Kind != text.Number {
		return 0, 0, false
	}
	conn := toks[j].Norm
	if conn != "and" && conn != "to" {
		return 0, 0, false
	}
	k := j - 1
	if nr.pct != "" && a.lex.percent.FullMatch(a.tokText(toks[k])) || nr.unit != "" && a.lex.unitWords[toks[k].Norm] && a.lex.unitSingular(toks[k].Norm) == nr.unit {
		k-- // "3% to 3.25%", "20 km to 30 km"
	}
	if k < 1 || toks[k].Kind != text.Number || !plainNumber.MatchString(toks[k].Norm) || toks[nr.first].Kind != text.Number {
		return 0, 0, false
	}
	opener := toks[k-1].Norm
	if conn == "and" && opener != "between" || conn == "to" && !a.lex.rangeOpeners[opener] {
		return 0, 0, false
	}
	if yearLike(toks[k].Norm) && yearLike(toks[nr.first].Norm) {
		return 0, 0, false // "between 2018 and 2022": a span of years
	}
	lo := atof(strings.ReplaceAll(toks[k].Norm, ",", ""))
	hi := atof(strings.ReplaceAll(toks[nr.first].Norm, ",", ""))
	if hi > 0 && nr.value != hi {
		lo *= nr.value / hi // "between 2 and 3 million"
	}
	if lo >= nr.value {
		return 0, 0, false
	}
	first := k
	if opener == "between" {
		first = k - 1
	}
	return lo, first, true
}

// yearLike reports whether a number as written could be a year: four
// digits from 1800 to 2199, no thousands comma.
func yearLike(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "18") || strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20") || strings.HasPrefix(w, "21")) && plainNumber.MatchString(w)
}

// ruleMeasureValue is the rule of a bare figure read as the value of a
// measure noun.
const ruleMeasureValue = "claim.measure-nouns"

// windowBefore reports whether the number starting at token i follows a
// word of claim.window-prepositions, with up to two words of
// claim.window-words between: "in 24 hours", "over the past 72 hours".
func (a *article) windowBefore(toks []text.Token, i int) bool {
	for k, n := i-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		w := toks[k].Norm
		if a.lex.windowPreps[w] {
			return true
		}
		if !a.lex.windowWords[w] {
			return false
		}
	}
	return false
}

// readMeasureValue reads a bare figure that is the value of a noun of
// claim.measure-nouns written just before it: "The attendance was
// 46,417", "a crowd of 61,000", "turnout stood at 48.7" (a percentage or
// a unit after the figure is readNumber's). The noun, as the table maps
// it, is the figure's unit.
func (a *article) readMeasureValue(toks []text.Token, i int) (numberRead, bool) {
	t := toks[i]
	nr := numberRead{first: i, last: i}
	if t.Kind != text.Number || !plainNumber.MatchString(a.tokText(t)) || (i > 0 && toks[i-1].Kind == text.Symbol) {
		return nr, false
	}
	if next := i + 1; next < len(toks) && toks[next].Kind == text.Word && !a.lex.function[toks[next].Norm] {
		return nr, false // a unit follows: readNumber's, or no figure of a measure
	}
	// up to three linking words between the noun and the figure: "was",
	// "stood at", "of", "reached"
	for k, links := i-1, 0; k >= 0 && links <= 3; k, links = k-1, links+1 {
		if toks[k].Kind != text.Word {
			return nr, false
		}
		if unit, ok := a.lex.measureNouns[singular(toks[k].Norm)]; ok {
			digits := strings.ReplaceAll(a.tokText(t), ",", "")
			nr.value = atof(digits)
			nr.half, nr.step = roundingHalf(digits, nr.value, false), writtenStep(digits)
			nr.unit, nr.measureNoun = unit, true
			return nr, nr.value >= 1
		}
		if !a.lex.function[toks[k].Norm] && !a.lex.measureLinks[toks[k].Norm] {
			return nr, false
		}
	}
	return nr, false
}

// mayStartNumber is the cheap first test of readNumber and
// readElliptical: a number, a word starting with a digit or ending in
// "fold", a number word, a multiplier or a vague number.
func (a *article) mayStartNumber(t text.Token) bool {
	switch t.Kind {
	case text.Number:
		return true
	case text.Word:
		if startsWithDigit(t.Norm) || endsInFold(t.Norm) || a.lex.numberish[t.Norm] {
			return true
		}
		if len(t.Norm) > 1 && '0' <= t.Norm[len(t.Norm)-1] && t.Norm[len(t.Norm)-1] <= '9' {
			return true // "R480 million"
		}
		num, _, hyphen := strings.Cut(t.Norm, "-") // "four-storey"
		return hyphen && a.lex.numberish[num]
	}
	return false
}

// isCount says whether a number counts things (people, jobs, votes) rather
// than money, a share, a multiple or a measure.
func (a *article) isCount(nr numberRead) bool {
	if nr.currency != "" || nr.pct != "" || nr.unit == "" || nr.unit == "multiplier" {
		return false
	}
	_, measure := a.lex.measures[nr.unit]
	return !measure
}

// readNumber reads a number claim starting at token i.
func (a *article) readNumber(toks []text.Token, i int) (numberRead, bool) {
	t := toks[i]
	nr := numberRead{first: i, last: i}
	// The cheap tests before each expression are what it needs anyway: a
	// token ending in "fold", a token starting with a digit.
	if t.Kind == text.Word {
		if m := matchIf(endsInFold(t.Norm), foldWord, t.Norm); m != nil {
			n, ok := a.wordNumber(m[1] + m[2])
			if !ok || n < 2 {
				return nr, false
			}
			nr.value, nr.unit = n, "multiplier"
			return nr, true
		}
		if v, ok := a.lex.multiplierWords[t.Norm]; ok {
			nr.value, nr.unit = atof(v), "multiplier"
			return nr, true
		}
		// A measure joined to its number: "5.2-magnitude", "10-kilometre";
		// a count joined to its noun: "a four-storey building", "the
		// 12-carriage train".
		if num, unit, ok := strings.Cut(t.Norm, "-"); ok && a.lex.unitWords[unit] {
			u := a.lex.unitSingular(unit)
			switch {
			case startsWithDigit(num) && plainNumber.MatchString(num):
				digits := strings.ReplaceAll(num, ",", "")
				nr.value, nr.unit = atof(digits), u
				nr.half, nr.step = roundingHalf(digits, nr.value, false), writtenStep(digits)
				nr.qualifier, nr.first = a.qualifierBefore(toks, i)
				return nr, true
			case a.lex.numberWordValues[num] != "" && atof(a.lex.numberWordValues[num]) >= 1:
				nr.value, nr.unit = atof(a.lex.numberWordValues[num]), u
				nr.qualifier, nr.first = a.qualifierBefore(toks, i)
				return nr, true
			}
		}
		if lohi, end, ok := a.vagueAt(toks, i); ok {
			// "dozens of people", "tens of thousands of people"; "hundreds
			// injured" is read as elliptical.
			if k, u := a.unitAfterOf(toks, end+1); u != "" {
				nr.vague, nr.low, nr.high, nr.unit, nr.last = true, lohi[0], lohi[1], u, k
				return nr, true
			}
			return nr, false
		}
	}
	scale := 1.0
	digits := ""
	switch {
	case t.Kind == text.Number && plainNumber.MatchString(a.tokText(t)):
		digits = strings.ReplaceAll(a.tokText(t), ",", "")
	case t.Kind == text.Word:
		if c, d, ok := a.currencyOnFigure(toks, i); ok {
			digits, nr.currency = d, c
		} else if d, f, ok := a.hyphenScaled(t); ok {
			digits, scale = d, f // "a ₱148-million contract"
		} else if m := matchIf(startsWithDigit(t.Norm), scaledNumber, t.Norm); m != nil {
			f, ok := a.lex.scales.Lookup(m[2])
			if !ok {
				return nr, false
			}
			digits, scale = m[1], atof(f)
		} else if v, ok := a.lex.numberWordValues[t.Norm]; ok && atof(v) >= 2 {
			nr.value = atof(v)
			// "two of the nine board members"
			if whole, k, u, ok := a.partOf(toks, i); ok && whole >= nr.value {
				nr.whole, nr.unit, nr.last = whole, u, k
				nr.qualifier, nr.first = a.qualifierBefore(toks, i)
				return nr, true
			}
			// A number word counts only a unit noun right after it: "six plants".
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if toks[k].Kind == text.Word && a.lex.unitWords[toks[k].Norm] {
					nr.half, nr.unit, nr.last = 0, a.lex.unitSingular(toks[k].Norm), k
					nr.qualifier, nr.first = a.qualifierBefore(toks, i)
					return nr, true
				}
			}
			return nr, false
		} else {
			return nr, false
		}
	default:
		return nr, false
	}
	n, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return nr, false
	}
	// Currency before the number: "$", "US$", "€".
	if i > 0 {
		p := toks[i-1]
		prefix := a.tokText(p)
		if i > 1 && toks[i-2].End == p.Start && toks[i-2].Kind == text.Word {
			if c, ok := a.lex.currencies.Lookup(a.tokText(toks[i-2]) + prefix); ok {
				nr.currency, nr.first = c, i-2
			}
		}
		// a sign, a prefix written on ("US$5"), or a currency code or
		// abbreviation set before with a space ("Rs 6,000", "KSh 418
		// million", "CHF 20 million"): capitalised and short, never a
		// word such as "dollars" before a figure of something else
		code := p.Kind == text.Word && len(prefix) <= 3 && prefix[0] >= 'A' && prefix[0] <= 'Z'
		if nr.currency == "" && (p.Kind == text.Symbol || p.End == t.Start || code) {
			if c, ok := a.lex.currencies.Lookup(prefix); ok {
				nr.currency, nr.first = c, i-1
			}
		}
	}
	k := i + 1
	if k < len(toks) && toks[k].Kind == text.Word && len(toks[k].Norm) > 1 {
		if f, ok := a.lex.scales.Lookup(toks[k].Norm); ok {
			scale *= atof(f)
			nr.last, k = k, k+1
		}
	}
	if nr.currency == "" {
		for n := 2; n >= 1; n-- {
			if k+n > len(toks) {
				continue
			}
			if c, ok := a.lex.currencies.Lookup(a.doc.Text[toks[k].Start:toks[k+n-1].End]); ok && toks[k].Kind != text.Symbol {
				nr.currency, nr.last, k = c, k+n-1, k+n
				break
			}
		}
	}
	if nr.currency == "" && k < len(toks) {
		for n := 2; n >= 1; n-- {
			if k+n <= len(toks) && a.lex.percent.FullMatch(a.doc.Text[toks[k].Start:toks[k+n-1].End]) {
				nr.pct, nr.last, k = "percent", k+n-1, k+n
				break
			}
		}
	}
	if nr.currency == "" && nr.pct == "" && scale == 1 {
		// "5 of the 7 members"
		if whole, last, u, ok := a.partOf(toks, i); ok && whole >= n {
			nr.whole, nr.unit, nr.last = whole, u, last
		}
	}
	if nr.currency == "" && nr.pct == "" && nr.unit == "" {
		for u := k; u < len(toks) && u < k+unitLookahead; u++ {
			w := toks[u]
			if w.Kind != text.Word || a.lex.function[w.Norm] { // "2,400 to leave homes" counts no homes
				break
			}
			// "as of 7 p.m. Seventeen persons remain missing": a unit after
			// another number is that number's
			if _, ok := a.lex.numberWordValues[w.Norm]; ok {
				break
			}
			if a.lex.unitWords[w.Norm] {
				// The last noun of a compound counts: "hospital workers".
				for u+1 < len(toks) && toks[u+1].Kind == text.Word && a.lex.unitWords[toks[u+1].Norm] {
					u++
				}
				nr.unit, nr.last = a.lex.unitSingular(toks[u].Norm), u
				break
			}
		}
		// A unit written before its number: "magnitude 5.2".
		if nr.unit == "" && nr.first > 0 && a.lex.unitsBefore[toks[nr.first-1].Norm] {
			nr.unit, nr.first = toks[nr.first-1].Norm, nr.first-1
		}
		if nr.unit == "" {
			return nr, false
		}
	}
	nr.value = n * scale
	nr.half, nr.step = roundingHalf(digits, n, scale != 1)*scale, writtenStep(digits)*scale
	q, first := a.qualifierBefore(toks, nr.first)
	if q != "" {
		nr.qualifier, nr.first = q, first
	}
	return nr, true
}

// joinDuration reads a duration of hours and minutes as one figure in
// minutes: "4 hours and 38 minutes" is 278 minutes, so "four hours and 53
// minutes" disagrees with it where the hours alone agree. Other figures
// are returned as they are.
func (a *article) joinDuration(toks []text.Token, nr numberRead) numberRead {
	if nr.unit != "hour" || nr.vague || nr.qualifier != "" || nr.currency != "" || nr.pct != "" {
		return nr
	}
	k := nr.last + 1
	if k < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == ",") {
		k++
	}
	if k+1 >= len(toks) {
		return nr
	}
	var minutes float64
	switch t := toks[k]; {
	case t.Kind == text.Number && plainNumber.MatchString(a.tokText(t)):
		minutes = atof(a.tokText(t))
	case t.Kind == text.Word:
		v, ok := a.lex.numberWordValues[t.Norm]
		if !ok {
			return nr
		}
		minutes = atof(v)
	default:
		return nr
	}
	if u := toks[k+1].Norm; (u != "minutes" && u != "minute" && u != "mins") || minutes >= 60 {
		return nr
	}
	nr.value = nr.value*60 + minutes
	nr.unit, nr.last, nr.half, nr.step = "minute", k+1, 0, 1
	return nr
}

// hyphenScaled reads a figure joined to its scale word by a hyphen, as
// written before a noun ("a ₱148-million contract", "a $2.5-billion
// deal"): the digits and the scale's factor.
func (a *article) hyphenScaled(t text.Token) (string, float64, bool) {
	num, word, ok := strings.Cut(t.Norm, "-")
	if !ok || !startsWithDigit(num) || !plainNumber.MatchString(num) {
		return "", 0, false
	}
	f, ok := a.lex.scales.Lookup(word)
	if !ok {
		return "", 0, false
	}
	return strings.ReplaceAll(num, ",", ""), atof(f), true
}

// currencyOnFigure reads a figure with its currency's capital letters
// written on it, "R480 million" (rand): the letters must be a currency of
// claim.currencies and a scale word must follow, so that a road ("R2") or
// a model ("A4") is never read as money. It returns the currency and the
// figure's digits.
func (a *article) currencyOnFigure(toks []text.Token, i int) (string, string, bool) {
	t := toks[i]
	m := prefixedNumber.FindStringSubmatch(t.Norm)
	if m == nil || i+1 >= len(toks) || a.tokText(t)[0] < 'A' || a.tokText(t)[0] > 'Z' {
		return "", "", false
	}
	if _, ok := a.lex.scales.Lookup(toks[i+1].Norm); !ok {
		return "", "", false
	}
	c, ok := a.lex.currencies.Lookup(m[1])
	if !ok {
		return "", "", false
	}
	return c, strings.ReplaceAll(m[2], ",", ""), true
}

// partOf reads "of [the] <number> [words] <unit>" after the number at
// token i, the group it counts part of ("three of the nine judges"), and
// returns the group's size, its last token and unit.
func (a *article) partOf(toks []text.Token, i int) (float64, int, string, bool) {
	k := i + 1
	if k >= len(toks) || !a.lex.is(toks[k].Norm, gramConnector) || toks[k].Norm != "of" {
		return 0, 0, "", false
	}
	k++
	if k < len(toks) && (a.lex.is(toks[k].Norm, gramDeterminer) || a.lex.definites[toks[k].Norm]) {
		k++
	}
	if k >= len(toks) {
		return 0, 0, "", false
	}
	var whole float64
	switch t := toks[k]; {
	case t.Kind == text.Number && plainNumber.MatchString(a.tokText(t)):
		whole = atof(strings.ReplaceAll(a.tokText(t), ",", ""))
	case t.Kind == text.Word:
		v, ok := a.lex.numberWordValues[t.Norm]
		if !ok || atof(v) < 2 {
			return 0, 0, "", false
		}
		whole = atof(v)
	default:
		return 0, 0, "", false
	}
	for u := k + 1; u < len(toks) && u <= k+unitLookahead; u++ {
		if toks[u].Kind != text.Word {
			break
		}
		if a.lex.unitWords[toks[u].Norm] {
			for u+1 < len(toks) && toks[u+1].Kind == text.Word && a.lex.unitWords[toks[u+1].Norm] {
				u++
			}
			return whole, u, a.lex.unitSingular(toks[u].Norm), true
		}
	}
	return 0, 0, "", false
}

// unitAfterOf finds the unit a vague number counts: right after it
// ("scores hurt" has none), or after "of" ("hundreds of homes").
func (a *article) unitAfterOf(toks []text.Token, k int) (int, string) {
	if k < len(toks) && toks[k].Norm == "of" {
		k++
	}
	for u := k; u < len(toks) && u < k+unitLookahead; u++ {
		// "thousands out of their homes" counts no homes; "thousands of
		// the residents" counts residents.
		if toks[u].Kind != text.Word || (a.lex.function[toks[u].Norm] && !a.lex.is(toks[u].Norm, gramDeterminer)) {
			break
		}
		if a.lex.unitWords[toks[u].Norm] {
			for u+1 < len(toks) && toks[u+1].Kind == text.Word && a.lex.unitWords[toks[u+1].Norm] {
				u++
			}
			return u, a.lex.unitSingular(toks[u].Norm)
		}
	}
	return 0, ""
}

// readElliptical reads a count whose noun is left out because the sentence
// has just given it: "four members backed it, while three opposed",
// "killing 7 people and injuring more than 30", "9 dead and scores
// hurt". The number (with its hedge) must follow a word that joins two
// counts or a state ("injuring"), and stand before punctuation, a function
// word or a state; it counts the unit of the sentence's last count, or, for
// a state with no count before it ("kills at least 7"), the state's unit.
func (a *article) readElliptical(toks []text.Token, i int, counted string) (numberRead, bool) {
	t := toks[i]
	nr := numberRead{first: i, last: i}
	switch {
	case t.Kind == text.Number && plainNumber.MatchString(a.tokText(t)):
		digits := strings.ReplaceAll(a.tokText(t), ",", "")
		nr.value = atof(digits)
		nr.half, nr.step = roundingHalf(digits, nr.value, false), writtenStep(digits)
		if i > 0 && toks[i-1].Kind == text.Symbol {
			return nr, false // "$40"
		}
	case t.Kind == text.Word:
		if lohi, end, ok := a.vagueAt(toks, i); ok {
			nr.vague, nr.low, nr.high, nr.last = true, lohi[0], lohi[1], end
		} else if v, ok := a.lex.numberWordValues[t.Norm]; ok && atof(v) >= 2 {
			nr.value = atof(v)
		} else {
			return nr, false
		}
	default:
		return nr, false
	}
	if next := nr.last + 1; next < len(toks) {
		n := toks[next]
		_, state := a.lex.states[n.Norm]
		if n.Kind == text.Word && !a.lex.function[n.Norm] && !state {
			return nr, false
		}
		if state {
			nr.state = a.lex.states[n.Norm].state
		}
	}
	nr.qualifier, nr.first = a.qualifierBefore(toks, i)
	if nr.first == 0 {
		return nr, false
	}
	prev := toks[nr.first-1].Norm
	st, stateBefore := a.lex.states[prev]
	joins := func(w string) bool { return a.lex.is(w, gramList) || a.lex.is(w, gramContrast) }
	// "killing four people and forcing about 2,300 from their homes": a
	// participle or past form after the list word still continues the
	// count of the same people.
	verbAfterJoin := nr.first >= 2 && joins(toks[nr.first-2].Norm) && a.lex.participleOrPast(prev)
	if !stateBefore && !joins(prev) && !verbAfterJoin {
		return nr, false
	}
	if stateBefore && nr.state == "" {
		nr.state = st.state
	}
	nr.unit = counted
	if nr.unit == "" {
		nr.unit = a.lex.stateUnits[nr.state]
	}
	return nr, nr.unit != ""
}

// vagueAt reads the longest vague number (claim.vague-numbers) starting at
// token i ("tens of thousands") and returns its bounds and last token.
func (a *article) vagueAt(toks []text.Token, i int) ([2]float64, int, bool) {
	if toks[i].Kind != text.Word || !a.lex.numberish[toks[i].Norm] {
		return [2]float64{}, 0, false
	}
	for n := min(a.lex.vagueWords, len(toks)-i); n >= 1; n-- {
		words := make([]string, n)
		for k := range n {
			words[k] = toks[i+k].Norm
		}
		if lohi, ok := a.lex.vague[strings.Join(words, " ")]; ok {
			return lohi, i + n - 1, true
		}
	}
	return [2]float64{}, 0, false
}

// countState reads what happened to the people a count counts: a state
// word after it, perhaps after an auxiliary ("9 people dead", "7 people
// were killed"), or just before it ("killing at least 7 people").
func (a *article) countState(toks []text.Token, nr numberRead) string {
	k := nr.last + 1
	for n := 0; n < 2 && k < len(toks) && a.lex.is(toks[k].Norm, gramAuxiliary); n++ {
		k++
	}
	if k < len(toks) {
		if st, ok := a.lex.states[toks[k].Norm]; ok {
			return st.state
		}
	}
	if nr.first > 0 {
		if st, ok := a.lex.states[toks[nr.first-1].Norm]; ok {
			return st.state
		}
	}
	return ""
}

// endsInFold and startsWithDigit are what foldWord and scaledNumber need
// to match at all.
func endsInFold(s string) bool      { return strings.HasSuffix(s, "fold") }
func startsWithDigit(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

// matchIf returns re's submatches in s when may is set, else nil.
func matchIf(may bool, re *regexp.Regexp, s string) []string {
	if !may {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// qualifierBefore reads a hedge before token i ("more than", "about") and
// returns it with the token it starts at.
func (a *article) qualifierBefore(toks []text.Token, i int) (string, int) {
	for n := 3; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		if v, ok := a.lex.qualifiers.Lookup(a.doc.Text[toks[i-n].Start:toks[i-1].End]); ok {
			return v, i - n
		}
	}
	return "", i
}

// roundingHalf is half the step a figure is rounded to, in the units of
// its digits: 0.05 for "1.2", 250 for "2,000" (a round figure may be
// rounded); a whole number before a scale word is rounded to the unit (0.5
// for the "2" of "2 million"), any other is exact ("12 people", "Category
// 4": 0), so "three dead" and "four dead" do not merge.
func roundingHalf(digits string, n float64, scaled bool) float64 {
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return 0.5 * math.Pow(10, -float64(len(digits)-i-1))
	}
	whole := 0.0
	if scaled {
		whole = 0.5
	}
	if n < 100 {
		return whole
	}
	tz := 0
	for j := len(digits) - 1; j > 0 && digits[j] == '0'; j-- {
		tz++
	}
	if tz == 0 {
		return whole
	}
	return math.Pow(10, float64(tz)) / 4
}

// approxShare is how far "about" may stray from its figure, as a share of
// it, and approxSteps how far in steps of the figure's last written digit:
// the nearer of the two holds. "About 1,200" may be 1,184, but "about 21.5
// metres", written to a tenth, is not 22.5.
const (
	approxShare = 0.1
	approxSteps = 5
)

// approxSlack is the slack "about" gives value, written to step.
func approxSlack(value, step float64) float64 {
	slack := math.Abs(value) * approxShare
	if step > 0 && step*approxSteps < slack {
		slack = step * approxSteps
	}
	return slack
}

// writtenStep is the place value of the last digit written in digits
// that is not a trailing zero of a whole number: 0.1 for "21.5", 100 for
// "18,400" (commas removed), 1 for "7".
func writtenStep(digits string) float64 {
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return math.Pow(10, -float64(len(digits)-i-1))
	}
	tz := 0
	for j := len(digits) - 1; j > 0 && digits[j] == '0'; j-- {
		tz++
	}
	return math.Pow(10, float64(tz))
}

func (a *article) wordNumber(w string) (float64, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return float64(n), true
	}
	v, ok := a.lex.numberWordValues[w]
	return atof(v), ok
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// unitSingular is singular for unit nouns, whose irregular plurals
// claim.unit-plurals lists ("buses", "children").
func (l *lexicons) unitSingular(w string) string {
	if s, ok := l.singulars[w]; ok {
		return s
	}
	return singular(w)
}

// singular turns a plural unit noun into its singular ("jobs" → "job",
// "factories" → "factory"); "people" and "aircraft" stay.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

func (a *article) emitNumber(nr numberRead, toks []text.Token, s int) {
	unit, state := nr.unit, nr.state
	// "75 basis points" are 0.75 percentage points: a point unit read after
	// "basis" is a hundredth
	if unit == "point" && nr.last > 0 && toks[nr.last-1].Norm == "basis" {
		nr.value, nr.half, nr.step = nr.value/100, nr.half/100, nr.step/100
	}
	if g, ok := a.lex.unitGroups.Lookup(unit); ok {
		// A group may carry a state: "deaths" are "people dead".
		if u, st, ok := strings.Cut(g, " "); ok {
			unit, state = u, st
		} else {
			unit = g
		}
	}
	if a.lex.windowUnits[singular(unit)] && a.windowBefore(toks, nr.first) {
		return // "386 mm in 24 hours": the window a figure is measured over
	}
	switch {
	case nr.currency != "":
		unit = "money:" + nr.currency
	case nr.pct != "":
		unit = "percent"
	case state != "":
		unit += " " + state
	}
	if nr.currency != "" && a.conversion(toks[nr.first].Start) {
		return // "€6.2 billion ($7.2 billion)": the same sum in another currency
	}
	lo, hi := nr.value-nr.half, nr.value+nr.half
	prefix, floor, ceiling := "", false, false
	switch nr.qualifier {
	case "min":
		lo, hi, prefix = nr.value, math.Inf(1), ">"
	case "below":
		lo, hi, prefix = math.Inf(-1), nr.value, "<"
	case "floor":
		lo, hi, prefix = nr.value, math.Inf(1), ">="
		floor = true
	case "max":
		lo, hi, prefix = math.Inf(-1), nr.value, "<="
		ceiling = true
	case "approx":
		slack := approxSlack(nr.value, nr.step)
		lo, hi, prefix = math.Min(lo, nr.value-slack), math.Max(hi, nr.value+slack), "~"
	}
	shown, low, high := nr.value, nr.low, nr.high
	if nr.vague {
		lo, hi = nr.low, nr.high
	}
	if conv, ok := a.lex.unitConversions[unit]; ok && nr.currency == "" && nr.pct == "" {
		// "5,400 acres" is compared in hectares, with the slack a
		// writer's rounded conversion needs
		lo, hi = lo*conv.factor*(1-conversionSlack), hi*conv.factor*(1+conversionSlack)
		shown, unit = roundSignificant(nr.value*conv.factor, 4), conv.unit
		low, high = roundSignificant(nr.low*conv.factor, 4), roundSignificant(nr.high*conv.factor, 4)
	}
	value := prefix + strconv.FormatFloat(shown, 'f', -1, 64)
	if nr.vague {
		if nr.qualifier == "min" || nr.qualifier == "floor" {
			hi = math.Inf(1)
		}
		value = strconv.FormatFloat(low, 'f', -1, 64) + ".." + strconv.FormatFloat(high, 'f', -1, 64)
	}
	if nr.whole > 0 {
		value += " of " + strconv.FormatFloat(nr.whole, 'f', -1, 64)
	}
	slotUnit := unit
	if strings.HasPrefix(unit, "money:") {
		slotUnit = "money"
	}
	slot := "number:" + slotUnit
	if a.event[s] {
		slot = "event." + slot
	}
	sp := text.Span{Start: toks[nr.first].Start, End: toks[nr.last].End}
	rule := "claim.number"
	if nr.measureNoun {
		rule = ruleMeasureValue
	}
	a.add(Claim{Kind: KindNumber, Slot: slot, Span: sp, Sentence: s, Rule: rule,
		Normalized: unit + ":" + value, Low: lo, High: hi, Unit: unit, Whole: nr.whole, Floor: floor && !nr.vague, ceiling: ceiling && !nr.vague,
		strict:  strictness(nr),
		mayJoin: !a.event[s] && !a.otherTime[s] && len(a.al.events[s]) > 0})
}

// strictness marks a bound that leaves out its own number: "more than
// 25" (strictAbove), "nearly 25" (strictBelow).
func strictness(nr numberRead) uint8 {
	if nr.vague {
		return 0
	}
	switch nr.qualifier {
	case "min":
		return strictAbove
	case "below":
		return strictBelow
	}
	return 0
}

// Bits of Claim.strict.
const (
	strictAbove = 1 << iota
	strictBelow
)

// strictlyApart reports whether two figures are bounds that meet only at
// a number both leave out: "nearly 25 years" and "more than 25 years". An
// exact "25" fits either: news writes round figures loosely.
func strictlyApart(a, b Claim) bool {
	return a.strict&strictBelow != 0 && b.strict&strictAbove != 0 && a.High == b.Low ||
		b.strict&strictBelow != 0 && a.strict&strictAbove != 0 && b.High == a.Low
}

// conversion says whether a sum starting at off is written in brackets
// right after another sum: the same amount converted ("18 billion won
// ($16.8 million)").
func (a *article) conversion(off int) bool {
	t := a.doc.Text
	i := off
	for i > 0 && (t[i-1] == ' ' || (t[i-1] >= 'A' && t[i-1] <= 'Z')) && off-i < 4 {
		i-- // "(US$7.2 billion)"
	}
	if i == 0 || t[i-1] != '(' {
		return false
	}
	open := i - 1
	for k := len(a.claims) - 1; k >= 0; k-- {
		c := a.claims[k]
		if c.Kind != KindNumber || !strings.HasPrefix(c.Unit, "money:") {
			continue
		}
		return c.Span.End <= open && strings.TrimSpace(t[c.Span.End:open]) == ""
	}
	return false
}

// fullMatch reports whether a lexicon rule matches the whole of s.
func fullMatch(r *ruleset.Rule, s string) bool {
	for _, m := range r.FindAll(s) {
		if m.Span.Start == 0 && m.Span.End == len(s) {
			return true
		}
	}
	return false
}

// conversionSlack is the share a figure converted to another unit may be
// off either way (claim.unit-conversions): "4,800 acres (about 1,940
// hectares)" rounds 1,942.5.
const conversionSlack = 0.02

// roundSignificant rounds v to n significant digits.
func roundSignificant(v float64, n int) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	scale := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*scale) / scale
}
