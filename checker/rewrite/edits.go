package rewrite

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Edit kinds.
const (
	EditSubstitution = "substitution"
	EditInsertion    = "insertion"
	EditDeletion     = "deletion"
	EditGlued        = "glued"
	EditQuoteChanged = "quote_changed"
)

// side names one of the two articles of a comparison: sideA is the first
// argument of the comparison, sideB the second.
const (
	sideA = 0
	sideB = 1
)

// artefact is a rewrite artefact found on one side of a comparison: a glued
// word or a dropped function word, located on the side that shows it (for
// a dropped word, the side that still has it).
type artefact struct {
	span text.Span // in the article the artefact is read from
	text string
	at   text.Span // where the other side lacks it (dropped words only)
}

// change is a substituted or reworded passage, used to ask which side's
// wording the rest of the batch echoes.
type change struct {
	span  [2]text.Span
	text  [2]string
	keys  [2][]uint64 // stems of the words on each side
	quote bool
}

// comparisonDiff is the word-level comparison of one aligned step.
type comparisonDiff struct {
	edits []Edit // Original is side A, Rewrite side B
	// glued[s] are words of side s that run two words of the other side
	// together.
	glued [2][]artefact
	// dropped[s] are function words of side s that the other side drops.
	dropped [2][]artefact
	// quoted[s] are quotations of side s reworded on the other side (the
	// span is side s's inner quotation).
	quoted  [2][]artefact
	changes []change
}

// rawEdit is a run of tokens that differs between the two sides, as token
// index ranges into each side's token slice.
type rawEdit struct{ a0, a1, b0, b1 int }

