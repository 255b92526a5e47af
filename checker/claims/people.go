package claims

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// personMention is one person found in the text: by name, by role, or both.
type personMention struct {
	sentence int
	name     text.Span // zero when known only by role
	role     text.Span // zero when named without a role
	key      string    // folded name, "" when known only by role
	parts    []string  // folded name tokens
	roleKey  string
	side     string
	// byVerb marks a role read from a relative clause ("who chairs the
	// finance committee"): claim.role-verbs
	byVerb bool
	// pastTask marks a role read from a verb in the past ("who led the
	// investigation"): a task done, compared with no other role
	pastTask bool
	// posts, when set, are the posts of a role that joins several
	// (rolePosts); a role read from verbs sets them itself
	posts []string
}

// rolePhrase is a role read around a title: its modifiers, the title, and
// what follows it with "of" or "for"; affiliation words before it give the
// side.
type rolePhrase struct {
	first, end int // token range of the role words
	lead       int // first token of the whole phrase, affiliation and article included
	side       string
	capital    bool // the title is capitalised
	determiner bool // an article comes before it: "the Minister of Fisheries"
}

func (a *article) extractPeople() {
	titled, roleOnly, roles := a.lex.on("claim.person.titled"), a.lex.on("claim.person.role-only"), a.lex.on("claim.role")
	if !titled && !roleOnly && !roles {
		return
	}
	for s, sent := range a.doc.Sentences {
		if !a.active[s] {
			continue
		}
		toks := a.doc.SentenceTokens(s)
		a.relativeRoles(s, toks, titled, roleOnly, roles)
		if !a.mayHoldTitle(toks) {
			continue
		}
		stext := a.doc.Slice(sent.Span)
		used := make([]bool, len(toks))
		named := make([]bool, len(toks)) // tokens of the names read so far
		for _, m := range a.lex.titles.FindAll(stext) {
			ti, tj, ok := tokenRange(toks, sent.Start+m.Span.Start, sent.Start+m.Span.End)
			if !ok || used[ti] {
				continue
			}
			rp := a.readRole(toks, ti, tj)
			// A role read back into a name already taken belongs after it:
			// "managing director Peter Langat and finance director Esther
			// Wainaina" gives Wainaina "finance director".
			for k := ti - 1; k >= rp.lead; k-- {
				if !named[k] {
					continue
				}
				first := k + 1
				for first < ti && (toks[first].Kind != text.Word || a.lex.is(toks[first].Norm, gramList) || a.lex.function[toks[first].Norm]) {
					first++
				}
				rp.first, rp.lead, rp.determiner = first, first, false
				rp.side = a.sideWithin(toks[rp.first:rp.end])
				break
			}
			for k := rp.lead; k < rp.end; k++ {
				used[k] = true
			}
			pm := personMention{sentence: s, side: rp.side}
			pm.role = text.Span{Start: toks[rp.first].Start, End: toks[rp.end-1].End}
			pm.roleKey = a.roleKey(toks[rp.first:rp.end])
			// A name right after the role ("Minister Park Ji-won",
			// "Minister of Oceans, Fisheries and Ports, Park Ji-won") or
			// right before it, set off by a comma ("Diego Vargas, Chile's
			// energy minister").
			n := rp.end
			if n < len(toks) && toks[n].Norm == "," {
				n++
			}
			for n < len(toks) && a.lex.honorifics[a.tokText(toks[n])] {
				n++
			}
			ns, ne := n, a.nameRun(toks, n)
			if ne-ns < 1 || (ne-ns == 1 && !rp.capital && !a.knownPart(toks[ns].Norm)) {
				ns, ne = -1, -1
				if b := rp.lead - 1; b >= 1 && toks[b].Norm == "," {
					if st := a.nameRunBack(toks, b); st >= 0 && (b-st >= 2 || a.knownPart(toks[st].Norm)) {
						ns, ne = st, b
					}
				}
			}
			if ns >= 0 {
				for k := ns; k < ne; k++ {
					used[k], named[k] = true, true
				}
				pm.name = text.Span{Start: toks[ns].Start, End: toks[ne-1].End}
				pm.parts = nameParts(toks[ns:ne])
				pm.key = a.linkName(pm.parts)
			} else if owner := a.clauseOwner(toks, rp.lead, s); owner >= 0 {
				if roles {
					a.addClauseRole(a.people[owner], toks, rp)
				}
				continue
			} else if !rp.capital || !rp.determiner || !a.event[s] {
				continue // a role in passing ("the minister"), not a party to the event
			}
			a.people = append(a.people, pm)
			a.emitPerson(pm, toks, titled, roleOnly, roles)
		}
	}
}

