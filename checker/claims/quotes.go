package claims

import (
	"fmt"
	"slices"

	"github.com/crosscheck-news/crosscheck/internal/disjoint"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// quoteSpan is one quotation inside a paragraph: the marks included
// (outer) and the quoted words (inner).
type quoteSpan struct {
	outer, inner text.Span
}

// findQuotes returns the quotations in the paragraph span p of s. Curly
// double quotes pair as written; straight double quotes pair in turn;
// curly single quotes count only where they cannot be apostrophes. A
// quotation still open at the end of the paragraph runs to its end, as a
// quote continued in the next paragraph does.
func findQuotes(s string, p text.Span) []quoteSpan {
	var out []quoteSpan
	open := rune(0)
	start := 0
	closeAt := func(i, w int) {
		out = append(out, quoteSpan{outer: text.Span{Start: start, End: i + w}, inner: text.Span{Start: start + utf8.RuneLen(open), End: i}})
		open = 0
	}
	prevRune := func(i int) rune {
		if i <= p.Start {
			return ' '
		}
		r, _ := utf8.DecodeLastRuneInString(s[p.Start:i])
		return r
	}
	for i := p.Start; i < p.End; {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case open == 0 && (r == '“' || r == '«' || r == '„'):
			open, start = r, i
		case open == '“' && r == '”', open == '«' && r == '»', open == '„' && (r == '“' || r == '”'):
			closeAt(i, w)
		case r == '"' && open == '"':
			closeAt(i, w)
		case r == '"' && open == 0:
			open, start = r, i
		case r == '‘' && open == 0 && !unicode.IsLetter(prevRune(i)):
			open, start = r, i
		case r == '’' && open == '‘':
			next, _ := utf8.DecodeRuneInString(s[min(i+w, p.End):p.End])
			if (i+w >= p.End || !unicode.IsLetter(next)) && !pluralPossessive(s, p, i, w) {
				closeAt(i, w)
			}
		}
		i += w
	}
	if open != 0 && open != '‘' {
		out = append(out, quoteSpan{outer: text.Span{Start: start, End: p.End}, inner: text.Span{Start: start + utf8.RuneLen(open), End: p.End}})
	}
	return out
}

// pluralPossessive reports whether the ’ at i (w bytes) inside a quotation
// opened with ‘ is the apostrophe of a plural possessive ("hit Stokes’
// bat", "the players’ union") rather than the closing mark: it follows an
// "s", a space and a lower-case word follow it, and a later ’ in the
// paragraph can close the quotation instead.
func pluralPossessive(s string, p text.Span, i, w int) bool {
	if i <= p.Start || (s[i-1] != 's' && s[i-1] != 'S') {
		return false
	}
	rest := s[i+w : p.End]
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	word, _ := utf8.DecodeRuneInString(rest[1:])
	if !unicode.IsLower(word) {
		return false
	}
	for k := 0; k < len(rest); {
		r, n := utf8.DecodeRuneInString(rest[k:])
		k += n
		if r != '’' {
			continue
		}
		after, _ := utf8.DecodeRuneInString(rest[k:])
		if k >= len(rest) || !unicode.IsLetter(after) {
			return true
		}
	}
	return false
}