// diffUnit compares the tokens of an aligned step word by word.
func (c *config) diffUnit(pa, pb *prepared, u unit) comparisonDiff {
	da, db := pa.doc, pb.doc
	ta0, ta1 := da.Sentences[u.a0].Tokens.First, da.Sentences[u.a1-1].Tokens.End
	tb0, tb1 := db.Sentences[u.b0].Tokens.First, db.Sentences[u.b1-1].Tokens.End
	ta, tb := da.Tokens[ta0:ta1], db.Tokens[tb0:tb1]

	// One rune per distinct token (go-diff's lines-to-runes idea), from the
	// private-use area so no rune is a surrogate.
	ids := map[string]rune{}
	toRunes := func(toks []text.Token) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t.Norm]
			if !ok {
				r = rune(0xF0000 + len(ids))
				ids[t.Norm] = r
			}
			out[i] = r
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // results must not depend on machine speed
	diffs := dmp.DiffMainRunes(toRunes(ta), toRunes(tb), false)

	var raws []rawEdit
	ia, ib := 0, 0
	pending := rawEdit{-1, -1, -1, -1}
	flush := func() {
		if pending.a0 >= 0 || pending.b0 >= 0 {
			if pending.a0 < 0 {
				pending.a0, pending.a1 = ia, ia
			}
			if pending.b0 < 0 {
				pending.b0, pending.b1 = ib, ib
			}
			raws = append(raws, pending)
		}
		pending = rawEdit{-1, -1, -1, -1}
	}
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			if pending.a0 < 0 {
				pending.a0 = ia
			}
			ia += n
			pending.a1 = ia
		case diffmatchpatch.DiffInsert:
			if pending.b0 < 0 {
				pending.b0 = ib
			}
			ib += n
			pending.b1 = ib
		}
	}
	flush()

	var out comparisonDiff
	qa, qb := -1, -1 // quotation index of the open quote_changed edit
	for _, r := range raws {
		wa, wb := wordsIn(ta, r.a0, r.a1), wordsIn(tb, r.b0, r.b1)
		if len(wa) == 0 && len(wb) == 0 {
			continue // punctuation only
		}
		e := Edit{
			Original: tokenRange(ta, r.a0, r.a1, da.Sentences[u.a0].Start),
			Rewrite:  tokenRange(tb, r.b0, r.b1, db.Sentences[u.b0].Start),
		}
		gluedB := findGlued(tb, wb, ta, wa)
		gluedA := findGlued(ta, wa, tb, wb)
		out.glued[sideB] = append(out.glued[sideB], artefactsOf(db, tb, gluedB)...)
		out.glued[sideA] = append(out.glued[sideA], artefactsOf(da, ta, gluedA)...)
		switch {
		case len(gluedA)+len(gluedB) > 0:
			e.Kind = EditGlued
		case len(wa) > 0 && len(wb) > 0:
			e.Kind = EditSubstitution
		case len(wa) > 0:
			e.Kind = EditDeletion
			if c.allFunction(wa, ta) {
				out.dropped[sideA] = append(out.dropped[sideA], droppedAt(artefactsOf(da, ta, wa), tb, r.b0)...)
			}
		default:
			e.Kind = EditInsertion
			if c.allFunction(wb, tb) {
				out.dropped[sideB] = append(out.dropped[sideB], droppedAt(artefactsOf(db, tb, wb), ta, r.a0)...)
			}
		}
		// A side without words (a comma left where a quote was cut) is
		// located by where it starts.
		if len(wa) == 0 {
			e.Original = text.Span{Start: e.Original.Start, End: e.Original.Start}
		}
		if len(wb) == 0 {
			e.Rewrite = text.Span{Start: e.Rewrite.Start, End: e.Rewrite.Start}
		}
		ea, eb := quoteAt(da, pa.quotes, e.Original), quoteAt(db, pb.quotes, e.Rewrite)
		if ea >= 0 || eb >= 0 {
			if n := len(out.edits); n > 0 && out.edits[n-1].Kind == EditQuoteChanged && ((ea >= 0 && ea == qa) || (eb >= 0 && eb == qb)) {
				last := &out.edits[n-1]
				last.Original = joinSpan(last.Original, e.Original)
				last.Rewrite = joinSpan(last.Rewrite, e.Rewrite)
				qa, qb = max(qa, ea), max(qb, eb)
				continue
			}
			e.Kind = EditQuoteChanged
			if ea >= 0 {
				e.Original = joinSpan(e.Original, pa.quotes[ea])
			}
			if eb >= 0 {
				e.Rewrite = joinSpan(e.Rewrite, pb.quotes[eb])
			}
			qa, qb = ea, eb
		}
		out.edits = append(out.edits, e)
	}
	for i := range out.edits {
		e := &out.edits[i]
		e.OriginalText, e.RewriteText = da.Slice(e.Original), db.Slice(e.Rewrite)
		switch e.Kind {
		case EditQuoteChanged:
			out.quoted[sideA] = append(out.quoted[sideA], artefact{span: e.Original, text: e.OriginalText})
			out.quoted[sideB] = append(out.quoted[sideB], artefact{span: e.Rewrite, text: e.RewriteText})
			fallthrough
		case EditSubstitution:
			ch := change{span: [2]text.Span{e.Original, e.Rewrite}, text: [2]string{e.OriginalText, e.RewriteText}, quote: e.Kind == EditQuoteChanged}
			var contentA, contentB bool
			ch.keys[sideA], contentA = wordKeys(pa, e.Original)
			ch.keys[sideB], contentB = wordKeys(pb, e.Rewrite)
			if contentA && contentB {
				out.changes = append(out.changes, ch)
			}
		}
	}
	return out
}

// wordsIn returns the indices of the word-like tokens of toks[i:j].
func wordsIn(toks []text.Token, i, j int) []int {
	var out []int
	for k := i; k < j; k++ {
		if toks[k].IsWordLike() {
			out = append(out, k)
		}
	}
	return out
}