// ruleRoleVerbs is the rule of roles read from a relative clause.
const ruleRoleVerbs = "claim.role-verbs"

// relativeRoles reads roles given by a verb in a relative clause after a
// name: "Tomasz Brennan, who chairs the council's transportation
// committee" gives him the role "chair" of that committee
// (claim.role-verbs), compared like "chair of the council's finance
// committee". The role runs to the next comma or the sentence's end.
func (a *article) relativeRoles(s int, toks []text.Token, titled, roleOnly, roles bool) {
	for k := 2; k+2 < len(toks); k++ {
		if !a.lex.is(toks[k].Norm, gramRelative) || toks[k-1].Norm != "," {
			continue
		}
		title, ok := a.lex.roleVerbs.Lookup(toks[k+1].Norm)
		if !ok {
			continue
		}
		title, past := strings.CutSuffix(title, " past")
		ns := a.nameRunBack(toks, k-1)
		if ns < 0 {
			continue
		}
		end := k + 2
		for end < len(toks) && end-k <= 10 && (toks[end].Kind == text.Word || toks[end].Norm == "'s" || toks[end].Norm == "-") {
			end++
		}
		if end == k+2 || (end < len(toks) && toks[end].Norm != "," && toks[end].Kind != text.Punct) {
			continue
		}
		parts := nameParts(toks[ns : k-1])
		pm := personMention{sentence: s, name: text.Span{Start: toks[ns].Start, End: toks[k-2].End}, parts: parts, key: a.linkName(parts)}
		pm.role = text.Span{Start: toks[k+1].Start, End: toks[end-1].End}
		// "who chairs the Merak board and also chairs Permata Holdings":
		// each verb gives a post; the first is the role
		verbs := a.roleVerbClauses(toks, k+1, end)
		for c, v := range verbs {
			stop := end
			if c+1 < len(verbs) {
				stop = verbs[c+1].and
			}
			t, _ := a.lex.roleVerbs.Lookup(toks[v.verb].Norm)
			t, done := strings.CutSuffix(t, " past")
			key := a.lex.canonicalRole(append([]string{t}, strings.Fields(a.roleKey(toks[v.verb+1:stop]))...))
			if c == 0 {
				pm.roleKey = key
			}
			// a task done ("and led the inquiry") is no post to fit
			if len(verbs) > 1 && !done {
				pm.posts = append(pm.posts, key)
			}
		}
		pm.side = a.sideWithin(toks[k+2 : end])
		pm.byVerb, pm.pastTask = true, past
		a.people = append(a.people, pm)
		a.emitPerson(pm, toks, titled, roleOnly, roles)
	}
}

// roleVerbClause is one verb of a relative role clause: the token of the
// verb, and of the "and" before it (the verb's own index for the first).
type roleVerbClause struct{ verb, and int }

// roleVerbClauses splits the relative role clause toks[first:end], which
// opens with a verb of claim.role-verbs, at each "and" that a further
// such verb follows, a function word ("also") allowed between.
func (a *article) roleVerbClauses(toks []text.Token, first, end int) []roleVerbClause {
	out := []roleVerbClause{{verb: first, and: first}}
	for j := first + 1; j+1 < end; j++ {
		if toks[j].Norm != "and" {
			continue
		}
		v := j + 1
		if v+1 < end && a.lex.function[toks[v].Norm] {
			v++
		}
		if _, ok := a.lex.roleVerbs.Lookup(toks[v].Norm); ok {
			out = append(out, roleVerbClause{verb: v, and: j})
		}
	}
	return out
}

// ruleNamingVerbs is the rule of roles a relative clause gives with a
// naming verb: "who has been named its founding director".
const ruleNamingVerbs = "claim.naming-verbs"

