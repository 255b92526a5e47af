package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lemmas come from two places: a table learnt from the treebank, holding
// the (word, Penn tag) pairs whose lemma the rules below get wrong, and the
// rules, which undo regular inflection by the tag (-s, -es, -ies, -ed,
// -ied, -ing, -er, -est, with doubled consonants and silent e) after a
// list of irregular forms. Lemmas are lower case.

// lowerWord appends w in lower case to dst, with curly apostrophes as "'".
func lowerWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, c)
			i++
			continue
		}
		i += size
		switch r {
		case '‘', '’', '‛':
			dst = append(dst, '\'')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// lemmatize fills the Lemma of every word of s from its text and tag.
// Lemmas the rules make are written one after another into a buffer that
// becomes a single string at the end: one allocation per sentence at most.
func (m *Model) lemmatize(s *Sentence, w *work) {
	w.lem = w.lem[:0]
	w.lemAt = w.lemAt[:0]
	pending := false
	for i := range s.Words {
		text := s.Words[i].Text
		w.scratch = lowerWord(w.scratch[:0], text)
		t := &m.tags[w.tags[i]]
		if lem, ok := m.lemmas[t.xi][string(w.scratch)]; ok {
			s.Words[i].Lemma = lem
			w.lemAt = append(w.lemAt, -1, -1)
			continue
		}
		start := len(w.lem)
		w.lem = lemmaRule(w.lem, w.scratch, t.xpos)
		if string(w.lem[start:]) == text {
			s.Words[i].Lemma = text
			w.lem = w.lem[:start]
			w.lemAt = append(w.lemAt, -1, -1)
			continue
		}
		w.lemAt = append(w.lemAt, int32(start), int32(len(w.lem)))
		pending = true
	}
	if !pending {
		return
	}
	all := string(w.lem)
	for i := range s.Words {
		a, b := w.lemAt[2*i], w.lemAt[2*i+1]
		if a >= 0 {
			s.Words[i].Lemma = all[a:b]
		}
	}
}

// lemmaOf returns the lemma the rules give the lower-case word w with Penn
// tag xpos.
func lemmaOf(w, xpos string) string { return string(lemmaRule(nil, []byte(w), xpos)) }

// lemmaRule appends to dst the lemma the rules give the lower-case word w
// with Penn tag xpos.
func lemmaRule(dst, w []byte, xpos string) []byte {
	has := func(suf string) bool { return len(w) >= len(suf) && string(w[len(w)-len(suf):]) == suf }
	n := len(w)
	switch xpos {
	case "NNS", "NNPS":
		if l, ok := nounForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case n <= 3:
			if n == 3 && w[2] == 's' && w[1] != 's' && w[1] != 'u' {
				return append(dst, w[:2]...)
			}
		case has("men") && n > 4:
			return append(append(dst, w[:n-3]...), "man"...)
		case has("ies") && n > 4:
			return append(append(dst, w[:n-3]...), 'y')
		case has("sses"), has("xes"), has("ches"), has("shes"), has("zzes"):
			return append(dst, w[:n-2]...)
		case has("ss"), has("us"), has("is"):
		case w[n-1] == 's':
			return append(dst, w[:n-1]...)
		}
	case "VBZ":
		if l, ok := verbForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case n <= 2:
		case has("ies") && n > 4:
			return append(append(dst, w[:n-3]...), 'y')
		case has("sses"), has("xes"), has("ches"), has("shes"), has("zzes"), has("oes"):
			return append(dst, w[:n-2]...)
		case has("ss"):
		case w[n-1] == 's':
			return append(dst, w[:n-1]...)
		}
	case "VBD", "VBN":
		if l, ok := verbForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case has("ied") && n > 4:
			return append(append(dst, w[:n-3]...), 'y')
		case has("eed") && n > 4:
			return append(dst, w[:n-1]...) // agreed, freed (but needed: table)
		case has("ed") && n > 3:
			return restoreStem(dst, w[:n-2])
		}
	case "VBG":
		if l, ok := verbForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case has("ying") && n == 5:
			return append(append(dst, w[0]), "ie"...) // dying, lying, tying
		case has("ing") && n > 4:
			return restoreStem(dst, w[:n-3])
		}
	case "JJR", "RBR":
		if l, ok := comparisonForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case has("ier") && n > 4:
			return append(append(dst, w[:n-3]...), 'y')
		case has("er") && n > 4:
			return restoreStem(dst, w[:n-2])
		}
	case "JJS", "RBS":
		if l, ok := comparisonForms[string(w)]; ok {
			return append(dst, l...)
		}
		switch {
		case has("iest") && n > 5:
			return append(append(dst, w[:n-4]...), 'y')
		case has("est") && n > 5:
			return restoreStem(dst, w[:n-3])
		}
	}
	return append(dst, w...)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// restoreStem appends to dst the base form of what is left of a word after