// trimQuote trims space and closing punctuation from a quotation's words.
func trimQuote(s string, sp text.Span) text.Span {
	for sp.Start < sp.End {
		r, w := utf8.DecodeRuneInString(s[sp.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		sp.Start += w
	}
	for sp.End > sp.Start {
		r, w := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",.;:…", r) {
			break
		}
		sp.End -= w
	}
	return sp
}

// speaker is who a quote is attributed to.
type speaker struct {
	kind  int // speakerPerson, speakerBody, speakerOther; 0 for none
	key   string
	label string
}

const (
	speakerOther = iota + 1
	speakerBody
	speakerPerson
)

func (a *article) extractQuotes() {
	if !a.lex.on("claim.quote") {
		return
	}
	var last speaker
	lastQuoted := false // the paragraph before held a quote with a known speaker
	for p, para := range a.doc.Paragraphs {
		if a.in.skipped(p) {
			lastQuoted = false
			continue
		}
		qs := findQuotes(a.doc.Text, para.Span)
		var verbs []ruleset.Match
		if len(qs) > 0 {
			verbs = a.lex.quoteVerbs.FindAll(a.doc.Slice(para.Span))
		}
		opensWithQuote := len(qs) > 0 && qs[0].outer.Start == para.Start
		for qi, q := range qs {
			inner := trimQuote(a.doc.Text, q.inner)
			if !hasLetter(a.doc.Slice(inner)) {
				continue
			}
			s := a.doc.SentenceAt(inner.Start)
			if s < 0 || !a.active[s] {
				continue
			}
			sp, ok := a.colonSpeaker(q)
			if !ok {
				sp, ok = a.parsedSpeaker(q, inner)
			}
			if !ok {
				sp = a.findSpeaker(para.Span, qs, qi, verbs)
			}
			if sp.kind == 0 && opensWithQuote && lastQuoted {
				sp = last // a new paragraph of the same speaker's words
			}
			slotKey := sp.key
			if slotKey == "" {
				slotKey = "?"
			}
			a.add(Claim{Kind: KindQuote, Slot: "quote:" + slotKey, Span: inner, Sentence: s, Rule: "claim.quote",
				Normalized: "quote:" + strings.Join(quoteWords(a.doc, inner), " "), Speaker: sp.label, SpeakerKey: sp.key,
				attribution: a.attribution(para.Span, q.outer, inner, sp.label)})
			last = sp
		}
		lastQuoted = len(qs) > 0 && last.kind != 0
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// quoteWords returns a quote's words in comparison form, with "…" where
// the text marks words left out.
func quoteWords(doc *text.Document, sp text.Span) []string {
	var out []string
	for _, t := range tokensIn(doc, sp) {
		switch {
		case t.IsWordLike():
			out = append(out, t.Norm)
		case t.Norm == "..." || t.Norm == "…" || (t.Kind == text.Punct && strings.HasPrefix(t.Norm, "..")):
			if len(out) > 0 && out[len(out)-1] != "…" {
				out = append(out, "…")
			}
		}
	}
	return out
}

// tokensIn returns the document's tokens inside sp.
func tokensIn(doc *text.Document, sp text.Span) []text.Token {
	i := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= sp.Start })
	j := i
	for j < len(doc.Tokens) && doc.Tokens[j].End <= sp.End {
		j++
	}
	return doc.Tokens[i:j]
}

// findSpeaker looks for the speaker of quote qi among the attribution verbs
// of its paragraph (verbs, matched in the paragraph's text) outside quotes, nearest first, preferring the
// quotation's own sentence; a person beats a body, which beats a pronoun
// that could not be resolved.
func (a *article) findSpeaker(para text.Span, qs []quoteSpan, qi int, verbs []ruleset.Match) speaker {
	q := qs[qi]
	type cand struct {
		sp   text.Span
		same bool
		dist int
	}
	qSent := a.doc.SentenceAt(q.inner.Start)
	endSent := a.doc.SentenceAt(max(q.outer.End-1, q.outer.Start))
	var cands []cand
	for _, m := range verbs {
		sp := text.Span{Start: para.Start + m.Span.Start, End: para.Start + m.Span.End}
		inside := false
		for _, o := range qs {
			if o.outer.Overlaps(sp) {
				inside = true
			}
		}
		if inside {
			continue
		}
		vs := a.doc.SentenceAt(sp.Start)
		dist := sp.Start - q.outer.End
		if sp.End <= q.outer.Start {
			dist = q.outer.Start - sp.End
		}
		cands = append(cands, cand{sp, vs == qSent || vs == endSent, dist})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].same != cands[j].same {
			return cands[i].same
		}
		return cands[i].dist < cands[j].dist
	})
	var best speaker
	for _, c := range cands {
		if !c.same && best.kind != 0 {
			break
		}
		sp := a.speakerAt(c.sp, q.outer)
		if sp.kind > best.kind {
			best = sp
		}
		if best.kind == speakerPerson {
			break
		}
	}
	return best
}

// speakerAt reads the speaker of the attribution verb at v: the phrase
// after "according to", else the subject before the verb ("Roux said",
// "what it described as"), else the phrase after it ("said the statement").
func (a *article) speakerAt(v text.Span, quote text.Span) speaker {
	s := a.doc.SentenceAt(v.Start)
	if s < 0 {
		return speaker{}
	}
	toks := a.doc.SentenceTokens(s)
	vi, vj, ok := tokenRange(toks, v.Start, v.End)
	if !ok {
		return speaker{}
	}
	// "according to" names its speaker after it; "put it" ("as the plant
	// manager put it") before it
	forwardOnly := vj-vi > 1 && toks[vj-1].Norm == "to"
	if sp, ok := a.personNear(toks, vi, vj, forwardOnly, quote); ok {
		return sp
	}
	if !forwardOnly {
		if sp := a.speakerBefore(toks, vi, quote); sp.kind != 0 {
			return sp
		}
	}
	return a.speakerAfter(toks, vj, quote)
}

