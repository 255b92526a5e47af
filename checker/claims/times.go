package claims

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Minutes of slack a clock time allows by how it is written (see
// claim.time-qualifiers): none for "7:42", a few for a round "7:40", half
// an hour for a whole hour ("2 p.m."), ten minutes either way for
// "about", half an hour on one side for "shortly after" and "shortly
// before".
const (
	roundTimeSlack  = 5
	wholeHourSlack  = 30
	approxTimeSlack = 10
	afterTimeSlack  = 30
)

// extractTimes reads clock times ("at 7:42 a.m.", "around 10:30pm") with
// their hedges (claim.clock-times, claim.time-qualifiers). A time in an
// event sentence is when the event happened (slot event.time); Low and
// High bound it in minutes after midnight.
func (a *article) extractTimes() {
	if !a.lex.on("claim.time") || a.lex.clockTimes == nil {
		return
	}
	for s, sent := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		stext := a.doc.Slice(sent.Span)
		if !mayHoldClock(stext, a.lex.clockTimeWords) {
			continue
		}
		for _, m := range a.lex.clockTimes.FindAll(stext) {
			if raceTime(stext, m.Span) {
				continue // "2:02:16", "1:58.2": a duration, not a time of day
			}
			minute, slack, ok := clockMinute(stext, m.Groups)
			if !ok {
				continue
			}
			sp := text.Span{Start: sent.Start + m.Span.Start, End: sent.Start + m.Span.End}
			lo, hi := float64(minute-slack), float64(minute+slack)
			switch q, start := a.timeQualifier(stext, m.Span.Start); q {
			case "approx":
				lo, hi = float64(minute-max(slack, approxTimeSlack)), float64(minute+max(slack, approxTimeSlack))
				sp.Start = sent.Start + start
			case "after":
				lo, hi = float64(minute), float64(minute+afterTimeSlack)
				sp.Start = sent.Start + start
			case "before":
				lo, hi = float64(minute-afterTimeSlack), float64(minute)
				sp.Start = sent.Start + start
			}
			slot := "time"
			if a.event[s] {
				slot = "event.time"
			}
			c := Claim{Kind: KindDate, Slot: slot, Span: sp, Sentence: s, Rule: "claim.time",
				Granularity: "time", Unit: "minute", Low: lo, High: hi,
				Normalized: fmt.Sprintf("time:%02d:%02d", minute/60, minute%60)}
			c.Fact.Reference = a.timeZone(stext, clockEnd(m.Groups))
			a.add(c)
		}
	}
}

// raceTime reports whether the match at sp is part of a longer run of
// figures joined by colons or points ("2:02:16", "12:34.5"): a duration.
func raceTime(s string, sp text.Span) bool {
	joined := func(i, j int) bool { // s[i] is ':' or '.', s[j] a digit
		return i >= 0 && j >= 0 && i < len(s) && j < len(s) && (s[i] == ':' || s[i] == '.') && s[j] >= '0' && s[j] <= '9'
	}
	return joined(sp.End, sp.End+1) || joined(sp.Start-1, sp.Start-2)
}

// clockMinute reads a clock time's minute of the day from the groups of a
// claim.clock-times match, and the slack its writing allows.
func clockMinute(s string, g map[string]text.Span) (minute, slack int, ok bool) {
	get := func(name string) string {
		if sp, ok := g[name]; ok {
			return strings.ToLower(s[sp.Start:sp.End])
		}
		return ""
	}
	// "midnight" and "noon" are written as loosely as a whole hour: a
	// strike that began "at 12:01 a.m." began "at midnight"
	switch get("word") {
	case "noon", "midday":
		return 12 * 60, wholeHourSlack, true
	case "midnight":
		return 0, wholeHourSlack, true
	}
	h, err := strconv.Atoi(get("hour"))
	if err != nil {
		return 0, 0, false
	}
	m := 0
	if mm := get("minute"); mm != "" {
		if m, err = strconv.Atoi(mm); err != nil {
			return 0, 0, false
		}
	}
	ampm := get("ampm")
	switch get("daypart") {
	case "morning":
		ampm = "a"
	case "afternoon", "evening":
		ampm = "p"
	}
	if ampm != "" {
		if h == 12 {
			h = 0
		}
		if strings.HasPrefix(ampm, "p") {
			h += 12
		}
	}
	switch {
	case get("minute") == "":
		slack = wholeHourSlack
	case m%10 == 0:
		slack = roundTimeSlack
	}
	return h*60 + m, slack, h < 24
}

// timeQualifier reads a hedge of claim.time-qualifiers ending just before
// offset i of s (spaces and "at" between allowed) and returns its class and
// where it starts.
func (a *article) timeQualifier(s string, i int) (string, int) {
	before := strings.TrimRight(s[:i], " ")
	before = strings.TrimSuffix(before, " at")
	lower := strings.ToLower(before)
	best, start := "", i
	for phrase, class := range a.lex.timeQualifiers {
		if strings.HasSuffix(lower, phrase) {
			k := len(lower) - len(phrase)
			if (k == 0 || lower[k-1] == ' ') && k < start {
				best, start = class, k
			}
		}
	}
	return best, start
}

// clockEnd is where the figures of a claim.clock-times match end: after
// its a.m. or p.m., its minute, or its hour, whichever comes last.
func clockEnd(g map[string]text.Span) int {
	end := 0
	for _, name := range []string{"hour", "minute", "ampm", "word"} {
		if sp, ok := g[name]; ok {
			end = max(end, sp.End)
		}
	}
	return end
}

// zoneLocal is the zone of "local time", and the clock a time that names
// no zone is read on (see clockZone).
const zoneLocal = "local"

// clockZone is the zone a clock time claim is read on: the one written
// with it, else local time.
func clockZone(c Claim) string {
	if c.Fact.Reference == "" {
		return zoneLocal
	}
	return c.Fact.Reference
}

// timeZone reads the zone written right after a clock time ending at
// offset i of s ("09:32 GMT", "4:32 a.m. (local time)"), by
// claim.time-zones; "" when none is. Short abbreviations count only in
// capitals ("ET", not "et").
func (a *article) timeZone(s string, i int) string {
	rest := strings.TrimLeft(s[i:], " (")
	words := strings.Fields(rest)
	for n := min(2, len(words)); n >= 1; n-- {
		written := strings.TrimRight(strings.Join(words[:n], " "), ".,;:)")
		zone, ok := a.lex.timeZones[text.Fold(written)]
		if !ok {
			continue
		}
		if n == 1 && len(written) <= 4 && strings.ToUpper(written) != written {
			continue
		}
		return zone
	}
	return ""
}

// mayHoldClock is a cheap first pass before the clock-time patterns: a
// digit followed by ":" or "." and a digit ("7:42", "21.40"), a digit
// followed, after at most one space, by "a" or "p" ("10pm", "7 a.m."), or
// one of words (claim.clock-time-words: "noon", "midnight"). A sentence
// with none of these holds no clock time the patterns of
// claim.clock-times read.
func mayHoldClock(s string, words []string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		if j+1 < len(s) && (s[j] == ':' || s[j] == '.') && s[j+1] >= '0' && s[j+1] <= '9' {
			return true
		}
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) {
			switch s[j] {
			case 'a', 'A', 'p', 'P':
				return true
			}
		}
	}
	l := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
