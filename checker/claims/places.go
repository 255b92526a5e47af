package claims

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// extractPlaces reads places after "in" and "at" ("met in Lisbon", "in
// Bergen, Norway") and the article's dateline.
func (a *article) extractPlaces() {
	if a.lex.on("claim.place.dateline") && a.in.Dateline != "" {
		a.extractDateline()
	}
	if !a.lex.on("claim.place") {
		return
	}
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].Kind != text.Word {
				continue
			}
			if based, ok := a.basedPlace(toks, i, s); ok {
				a.add(based)
				continue
			}
			weak := a.lex.placeCuesKnown[toks[i].Norm]
			if !a.lex.placeCues[toks[i].Norm] && !weak {
				continue
			}
			j := i + 1
			if a.lex.is(toks[j].Norm, gramDeterminer) && j+1 < len(toks) {
				j++
			}
			// "in the province of Almería": the name after "of".
			kind := false
			if j+2 < len(toks) && a.lex.placeKinds[toks[j].Norm] && toks[j+1].Norm == "of" {
				j += 2
				kind = true
			}
			end := a.placeRun(toks, j)
			if end == j {
				continue
			}
			// "near Zuera", "at Kiruna": after a weaker cue, only a name the
			// gazetteer knows, or one a kind of place introduces ("near the
			// town of Zuera"), is a place
			if weak && !kind && (a.x.places == nil || len(a.x.places.Lookup(foldTokens(toks[j:end]))) == 0) {
				continue
			}
			// "in the Coastal League final": a name after "the" that a
			// lower-case noun follows names that noun's kind, not a place.
			if j > i+1 && end < len(toks) && toks[end].Kind == text.Word && !a.isCap(toks[end]) && !a.lex.function[toks[end].Norm] {
				if _, country := a.lex.country(foldTokens(toks[j:end]), false); !country {
					continue
				}
			}
			// "Bergen, Norway": a country after a comma belongs to the place.
			if end+1 < len(toks) && toks[end].Norm == "," {
				if e2 := a.placeRun(toks, end+1); e2 > end+1 {
					if _, ok := a.lex.country(foldTokens(toks[end+1:e2]), false); ok {
						end = e2
					}
				}
			}
			if !a.isPlace(toks, j, end) {
				continue
			}
			slot := "place"
			if a.event[s] {
				slot = "event.place"
			}
			// "in North America and Europe": each place of a list is a
			// claim, so that an article naming both agrees with one naming
			// either.
			for {
				sp := text.Span{Start: toks[j].Start, End: toks[end-1].End}
				a.add(Claim{Kind: KindPlace, Slot: slot, Span: sp, Sentence: s, Rule: "claim.place", Normalized: a.placeKey(a.doc.Slice(sp)),
					inside: a.saidInside(toks, end)})
				i = end - 1
				// Only "and"/"or" (or ", and") continue a list: a comma
				// alone joins a city to its region ("Mobile, Alabama").
				next := end + 1
				if next < len(toks) && toks[end].Norm == "," {
					next++
				}
				if next >= len(toks) || !a.lex.is(toks[next-1].Norm, gramList) {
					break
				}
				e2 := a.placeRun(toks, next)
				if e2 == next || !a.isPlace(toks, next, e2) {
					break
				}
				j, end = next, e2
			}
		}
	}
}