// clauseOwner returns the index in a.people of the person of sentence s a
// relative clause gives the role starting at token lead: "Tomasz
// Kowalczyk, professor of climate informatics, who has been named its
// founding director". The clause follows a comma after the person's name
// or after the role set beside it; -1 when the role is not so given.
func (a *article) clauseOwner(toks []text.Token, lead, s int) int {
	k := lead - 1
	for k >= 0 && a.lex.namingWords[toks[k].Norm] == "after" {
		k--
	}
	if k < 0 || a.lex.namingWords[toks[k].Norm] != "verb" {
		return -1
	}
	for k--; k >= 0 && (a.lex.namingWords[toks[k].Norm] == "before" || a.lex.is(toks[k].Norm, gramAuxiliary)); k-- {
	}
	if k < 2 || !a.lex.is(toks[k].Norm, gramRelative) || toks[k-1].Norm != "," {
		return -1
	}
	// The person whose name or set-off role ends last before the comma,
	// with at most a short phrase between and no other comma ("professor
	// of climate informatics in the School of GeoSciences, who").
	comma := k - 1
	for i := len(a.people) - 1; i >= 0 && a.people[i].sentence == s; i-- {
		pm := a.people[i]
		end := max(pm.name.End, pm.role.End)
		if pm.key == "" || end > toks[comma].Start {
			continue
		}
		between := 0
		for j := comma - 1; j >= 0 && toks[j].Start >= end; j-- {
			if toks[j].Norm == "," || between == 8 {
				return -1
			}
			between++
		}
		return i
	}
	return -1
}

// addClauseRole adds the role a naming clause gives a person already
// named in the sentence (claim.naming-verbs).
func (a *article) addClauseRole(owner personMention, toks []text.Token, rp rolePhrase) {
	role := text.Span{Start: toks[rp.first].Start, End: toks[rp.end-1].End}
	key := a.roleKey(toks[rp.first:rp.end])
	if key == "" {
		return
	}
	a.add(Claim{Kind: KindRole, Slot: "role:" + owner.key, Span: role, Sentence: owner.sentence, Rule: ruleNamingVerbs,
		Normalized: "role:" + key, Person: owner.key, Role: key, Side: rp.side, RoleText: a.doc.Slice(role),
		posts: a.rolePosts(toks, role)})
}

