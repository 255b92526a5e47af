package claims

import (
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// ordinalUnitPrefix starts the unit of an ordinal ("ordinal:minute"): a
// rank, not a count, compared only with ranks of the same kind of thing.
const ordinalUnitPrefix = "ordinal:"

// extractOrdinals reads ranks written with an ordinal before a noun that
// claim.ordinal-nouns lists: "in the 79th minute", "an 80th-minute
// penalty", "the first player ever to", "the second man to", "for the
// third time". The noun decides what is ranked ("player" and "man" are
// both people), and the rank is compared like a figure: "the 79th minute"
// and "the 80th minute" of one goal disagree.
func (a *article) extractOrdinals() {
	if !a.lex.on("claim.ordinals") || len(a.lex.ordinalNouns) == 0 {
		return
	}
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		for i, t := range toks {
			if t.Kind != text.Word {
				continue
			}
			rank, noun, end, ok := a.ordinalAt(toks, i)
			if !ok {
				continue
			}
			unit := ordinalUnitPrefix + noun
			slot := "number:" + unit
			if a.event[s] {
				slot = "event." + slot
			}
			v := float64(rank)
			a.add(Claim{Kind: KindNumber, Slot: slot, Span: text.Span{Start: t.Start, End: toks[end-1].End}, Sentence: s,
				Rule: "claim.ordinals", Normalized: unit + ":" + strconv.Itoa(rank), Low: v, High: v, Unit: unit})
		}
	}
}

// ordinalAt reads an ordinal at token i and the listed noun it ranks:
// the noun right after it ("79th minute", "first player"), or joined to
// it by a hyphen in one token ("80th-minute"). It returns the rank, the
// kind of thing ranked and the end of the phrase.
func (a *article) ordinalAt(toks []text.Token, i int) (int, string, int, bool) {
	word := toks[i].Norm
	if first, rest, ok := strings.Cut(word, "-"); ok {
		// "80th-minute": the ordinal and its noun in one token
		if rank, ok := a.ordinalValue(first); ok {
			if kind, ok := a.lex.ordinalNouns[rest]; ok {
				return rank, kind, i + 1, true
			}
		}
		return 0, "", 0, false
	}
	rank, ok := a.ordinalValue(word)
	if !ok || i+1 >= len(toks) || toks[i+1].Kind != text.Word {
		return 0, "", 0, false
	}
	kind, ok := a.lex.ordinalNouns[singular(toks[i+1].Norm)]
	if !ok {
		return 0, "", 0, false
	}
	return rank, kind, i + 2, true
}

// ordinalValue reads an ordinal word ("second", claim.ordinal-words) or an
// ordinal numeral ("79th", "1st", "22nd", "3rd").
func (a *article) ordinalValue(w string) (int, bool) {
	if v, ok := a.lex.ordinalWords[w]; ok {
		n, err := strconv.Atoi(v)
		return n, err == nil
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if digits, ok := strings.CutSuffix(w, suffix); ok && digits != "" {
			n, err := strconv.Atoi(digits)
			return n, err == nil && n > 0 && n < 10000
		}
	}
	return 0, false
}