// personNear finds a person mention (name with role) right beside the
// verb: "said council leader Ines Duarte", "Ines Duarte, the council's
// leader, told reporters".
func (a *article) personNear(toks []text.Token, vi, vj int, forwardOnly bool, quote text.Span) (speaker, bool) {
	extent := func(p personMention) text.Span {
		sp := p.name
		if !p.role.IsEmpty() {
			sp = sp.Union(p.role)
		}
		return sp
	}
	for _, p := range a.people {
		if p.key == "" {
			continue
		}
		e := extent(p)
		if e.Overlaps(quote) {
			continue
		}
		// after the verb: only determiners between
		k := vj
		for k < len(toks) && a.lex.is(toks[k].Norm, gramDeterminer) {
			k++
		}
		if k < len(toks) && e.Start == toks[k].Start {
			return speaker{kind: speakerPerson, key: "person:" + p.key, label: a.doc.Slice(p.name)}, true
		}
		if forwardOnly {
			continue
		}
		// before the verb: only a comma or function words between
		k = vi - 1
		for k >= 0 && vi-k <= 3 && (toks[k].Norm == "," || a.lex.function[toks[k].Norm]) && toks[k].End > e.End {
			k--
		}
		if k >= 0 && toks[k].End == e.End {
			return speaker{kind: speakerPerson, key: "person:" + p.key, label: a.doc.Slice(p.name)}, true
		}
	}
	return speaker{}, false
}

func (a *article) speakerBefore(toks []text.Token, vi int, quote text.Span) speaker {
	skipped := 0
	for k := vi - 1; k >= 0; k-- {
		t := toks[k]
		if quote.Overlaps(t.Span) {
			return speaker{}
		}
		// "Brandstetter, 39, told reporters": an age set off by commas
		if t.Norm == "," && k >= 3 && toks[k-1].Kind == text.Number && toks[k-2].Norm == "," && k+1 == vi {
			k -= 2
			continue
		}
		if t.Norm == "," && k+1 == vi {
			// "Taufel, who is part of cricket's law-making body, told
			// Foxsports.com.au": the name before an aside set off by commas
			if sp, ok := a.nameBeforeAside(toks, k, quote); ok {
				return sp
			}
		}
		if t.Kind != text.Word {
			return speaker{}
		}
		if sp, ok := a.pronounSpeaker(t, quote); ok {
			return sp
		}
		if a.lex.is(t.Norm, gramRelative) {
			return a.personBefore(t.Start)
		}
		if sp, ok := a.bodyEndingAt(toks, k); ok {
			return sp
		}
		if a.nameWord(t) && a.describedByThe(toks, k, k) {
			return speaker{kind: speakerOther, label: a.tokText(t)}
		}
		if a.nameWord(t) {
			st := k
			for st > 0 && k-st < 5 {
				if a.nameWord(toks[st-1]) {
					st--
					continue
				}
				p := st // particles: "von der Leyen said"
				for p > 0 && st-p < 3 && toks[p-1].Kind == text.Word && !a.isCap(toks[p-1]) && a.lex.nameParticles[toks[p-1].Norm] {
					p--
				}
				if p == st {
					break
				}
				st = p
			}
			return a.personSpeaker(toks[st : k+1])
		}
		if !a.lex.function[t.Norm] || skipped >= 3 {
			return speaker{}
		}
		skipped++
	}
	return speaker{}
}

