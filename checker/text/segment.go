package text

import (
	"bufio"
	"bytes"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/rules"
)

// Segmenter splits text into paragraphs and sentences. Its word lists say
// which abbreviations may end a sentence and which words open one. A
// Segmenter is immutable and safe for concurrent use.
type Segmenter struct {
	abbrev      map[string]bool // full stop after these ends a sentence only before a starter
	prepositive map[string]bool // full stop after these never ends a sentence
	starters    map[string]bool // words that open sentences
}

// NewSegmenter builds a segmenter from its three word lists, each matched
// case-sensitively and written without a final full stop: abbreviations
// ("Inc", "Jan"), prepositive titles that always precede a name ("Mr",
// "Mt"), and capitalised words that typically open a sentence ("The", "He").
func NewSegmenter(abbreviations, prepositive, starters []string) *Segmenter {
	set := func(words []string) map[string]bool {
		m := make(map[string]bool, len(words))
		for _, w := range words {
			m[w] = true
		}
		return m
	}
	return &Segmenter{abbrev: set(abbreviations), prepositive: set(prepositive), starters: set(starters)}
}

// DefaultSegmenter returns the English segmenter built from the word lists in
// rules/en (abbreviations.txt, abbreviations-prepositive.txt,
// sentence-starters.txt).
func DefaultSegmenter() *Segmenter { return defaultSegmenter() }

var defaultSegmenter = sync.OnceValue(func() *Segmenter {
	load := func(name string) []string {
		words, err := ReadWordList(rules.FS, name)
		if err != nil {
			panic(err) // the lists are embedded; a failure is a build defect
		}
		return words
	}
	return NewSegmenter(load("en/abbreviations.txt"), load("en/abbreviations-prepositive.txt"), load("en/sentence-starters.txt"))
})

// ReadWordList reads a plain word list: one entry per line, blank lines and
// text after "#" ignored, surrounding space trimmed.
func ReadWordList(fsys fs.FS, name string) ([]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return ParseWordList(data), nil
}