// rolePosts splits the role written in span sp of toks into its posts
// when it joins several with "and" and each holds a title word ("mayor
// and chair of the Douro Bridges Commission"), each in the form of
// roleKey; nil for one post ("Minister of Trade and Industry").
func (a *article) rolePosts(toks []text.Token, sp text.Span) []string {
	var parts [][]text.Token
	start := -1
	for i, t := range toks {
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if start < 0 {
			start = i
		}
		if t.Norm == "and" {
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	if len(parts) == 0 || start < 0 {
		return nil
	}
	if end := sp.End; start < len(toks) {
		last := start
		for last < len(toks) && toks[last].End <= end {
			last++
		}
		parts = append(parts, toks[start:last])
	}
	var posts []string
	for _, part := range parts {
		titled := false
		for _, t := range part {
			titled = titled || t.Kind == text.Word && a.lex.titleWords[singular(t.Norm)]
		}
		key := a.roleKey(part)
		if !titled || key == "" {
			return nil
		}
		posts = append(posts, key)
	}
	return posts
}

// mayHoldTitle is a cheap first pass: does any word start a role title?
func (a *article) mayHoldTitle(toks []text.Token) bool {
	for _, t := range toks {
		if first, _, _ := strings.Cut(t.Norm, "-"); t.Kind == text.Word && a.lex.titleFirstWords[first] {
			return true
		}
	}
	return false
}

// emitPerson turns a mention into a person claim and, for a named person
// with a role, a role claim.
func (a *article) emitPerson(pm personMention, toks []text.Token, titled, roleOnly, roles bool) {
	slot := "person:" + pm.key
	if pm.key == "" {
		slot = "person:role:" + pm.roleKey
	}
	if a.event[pm.sentence] && a.partyToEvent(pm, toks) {
		side := strings.ToLower(pm.side)
		if side == "" {
			side = "?"
		}
		slot = "event." + a.ev.Agent + "." + side
	}
	roleText := ""
	if !pm.role.IsEmpty() {
		roleText = a.doc.Slice(pm.role)
	}
	if pm.key != "" && titled {
		a.add(Claim{Kind: KindPerson, Slot: slot, Span: pm.name, Sentence: pm.sentence, Rule: "claim.person.titled",
			Normalized: "person:" + pm.key, Person: pm.key, Role: pm.roleKey, Side: pm.side, RoleText: roleText})
	}
	if pm.key == "" && roleOnly {
		a.add(Claim{Kind: KindPerson, Slot: slot, Span: pm.role, Sentence: pm.sentence, Rule: "claim.person.role-only",
			Normalized: "role:" + pm.roleKey, Role: pm.roleKey, Side: pm.side, RoleText: roleText})
	}
	if pm.key != "" && pm.roleKey != "" && roles {
		rule := "claim.role"
		if pm.byVerb {
			rule = ruleRoleVerbs
		}
		posts := pm.posts
		if !pm.byVerb {
			posts = a.rolePosts(toks, pm.role)
		}
		a.add(Claim{Kind: KindRole, Slot: "role:" + pm.key, Span: pm.role, Sentence: pm.sentence, Rule: rule,
			Normalized: "role:" + pm.roleKey, Person: pm.key, Role: pm.roleKey, Side: pm.side, RoleText: roleText, pastTask: pm.pastTask,
			posts: posts})
	}
}

// partyToEvent reports whether a person in an event sentence is its
// subject (named before an event verb) or its agent ("signed ... by X"),
// rather than someone mentioned beside it.
func (a *article) partyToEvent(pm personMention, toks []text.Token) bool {
	start, end := pm.role, pm.name
	if start.IsEmpty() || (!end.IsEmpty() && end.Start < start.Start) {
		start = end
	}
	if end.IsEmpty() || (!pm.role.IsEmpty() && pm.role.End > end.End) {
		end = pm.role
	}
	for v, t := range toks {
		if !a.x.reports(a.ev, t) {
			continue
		}
		if end.End <= t.Start {
			return true
		}
		if start.Start < t.End {
			continue
		}
		// "signed on October 14 by X": a "by" soon after the verb, with no
		// comma between, introduces the agent.
		for k := v + 1; k < len(toks) && k <= v+6 && toks[k].End <= start.Start; k++ {
			if toks[k].Norm == "," {
				break
			}
			if a.lex.is(toks[k].Norm, gramAgent) {
				return true
			}
		}
	}
	return false
}

// tokenRange maps a byte span to the tokens it covers exactly.
func tokenRange(toks []text.Token, start, end int) (int, int, bool) {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	if i == len(toks) || toks[i].Start != start {
		return 0, 0, false
	}
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	if j == i || toks[j-1].End != end {
		return 0, 0, false
	}
	return i, j, true
}

// readRole reads the role phrase around the title at tokens [ti, tj).
func (a *article) readRole(toks []text.Token, ti, tj int) rolePhrase {
	rp := rolePhrase{first: ti, end: tj, lead: ti, capital: a.isCap(toks[ti])}
	// Modifiers before the title: "Fisheries", "oceans and inland waters",
	// "Deputy". A possessive or a nationality before them is
	// the side ("Chile's", "Chilean").
	k := ti - 1
	for ; k >= 0 && ti-k <= 6; k-- {
		t := toks[k]
		if t.Kind != text.Word {
			break
		}
		if side, n, ok := a.sideBefore(toks, k); ok {
			rp.side, rp.lead = side, k-n+1
			break
		}
		if a.lex.is(t.Norm, gramList) && k+1 < ti && k > 0 && toks[k-1].Kind == text.Word && !a.lex.function[toks[k-1].Norm] {
			continue
		}
		if a.lex.function[t.Norm] || a.stopWord(t) || a.lex.kin[t.Norm] {
			break
		}
		// A person named just before belongs to another role: "Sorbeck
		// chief executive Katrin Wöllner and Norisan chief executive".
		if a.isCap(t) && a.knownPart(t.Norm) {
			break
		}
		// A lower-case word before a capitalised title is not part of
		// it ("earlier this month Economy Minister Lapointe"), unless it
		// is a one-word title, says which occasion ("former") or puts the
		// role at another time ("retired High Court judge").
		if !a.isCap(t) && a.isCap(toks[k+1]) && !a.lex.titleWords[t.Norm] && !a.lex.otherOccasion[t.Norm] && !a.lex.roleTimes[t.Norm] {
			break
		}
		rp.first, rp.lead = k, k
	}
	if k = rp.lead - 1; k >= 0 && a.lex.is(toks[k].Norm, gramDeterminer) {
		rp.lead, rp.determiner = k, true // "the Minister of Fisheries", "Vargas, the trade minister"
	}
	// "President and Chief Executive Officer", "President and CEO and
	// Chair of the Board": titles joined by "and" belong to the same
	// person; the role holds them all.
	for tj+1 < len(toks) && a.lex.is(toks[tj].Norm, gramList) && a.lex.titleFirstWords[strings.Split(toks[tj+1].Norm, "-")[0]] {
		rest := a.doc.Text[toks[tj+1].Start:toks[len(toks)-1].End]
		joined := false
		for _, m := range a.lex.titles.FindAll(rest) {
			if m.Span.Start != 0 {
				continue
			}
			if _, end, ok := tokenRange(toks, toks[tj+1].Start, toks[tj+1].Start+m.Span.End); ok {
				tj, joined = end, true
			}
			break
		}
		if !joined {
			break
		}
	}
	// "of ..." and "for ..." after the title, with lists joined by commas
	// and "and": "Minister of Oceans, Fisheries and Ports".
	j := tj
	sawAnd := false
	// "ambassador to Canada": a word that continues only this title
	extra := a.lex.roleConnectors[text.Fold(a.doc.Text[toks[ti].Start:toks[tj-1].End])]
	for j < len(toks) {
		t := toks[j]
		if !a.lex.is(t.Norm, gramConnector) && (extra == "" || t.Norm != extra) {
			break
		}
		q := j + 1
		if q < len(toks) && a.lex.is(toks[q].Norm, gramDeterminer) {
			q++
		}
		end := a.listEnd(toks, q, &sawAnd)
		if end == q {
			break
		}
		j = end
	}
	// "Minister of Trade Ana Roux": a name written straight after the list
	// ends it; three or more capitalised words closing the role leave their
	// last two to the name. Not when the role is set off after a name
	// already ("Anders J. Lindqvist, Chief Executive Officer of Harlaw
	// Offshore Wind, said"): there the capitalised words name the body.
	run := 0
	for k := j - 1; k >= tj && a.isCap(toks[k]) && a.nameWord(toks[k]); k-- {
		run++
	}
	if run >= 3 && (j == len(toks) || !a.isCap(toks[j])) && !a.namedBefore(toks, rp.lead) && !a.namedAfterComma(toks, j) {
		j -= 2
	}
	rp.end = j
	if rp.side == "" {
		rp.side = a.sideWithin(toks[rp.first:rp.end])
	}
	return rp
}

// namedAfterComma reports whether a comma at token j is followed by a
// name of two or more words: "the chief executive of Kopano Ridge
// Minerals, Mandla Sithole, was arrested". The capitalised words before
// the comma name the body; the person comes after it.
func (a *article) namedAfterComma(toks []text.Token, j int) bool {
	if j+1 >= len(toks) || toks[j].Norm != "," {
		return false
	}
	return a.nameRun(toks, j+1)-(j+1) >= 2
}

// namedBefore reports whether a role starting at token lead follows a
// name of two or more words and a comma: "Anders J. Lindqvist, Chief
// Executive Officer of ...".
func (a *article) namedBefore(toks []text.Token, lead int) bool {
	b := lead - 1
	if b < 1 || toks[b].Norm != "," {
		return false
	}
	st := a.nameRunBack(toks, b)
	return st >= 0 && b-st >= 2
}

// listEnd reads a list of role words from q ("Oceans, Fisheries and Ports")
// and returns where it ends.
func (a *article) listEnd(toks []text.Token, q int, sawAnd *bool) int {
	end := q
	for i := q; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == text.Word && !a.lex.function[t.Norm] && !a.stopWord(t):
			end = i + 1
		case a.lex.is(t.Norm, gramList):
			// "director-general of the consortium and chair of its board":
			// a title after "and" starts a second role, not the body's name
			if end != i || i+1 >= len(toks) || !a.listWord(toks[i+1]) || a.lex.titleWords[toks[i+1].Norm] {
				return end
			}
			*sawAnd = true
		case t.Norm == ",":
			if *sawAnd || end != i || !a.listContinues(toks, i+1) {
				return end
			}
		default:
			return end
		}
	}
	return end
}

