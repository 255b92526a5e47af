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
	plainNumber  = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$`) // "1,500", "2.5"
)

// numberRead is a number being read, with what surrounds it.
type numberRead struct {
	first, last   int // token range read, inclusive
	value         float64
	half          float64 // half the rounding step
	currency, pct string
	unit          string
	qualifier     string
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
		for i := 0; i < len(toks); i++ {
			if inDate(toks[i]) {
				continue
			}
			nr, ok := a.readNumber(toks, i)
			if !ok {
				continue
			}
			a.emitNumber(nr, toks, s)
			i = nr.last
		}
	}
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
		if v, ok := a.lex.multipliers.Lookup(t.Norm); ok {
			nr.value, nr.unit = atof(v), "multiplier"
			return nr, true
		}
	}
	scale := 1.0
	digits := ""
	switch {
	case t.Kind == text.Number && plainNumber.MatchString(a.tokText(t)):
		digits = strings.ReplaceAll(a.tokText(t), ",", "")
	case t.Kind == text.Word:
		if m := matchIf(startsWithDigit(t.Norm), scaledNumber, t.Norm); m != nil {
			f, ok := a.lex.scales.Lookup(m[2])
			if !ok {
				return nr, false
			}
			digits, scale = m[1], atof(f)
		} else if v, ok := a.lex.numberWords.Lookup(t.Norm); ok && atof(v) >= 2 {
			// A number word counts only a unit noun right after it: "six plants".
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if toks[k].Kind == text.Word && a.lex.unitWords[toks[k].Norm] {
					nr.value, nr.half, nr.unit, nr.last = atof(v), 0, singular(toks[k].Norm), k
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
		if nr.currency == "" && (p.Kind == text.Symbol || p.End == t.Start) {
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
	if nr.currency == "" && nr.pct == "" {
		for u := k; u < len(toks) && u < k+unitLookahead; u++ {
			w := toks[u]
			if w.Kind != text.Word {
				break
			}
			if a.lex.unitWords[w.Norm] {
				// The last noun of a compound counts: "port workers".
				for u+1 < len(toks) && toks[u+1].Kind == text.Word && a.lex.unitWords[toks[u+1].Norm] {
					u++
				}
				nr.unit, nr.last = singular(toks[u].Norm), u
				break
			}
		}
		if nr.unit == "" {
			return nr, false
		}
	}
	if nr.unit == "" && nr.currency == "" && nr.pct == "" {
		return nr, false
	}
	nr.value = n * scale
	nr.half = roundingHalf(digits, n) * scale
	q, first := a.qualifierBefore(toks, nr.first)
	if q != "" {
		nr.qualifier, nr.first = q, first
	}
	return nr, true
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

// roundingHalf is half the step a figure is rounded to: 0.05 for "1.2",
// 250 for "4,000" (a round figure may be rounded), 0.5 otherwise.
func roundingHalf(digits string, n float64) float64 {
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		return 0.5 * math.Pow(10, -float64(len(digits)-i-1))
	}
	if n < 100 {
		return 0.5
	}
	tz := 0
	for j := len(digits) - 1; j > 0 && digits[j] == '0'; j-- {
		tz++
	}
	if tz == 0 {
		return 0.5
	}
	return math.Pow(10, float64(tz)) / 4
}

func (a *article) wordNumber(w string) (float64, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return float64(n), true
	}
	v, ok := a.lex.numberWords.Lookup(w)
	return atof(v), ok
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// singular turns a plural unit noun into its singular ("jobs" → "job",
// "batteries" → "battery"); "people" and "aircraft" stay.
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
	unit := nr.unit
	if g, ok := a.lex.unitGroups.Lookup(unit); ok {
		unit = g
	}
	switch {
	case nr.currency != "":
		unit = "money:" + nr.currency
	case nr.pct != "":
		unit = "percent"
	}
	lo, hi := nr.value-nr.half, nr.value+nr.half
	prefix := ""
	switch nr.qualifier {
	case "min":
		lo, hi, prefix = nr.value, math.Inf(1), ">="
	case "max":
		lo, hi, prefix = math.Inf(-1), nr.value, "<="
	case "approx":
		lo, hi, prefix = math.Min(lo, nr.value*0.9), math.Max(hi, nr.value*1.1), "~"
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
	a.add(Claim{Kind: KindNumber, Slot: slot, Span: sp, Sentence: s, Rule: "claim.number",
		Normalized: unit + ":" + prefix + strconv.FormatFloat(nr.value, 'f', -1, 64),
		Low:        lo, High: hi, Unit: unit})
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
