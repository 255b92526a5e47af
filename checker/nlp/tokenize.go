package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one token of a sentence: a word, number, symbol or punctuation
// mark as the parser sees it.
type Token struct {
	// Start and End are the token's half-open byte offsets into the text
	// given to Tokenize, on rune boundaries.
	Start, End int
	// Text is the text between Start and End.
	Text string
}

// Tokenize splits one sentence of raw text into tokens the way the English
// Web Treebank does, which is how the model was trained:
//
//   - clitics are tokens of their own: "don't" is do + n't, "can't" ca +
//     n't, "won't" wo + n't, "Kim's" Kim + 's, likewise 're, 've, 'll, 'd,
//     'm, with straight or curly apostrophes; "cannot" is can + not and
//     "gonna" gon + na; a plural possessive's apostrophe stands alone;
//   - a hyphen between words is a token of its own ("Jung-kwan" is Jung +
//   - + kwan), except after a prefix the treebank keeps whole ("e-mail",
//     "co-workers", "non-profit", "pre-war") and inside phone numbers and
//     dates ("713-853-3989", "2025-10-14"); number ranges split ("5-10");
//   - numbers keep their separators ("1,000", "2.5", "10:30", "3/8/00")
//     and ordinal or decade endings ("5th", "1990s"); a unit after a
//     number splits off ("5pm" is 5 + pm, "35mm" 35 + mm); currency signs
//     and "%" are tokens of their own ("$15.3" is $ + 15.3, "US$4.5" US$ +
//     4.5);
//   - dotted abbreviations keep their full stop ("U.S.", "a.m.", "Dr.",
//     "Inc.", "Jan.", initials), except at the very end of the sentence,
//     where the treebank splits the stop off as the sentence's punctuation
//     ("in the U.S." ends U.S + .);
//   - URLs and e-mail addresses stay whole, without trailing punctuation;
//   - other punctuation splits off; a run of the same mark is one token
//     ("...", "!!!", "--"), as is a run of full stops, question and
//     exclamation marks ("?!"), and common emoticons (":)").
//
// White space separates tokens and is never part of one. Invalid UTF-8
// does not panic: each invalid byte is treated as a letter, so offsets stay
// on the boundaries utf8.DecodeRuneInString reports.
func Tokenize(s string) []Token {
	t := tokenizer{s: s, end: sentenceEnd(s)}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r, size) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r, size) {
				break
			}
			j += size
		}
		t.chunk(i, j)
		i = j
	}
	return t.out
}

// isSpace reports whether r separates tokens; an invalid byte does not.
func isSpace(r rune, size int) bool {
	return !(r == utf8.RuneError && size == 1) && unicode.IsSpace(r)
}

type tokenizer struct {
	s   string
	end int // where the sentence's final full stop is, or -1
	out []Token
}

func (t *tokenizer) emit(a, b int) {
	if a < b {
		t.out = append(t.out, Token{Start: a, End: b, Text: t.s[a:b]})
	}
}

// sentenceEnd returns the offset of the last full stop of s when only
// closing quotes and brackets follow it, or -1.
func sentenceEnd(s string) int {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == '.':
			return i - size
		case unicode.IsSpace(r) || strings.ContainsRune(`"')]}”’»`, r):
			i -= size
		default:
			return -1
		}
	}
	return -1
}

// isWordRune reports whether r (of encoded size size) belongs in a word:
// letters, digits, combining marks and invalid bytes.
func isWordRune(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return true
	}
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isSingleQuote(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == '`' }

// decadeAt returns the length of a short year at the start of s ("'72",
// "’90s"): an apostrophe, two digits, perhaps an s, then no word rune.
func decadeAt(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if r != '\'' && r != '’' || len(s) < size+2 || !isDigit(rune(s[size])) || !isDigit(rune(s[size+1])) {
		return 0
	}
	n := size + 2
	if n < len(s) && s[n] == 's' {
		n++
	}
	if n < len(s) {
		r2, size2 := utf8.DecodeRuneInString(s[n:])
		if isWordRune(r2, size2) {
			return 0
		}
	}
	return n
}