func (a *article) listWord(t text.Token) bool {
	return t.Kind == text.Word && !a.lex.function[t.Norm] && !a.stopWord(t)
}

// listContinues reports whether the words after a comma carry the list on
// to an "and" before the next comma: "Oceans, Fisheries and Ports".
func (a *article) listContinues(toks []text.Token, i int) bool {
	for ; i < len(toks); i++ {
		t := toks[i]
		switch {
		case a.lex.is(t.Norm, gramList):
			return i+1 < len(toks) && a.listWord(toks[i+1])
		case a.listWord(t):
		default:
			return false
		}
	}
	return false
}

// stopWord reports words that end a role or a name: verbs of speaking and
// of the event, and capitalised words that never belong to a name.
func (a *article) stopWord(t text.Token) bool {
	if a.lex.nameStop[a.tokText(t)] {
		return true
	}
	if a.isCap(t) {
		return false // "States" in "United States" is no verb
	}
	if _, ok := a.lex.eventWords[t.Norm]; ok || (a.ev.Inferred && a.x.isMainVerb(a.ev, t)) {
		return true
	}
	return a.lex.quoteVerbWords[t.Norm]
}

// sideBefore reads a side at token k, reading backwards: a possessive
// ("Chile's", "South Africa's", "Boeing's") or a nationality ("Chilean",
// "South African"). It returns the side and how many tokens it spans.
func (a *article) sideBefore(toks []text.Token, k int) (string, int, bool) {
	t := toks[k]
	norm := t.Norm
	possessive := strings.HasSuffix(norm, "'s") || (strings.HasSuffix(norm, "s'") && a.isCap(t))
	if possessive {
		norm = strings.TrimSuffix(strings.TrimSuffix(norm, "'s"), "'")
	}
	for n := 3; n >= 1; n-- {
		if k-n+1 < 0 {
			continue
		}
		parts := make([]string, 0, n)
		for _, p := range toks[k-n+1 : k] {
			parts = append(parts, p.Norm)
		}
		parts = append(parts, norm)
		if c, ok := a.lex.country(strings.Join(parts, " "), !possessive); ok && a.isCap(toks[k-n+1]) {
			return c, n, true
		}
	}
	if possessive && a.isCap(t) && !a.allCaps(t) {
		s := a.tokText(t)
		return strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s"), "’'"), 1, true
	}
	return "", 0, false
}