// -ed, -ing, -er or -est: "stopp" → "stop", "mak" → "make", "creat" →
// "create", "continu" → "continue".
func restoreStem(dst, s []byte) []byte {
	n := len(s)
	if n < 2 {
		return append(dst, s...)
	}
	last, prev := s[n-1], s[n-2]
	e := func() []byte { return append(append(dst, s...), 'e') }
	// A doubled final consonant: stopped, planned, bigger (but not
	// called, passed, buzzed, which double in the base form).
	if last == prev && !isVowel(last) {
		switch last {
		case 'l', 's', 'z', 'f':
			return append(dst, s...)
		}
		return append(dst, s[:n-1]...)
	}
	if last == 'u' {
		return e() // continued, arguing
	}
	if isVowel(last) || last == 'y' || last == 'w' || last == 'x' {
		return append(dst, s...)
	}
	// Endings that take a silent e.
	switch {
	case last == 'v':
		return e() // moved, having
	case last == 'c' && (prev == 'n' || prev == 'r' || isVowel(prev)):
		return e() // producing, forced, reduced
	case last == 'g' && (prev == 'd' || prev == 'r'):
		return e() // judging, charging
	case last == 'z' && isVowel(prev):
		return e() // organized, freezing
	case last == 'l' && strings.IndexByte("bptdgkcfz", prev) >= 0:
		return e() // enabled, settling, handled
	case last == 's' && (prev == 'n' || prev == 'r' || prev == 'p' || prev == 'l'):
		return e() // sensed, nursing, collapsed, pulsing
	case last == 's' && isVowel(prev) && prev != 'i' && !(prev == 'u' && n > 4):
		return e() // used, closing, caused, raised (but focused)
	case last == 'r' && prev == 'i':
		return e() // hired, requiring
	case last == 't' && (prev == 'a' || prev == 'u') && syllables(s) > 1 && n > 4,
		string(s[n-min(n, 5):]) == "creat":
		return e() // updating, computing, created (but treated)
	}
	// One syllable ending consonant, vowel, consonant takes an e: making,
	// hoped, voting.
	if isVowel(prev) && n >= 3 && !isVowel(s[n-3]) && syllables(s) == 1 {
		return e()
	}
	return append(dst, s...)
}

// syllables counts vowel groups, y counting as a vowel after a consonant.
func syllables(s []byte) int {
	count := 0
	inVowel := false
	for i, c := range s {
		v := isVowel(c) || (c == 'y' && i > 0 && !isVowel(s[i-1]))
		if v && !inVowel {
			count++
		}
		inVowel = v
	}
	return count
}

// Inflected forms no rule reaches, by kind: verbs (past, participle and
// a few others), plural nouns and comparisons. The treebank table overrides
// them where a tag calls for another reading. They are read-only.
var (
	verbForms       = map[string]string{}
	nounForms       = map[string]string{}
	comparisonForms = map[string]string{}
)