// ParseWordList parses the contents of a plain word list (see ReadWordList).
func ParseWordList(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// line is one line of the text, without its line break.
type line struct {
	start, end    int  // content, trimmed of surrounding space
	blank         bool // nothing but space
	trailingSpace bool // the raw line ended with a space before its break
	runes         int  // length of the trimmed content in runes
}

func splitLines(text string) []line {
	var out []line
	start := 0
	emit := func(end int) {
		raw := text[start:end]
		left := strings.TrimLeftFunc(raw, isSpace)
		trimmed := strings.TrimRightFunc(left, isSpace)
		ln := line{blank: trimmed == ""}
		if !ln.blank {
			ln.start = start + len(raw) - len(left)
			ln.end = ln.start + len(trimmed)
			ln.trailingSpace = ln.end < end
			ln.runes = utf8.RuneCountInString(trimmed)
		}
		out = append(out, ln)
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			emit(i)
			start = i + 1
		case '\r':
			emit(i)
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	emit(len(text))
	return out
}

// paragraphs returns the paragraph spans of text. A blank line always ends a
// paragraph; a single line break does too (scraped articles put one
// paragraph per line), unless the text is hard-wrapped or the line ends with
// a space and the next starts in lower case ("It was a cold \nnight").
func (sg *Segmenter) paragraphs(text string) []Span {
	lines := splitLines(text)
	wrapped := hardWrappedText(text, lines)
	var out []Span
	cur := Span{-1, -1}
	for i, ln := range lines {
		if ln.blank {
			if cur.Start >= 0 {
				out = append(out, cur)
				cur = Span{-1, -1}
			}
			continue
		}
		if cur.Start >= 0 {
			prev := lines[i-1]
			first, _ := utf8.DecodeRuneInString(text[ln.start:ln.end])
			join := prev.trailingSpace && unicode.IsLower(first)
			if wrapped && !startsListItem(text[ln.start:ln.end]) {
				join = true
			}
			if join {
				cur.End = ln.end
				continue
			}
			out = append(out, cur)
		}
		cur = Span{ln.start, ln.end}
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// hardWrappedText reports whether the text looks wrapped at a fixed width,
// as e-mail and some wire feeds are; then single line breaks inside a block
// are not paragraph breaks.
func hardWrappedText(text string, lines []line) bool {
	width, inner, full, open := 0, 0, 0, 0
	for _, ln := range lines {
		if !ln.blank {
			width = max(width, ln.runes)
		}
	}
	if width < 50 || width > 100 {
		return false
	}
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].blank || lines[i+1].blank {
			continue
		}
		inner++
		if float64(lines[i].runes) >= 0.6*float64(width) {
			full++
		}
		content := strings.TrimRight(text[lines[i].start:lines[i].end], "\"'”’)")
		last, _ := utf8.DecodeLastRuneInString(content)
		if last != '.' && last != '!' && last != '?' && last != ':' {
			open++
		}
	}
	return inner >= 3 && float64(full) >= 0.7*float64(inner) && float64(open) >= 0.5*float64(inner)
}

// startsListItem reports whether a line opens with a bullet or a list label.
func startsListItem(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("•▪◦‣⁃·*-–—", r) {
		return w < len(s) && (s[w] == ' ' || r == '•' || r == '⁃')
	}
	_, end, ok := listLabel(s, 0, len(s))
	return ok && end < len(s)
}

// listLabel parses a list label at s[i:]: one or two digits or a single
// lower-case letter, followed by ".", ")" or ".)" and a space. It returns the
// label's ordinal value and where the label ends.
func listLabel(s string, i, limit int) (value int, end int, ok bool) {
	j := i
	switch {
	case j < limit && '0' <= s[j] && s[j] <= '9':
		for j < limit && j-i < 2 && '0' <= s[j] && s[j] <= '9' {
			value = value*10 + int(s[j]-'0')
			j++
		}
		value += 1000 // keep digits and letters in separate sequences
	case j < limit && 'a' <= s[j] && s[j] <= 'z':
		value = int(s[j] - 'a')
		j++
	default:
		return 0, 0, false
	}
	switch {
	case strings.HasPrefix(s[j:limit], ".)"):
		j += 2
	case j < limit && (s[j] == ')' || s[j] == '.'):
		j++
	default:
		return 0, 0, false
	}
	if j >= limit || s[j] != ' ' {
		return 0, 0, false
	}
	return value, j, true
}

// marker is a list-item opener inside a paragraph: "1.) ", "b. ", "• 9. ".
type marker struct {
	start, end int // the item starts at start; its label ends at end
}

// listMarkers finds inline list items ("1) The first item 2) The second
// item"): a chain of at least two markers with consecutive labels, or of
// bullets, where the first opens the paragraph.
func listMarkers(text string, p Span) []marker {
	type cand struct {
		marker
		value  int
		bullet bool
	}
	var cands []cand
	// A chain must open the paragraph, so look no further when it does not
	// start with a bullet or a label.
	if first, w := utf8.DecodeRuneInString(text[p.Start:p.End]); !strings.ContainsRune("•▪◦‣⁃", first) {
		if _, _, ok := listLabel(text, p.Start, p.End); !ok {
			return nil
		}
	} else if w == 0 {
		return nil
	}
	for q := p.Start; q < p.End; {
		r, w := utf8.DecodeRuneInString(text[q:])
		atStart := q == p.Start
		if !atStart {
			prev, _ := utf8.DecodeLastRuneInString(text[p.Start:q])
			atStart = isSpace(prev)
		}
		if !atStart {
			q += w
			continue
		}
		j, bullet := q, false
		if strings.ContainsRune("•▪◦‣⁃", r) {
			bullet = true
			j += w
			for j < p.End && text[j] == ' ' {
				j++
			}
		}
		if v, end, ok := listLabel(text, j, p.End); ok {
			cands = append(cands, cand{marker{q, end}, v, false})
		} else if bullet {
			cands = append(cands, cand{marker{q, j}, -1, true})
		}
		q += w
	}
	if len(cands) < 2 || cands[0].start != p.Start {
		return nil
	}
	chain := []marker{cands[0].marker}
	last := cands[0]
	for _, c := range cands[1:] {
		if c.bullet == last.bullet && (c.bullet || c.value == last.value+1) {
			chain = append(chain, c.marker)
			last = c
		}
	}
	if len(chain) < 2 {
		return nil
	}
	return chain
}

// sentences splits paragraph p of text into sentence spans.
func (sg *Segmenter) sentences(text string, p Span, links []Span) []Span {
	markers := listMarkers(text, p)
	var cuts []int
	for _, m := range markers[min(1, len(markers)):] {
		cuts = append(cuts, m.start)
	}
	li, mi := 0, 0
	sentenceStart := p.Start
	for i := p.Start; i < p.End; {
		for li < len(links) && links[li].End <= i {
			li++
		}
		if li < len(links) && links[li].Start <= i {
			i = links[li].End
			continue
		}
		for mi < len(markers) && markers[mi].end <= i {
			mi++
		}
		if mi < len(markers) && markers[mi].start <= i {
			sentenceStart = markers[mi].start
			i = markers[mi].end
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '[':
			// "[...]" marks words left out of a quotation, not an ending.
			for _, el := range []string{"[...]", "[…]", "[. . .]"} {
				if strings.HasPrefix(text[i:p.End], el) {
					w = len(el)
					break
				}
			}
		case '.', '!', '?', '…', '‽':
			cut, next := sg.boundary(text, p, sentenceStart, i)
			if cut >= 0 {
				cuts = append(cuts, cut)
				sentenceStart = cut
			}
			i = next
			continue
		}
		i += w
	}
	sort.Ints(cuts)
	var out []Span
	start := p.Start
	for _, c := range append(cuts, p.End) {
		if s := trimSpan(text, Span{start, c}); !s.IsEmpty() {
			out = append(out, s)
		}
		start = max(start, c)
	}
	return out
}

// boundary examines the terminal punctuation starting at i, in a sentence
// that started at from, and returns where the sentence ends (-1 if it does
// not end here) and where scanning resumes.
func (sg *Segmenter) boundary(text string, p Span, from, i int) (cut, next int) {
	// A full stop between digits is a decimal or thousands separator.
	if text[i] == '.' && i > p.Start && i+1 < p.End && isDigitByte(text[i-1]) && isDigitByte(text[i+1]) {
		return -1, i + 1
	}
	// The cluster: "!!", "?!", "...", ". . . .", "…".
	j, dots, qe, spaced := i, 0, false, false
scan:
	for j < p.End {
		switch {
		case text[j] == '.':
			dots++
			j++
		case text[j] == '!' || text[j] == '?':
			qe = true
			j++
		case strings.HasPrefix(text[j:p.End], "…"):
			dots += 3
			j += len("…")
		case strings.HasPrefix(text[j:p.End], "‽"):
			qe = true
			j += len("‽")
		case text[j] == ' ' && dots > 0 && !qe && j+1 < p.End && text[j+1] == '.':
			spaced = true
			j++
		default:
			break scan
		}
	}
	attached := i > p.Start && !isSpaceByte(text[i-1])
	// Closing quotes and brackets belong to the sentence they close.
	k := j
	for k < p.End {
		r, w := utf8.DecodeRuneInString(text[k:])
		if !strings.ContainsRune(`"'”’»›)]}`, r) {
			break
		}
		k += w
	}
	if k >= p.End {
		return -1, j
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	ws := isSpace(r)
	m := k
	for m < p.End {
		r, w := utf8.DecodeRuneInString(text[m:])
		if !isSpace(r) {
			break
		}
		m += w
	}
	if m >= p.End {
		return -1, j
	}
	nw := nextWord(text, m, p.End)
	nextRune, _ := utf8.DecodeRuneInString(text[m:])
	firstOfWord, _ := utf8.DecodeRuneInString(nw)
	lowerNext := unicode.IsLower(firstOfWord) || (nw == "" && unicode.IsLower(nextRune))
	upperNext := unicode.IsUpper(firstOfWord)

	switch {
	case qe:
		if !ws {
			if gluedSentenceStart(text, k, p.End) {
				return k, j
			}
			return -1, j
		}
		if lowerNext {
			return -1, j
		}
		return k, j
	case dots >= 2 && spaced:
		switch {
		case attached && dots == 4:
			// "compounds. . . . The": a full stop, then an ellipsis that
			// opens the next sentence.
			if ws && upperNext {
				return i + 1, j
			}
			return -1, j
		case dots >= 4 && ws && !lowerNext:
			return k, j
		}
		return -1, j // ". . ." marks an omission inside a sentence
	case dots >= 2:
		if !ws {
			return -1, j
		}
		if dots >= 4 && !lowerNext {
			return k, j
		}
		if upperNext {
			return k, j
		}
		return -1, j
	}
	// A single full stop.
	prev := prevWord(text, from, i)
	if !ws {
		if gluedSentenceStart(text, k, p.End) && utf8.RuneCountInString(prev) >= 2 &&
			!sg.abbrev[prev] && !sg.prepositive[prev] && !strings.Contains(prev, ".") {
			return k, j
		}
		return -1, j
	}
	if lowerNext {
		return -1, j
	}
	if unicode.IsDigit(nextRune) {
		if isLowerWord(prev) && utf8.RuneCountInString(prev) >= 3 && !sg.abbrev[prev] {
			return k, j
		}
		return -1, j
	}
	switch {
	case sg.prepositive[prev]:
		return -1, j
	case sg.abbrev[prev] || isDotted(prev) || utf8.RuneCountInString(prev) == 1:
		if sg.starters[nw] {
			return k, j
		}
		return -1, j
	}
	return k, j
}

// gluedSentenceStart reports whether a capitalised word starts right at k
// ("world.Today"), the mark of two sentences run together.
func gluedSentenceStart(text string, k, limit int) bool {
	r, w := utf8.DecodeRuneInString(text[k:])
	if !unicode.IsUpper(r) || k+w >= limit {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[k+w:])
	return unicode.IsLower(r2)
}

// prevWord returns the run of non-space characters ending at i, without any
// opening quotes or brackets.
func prevWord(text string, lo, i int) string {
	j := i
	for j > lo {
		r, w := utf8.DecodeLastRuneInString(text[lo:j])
		if isSpace(r) {
			break
		}
		j -= w
	}
	return strings.TrimLeft(text[j:i], `"'“‘([{«`)
}

// nextWord returns the letters that start at m, after opening quotes.
func nextWord(text string, m, limit int) string {
	for m < limit {
		r, w := utf8.DecodeRuneInString(text[m:])
		if !strings.ContainsRune(`"'“‘([{«`, r) {
			break
		}
		m += w
	}
	e := m
	for e < limit {
		r, w := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += w
	}
	return text[m:e]
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isDotted reports whether s is a dotted abbreviation without its final stop
// ("U.S", "a.m", "e.g").
func isDotted(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// trimSpan shrinks s to exclude leading and trailing space.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		r, w := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !isSpace(r) {
			break
		}
		s.Start += w
	}
	for s.End > s.Start {
		r, w := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !isSpace(r) {
			break
		}
		s.End -= w
	}
	return s
}