// chunk tokenises the white-space-free stretch s[a:b].
func (t *tokenizer) chunk(a, b int) {
	s := t.s
	for i := a; i < b; {
		if i == a || urlStart(s[a:i]) {
			if n := urlAt(s[i:b]); n > 0 {
				t.emit(i, i+n)
				i += n
				continue
			}
		}
		if n := emoticonAt(s[i:b]); n > 0 {
			t.emit(i, i+n)
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r, size) {
			j := t.wordRun(i, b)
			if j < b && s[j] == '$' && isDollarPrefix(s[i:j]) {
				j++ // US$, HK$
			}
			t.word(i, j)
			i = j
			continue
		}
		if n := decadeAt(s[i:b]); n > 0 {
			t.emit(i, i+n) // '90s
			i += n
			continue
		}
		if (r == '+' || r == '.') && i+1 < b && isDigit(rune(s[i+1])) {
			p, psize := utf8.DecodeLastRuneInString(s[a:i])
			if i == a || !isWordRune(p, psize) && p != '.' {
				// A signed or bare decimal number: "+44", ".04".
				j := t.wordRun(i+1, b)
				if isNumberLike(s[i+1 : j]) {
					t.unit(i, j)
					i = j
					continue
				}
			}
		}
		// Punctuation: a run of the same mark, of . ! ? mixed, or of
		// single quotes mixed ("‘’" stands for a double quote).
		j := i + size
		stops := r == '.' || r == '!' || r == '?'
		quotes := isSingleQuote(r)
		for j < b {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if r2 == r || stops && (r2 == '.' || r2 == '!' || r2 == '?') || quotes && isSingleQuote(r2) {
				j += size2
				continue
			}
			break
		}
		t.emit(i, j)
		i = j
	}
}