// saidInside reads, after a place ending at token end, a phrase of
// claim.within-phrases and the place it names: "in Przeróbka, on the
// eastern side of Gdańsk", "Altenerding, part of Erding". It returns that
// place folded, "" when there is none: the article says the first place
// lies in or by the second.
func (a *article) saidInside(toks []text.Token, end int) string {
	if end >= len(toks) || toks[end].Norm != "," {
		return ""
	}
	k := end + 1
	for _, phrase := range a.lex.withinPhrases {
		if k+len(phrase) > len(toks) {
			continue
		}
		match := true
		for n, w := range phrase {
			if toks[k+n].Norm != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		st := k + len(phrase)
		if st < len(toks) && a.lex.is(toks[st].Norm, gramDeterminer) {
			st++
		}
		if e := a.placeRun(toks, st); e > st {
			return foldTokens(toks[st:e])
		}
	}
	return ""
}

// basedPlace reads a place written as a hyphenated prefix that says where
// something is based: "Osaka-based Norisan", "the Kyoto-headquartered
// group" (claim.based-suffixes). The claim is a background place whose
// frame is the suffix's verb and the name it describes, so that two
// articles' seats of one company meet (fact.place).
func (a *article) basedPlace(toks []text.Token, i, s int) (Claim, bool) {
	t := toks[i]
	if !a.isCap(t) {
		return Claim{}, false
	}
	raw := a.tokText(t)
	k := strings.LastIndex(raw, "-")
	if k <= 0 {
		return Claim{}, false
	}
	verb, ok := a.lex.basedSuffixes[text.Fold(raw[k+1:])]
	if !ok {
		return Claim{}, false
	}
	// "San Jose-based": capitalised words before the token belong to the
	// name
	first := i
	for first > 0 && toks[first-1].Kind == text.Word && a.isCap(toks[first-1]) && !a.stopWord(toks[first-1]) &&
		!a.lex.isMonthOrWeekday(a.tokText(toks[first-1])) && toks[first-1].End+1 >= toks[first].Start && i-first < 3 {
		first--
	}
	sp := text.Span{Start: toks[first].Start, End: t.Start + k}
	name := a.doc.Slice(sp)
	// the thing based there: the capitalised run after it ("Norisan
	// Semiconductor"), else the next noun ("the Osaka-based group")
	subject := ""
	if end := a.placeRun(toks, i+1); end > i+1 {
		subject = foldTokens(toks[i+1 : end])
	} else if i+1 < len(toks) && toks[i+1].Kind == text.Word {
		subject = toks[i+1].Norm
	}
	c := Claim{Kind: KindPlace, Slot: "place", Span: sp, Sentence: s, Rule: "claim.place", Normalized: a.placeKey(name)}
	c.Fact.Predicate, c.Fact.Subject = verb, subject
	c.based = true
	return c, true
}

// placeRun returns the end of a run of capitalised words from j that could
// be a place name.
func (a *article) placeRun(toks []text.Token, j int) int {
	capital := func(k int) bool {
		return k < len(toks) && a.isCap(toks[k]) && !a.stopWord(toks[k]) && !a.lex.isMonthOrWeekday(a.tokText(toks[k]))
	}
	k := j
	for k-j < 4 && capital(k) {
		k++
		// "the Gulf of Orsk": "of" between capitalised words joins them.
		if k > j && k+1 < len(toks) && toks[k].Norm == "of" && a.lex.is(toks[k].Norm, gramConnector) && capital(k+1) {
			k++
		}
	}
	return k
}

// isPlace rejects runs after "in" that are not places: organisations
// ("at the Nordic Shipping Forum"), nationalities used as adjectives ("in
// Chilean mining"), acronyms ("in AI"), people and possessives.
func (a *article) isPlace(toks []text.Token, j, end int) bool {
	last := toks[end-1]
	if a.lex.orgHeadWords[last.Norm] || a.lex.agreementHeads.MatchString(a.tokText(last)) || strings.HasSuffix(last.Norm, "'s") {
		return false
	}
	name := foldTokens(toks[j:end])
	if _, ok := a.lex.country(name, false); ok {
		return true
	}
	if _, ok := a.lex.demonyms.Lookup(name); ok {
		return false
	}
	for _, t := range toks[j:end] {
		if a.allCaps(t) || a.lex.titleWords[t.Norm] {
			return false
		}
	}
	for _, p := range a.people {
		if p.key == name || (len(p.parts) > 1 && contains(p.parts, name)) {
			return false
		}
	}
	return true
}

// placeKey is a place's comparison form: "place:lisbon", or
// "country:chile" for a country; a last word naming the place's kind is
// left out ("Ruai Ward" is "place:ruai").
func (a *article) placeKey(s string) string {
	f := text.Fold(strings.Join(strings.Fields(s), " "))
	if c, ok := a.lex.country(f, false); ok {
		return "country:" + text.Fold(c)
	}
	if i := strings.Index(f, ","); i > 0 {
		if c, ok := a.lex.country(strings.TrimSpace(f[i+1:]), false); ok {
			return "place:" + strings.TrimSpace(f[:i]) + "," + text.Fold(c)
		}
	}
	// "Ruai Ward", "Sonoma County": a name with its kind is the name
	// (claim.place-kinds)
	if words := strings.Fields(f); len(words) >= 2 && a.lex.placeKinds[words[len(words)-1]] {
		f = strings.Join(words[:len(words)-1], " ")
	}
	return "place:" + f
}

func foldTokens(toks []text.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}

// extractDateline finds the dateline in the article's first paragraphs and
// records it as a place claim.
func (a *article) extractDateline() {
	want := text.Fold(a.in.Dateline)
	for p := 0; p < len(a.doc.Paragraphs) && p < 3; p++ {
		if a.doc.Paragraphs[p].Sentences.Len() == 0 {
			continue
		}
		toks := a.doc.SentenceTokens(a.doc.Paragraphs[p].Sentences.First)
		n := len(strings.Fields(want))
		for i := 0; i+n <= len(toks) && i < 12; i++ {
			if foldTokens(toks[i:i+n]) == want {
				sp := text.Span{Start: toks[i].Start, End: toks[i+n-1].End}
				a.add(Claim{Kind: KindPlace, Slot: "dateline", Span: sp, Sentence: a.doc.Paragraphs[p].Sentences.First,
					Rule: "claim.place.dateline", Normalized: a.placeKey(a.in.Dateline)})
				return
			}
		}
	}
}

// extractNamedBodies reads organisations and agreements: runs of
// capitalised words (joined by "of", "for", "and", "the" or dashes) that end
// in an organisation or agreement word.
func (a *article) extractNamedBodies() {
	orgs, agreements := a.lex.on("claim.organisation"), a.lex.on("claim.agreement")
	if !orgs && !agreements {
		return
	}
	for s := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		for i := 0; i < len(toks); {
			if !a.isCap(toks[i]) {
				i++
				continue
			}
			end := a.capitalRun(toks, i)
			first := i
			for first < end && (a.lex.is(toks[first].Norm, gramDeterminer) || a.lex.nameStop[a.tokText(toks[first])]) {
				first++
			}
			kind, headEnd := a.namedBodyHead(toks, first, end)
			if kind != "" && headEnd > first {
				sp := text.Span{Start: toks[first].Start, End: toks[headEnd-1].End}
				norm := strings.Join(strings.Fields(text.Fold(a.doc.Slice(sp))), " ")
				if (kind == KindOrganisation && orgs) || (kind == KindAgreement && agreements) {
					a.add(Claim{Kind: kind, Slot: kind, Span: sp, Sentence: s, Rule: "claim." + kind, Normalized: kind + ":" + norm})
				}
			}
			i = max(end, i+1)
		}
	}
}