// nameBeforeAside reads the speaker of a verb whose subject is followed by
// an aside between commas, the comma closing it at token end: a relative
// clause ("Taufel, who is part of cricket's law-making body, told") or an
// apposition opened by a determiner ("Taufel, a five-time ICC Umpire of
// the Year, told"). The name must end right before the opening comma.
func (a *article) nameBeforeAside(toks []text.Token, end int, quote text.Span) (speaker, bool) {
	for k := end - 1; k >= 1 && end-k <= 25; k-- {
		t := toks[k]
		if quote.Overlaps(t.Span) || t.Norm == "." || t.Norm == ";" {
			return speaker{}, false
		}
		if t.Norm != "," {
			continue
		}
		opener := toks[k+1].Norm
		if !a.lex.relativePronouns[opener] && !a.lex.is(opener, gramDeterminer) {
			return speaker{}, false
		}
		last := k - 1
		st := a.nameRunBack(toks, k)
		if st < 0 {
			return speaker{}, false
		}
		// "Later Taufel, who ...": a capital that opens the sentence is
		// no part of the name unless the name is known to hold it
		if st == 0 && last > 0 && !a.knownPart(toks[0].Norm) {
			st = 1
		}
		// "Mari Dahl of Nordvakt Security, the firm hired to ...": a name
		// after a preposition is no subject; nor is a body's name
		if a.describedByThe(toks, st, last) || (st > 0 && a.lex.function[toks[st-1].Norm]) || a.lex.orgHeadWords[toks[last].Norm] {
			return speaker{}, false
		}
		return a.personSpeaker(toks[st : last+1]), true
	}
	return speaker{}, false
}

func (a *article) speakerAfter(toks []text.Token, vj int, quote text.Span) speaker {
	k := vj
	for k < len(toks) && a.lex.is(toks[k].Norm, gramDeterminer) {
		k++
	}
	if k >= len(toks) || quote.Overlaps(toks[k].Span) {
		return speaker{}
	}
	if sp, ok := a.pronounSpeaker(toks[k], quote); ok {
		return sp
	}
	// "said Dr. Katrin Wöllner": past the courtesy title
	for k < len(toks) && (a.lex.honorifics[a.tokText(toks[k])] || (toks[k].Norm == "." && k > 0 && a.lex.honorifics[a.tokText(toks[k-1])])) {
		k++
	}
	if end := a.nameRun(toks, k); end > k {
		if end == k+1 && a.describedByThe(toks, k, k) {
			return speaker{kind: speakerOther, label: a.tokText(toks[k])}
		}
		k, end = a.pastTitleBeforeHonorific(toks, k, end)
		return a.personSpeaker(toks[k:end])
	}
	for n := min(3, len(toks)-k); n >= 1; n-- {
		if sp, ok := a.bodyEndingAt(toks[:k+n], k+n-1); ok {
			return sp
		}
	}
	return speaker{}
}

// pastTitleBeforeHonorific returns the name run toks[k:end] as it is,
// unless a courtesy title and another name run follow it
// ("Ministerpräsidentin Dr. Söllner", "Bürgermeister Herr Weber"): the
// capitalised words before a courtesy title are a title the lists do not
// know, and the name is the run after it.
func (a *article) pastTitleBeforeHonorific(toks []text.Token, k, end int) (int, int) {
	j := end
	for j < len(toks) && (a.lex.honorifics[a.tokText(toks[j])] || toks[j].Norm == "." && j > end && a.lex.honorifics[a.tokText(toks[j-1])]) {
		j++
	}
	if j == end {
		return k, end
	}
	if e := a.nameRun(toks, j); e > j {
		return j, e
	}
	return k, end
}

// describedByThe reports whether tokens i..j, a capitalised word, follow
// "the" and are one word: "the Spaniard said", "said the Romanian". Names
// of people take no article; such a word describes a person (by country,
// by club) without naming them.
func (a *article) describedByThe(toks []text.Token, i, j int) bool {
	if i != j || i == 0 || toks[i-1].Norm != "the" {
		return false
	}
	// "the" before another capitalised word: "the Rev Smith"
	return !a.lex.honorifics[a.tokText(toks[i])]
}

// bodyEndingAt reads a quotable body whose name ends at token k ("press
// release", "statement").
func (a *article) bodyEndingAt(toks []text.Token, k int) (speaker, bool) {
	for n := min(3, k+1); n >= 1; n-- {
		phrase := a.doc.Text[toks[k-n+1].Start:toks[k].End]
		if a.lex.bodies.FullMatch(phrase) {
			label := strings.Join(strings.Fields(text.Fold(phrase)), " ")
			return speaker{kind: speakerBody, key: "body:" + label, label: phrase}, true
		}
	}
	return speaker{}, false
}

func (a *article) personSpeaker(toks []text.Token) speaker {
	key := a.linkName(nameParts(toks))
	return speaker{kind: speakerPerson, key: "person:" + key, label: a.doc.Text[toks[0].Start:toks[len(toks)-1].End]}
}