// wordRun returns the end of the word that starts at i: word runes joined
// by apostrophes, hyphens, full stops, ampersands, underscores, and, between
// digits, commas, colons and slashes. A joiner belongs to the word only
// when a word rune follows it. A final full stop is taken for an
// abbreviation (see abbrevStop).
func (t *tokenizer) wordRun(i, b int) int {
	s := t.s
	j := i
	for j < b {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isWordRune(r, size) {
			j += size
			continue
		}
		switch r {
		case '\'', '’', '-', '.', '&', '_', ',', ':', '/':
		default:
			return t.abbrevStop(i, j, b)
		}
		if j+size >= b {
			break
		}
		r2, size2 := utf8.DecodeRuneInString(s[j+size:])
		if !isWordRune(r2, size2) {
			break
		}
		if r == ',' || r == ':' {
			// Only between digits: 1,000 and 10:30.
			p, _ := utf8.DecodeLastRuneInString(s[i:j])
			if !isDigit(p) || !isDigit(r2) {
				break
			}
		}
		j += size
	}
	return t.abbrevStop(i, j, b)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isDollarPrefix reports whether w, written before a dollar sign, names
// the dollar's country: one to three capital letters ("US", "C", "HK").
func isDollarPrefix(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// abbrevStop extends the word s[i:j] over a following full stop when the
// word is an abbreviation, unless that stop ends the sentence.
func (t *tokenizer) abbrevStop(i, j, b int) int {
	s := t.s
	if j >= b || s[j] != '.' || j == t.end {
		return j
	}
	if j+1 < b && s[j+1] == '.' {
		return j // an ellipsis follows
	}
	w := s[i:j]
	if isAbbreviation(w) {
		return j + 1
	}
	return j
}

// isAbbreviation reports whether w followed by a full stop is an
// abbreviation: dotted letters ("U.S", "a.m", "Ph.D"), a single letter (an
// initial) or a known short form.
func isAbbreviation(w string) bool {
	if len(w) > maxAbbrevBytes {
		return false
	}
	if strings.IndexByte(w, '.') >= 0 {
		part := 0
		for _, r := range w {
			switch {
			case r == '.':
				if part == 0 {
					return false
				}
				part = 0
			case unicode.IsLetter(r) && part < 3:
				part++
			default:
				return false
			}
		}
		return part > 0
	}
	if n := utf8.RuneCountInString(w); n == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	return inSetFold(abbreviations, w)
}

// maxAbbrevBytes bounds the words looked at as abbreviations, which keeps
// the tokeniser linear on long runs of letters and full stops.
const maxAbbrevBytes = 24

// inSetFold reports whether the lower case of the short ASCII word w is in
// set, without allocating.
func inSetFold(set map[string]struct{}, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := set[string(buf[:len(w)])]
	return ok
}

// abbreviations are the short forms written with a full stop that the
// tokeniser keeps whole, in lower case.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "messrs", "mme", "mlle",
	"inc", "corp", "co", "ltd", "llc", "plc", "bros", "assn", "dept", "univ",
	"gov", "govt", "sen", "rep", "reps", "gen", "col", "lt", "capt", "sgt", "cpl", "adm", "maj", "cmdr", "gov", "pres", "supt", "rev", "hon", "fr", "atty",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"vs", "etc", "no", "nos", "vol", "vols", "est", "approx", "fig", "figs", "mt", "ft", "ave", "blvd", "rd", "hwy",
	"al", "cf", "ca", "esp", "ext", "tel", "min", "max", "mins", "hrs", "yrs", "lb", "lbs", "oz", "pp", "ed", "eds", "eg", "ie",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "mass", "md",
	"mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// word splits the word s[a:b] found by wordRun into tokens: hyphens,
// slashes, full stops between words, clitics and units.
func (t *tokenizer) word(a, b int) {
	w := t.s[a:b]
	if isNumberLike(w) || isDottedAbbrev(w) {
		t.unit(a, b)
		return
	}
	// Hyphens and slashes split unless the pieces form a phone number or
	// date, or the piece before a hyphen is a prefix kept whole.
	if strings.ContainsAny(w, "-/") && !isDigitGroups(w) {
		start := a
		for i := a; i < b; i++ {
			c := t.s[i]
			if c != '-' && c != '/' {
				continue
			}
			if c == '-' && keepsHyphen(t.s[start:i]) {
				continue
			}
			t.piece(start, i)
			t.emit(i, i+1)
			start = i + 1
		}
		t.piece(start, b)
		return
	}
	t.piece(a, b)
}

// piece tokenises a part of a word without hyphens or slashes between
// tokens: full stops between words ("end.Start", "Nov.28"), then clitics and
// units.
func (t *tokenizer) piece(a, b int) {
	for {
		w := t.s[a:b]
		if isNumberLike(w) || isDottedAbbrev(w) || isAbbreviation(strings.TrimSuffix(w, ".")) || isFileName(w) {
			break
		}
		i := strings.IndexByte(w, '.')
		if i <= 0 || i == len(w)-1 {
			break
		}
		if isAbbreviation(w[:i]) {
			t.emit(a, a+i+1)
		} else {
			t.clitics(a, a+i)
			t.emit(a+i, a+i+1)
		}
		a += i + 1
	}
	t.clitics(a, b)
}

// clitics splits a clitic or a fused word off s[a:b] and emits the parts.
func (t *tokenizer) clitics(a, b int) {
	w := t.s[a:b]
	if i := cliticAt(w); i > 0 && !(isDigit(rune(w[i-1])) && strings.EqualFold(w[i+1:], "s")) {
		t.unit(a, a+i)
		t.emit(a+i, b)
		return
	}
	if i := fusedAt(w); i > 0 {
		t.emit(a, a+i)
		t.emit(a+i, b)
		return
	}
	t.unit(a, b)
}

// isFileName reports whether w ends in a common file extension
// ("report.pdf").
func isFileName(w string) bool {
	if len(w) > 6 {
		w = w[len(w)-6:]
	}
	i := strings.LastIndexByte(w, '.')
	if i < 0 {
		return false
	}
	return inSetFold(fileExtensions, w[i+1:])
}

var fileExtensions = setOf("doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "csv", "htm", "html", "url", "jpg", "jpeg", "png", "gif", "zip", "exe", "mp3", "mp4")

// unit splits a unit off a number ("5pm", "35mm") and emits the rest.
func (t *tokenizer) unit(a, b int) {
	w := t.s[a:b]
	i := 0
	for i < len(w) && (isDigit(rune(w[i])) || (i > 0 && (w[i] == '.' || w[i] == ',' || w[i] == ':') && i+1 < len(w) && isDigit(rune(w[i+1])))) {
		i++
	}
	if i > 0 && i < len(w) {
		if inSetFold(units, w[i:]) {
			t.emit(a, a+i)
			t.emit(a+i, b)
			return
		}
	}
	t.emit(a, b)
}

// units are the unit words the treebank splits from a number before them.
var units = setOf(
	"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "k", "m", "mm", "cm", "km", "kg", "mg", "lb", "lbs", "ft", "mb", "gb", "kb", "tb",
	"mph", "kph", "hrs", "hr", "mins", "min", "sec", "secs", "ml", "l", "bn", "yrs", "yr", "mw", "kw", "gw", "ghz", "mhz",
)

// isNumberLike reports whether w is a number with separators and perhaps
// an ending: "1,000", "2.5", "10:30", "5th", "1990s", "35mm".
func isNumberLike(w string) bool {
	if w == "" || !isDigit(rune(w[0])) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isDigit(rune(c)) || c == ',' || c == '.' || c == ':' {
			continue
		}
		// Letters may end a number.
		for _, r := range w[i:] {
			if !unicode.IsLetter(r) && r != '.' {
				return false
			}
		}
		return true
	}
	return true
}

// isDottedAbbrev reports whether w is letters with full stops between and
// perhaps after them ("U.S.", "a.m", "e.g.").
func isDottedAbbrev(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return strings.ContainsRune(w, '.') && isAbbreviation(w)
}

// isDigitGroups reports whether w is digit groups joined by hyphens or
// slashes that the treebank keeps whole: three or more groups
// ("713-853-3989", "3/8/00"), a local phone number ("646-8420"), or a
// month and day ("9/11"); ranges and fractions split ("1969-1970", "1/2").
func isDigitGroups(w string) bool {
	groups, sep := 1, byte(0)
	last, first := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isDigit(rune(c)):
			last++
		case c == '-' || c == '/':
			if last == 0 || (sep != 0 && sep != c) {
				return false
			}
			if groups == 1 {
				first = last
			}
			sep = c
			groups++
			last = 0
		default:
			return false
		}
	}
	if last == 0 || groups < 2 {
		return false
	}
	if groups >= 3 {
		return true
	}
	if sep == '-' {
		return first == 3 && last == 4
	}
	month, day := atoi(w[:first]), atoi(w[first+1:])
	return first <= 2 && last <= 2 && 1 <= month && month <= 12 && 1 <= day && day <= 31 && (month >= 10 || day >= 10)
}