// sideWithin finds a country named inside a role ("... of the Republic of
// Chile").
func (a *article) sideWithin(toks []text.Token) string {
	for i := range toks {
		for n := min(4, len(toks)-i); n >= 1; n-- {
			if !a.isCap(toks[i]) {
				continue
			}
			parts := make([]string, n)
			for j := range n {
				parts[j] = toks[i+j].Norm
			}
			if c, ok := a.lex.country(strings.Join(parts, " "), false); ok {
				return c
			}
		}
	}
	return ""
}

// roleKey is a role's comparison form: its content words, with synonyms
// unified and country names left out (the side carries them), sorted.
func (a *article) roleKey(toks []text.Token) string {
	var words []string
	skipUntil := 0
	for i, t := range toks {
		if i < skipUntil || t.Kind != text.Word {
			continue
		}
		country := false
		for n := min(4, len(toks)-i); n >= 1; n-- {
			parts := make([]string, n)
			for j := range n {
				parts[j] = toks[i+j].Norm
			}
			if _, ok := a.lex.country(strings.Join(parts, " "), true); ok && a.isCap(toks[i]) {
				skipUntil, country = i+n, true
				break
			}
		}
		if country || a.lex.function[t.Norm] || a.lex.roleLinks[t.Norm] {
			continue
		}
		// "the union's president", "the citizens' group": possessives and
		// plurals compare as the bare noun.
		w := strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "'")
		// "the Anti-Corruption Prosecutor's Office": a title in the
		// possessive inside a capitalised name names the body, like a
		// title in the plural ("the Front Range Mayors' Caucus")
		if w != t.Norm && a.lex.titleWords[w] && a.isCap(t) && i+1 < len(toks) && a.isCap(toks[i+1]) && !a.lex.titleWords[toks[i+1].Norm] {
			w += "s"
		}
		// "the party's leader" is a leader; a body noun closing a run of
		// capitalised words is part of a name ("Lee Valley University
		// Hospital", which "LVUH" abbreviates)
		// ("NCR Regional Director": a level before a title names no body)
		closesName := a.isCap(t) && i > 0 && a.isCap(toks[i-1]) && !a.lex.titleWords[toks[i-1].Norm] &&
			!(i+1 < len(toks) && a.lex.titleWords[toks[i+1].Norm])
		if a.lex.genericBodies[w] && !closesName {
			continue
		}
		// a title in the plural names a group the body is made of ("the
		// Front Range Mayors' Caucus", "the board of governors"), not a
		// post of the person: it stays plural, and is no title
		if one := singular(w); one == w || !a.lex.titleWords[one] {
			w = one
		}
		words = append(words, w)
	}
	return a.lex.canonicalRole(words)
}