// capitalRun returns the end of a run of capitalised words from i, joined
// by connectors and dashes: "Chile–Norway Joint Fisheries Committee",
// "Ministry of Oceans, Fisheries and Ports" stops at the comma.
func (a *article) capitalRun(toks []text.Token, i int) int {
	end := i + 1
	for k := i + 1; k < len(toks); k++ {
		t := toks[k]
		switch {
		case a.isCap(t) || (t.Kind == text.Word && a.allCaps(t)):
			end = k + 1
		case t.Kind == text.Punct && text.Fold(a.tokText(t)) == "-" && t.Start == toks[k-1].End && k+1 < len(toks) && toks[k+1].Start == t.End:
		case a.lex.is(t.Norm, gramConnector) || a.lex.is(t.Norm, gramList) || a.lex.is(t.Norm, gramDeterminer):
			if k+1 >= len(toks) || !(a.isCap(toks[k+1]) || a.lex.is(toks[k+1].Norm, gramDeterminer)) {
				return end
			}
		default:
			return end
		}
	}
	return end
}

// namedBodyHead finds the last organisation or agreement word that ends a
// prefix of the run [first, end) with at least one word before it, and
// returns the kind and where the name ends.
func (a *article) namedBodyHead(toks []text.Token, first, end int) (string, int) {
	if end-first < 2 {
		return "", 0
	}
	head := false
	for _, t := range toks[first+1 : end] {
		head = head || a.lex.headWords[t.Norm]
	}
	if !head {
		return "", 0
	}
	runText := a.doc.Text[toks[first].Start:toks[end-1].End]
	best, bestEnd := "", 0
	for _, r := range []struct {
		kind string
		m    func(string) []text.Span
	}{
		{KindOrganisation, func(s string) []text.Span { return spansOf(a.lex.orgHeads.FindAll(s)) }},
		{KindAgreement, func(s string) []text.Span { return spansOf(a.lex.agreementHeads.FindAll(s)) }},
	} {
		for _, sp := range r.m(runText) {
			endByte := toks[first].Start + sp.End
			startByte := toks[first].Start + sp.Start
			if startByte == toks[first].Start {
				continue // the head alone is no name
			}
			for k := first + 1; k < end; k++ {
				if toks[k].End == endByte && a.isCap(toks[k]) && endByte > bestEnd {
					best, bestEnd = r.kind, endByte
				}
			}
		}
	}
	if best == "" {
		return "", 0
	}
	for k := first; k < end; k++ {
		if toks[k].End == bestEnd {
			return best, k + 1
		}
	}
	return "", 0
}

func spansOf(ms []ruleset.Match) []text.Span {
	out := make([]text.Span, len(ms))
	for i, m := range ms {
		out[i] = m.Span
	}
	return out
}