// tokenRange returns the span of toks[i:j], or, when the range is empty, an
// empty span just after toks[i-1] (or at start when i is 0).
func tokenRange(toks []text.Token, i, j, start int) text.Span {
	switch {
	case j > i:
		return text.Span{Start: toks[i].Start, End: toks[j-1].End}
	case i > 0:
		return text.Span{Start: toks[i-1].End, End: toks[i-1].End}
	case len(toks) > 0:
		return text.Span{Start: toks[0].Start, End: toks[0].Start}
	}
	return text.Span{Start: start, End: start}
}

// findGlued returns the indices (into toks, taken from words) of words that
// equal two consecutive words of the other side run together.
func findGlued(toks []text.Token, words []int, other []text.Token, otherWords []int) []int {
	var out []int
	for _, i := range words {
		w := flat(toks[i].Norm)
		if len(w) < 4 {
			continue
		}
		for k := 0; k+1 < len(otherWords); k++ {
			if isGlued(w, flat(other[otherWords[k]].Norm), flat(other[otherWords[k+1]].Norm)) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// artefactsOf returns the given tokens (indices into toks, which is a
// slice of doc.Tokens) as artefacts.
func artefactsOf(doc *text.Document, toks []text.Token, idx []int) []artefact {
	out := make([]artefact, 0, len(idx))
	for _, i := range idx {
		out = append(out, artefact{span: toks[i].Span, text: doc.Slice(toks[i].Span)})
	}
	return out
}

// droppedAt sets where the other side lacks the dropped words: the words
// either side of the gap before other[i].
func droppedAt(arts []artefact, other []text.Token, i int) []artefact {
	var at text.Span
	switch {
	case len(other) == 0:
	case i <= 0:
		at = other[0].Span
	case i >= len(other):
		at = other[len(other)-1].Span
	default:
		at = text.Span{Start: other[i-1].Start, End: other[i].End}
	}
	for k := range arts {
		arts[k].at = at
	}
	return arts
}

// allFunction reports whether every word in words (indices into toks) is a
// function word.
func (c *config) allFunction(words []int, toks []text.Token) bool {
	for _, i := range words {
		if !c.functionWords[toks[i].Norm] {
			return false
		}
	}
	return len(words) > 0
}

// quoteAt returns the index of the quotation containing s (an empty s
// counts when it sits inside or at the edge of the quotation), or -1.
func quoteAt(doc *text.Document, quotes []text.Span, s text.Span) int {
	for i, q := range quotes {
		if q.Start > s.End {
			break
		}
		if (s.IsEmpty() && q.Start <= s.Start && s.Start <= q.End) || (!s.IsEmpty() && q.Overlaps(s)) {
			return i
		}
		// Words cut from the end of a quote leave an empty span after
		// the punctuation the quotation was trimmed of ("now,|”").
		if s.IsEmpty() && q.End < s.Start && s.Start-q.End <= 4 && onlyPunctuation(doc.Text[q.End:s.Start]) {
			return i
		}
	}
	return -1
}

// onlyPunctuation reports whether s holds nothing but punctuation other
// than quotation marks (past a closing mark the quotation has ended).
func onlyPunctuation(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) || unicode.Is(unicode.Quotation_Mark, r) {
			return false
		}
	}
	return true
}

// joinSpan is the union of two spans, where an empty span counts only when
// the other is empty too.
func joinSpan(a, b text.Span) text.Span {
	switch {
	case a.IsEmpty():
		if b.IsEmpty() {
			return a.Union(b)
		}
		return b
	case b.IsEmpty():
		return a
	}
	return a.Union(b)
}

// wordKeys returns the stems of the words of p inside s, in order, and
// whether any of them is a content word.
func wordKeys(p *prepared, s text.Span) ([]uint64, bool) {
	var out []uint64
	content := false
	first := sort.Search(len(p.words), func(i int) bool { return p.doc.Tokens[p.words[i].tok].End > s.Start })
	for _, w := range p.words[first:] {
		t := p.doc.Tokens[w.tok]
		if t.Start >= s.End {
			break
		}
		if s.Contains(t.Span) {
			out = append(out, w.key)
			content = content || !w.is(flagFunction)
		}
	}
	return out, content
}