// canonicalRole unifies synonyms ("ceo", "chief executive officer"),
// splits hyphenated words ("secretary-general" is "secretary general"),
// marks rank words with rankMark ("^deputy") and time words with timeMark
// ("~former"), and returns the sorted, de-duplicated words.
func (l *lexicons) canonicalRole(words []string) string {
	joined := " " + strings.Join(words, " ") + " "
	for _, k := range sortedKeys(l.roleSynonyms.Entries) {
		v := l.roleSynonyms.Entries[k]
		joined = strings.ReplaceAll(joined, " "+text.Fold(k)+" ", " "+v+" ")
	}
	set := map[string]bool{}
	for _, w := range strings.Fields(joined) {
		w = strings.ReplaceAll(w, ".", "") // "u.n." is "un"
		for _, part := range strings.Split(w, "-") {
			switch {
			case part == "", l.function[part]: // "minister of state" from a synonym
			case l.roleRanks[part]:
				set[rankMark+part] = true
			case l.roleTimes[part]:
				set[timeMark+part] = true
			default:
				set[part] = true
			}
		}
	}
	return strings.Join(sortedKeys(set), " ")
}

// equivalentRole returns a role key with its one title replaced by the
// title claim.role-equivalents maps it to ("rovers manager" becomes
// "coach rovers"), or the key as it is when it has no such title. A role
// with a title of several words ("general manager") keeps its own post.
func (l *lexicons) equivalentRole(key string) string {
	set := map[string]bool{}
	for _, w := range strings.Fields(key) {
		set[w] = true
	}
	t, ok := l.soleTitle(set)
	if !ok {
		return key
	}
	v, ok := l.roleEquivalents[t]
	if !ok {
		return key
	}
	delete(set, t)
	set[v] = true
	return strings.Join(sortedKeys(set), " ")
}

// soleTitle returns the one title word of a set of role words, and false
// when it has none, several, or a title of several words.
func (l *lexicons) soleTitle(set map[string]bool) (string, bool) {
	title, n := "", 0
	for w := range set {
		if l.titleWords[w] {
			title, n = w, n+1
		}
	}
	if n != 1 {
		return "", false
	}
	for _, t := range l.multiTitles {
		all := true
		for _, w := range t {
			all = all && set[w]
		}
		if all {
			return "", false
		}
	}
	return title, true
}

// Marks on role words in a role key: a rank ("^deputy") and a time
// ("~former").
const (
	rankMark = "^"
	timeMark = "~"
)

// nameRun returns the end of a run of up to four capitalised name words
// starting at i (i itself when there is none). A longer run is not a name.
func (a *article) nameRun(toks []text.Token, i int) int {
	j := i
	for j < len(toks) {
		if a.nameWord(toks[j]) {
			j++
		} else if j > i && middleInitialDot(toks, j) && j+1 < len(toks) && a.nameWord(toks[j+1]) {
			j++ // "Declan J. Moriarty": the initial's full stop
		} else if k := a.particlesAt(toks, j); k > j && k < len(toks) && a.nameWord(toks[k]) {
			j = k + 1 // "Ursula von der Leyen", "von der Leyen"
		} else {
			break
		}
		if j-i > 6 {
			return i
		}
	}
	return j
}

// particlesAt returns the end of a run of name particles starting at token
// i (claim.name-particles: "von der", "de la", "bin"), i when there is
// none.
func (a *article) particlesAt(toks []text.Token, i int) int {
	k := i
	for k < len(toks) && k-i < 3 && toks[k].Kind == text.Word && !a.isCap(toks[k]) && a.lex.nameParticles[toks[k].Norm] {
		k++
	}
	return k
}