// atoi converts a short run of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = 10*n + int(s[i]-'0')
	}
	return n
}

// keepsHyphen reports whether a hyphen after w stays inside the word: w is
// a prefix the treebank keeps attached ("e-mail", "co-workers").
func keepsHyphen(w string) bool { return inSetFold(hyphenPrefixes, w) }

var hyphenPrefixes = setOf(
	"e", "co", "pre", "post", "non", "re", "ex", "mid", "anti", "pro", "semi", "multi", "counter",
	"intra", "sub", "un", "micro", "macro", "mini", "ultra", "neo", "quasi", "pseudo", "socio",
	"psycho", "over", "cross", "mis", "arch",
)

// cliticAt returns where a clitic starts at the end of w ("n't", "'s",
// "'re", "'ve", "'ll", "'d", "'m", with either apostrophe), or 0.
func cliticAt(w string) int {
	n := len(w)
	for _, c := range [...]string{"n't", "n’t"} {
		if n > len(c) && strings.EqualFold(w[n-len(c):], c) {
			return n - len(c)
		}
	}
	for _, ap := range [...]string{"'", "’"} {
		for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m"} {
			k := len(ap) + len(c)
			if n > k && w[n-k:n-len(c)] == ap && strings.EqualFold(w[n-len(c):], c) {
				return n - k
			}
		}
	}
	return 0
}