func init() {
	add := addForms(verbForms)
	add("be", "was", "were", "been", "is", "am", "are", "being")
	add("have", "has", "had", "having")
	add("do", "did", "done", "does")
	add("go", "went", "gone", "goes")
	add("say", "said", "says")
	add("make", "made")
	add("take", "took", "taken")
	add("come", "came")
	add("see", "saw", "seen")
	add("know", "knew", "known")
	add("get", "got", "gotten")
	add("give", "gave", "given")
	add("find", "found")
	add("think", "thought")
	add("tell", "told")
	add("become", "became")
	add("show", "shown")
	add("leave", "left")
	add("feel", "felt")
	add("bring", "brought")
	add("begin", "began", "begun")
	add("keep", "kept")
	add("hold", "held")
	add("write", "wrote", "written")
	add("stand", "stood")
	add("hear", "heard")
	add("mean", "meant")
	add("meet", "met")
	add("run", "ran")
	add("pay", "paid")
	add("sit", "sat")
	add("speak", "spoke", "spoken")
	add("lead", "led")
	add("grow", "grew", "grown")
	add("lose", "lost")
	add("fall", "fell", "fallen")
	add("send", "sent")
	add("build", "built")
	add("understand", "understood")
	add("draw", "drew", "drawn")
	add("break", "broke", "broken")
	add("spend", "spent")
	add("rise", "rose", "risen")
	add("drive", "drove", "driven")
	add("buy", "bought")
	add("wear", "wore", "worn")
	add("choose", "chose", "chosen")
	add("seek", "sought")
	add("throw", "threw", "thrown")
	add("catch", "caught")
	add("deal", "dealt")
	add("win", "won")
	add("forget", "forgot", "forgotten")
	add("sell", "sold")
	add("fight", "fought")
	add("teach", "taught")
	add("eat", "ate", "eaten")
	add("sing", "sang", "sung")
	add("fly", "flew", "flown")
	add("steal", "stole", "stolen")
	add("shoot", "shot")
	add("hide", "hid", "hidden")
	add("bear", "bore", "borne")
	add("beat", "beaten")
	add("bite", "bitten")
	add("blow", "blew", "blown")
	add("feed", "fed")
	add("flee", "fled")
	add("forbid", "forbade", "forbidden")
	add("freeze", "froze", "frozen")
	add("hang", "hung")
	add("lay", "laid")
	add("light", "lit")
	add("ride", "rode", "ridden")
	add("ring", "rang", "rung")
	add("shake", "shook", "shaken")
	add("shine", "shone")
	add("sink", "sank", "sunk")
	add("slide", "slid")
	add("spin", "spun")
	add("strike", "struck", "stricken")
	add("swear", "swore", "sworn")
	add("sweep", "swept")
	add("swim", "swam", "swum")
	add("swing", "swung")
	add("tear", "tore", "torn")
	add("wake", "woke", "woken")
	add("withdraw", "withdrew", "withdrawn")
	add("undertake", "undertook", "undertaken")
	add("overcome", "overcame")
	add("arise", "arose", "arisen")
	add("bind", "bound")
	add("dig", "dug")
	add("forgive", "forgave", "forgiven")
	add("mislead", "misled")
	add("oversee", "oversaw", "overseen")
	add("sleep", "slept")
	add("weep", "wept")
	add("stick", "stuck")
	add("lend", "lent")
	add("bend", "bent")
	add("rebuild", "rebuilt")
	add("mistake", "mistook", "mistaken")
	add("foresee", "foresaw", "foreseen")
	add("uphold", "upheld")
	add("withhold", "withheld")
	add("outrun", "outran")
	add("lie", "lain")
	add("slay", "slew", "slain")
	add("tread", "trod", "trodden")
	add = addForms(nounForms)
	add("man", "men")
	add("woman", "women")
	add("child", "children")
	add("person", "people")
	add("foot", "feet")
	add("tooth", "teeth")
	add("mouse", "mice")
	add("goose", "geese")
	add("life", "lives")
	add("wife", "wives")
	add("knife", "knives")
	add("leaf", "leaves")
	add("half", "halves")
	add("wolf", "wolves")
	add("thief", "thieves")
	add("shelf", "shelves")
	add("self", "selves")
	add("criterion", "criteria")
	add("phenomenon", "phenomena")
	add("analysis", "analyses")
	add("crisis", "crises")
	add("thesis", "theses")
	add("index", "indices")
	add = addForms(comparisonForms)
	add("good", "better", "best")
	add("bad", "worse", "worst")
	add("far", "further", "farther", "furthest", "farthest")
}

func addForms(m map[string]string) func(lemma string, forms ...string) {
	return func(lemma string, forms ...string) {
		for _, f := range forms {
			m[f] = lemma
		}
	}
}