// colonSpeaker reads the speaker of a quotation opened right after a colon
// whose clause names one person, whatever its verb: "A little later
// Katarzyna Wróblewska, Amberline's CEO, offered her own version: “...”".
// It reports false when the clause names nobody, or more than one.
func (a *article) colonSpeaker(q quoteSpan) (speaker, bool) {
	k := q.outer.Start
	for k > 0 && (a.doc.Text[k-1] == ' ' || a.doc.Text[k-1] == '\t') {
		k--
	}
	if k == 0 || a.doc.Text[k-1] != ':' {
		return speaker{}, false
	}
	s := a.doc.SentenceAt(k - 1)
	if s < 0 {
		return speaker{}, false
	}
	from := a.doc.Sentences[s].Start
	var found []personMention
	for _, p := range a.people {
		if p.key != "" && p.name.Start >= from && p.name.End <= k-1 &&
			!slices.ContainsFunc(found, func(q personMention) bool { return q.key == p.key }) {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		return speaker{}, false
	}
	p := found[0]
	return speaker{kind: speakerPerson, key: "person:" + p.key, label: a.doc.Slice(p.name)}, true
}

// personBefore returns the last person named before offset off.
func (a *article) personBefore(off int) speaker {
	for i := len(a.people) - 1; i >= 0; i-- {
		p := a.people[i]
		if p.key != "" && p.name.End <= off {
			return speaker{kind: speakerPerson, key: "person:" + p.key, label: a.doc.Slice(p.name)}
		}
	}
	return speaker{}
}

// unnamedPersonBetween says whether an unnamed person is brought in
// between the last mention of the named speaker sp and offset off: "one",
// "a", "an" or "another" and, within three words, a noun of
// claim.unnamed-people ("One woman, a retired teacher from Rochdale, ...
// she said"), outside quotation marks. A "she" there stands for that
// person, not for the name.
func (a *article) unnamedPersonBetween(sp speaker, off int) bool {
	from := -1
	for i := len(a.people) - 1; i >= 0; i-- {
		if p := a.people[i]; "person:"+p.key == sp.key && p.name.End <= off {
			from = p.name.End
			break
		}
	}
	if from < 0 {
		return false
	}
	s0, s1 := a.doc.SentenceAt(from), a.doc.SentenceAt(off)
	if s0 < 0 || s1 < 0 {
		return false
	}
	for s := s0; s <= s1; s++ {
		toks := a.doc.SentenceTokens(s)
		// words inside quotation marks bring in nobody: "Automation will
		// not cost a single permanent docker his job," she said
		quoted := findQuotes(a.doc.Text, a.doc.Paragraphs[a.doc.Sentences[s].Paragraph].Span)
		for k, t := range toks {
			if t.Start < from || t.End > off || inQuote(quoted, t.Span) {
				continue
			}
			switch t.Norm {
			case "one", "a", "an", "another":
			default:
				continue
			}
			for j := k + 1; j < len(toks) && j <= k+3 && toks[j].End <= off; j++ {
				if toks[j].Kind == text.Word && a.lex.unnamedPeople[toks[j].Norm] && !a.isCap(toks[j]) {
					return true
				}
			}
		}
	}
	return false
}

// otherSubjectBefore reads the subject of the sentence before the one at
// offset off when it is a name other than the speaker sp, named last
// before it: "Arteaga himself refused to blame fatigue. "He played the
// better tennis," he said." The "he" is that subject rather than sp, read
// as a name: a surname of a person the article has met stands for them
// ("Achterberg" for "Gordon Achterberg").
func (a *article) otherSubjectBefore(sp speaker, off int) (speaker, bool) {
	s := a.doc.SentenceAt(off)
	if s < 1 {
		return speaker{}, false
	}
	prev := a.doc.Sentences[s-1].Span
	for i := len(a.people) - 1; i >= 0; i-- {
		if p := a.people[i]; "person:"+p.key == sp.key && p.name.End <= off {
			if p.name.End > prev.Start {
				return speaker{}, false // named in that sentence or after it
			}
			break
		}
	}
	p := a.parseOf(s - 1)
	root := p.s.Root()
	if root < 0 {
		return speaker{}, false
	}
	subj := p.s.Child(root, "nsubj")
	if subj < 0 && p.upos(root) == "VERB" && p.s.Words[root].XPOS == "VBN" {
		// "In a message published alongside the statement, Pellow
		// thanked the players": a participle the parse takes for the
		// root leaves the subject to the verb it set beside it
		for _, k := range p.s.Children(root) {
			if r := p.rel(k); (nlp.RelIs(r, "parataxis") || nlp.RelIs(r, "conj")) && p.upos(k) == "VERB" {
				if subj = p.s.Child(k, "nsubj"); subj >= 0 {
					break
				}
			}
		}
	}
	if subj < 0 || p.upos(subj) != "PROPN" {
		return speaker{}, false
	}
	name := p.phrase(subj)
	for _, w := range strings.Fields(name) {
		if a.lex.orgHeadWords[w] {
			return speaker{}, false
		}
	}
	if _, ok := a.lex.country(name, false); ok {
		return speaker{}, false
	}
	if _, ok := a.lex.demonyms.Lookup(name); ok {
		return speaker{}, false
	}
	// "Prof Kowalczyk", "Mayor Ruiz": the name after its courtesy title
	parts := strings.Fields(name)
	for len(parts) > 1 && (a.lex.honorifics[strings.ToUpper(parts[0][:1])+parts[0][1:]] || a.lex.titleWords[parts[0]]) {
		parts = parts[1:]
	}
	key := a.linkName(parts)
	if "person:"+key == sp.key {
		return speaker{}, false
	}
	return speaker{kind: speakerPerson, key: "person:" + key, label: p.s.Words[subj].Text}, true
}

// pronounSpeaker resolves a pronoun subject: "he" and "she" to the last
// person named, "it" and "they" to the last quotable body named in the
// sentence or the one before.
func (a *article) pronounSpeaker(t text.Token, quote text.Span) (speaker, bool) {
	what, ok := a.lex.pronouns.Lookup(t.Norm)
	if !ok {
		return speaker{}, false
	}
	label := a.tokText(t)
	if what == "person" {
		sp := a.personBefore(t.Start)
		if sp.kind != 0 && !a.unnamedPersonBetween(sp, t.Start) {
			// the sentence before the quotation, which may run over several
			// sentences before its "he said"
			from := t.Start
			if !quote.IsEmpty() && quote.Start < from {
				from = quote.Start
			}
			if other, ok := a.otherSubjectBefore(sp, from); ok {
				return other, true
			}
			return sp, true
		}
		return speaker{kind: speakerOther, label: label}, true
	}
	s := a.doc.SentenceAt(t.Start)
	for back := s; back >= 0 && back >= s-1; back-- {
		st := a.doc.Sentences[back]
		end := min(st.End, t.Start)
		ms := a.lex.bodies.FindAll(a.doc.Text[st.Start:end])
		for i := len(ms) - 1; i >= 0; i-- {
			sp := text.Span{Start: st.Start + ms[i].Span.Start, End: st.Start + ms[i].Span.End}
			if quote.Overlaps(sp) {
				continue
			}
			phrase := a.doc.Slice(sp)
			return speaker{kind: speakerBody, key: "body:" + strings.Join(strings.Fields(text.Fold(phrase)), " "), label: phrase}, true
		}
	}
	return speaker{kind: speakerOther, label: label}, true
}

// speakerConflicts reports quotations that articles give to different
// people: one side per speaker, each with the quotations given to them.
// Pairs come from clusterQuotes; pairs linked through a shared quotation
// form one conflict.
func (c *comparer) speakerConflicts() []Conflict {
	if len(c.speakerPairs) == 0 {
		return nil
	}
	sets := disjoint.New(len(c.claims))
	for _, p := range c.speakerPairs {
		sets.Union(p[0], p[1])
	}
	groups := map[int][]int{}
	var roots []int
	for _, p := range c.speakerPairs {
		for _, i := range p {
			r := sets.Find(i)
			if _, ok := groups[r]; !ok {
				roots = append(roots, r)
			}
			if !slices.Contains(groups[r], i) {
				groups[r] = append(groups[r], i)
			}
		}
	}
	slices.Sort(roots)
	// A pair stands for every quotation of its wording cluster given to
	// the same person.
	bySlot := map[string][]int{}
	for i, cl := range c.claims {
		if cl.Kind == KindQuote {
			bySlot[c.slot[i]] = append(bySlot[c.slot[i]], i)
		}
	}
	var out []Conflict
	for _, r := range roots {
		var ms []int
		for _, i := range groups[r] {
			for _, j := range bySlot[c.slot[i]] {
				if c.person[j] == c.person[i] && !slices.Contains(ms, j) {
					ms = append(ms, j)
				}
			}
		}
		slices.Sort(ms)
		bySpeaker := map[string][]int{}
		var names []string
		for _, i := range ms {
			if !slices.Contains(names, c.person[i]) {
				names = append(names, c.person[i])
			}
		}
		// "Ricardo Lemos" and "Ricardo Fontoura Lemos" are one speaker;
		// so are "Quispe" and "Rosa Elvira Quispe Manrique", unless the
		// short name fits two longer ones
		same := func(x string) string {
			found := x
			for _, y := range names {
				if y != x && len(y) > len(x) && sameNameShorter(x, y) {
					if found != x && !sameNameShorter(found, y) && !sameNameShorter(y, found) {
						return x
					}
					if found == x || len(y) > len(found) {
						found = y
					}
				}
			}
			return found
		}
		for _, i := range ms {
			p := c.voiceOf(same(c.person[i]), names)
			bySpeaker[p] = append(bySpeaker[p], i)
		}
		if len(bySpeaker) < 2 {
			continue
		}
		cf := Conflict{Kind: KindPerson, Slot: "speaker:" + c.quoteLabel(ms)}
		for _, p := range sortedKeys(bySpeaker) {
			sd := Side{Claims: bySpeaker[p]}
			for _, i := range sd.Claims {
				sp := c.claims[i].attribution
				if sp.IsEmpty() {
					sp = c.claims[i].Span
				}
				sd.Spans = append(sd.Spans, sp)
			}
			c.countSources(&sd)
			first := c.claims[sd.Claims[0]]
			sd.Value, sd.Normalized = first.Speaker, "person:"+p
			if n := c.longestNameOf(p); n != "" {
				sd.Value = n
			}
			cf.Sides = append(cf.Sides, sd)
		}
		sort.SliceStable(cf.Sides, func(i, j int) bool { return cf.Sides[i].Articles[0] < cf.Sides[j].Articles[0] })
		short := ms[0]
		for _, i := range ms {
			if len(c.words[i]) < len(c.words[short]) {
				short = i
			}
		}
		parts := make([]string, len(cf.Sides))
		for k, sd := range cf.Sides {
			parts[k] = fmt.Sprintf("%s (%s)", sd.Value, c.articleList(sd.Articles))
		}
		cf.Summary = fmt.Sprintf("Who said “%s”: %s", c.claims[short].Value, strings.Join(parts, " vs "))
		out = append(out, cf)
	}
	return out
}

// parsedSpeaker reads the speaker of a quotation from the dependency tree
// of its sentence: the subject of the speech verb the quoted words are the
// complement of ("Roux said the deal was fair"), or that is set beside
// them ("“…,” she said", "“…,” said Ana Roux"). The subject is resolved
// to a person named in the article (a pronoun to the last one named), or
// a quotable body ("the statement"). It reports false when the tree names
// no speaker, and the word-window reader is asked instead.
func (a *article) parsedSpeaker(q quoteSpan, inner text.Span) (speaker, bool) {
	if a.x.nlp == nil {
		return speaker{}, false
	}
	s := a.doc.SentenceAt(inner.Start)
	if s < 0 {
		return speaker{}, false
	}
	p := a.parseOf(s)
	qw := p.anchor(inner)
	if qw < 0 {
		return speaker{}, false
	}
	outside := func(k int) bool { return !q.outer.Overlaps(p.span(k)) }
	// a speech verb above the quoted words, outside the quotation
	verb := -1
	for _, k := range p.s.PathToRoot(qw)[1:] {
		if outside(k) && a.isSpeech(p, k) {
			verb = k
			break
		}
	}
	// or set beside them: "“…,” she said"
	if verb < 0 {
		for _, k := range p.s.PathToRoot(qw) {
			for _, c := range p.s.Children(k) {
				if (p.rel(c) == "parataxis" || p.rel(c) == "ccomp") && outside(c) && a.isSpeech(p, c) {
					verb = c
					break
				}
			}
			if verb >= 0 {
				break
			}
		}
	}
	if verb < 0 {
		return speaker{}, false
	}
	subj := -1
	for _, c := range p.s.Children(verb) {
		if nlp.RelIs(p.rel(c), "nsubj") && outside(c) {
			subj = c
			break
		}
	}
	if subj < 0 {
		return speaker{}, false
	}
	lo, hi := p.s.Subtree(subj)
	full := text.Span{Start: p.base + p.s.Words[lo].Start, End: p.base + p.s.Words[hi-1].End}
	if q.outer.Overlaps(full) {
		return speaker{}, false
	}
	// a person named in the subject, with or without a role
	for i := len(a.people) - 1; i >= 0; i-- {
		// by name, or by the role written beside it ("Chief Justice Ánna
		// Berg said" where the tree holds only the title as the subject)
		if pm := a.people[i]; pm.key != "" && (pm.name.Overlaps(full) || (!pm.role.IsEmpty() && pm.role.Overlaps(full))) {
			return speaker{kind: speakerPerson, key: "person:" + pm.key, label: a.doc.Slice(pm.name)}, true
		}
	}
	toks := a.doc.SentenceTokens(s)
	head := p.span(subj)
	for _, t := range toks {
		if t.Start == head.Start {
			if spk, ok := a.pronounSpeaker(t, q.outer); ok && spk.kind != speakerOther {
				return spk, true
			}
		}
	}
	for end := len(toks) - 1; end >= 0; end-- {
		if toks[end].End == full.End {
			if spk, ok := a.bodyEndingAt(toks, end); ok {
				return spk, true
			}
		}
	}
	if p.upos(subj) == "PROPN" {
		// a name, honorific and all ("Dr. Katrin Wöllner"); "Friday said"
		// is a misread, not a speaker
		for k, t := range toks {
			if t.Start < full.Start || t.Start > head.Start {
				continue
			}
			for k < len(toks) && a.lex.honorifics[a.tokText(toks[k])] {
				k++
			}
			if end := a.nameRun(toks, k); end > k {
				k, end = a.pastTitleBeforeHonorific(toks, k, end)
				return a.personSpeaker(toks[k:end]), true
			}
			break
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// voiceOf returns, for a speaker name that is the body another speaker of
// names holds a post of, that person: "Minera Punta Blanca said in a
// statement" and "said Rodrigo Alvear, General Manager of Minera Punta
// Blanca" give one voice, the company's, told two ways. Other names are
// returned as they are.
func (c *comparer) voiceOf(p string, names []string) string {
	words := strings.Fields(p)
	if len(words) < 2 {
		return p
	}
	for _, q := range names {
		if q == p {
			continue
		}
		for _, r := range c.rolesOf[q] {
			role := strings.Fields(r)
			all := true
			for _, w := range words {
				all = all && slices.Contains(role, w)
			}
			if all {
				return q
			}
		}
	}
	return p
}

// sameNameShorter reports whether the name short is the name long with
// words left out: a surname alone that is one of long's later words
// ("quispe" in "rosa elvira quispe manrique"), or a name that keeps long's
// first word and the order of its others ("ricardo lemos" in "ricardo
// fontoura lemos", "rosa quispe" in "rosa elvira quispe manrique"): one
// person named more or less fully; or the long name's last words
// ("punta blanca" in "minera punta blanca").
func sameNameShorter(short, long string) bool {
	a, b := strings.Fields(short), strings.Fields(long)
	if len(a) == 0 || len(a) >= len(b) {
		return false
	}
	if len(a) == 1 {
		return slices.Contains(b[1:], a[0])
	}
	// the name's ending: "quispe manrique", "punta blanca" for "minera
	// punta blanca"
	if slices.Equal(a, b[len(b)-len(a):]) {
		return true
	}
	if a[0] != b[0] {
		return false
	}
	k := 0
	for _, w := range b {
		if k < len(a) && a[k] == w {
			k++
		}
	}
	return k == len(a)
}

// attributionReach is how many bytes from a quotation its speaker's name
// may stand to be shown with it.
const attributionReach = 120

// attribution returns the quotation's words together with where its
// speaker is named, when the name stands close by in the paragraph
// ("… on that track,” Lasheras told reporters"): the evidence of who said
// it. It returns the words alone when the name is not near.
func (a *article) attribution(para, outer, inner text.Span, label string) text.Span {
	if label == "" {
		return inner
	}
	if i := strings.Index(a.doc.Text[outer.End:para.End], label); i >= 0 && i <= attributionReach {
		return text.Span{Start: inner.Start, End: outer.End + i + len(label)}
	}
	if i := strings.LastIndex(a.doc.Text[para.Start:outer.Start], label); i >= 0 && outer.Start-(para.Start+i) <= attributionReach {
		return text.Span{Start: para.Start + i, End: inner.End}
	}
	return inner
}