// fusedAt returns where the second word of a fused pair the treebank
// splits begins ("cannot", "gonna", "dont"), or 0.
func fusedAt(w string) int {
	var buf [8]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return fused[string(buf[:len(w)])]
}

// hasPrefixFold reports whether s begins with the ASCII prefix, ignoring
// case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

var fused = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "doesnt": 4, "didnt": 3, "cant": 2, "wont": 2, "isnt": 2, "arent": 3, "wasnt": 3,
	"werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3, "hadnt": 3, "aint": 2,
}

// urlStart reports whether a URL may begin after byte c. The bytes are
// ones no URL or e-mail address holds, so the look-ahead of successive
// candidates never overlaps and tokenising stays linear.
func urlStart(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if r < utf8.RuneSelf {
		return strings.IndexByte("([{<\"',;", byte(r)) >= 0
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// urlAt returns the length of a URL or e-mail address at the start of s,
// without trailing punctuation, or 0.
func urlAt(s string) int {
	isURL := hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") ||
		hasPrefixFold(s, "ftp://") || hasPrefixFold(s, "www.") || hasPrefixFold(s, "mailto:")
	n := len(s)
	if !isURL {
		// An e-mail address: word characters, an @, a dotted domain.
		at := 0
		for at < len(s) {
			r, size := utf8.DecodeRuneInString(s[at:])
			if !isWordRune(r, size) && strings.IndexByte("._%+-", s[at]) < 0 {
				break
			}
			at += size
		}
		if at == 0 || at == len(s) || s[at] != '@' {
			return bareDomain(s)
		}
		e := at + 1
		for e < len(s) {
			r, size := utf8.DecodeRuneInString(s[e:])
			if !isWordRune(r, size) && s[e] != '.' && s[e] != '-' {
				break
			}
			e += size
		}
		domain := strings.TrimRight(s[at+1:e], ".")
		if dot := strings.IndexByte(domain, '.'); dot <= 0 || dot == len(domain)-1 {
			return 0
		}
		return at + 1 + len(domain)
	}
	// Trailing punctuation is the sentence's, and a closing bracket is the
	// URL's only when the URL opened one.
	for n > 0 {
		c := s[n-1]
		if strings.IndexByte(".,;:!?\"'>", c) >= 0 || c == ')' && !strings.Contains(s[:n-1], "(") || c == ']' || c == '}' {
			n--
			continue
		}
		if r, size := utf8.DecodeLastRuneInString(s[:n]); r == '”' || r == '’' || r == '»' {
			n -= size
			continue
		}
		break
	}
	return n
}

// bareDomain returns the length of a domain name such as "example.com" at
// the start of s (with perhaps a path), or 0.
func bareDomain(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c < utf8.RuneSelf && (isWordRune(rune(c), 1) || c == '.' || c == '-' || c == '/' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#' || c == '~') {
			n++
			continue
		}
		break
	}
	host := s[:n]
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimRight(host, ".")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return 0
	}
	if _, ok := topDomains[strings.ToLower(host[dot+1:])]; !ok {
		return 0
	}
	for n > 0 && strings.IndexByte(".,;:!?", s[n-1]) >= 0 {
		n--
	}
	return n
}

var topDomains = setOf("com", "org", "net", "gov", "edu", "mil", "io", "info", "biz", "uk", "news")

// emoticonAt returns the length of an emoticon at the start of s when the
// emoticon is all of s or is followed by punctuation, or 0.
func emoticonAt(s string) int {
	for _, e := range [...]string{":-)", ":-(", ";-)", ":'(", "^_^", ":)", ":(", ";)", ":D", ":P", ":p", "=)", "<3"} {
		if strings.HasPrefix(s, e) {
			rest := s[len(e):]
			if rest == "" {
				return len(e)
			}
			r, size := utf8.DecodeRuneInString(rest)
			if !isWordRune(r, size) {
				return len(e)
			}
		}
	}
	return 0
}
