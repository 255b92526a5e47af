package claims

import (
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// tallyWindow is how many words from a pair of counts a word of
// claim.tally-cues may stand for the pair to be read as a tally.
const tallyWindow = 3

// extractTallies reads tallies: two counts joined by a dash ("10-6",
// "3–1") beside a word of claim.tally-cues ("voted 10-6", "an 11-5 vote",
// "won 3-1"), and votes written out (claim.tally-phrases: "by 31 votes to
// 12"). Their comparison form puts the larger count first, so "10-6"
// and "6-10" agree.
func (a *article) extractTallies() {
	if !a.lex.on("claim.tally") {
		return
	}
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		for k := range toks {
			hi, lo, ok := a.tallyAt(toks, k)
			if !ok || !a.nearTallyCue(toks, k) {
				continue
			}
			a.addTally(s, toks[k].Span, hi, lo)
		}
		if a.lex.tallyPhrases == nil || !a.mayHoldTallyPhrase(toks) {
			continue
		}
		// "by 31 votes to 12", "29 votes in favour and 14 against"
		stext := a.doc.Slice(a.doc.Sentences[s].Span)
		for _, m := range a.lex.tallyPhrases.FindAll(stext) {
			base := a.doc.Sentences[s].Start
			x, okX := a.tallyCount(stext, m.Groups["a"])
			if n, ok := m.Groups["n"]; ok {
				// "Eight of the 11 trustees backed Yoon", unless the count
				// is read as a figure already ("4 of 7" members in an
				// event sentence)
				ga := m.Groups["a"]
				if a.numberAt(text.Span{Start: base + ga.Start, End: base + ga.End}) {
					continue
				}
				total, okN := a.tallyCount(stext, n)
				if !okX || !okN || total <= x {
					continue
				}
				sp := text.Span{Start: base + ga.Start, End: base + m.Span.End}
				if body, ok := m.Groups["body"]; ok {
					sp.End = base + body.End // "Seven of the 11 trustees", not the aside after it
				}
				a.addShare(s, sp, x, total)
				continue
			}
			y, okY := a.tallyCount(stext, m.Groups["b"])
			if !okX || !okY || a.percentAt(stext[m.Span.End:]) {
				continue // "voted by 81 to 19 per cent": shares, not counts
			}
			a.addTally(s, text.Span{Start: base + m.Span.Start, End: base + m.Span.End}, max(x, y), min(x, y))
		}
	}
}

// numberAt reports whether a number claim already covers span sp.
func (a *article) numberAt(sp text.Span) bool {
	for _, cl := range a.claims {
		if cl.Kind == KindNumber && cl.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// tallyCount reads a count of a tally phrase: digits or a number word
// (date.number-words) of at least one.
func (a *article) tallyCount(stext string, sp text.Span) (int, bool) {
	if sp.IsEmpty() {
		return 0, false
	}
	w := stext[sp.Start:sp.End]
	if n, err := strconv.Atoi(w); err == nil {
		return n, true
	}
	if v, ok := a.lex.numberWordValues[text.Fold(w)]; ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 {
			return n, true
		}
	}
	return 0, false
}

// addTally adds the tally hi-lo read at sp in sentence s. A batch's
// tallies are its event's: the vote it reports, the match's score; a
// tally in a sentence about another year is background.
func (a *article) addTally(s int, sp text.Span, hi, lo int) {
	a.addTallyClaim(s, sp, "tally", strconv.Itoa(hi)+"-"+strconv.Itoa(lo), hi*1000+lo)
}

// addShare adds the count of a body's members who voted one way, read at
// sp in sentence s: "Eight of the 11 trustees backed Yoon" is 8 of 11. It
// has a slot of its own, beside the event's tally: the rest of the body
// may have abstained, so "8 of 11" says nothing against "8 to 2", but it
// does against "Seven of the 11 trustees".
func (a *article) addShare(s int, sp text.Span, x, total int) {
	a.addTallyClaim(s, sp, "tally-share", strconv.Itoa(x)+" of "+strconv.Itoa(total), x*1000+total)
}

// addTallyClaim adds a claim of the tally rule in the event's slot of
// that name, or the background one in a sentence about another year,
// with its comparison key and the value that orders and compares it.
func (a *article) addTallyClaim(s int, sp text.Span, name, key string, value int) {
	slot := "event.number:" + name
	if a.otherTime[s] {
		slot = "number:" + name
	}
	a.add(Claim{Kind: KindNumber, Slot: slot, Span: sp, Sentence: s, Rule: "claim.tally",
		Unit: "tally", Low: float64(value), High: float64(value), Normalized: "tally:" + key})
}

// tallyAt reads a pair of counts written as one token ("10-6", "3–1"),
// each of one to three digits, and returns the larger and the smaller.
func (a *article) tallyAt(toks []text.Token, k int) (hi, lo int, ok bool) {
	t := toks[k]
	if t.Kind != text.Number && t.Kind != text.Word {
		return 0, 0, false
	}
	s := a.tokText(t)
	var x, y string
	for _, dash := range []string{"-", "–", "—"} {
		if l, r, found := strings.Cut(s, dash); found {
			x, y = l, r
			break
		}
	}
	if !shortDigits(x) || !shortDigits(y) {
		return 0, 0, false
	}
	p, _ := strconv.Atoi(x)
	q, _ := strconv.Atoi(y)
	return max(p, q), min(p, q), true
}

func shortDigits(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// nearTallyCue says whether a word of claim.tally-cues stands within
// tallyWindow words of token k.
func (a *article) nearTallyCue(toks []text.Token, k int) bool {
	for j := max(0, k-tallyWindow); j < len(toks) && j <= k+tallyWindow; j++ {
		if j != k && a.lex.tallyCues[toks[j].Norm] {
			return true
		}
	}
	return false
}

// mayHoldTallyPhrase is a cheap first pass before claim.tally-phrases:
// does the sentence hold a word of claim.tally-phrase-cues ("votes",
// "favour"), which every pattern there names?
func (a *article) mayHoldTallyPhrase(toks []text.Token) bool {
	for _, t := range toks {
		if a.lex.tallyPhraseCues[t.Norm] {
			return true
		}
	}
	return false
}

// percentAt reports whether s, past its leading spaces, opens with a word
// or sign of claim.percent ("per cent", "%").
func (a *article) percentAt(s string) bool {
	s = strings.TrimLeft(s, " ")
	s = s[:min(len(s), 12)]
	ms := a.lex.percent.FindAll(s)
	return len(ms) > 0 && ms[0].Span.Start == 0
}