// nameRunBack returns the first token of a run of capitalised name words
// ending just before token b, or -1.
func (a *article) nameRunBack(toks []text.Token, b int) int {
	i := b
	for i > 0 && b-i < 6 {
		if a.nameWord(toks[i-1]) {
			i--
			continue
		}
		if i < b && i >= 2 && middleInitialDot(toks, i-1) && a.nameWord(toks[i-2]) {
			i-- // "Declan J. Moriarty": the initial's full stop
			continue
		}
		// "Karim A. Tazi": an initial that is also a word ("A", "I") is
		// passed over with its full stop when a name word comes before it
		if i < b && i >= 3 && middleInitialDot(toks, i-1) && a.isCap(toks[i-2]) && a.nameWord(toks[i-3]) {
			i -= 2
			continue
		}
		// particles inside or before a name: "Ursula von der Leyen"
		k := i
		for k > 0 && i-k < 3 && toks[k-1].Kind == text.Word && !a.isCap(toks[k-1]) && a.lex.nameParticles[toks[k-1].Norm] {
			k--
		}
		if k == i || i == b {
			break
		}
		i = k
	}
	// A capitalised word before the run makes it part of something longer,
	// unless it is a title or a courtesy title ("Councillor Tomasz
	// Brennan, chair of ...", "Dame Eleanor Vance, chair of ...").
	if i == b || (i > 0 && a.isCap(toks[i-1]) && !a.lex.nameStop[a.tokText(toks[i-1])] && !a.lex.titleWords[toks[i-1].Norm] &&
		!a.lex.honorifics[a.tokText(toks[i-1])]) {
		return -1
	}
	return i
}

// nameWord reports whether a token can be part of a person's name.
func (a *article) nameWord(t text.Token) bool {
	if !a.isCap(t) || a.allCaps(t) || a.stopWord(t) || a.lex.isMonthOrWeekday(a.tokText(t)) || a.lex.honorifics[a.tokText(t)] {
		return false
	}
	if strings.HasSuffix(t.Norm, "'s") {
		return false
	}
	if _, ok := a.lex.country(t.Norm, true); ok {
		return false
	}
	return !a.lex.titleWords[t.Norm] && !a.lex.orgHeadWords[t.Norm]
}

// middleInitialDot reports whether token k is the full stop of an
// initial: a single capital letter just before it ("J." in "Declan J.
// Moriarty").
func middleInitialDot(toks []text.Token, k int) bool {
	if k < 1 || toks[k].Kind != text.Punct || toks[k].Norm != "." {
		return false
	}
	prev := toks[k-1]
	return prev.Kind == text.Word && len(prev.Norm) == 1 && prev.End == toks[k].Start
}

// nameParts returns the folded words of a name. Middle initials and their
// full stops are left out when two words remain, so "Declan J. Moriarty"
// and "Declan Moriarty" are one person.
func nameParts(toks []text.Token) []string {
	out := make([]string, 0, len(toks))
	words := 0
	for _, t := range toks {
		if t.Kind == text.Word && len(t.Norm) > 1 {
			words++
		}
	}
	for k, t := range toks {
		if words >= 2 && k > 0 && (t.Kind == text.Punct || (t.Kind == text.Word && len(t.Norm) == 1)) {
			continue
		}
		out = append(out, t.Norm)
	}
	return out
}

// knownPart reports whether a folded word is part of the name of a person
// already met in the article.
func (a *article) knownPart(w string) bool {
	for _, p := range a.people {
		if contains(p.parts, w) {
			return true
		}
	}
	return false
}

// linkName returns the comparison form of a name: a single word that is
// part of the name of a person met earlier stands for that person.
func (a *article) linkName(parts []string) string {
	if len(parts) == 1 {
		for i := len(a.people) - 1; i >= 0; i-- {
			if len(a.people[i].parts) > 1 && contains(a.people[i].parts, parts[0]) {
				return a.people[i].key
			}
		}
	}
	// "von der Leyen" after "Ursula von der Leyen": a surname of several
	// words is the end of a full name met earlier.
	if len(parts) > 1 && a.lex.nameParticles[parts[0]] {
		for i := len(a.people) - 1; i >= 0; i-- {
			if q := a.people[i].parts; len(q) > len(parts) && slices.Equal(q[len(q)-len(parts):], parts) {
				return a.people[i].key
			}
		}
	}
	return strings.Join(parts, " ")
}
