package score

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/topic"
)

// The line model judges each paragraph (a line of a text file, a block of
// a page) by what it looks like and where it sits, rather than by what it
// says: a logistic model over a few dozen features such as the line's
// length and punctuation, its capitalisation, a list heading above it, its
// place after the article's last long paragraph, and how little its words
// belong to the batch's story. The features are computed here; their
// weights, and the word lists some of them read, are data in the
// boilerplate pack (bp.line-model and the bp.model-* lexicons), fitted by
// `make fit-furniture` on keyed batches the project may train on. The
// model adds evidence to a paragraph whose probability reaches the rule's
// min_probability; the finding names the features that weighed most.

// Ids of the line model's rules.
const (
	ruleBPLineModel     = "bp.line-model"
	ruleBPLineModelHTML = "bp.line-model-html"
	ruleBPModelPrompt   = "bp.model-prompt-verbs"
	ruleBPModelHeading  = "bp.model-list-headings"
	ruleBPModelCredit   = "bp.model-credit-words"
	ruleBPModelDate     = "bp.model-date-words"
	ruleBPModelReader   = "bp.model-reader-words"
	ruleBPModelRelease  = "bp.model-release-headings"
	ruleBPModelFirst    = "bp.model-first-person-words"
	ruleBPModelGlue     = "bp.model-timestamp-words"
	ruleBPModelLink     = "bp.model-link-verbs"
)

// lineFeatureNames lists the model's features in a fixed order; the
// weights table is keyed by these names ("bias" is the intercept).
var lineFeatureNames = []string{
	"bias",
	"words_1_3", "words_4_8", "words_9_15", "words_16_30",
	"no_end_punctuation", "ends_with_colon", "title_case", "all_caps",
	"label_colon", "separators", "symbols_only", "has_digits", "clock_time",
	"date_words", "prompt_verb_first", "reader_words", "credit_words",
	"email_or_url", "quoted", "is_a_definition",
	"head_region", "tail_region", "in_short_run", "under_list_heading",
	"under_release_heading", "list_heading", "neighbour_flagged",
	"relevance_low", "relevance_mid", "relevance_high", "repeated",
	"bullet_first", "ends_with_question", "starts_lower_case",
	"first_person", "tail_sentence", "before_long", "after_long",
	"between_long", "list_label", "cut_short", "release_heading",
	"link_dense", "link_some", "html_furniture", "outside_main",
	"timestamp_only",
}

// lineFeatureIndex maps a feature's name to its place in a row.
var lineFeatureIndex = func() map[string]int {
	m := make(map[string]int, len(lineFeatureNames))
	for i, n := range lineFeatureNames {
		m[n] = i
	}
	return m
}()

// lineModel is the compiled bp.line-model rule.
type lineModel struct {
	id             string    // the rule: bp.line-model or bp.line-model-html
	weights        []float64 // by lineFeatureNames index
	maxEvidence    float64   // the rule's weight: the most evidence the model gives
	minProbability float64
	// minSentence is the probability a full sentence needs (sentence
	// punctuation, sentenceWords words or more): story text has that
	// shape, so a false flag costs more there.
	minSentence   float64
	sentenceWords int
	// longLine is the length from which a line counts as a sentence even
	// without sentence punctuation: a story paragraph the scraper cut
	// short, not a menu entry or a headline.
	longLine        int
	longWords       int // a paragraph this long and punctuated is story text
	prompt, heading map[string]bool
	credit, date    map[string]bool
	reader, release map[string]bool
	firstPerson     map[string]bool
	timestampGlue   map[string]bool
	linkVerbs       map[string]bool
	// lex maps each word of the word lists to the lists holding it, so
	// that a paragraph's words are looked up once.
	lex map[string]lexBits
}

// lexBits records which of the line model's word lists hold a word.
type lexBits uint8

const (
	lexPrompt lexBits = 1 << iota
	lexCredit
	lexDate
	lexReader
	lexFirstPerson
)

func compileLineModel(p *ruleset.Pack, id string) (*lineModel, error) {
	r, err := optionalRule(p, id, ruleset.KindTable)
	if err != nil || r == nil {
		return nil, err
	}
	if r.Scope != "" {
		return nil, fmt.Errorf("%s: rule %q: scope %q: the line model judges paragraphs and takes no scope", r.Source, r.ID, r.Scope)
	}
	m := &lineModel{id: id, weights: make([]float64, len(lineFeatureNames)), maxEvidence: r.Weight}
	if !(m.maxEvidence > 0 && m.maxEvidence <= 1) {
		return nil, fmt.Errorf("%s: rule %q: weight %v: want a number in (0,1]", r.Source, r.ID, r.Weight)
	}
	for _, name := range slices.Sorted(maps.Keys(r.Entries)) {
		i, ok := lineFeatureIndex[name]
		if !ok {
			return nil, fmt.Errorf("%s: rule %q: unknown feature %q (known: %s)", r.Source, r.ID, name, strings.Join(lineFeatureNames, ", "))
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(r.Entries[name]), 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("%s: rule %q: feature %q: %q is not a number", r.Source, r.ID, name, r.Entries[name])
		}
		m.weights[i] = w
	}
	if m.minProbability, err = requireParam(r, "min_probability"); err != nil {
		return nil, err
	}
	if m.minSentence, err = requireParam(r, "min_probability_sentence"); err != nil {
		return nil, err
	}
	sw, err := requireParam(r, "sentence_words")
	if err != nil {
		return nil, err
	}
	m.sentenceWords = int(sw)
	ll, err := requireParam(r, "sentence_words_unpunctuated")
	if err != nil {
		return nil, err
	}
	m.longLine = int(ll)
	lw, err := requireParam(r, "long_words")
	if err != nil {
		return nil, err
	}
	m.longWords = int(lw)
	lex := []struct {
		id  string
		dst *map[string]bool
	}{
		{ruleBPModelPrompt, &m.prompt}, {ruleBPModelHeading, &m.heading}, {ruleBPModelCredit, &m.credit},
		{ruleBPModelDate, &m.date}, {ruleBPModelReader, &m.reader}, {ruleBPModelRelease, &m.release},
		{ruleBPModelFirst, &m.firstPerson}, {ruleBPModelGlue, &m.timestampGlue}, {ruleBPModelLink, &m.linkVerbs},
	}
	for _, l := range lex {
		lr, err := optionalRule(p, l.id, ruleset.KindLexicon)
		if err != nil {
			return nil, err
		}
		if lr != nil && lr.Scope != "" {
			return nil, fmt.Errorf("%s: rule %q: scope %q: the line model's word lists take no scope", lr.Source, lr.ID, lr.Scope)
		}
		set := map[string]bool{}
		if lr != nil {
			for _, t := range lr.Terms {
				set[foldLine(t)] = true
			}
		}
		*l.dst = set
	}
	m.lex = map[string]lexBits{}
	for _, l := range []struct {
		set map[string]bool
		bit lexBits
	}{{m.prompt, lexPrompt}, {m.credit, lexCredit}, {m.date, lexDate}, {m.reader, lexReader}, {m.firstPerson, lexFirstPerson}} {
		for w := range l.set {
			m.lex[w] |= l.bit
		}
	}
	return m, nil
}

// paragraphWords reads the words of paragraph pi once: how many there are,
// how many start with a capital, whether every letter is upper case, the
// first word's folded form and the word lists its words belong to.
func (m *lineModel) paragraphWords(doc *text.Document, pi int) (words, caps int, upper bool, first string, bits lexBits) {
	letters, uppers := 0, 0
	r := doc.Paragraphs[pi].Sentences
	for si := r.First; si < r.End; si++ {
		for _, t := range doc.SentenceTokens(si) {
			if t.Kind != text.Word {
				continue
			}
			if words == 0 {
				first = t.Norm
			}
			words++
			bits |= m.lex[t.Norm]
			w := doc.Text[t.Start:t.End]
			c, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(c) {
				caps++
				if uppers == letters { // all upper so far: keep counting
					for _, c := range w {
						if unicode.IsLetter(c) {
							letters++
							if unicode.IsUpper(c) {
								uppers++
							}
						}
					}
				}
			} else {
				letters++ // a lower-case word: the line is not all capitals
			}
		}
	}
	return words, caps, letters >= 4 && uppers == letters, first, bits
}

// lineModelRuleIDs are the rules the line model reads; the boilerplate
// pack does not run them as text rules.
var lineModelRuleIDs = []string{ruleBPLineModel, ruleBPLineModelHTML, ruleBPModelPrompt, ruleBPModelHeading, ruleBPModelCredit,
	ruleBPModelDate, ruleBPModelReader, ruleBPModelRelease, ruleBPModelFirst, ruleBPModelGlue, ruleBPModelLink}

// lineFeatures computes the model's features for every paragraph of an
// article: one row per paragraph, indexed like lineFeatureNames. prelim
// marks the paragraphs the rules already take for furniture, rel is the
// topic model's judgement, repeated the lines held by other sources.
func (m *lineModel) lineFeatures(st *articleState, rel []topic.Relevance) [][]float64 {
	doc, shapes, prelim, repeated := st.doc, st.shapes, st.prelim, st.repeated
	n := len(doc.Paragraphs)
	rows := make([][]float64, n)
	short := func(pi int) bool { return shapes[pi].short && shapes[pi].words <= 12 }
	// runs[pi] is the length of the run of short lines holding pi (0 for a
	// line that is not short), found in one pass each way.
	runs := make([]int, n)
	for pi := 0; pi < n; pi++ {
		if short(pi) {
			runs[pi] = 1
			if pi > 0 {
				runs[pi] += runs[pi-1]
			}
		}
	}
	for pi := n - 2; pi >= 0; pi-- {
		if runs[pi] > 0 && runs[pi+1] > 0 {
			runs[pi] = runs[pi+1]
		}
	}
	headings := make([]bool, n)
	releaseHeads := make([]bool, n)
	for pi := range doc.Paragraphs {
		line := doc.Slice(doc.Paragraphs[pi].Span)
		headings[pi] = m.isListHeading(line, shapes[pi])
		releaseHeads[pi] = m.isReleaseHeading(line, shapes[pi])
	}
	// The story runs from the first to the last long, punctuated paragraph
	// before any closing section of a press release ("About Acme", "Media
	// contact:"); what lies before is the page head, what follows the tail.
	first, last, section := -1, -1, -1
	for pi, sh := range shapes {
		if first >= 0 && releaseHeads[pi] && section < 0 {
			section = pi
		}
		if sh.punctuated && sh.words >= m.longWords && section < 0 {
			if first < 0 {
				first = pi
			}
			last = pi
		}
	}
	underList, underRelease := -1, -1 // the latest heading above, while its section runs
	for pi := range doc.Paragraphs {
		line := doc.Slice(doc.Paragraphs[pi].Span)
		x := make([]float64, len(lineFeatureNames))
		set := func(name string, v bool) {
			if v {
				x[lineFeatureIndex[name]] = 1
			}
		}
		sh := shapes[pi]
		x[0] = 1
		set("words_1_3", sh.words >= 1 && sh.words <= 3)
		set("words_4_8", sh.words >= 4 && sh.words <= 8)
		set("words_9_15", sh.words >= 9 && sh.words <= 15)
		set("words_16_30", sh.words >= 16 && sh.words <= 30)
		set("no_end_punctuation", !sh.punctuated)
		trimmed := strings.TrimSpace(line)
		set("ends_with_colon", strings.HasSuffix(trimmed, ":"))
		words, caps, upper, firstWord, bits := m.paragraphWords(doc, pi)
		set("title_case", words >= 3 && float64(caps) >= 0.7*float64(words))
		set("all_caps", upper)
		set("label_colon", labelColon(trimmed))
		// "Also Read: …", "Related: …", "Most read: …": a label that
		// introduces a link to another story.
		set("list_label", labelColon(trimmed) && m.isListLabel(trimmed[:strings.IndexByte(trimmed, ':')]))
		set("separators", containsMenuSeparator(trimmed) || strings.Contains(trimmed, " > ") || strings.Contains(trimmed, " / "))
		set("symbols_only", symbolsOnly(trimmed))
		set("has_digits", strings.ContainsAny(trimmed, "0123456789"))
		set("clock_time", hasClockTime(trimmed))
		// Month and weekday words are also words ("may", "sat"): they count
		// beside a digit or in a very short line.
		set("date_words", sh.words <= 15 && bits&lexDate != 0 && (strings.ContainsAny(trimmed, "0123456789") || sh.words <= 4))
		set("prompt_verb_first", m.prompt[firstWord])
		set("reader_words", bits&lexReader != 0)
		set("credit_words", bits&lexCredit != 0)
		set("email_or_url", strings.Contains(trimmed, "@") || strings.Contains(trimmed, "http") || strings.Contains(trimmed, "www."))
		set("quoted", strings.IndexByte(trimmed, '"') >= 0 || strings.Contains(trimmed, "“") || strings.Contains(trimmed, "”"))
		set("is_a_definition", isADefinition(trimmed))
		set("head_region", first >= 0 && pi < first)
		set("tail_region", last >= 0 && pi > last)
		// A run of at least three short lines: a menu or a list of links.
		set("in_short_run", runs[pi] >= 3)
		// A list heading ("Related", "More from World") governs the short
		// lines under it; a release heading ("About Acme", "Media contact")
		// governs its section up to the next long story paragraph.
		if headings[pi] {
			underList = pi
		} else if underList >= 0 && !(short(pi) || (sh.words <= 20 && !sh.punctuated)) {
			underList = -1
		}
		set("under_list_heading", underList >= 0 && underList < pi)
		set("list_heading", headings[pi])
		if releaseHeads[pi] {
			underRelease = pi
		} else if underRelease >= 0 && pi <= first {
			underRelease = -1
		}
		// A release's closing sections run to the end of the page.
		set("under_release_heading", underRelease >= 0 && underRelease < pi && (section >= 0 && pi > section || sh.words < m.longWords*2))
		set("release_heading", releaseHeads[pi])
		if st.linkRatio != nil { // HTML hints
			set("link_dense", st.linkRatio[pi] >= 0.5)
			set("link_some", st.linkRatio[pi] >= 0.2 && st.linkRatio[pi] < 0.5)
			set("html_furniture", st.htmlFurniture[pi])
			set("outside_main", st.outsideMain[pi])
		}
		set("neighbour_flagged", (pi > 0 && prelim[pi-1]) || (pi+1 < n && prelim[pi+1]))
		// How much of the paragraph's words the rest of the batch (or, alone,
		// the rest of the article) uses: other stories' headlines share few.
		if pi < len(rel) && rel[pi].Terms >= 2 && rel[pi].Weight > 0 {
			mean := rel[pi].Support / rel[pi].Weight
			set("relevance_low", mean < 0.2)
			set("relevance_mid", mean >= 0.2 && mean < 0.45)
			set("relevance_high", mean >= 0.75)
		}
		set("repeated", repeated[pi])
		first, _ := utf8.DecodeRuneInString(trimmed)
		set("bullet_first", strings.ContainsRune("•·▪●■►-–—*", first))
		set("ends_with_question", strings.HasSuffix(strings.TrimRight(trimmed, "\"”'’"), "?"))
		set("starts_lower_case", unicode.IsLower(first))
		set("first_person", bits&lexFirstPerson != 0)
		// A full sentence after the story's last long paragraph: a closing
		// line of the story as often as a note to the reader.
		set("tail_sentence", last >= 0 && pi > last && sh.punctuated && sh.words >= 9)
		// A subheading sits between long story paragraphs; a list of links
		// does not.
		long := func(i int) bool { return i >= 0 && i < n && shapes[i].punctuated && shapes[i].words >= m.longWords }
		set("before_long", long(pi+1))
		set("after_long", long(pi-1))
		set("between_long", long(pi-1) && long(pi+1))
		// A line that stops after a lone letter ("… had sympathy for S") is
		// a story paragraph the copy cut short, not furniture.
		set("cut_short", endsWithLoneLetter(trimmed))
		set("timestamp_only", st.timestamp != nil && st.timestamp[pi])
		rows[pi] = x
	}
	return rows
}

// threshold is the probability a paragraph of shape sh needs to be
// flagged: a sentence, or a line as long as one, needs more.
func (m *lineModel) threshold(sh lineShape) float64 {
	if (sh.punctuated && sh.words >= m.sentenceWords) || sh.words >= m.longLine {
		return max(m.minProbability, m.minSentence)
	}
	return m.minProbability
}

// probability is the model's probability that a paragraph with features x
// is furniture.
func (m *lineModel) probability(x []float64) float64 {
	z := 0.0
	for i, v := range x {
		z += m.weights[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// explain names the features of x that raised the probability most, for
// the finding's message.
func (m *lineModel) explain(x []float64) string {
	type part struct {
		name string
		w    float64
	}
	var parts []part
	for i, v := range x {
		if i == 0 || v == 0 || m.weights[i] <= 0 {
			continue
		}
		parts = append(parts, part{lineFeatureNames[i], m.weights[i] * v})
	}
	slices.SortStableFunc(parts, func(a, b part) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	names := make([]string, 0, 3)
	for _, p := range parts[:min(3, len(parts))] {
		names = append(names, strings.ReplaceAll(p.name, "_", " "))
	}
	return strings.Join(names, ", ")
}

func (m *lineModel) isListHeading(line string, sh lineShape) bool {
	if sh.words == 0 || sh.words > 6 || sh.punctuated && !strings.HasSuffix(strings.TrimSpace(line), ":") {
		return false
	}
	return anyIn(foldedWords(line), m.heading)
}

func (m *lineModel) isListLabel(label string) bool {
	for _, w := range foldedWords(label) {
		if m.heading[w] || m.linkVerbs[w] {
			return true
		}
	}
	return false
}

// otherStoryPlace reports a paragraph, with line-model features x, whose
// place or shape says it links to another story and that does not speak to
// the reader (no prompt verb first, no reader words): under a list heading,
// after a link label, in a run of short lines after the story, or a
// headline-shaped line (four to fifteen words, no sentence punctuation)
// below the page head whose words the batch does not use and that no text
// rule took for this page's own furniture (a credit line, a copyright
// line).
func otherStoryPlace(x []float64, ruleFlagged bool) bool {
	on := func(name string) bool { return x[lineFeatureIndex[name]] != 0 }
	if on("reader_words") || on("prompt_verb_first") {
		return false
	}
	if on("under_list_heading") || on("list_label") || (on("in_short_run") && on("tail_region")) {
		return true
	}
	return !ruleFlagged && on("relevance_low") && on("no_end_punctuation") && (on("words_4_8") || on("words_9_15")) && !on("head_region")
}

func (m *lineModel) isReleaseHeading(line string, sh lineShape) bool {
	if sh.words == 0 || sh.words > 8 {
		return false
	}
	trimmed := strings.TrimSpace(line)
	toks := foldedWords(trimmed)
	if len(toks) == 0 {
		return false
	}
	// "About Acme Corp", "About the company": a title-case heading that
	// opens with about.
	if toks[0] == "about" && !sh.punctuated {
		caps := 0
		for _, f := range strings.Fields(trimmed) {
			if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
				caps++
			}
		}
		return caps*2 >= len(strings.Fields(trimmed))
	}
	// A listed heading is the whole line ("Forward-looking statements"),
	// or opens a line that ends with a colon ("Media contact:") or writes
	// it in capitals ("SOURCE Acme Corp").
	for k := min(len(toks), 4); k >= 1; k-- {
		if !m.release[strings.Join(toks[:k], " ")] {
			continue
		}
		if k == len(toks) || strings.HasSuffix(trimmed, ":") {
			return true
		}
		first := strings.Fields(trimmed)[0]
		return strings.ToUpper(first) == first && strings.ToLower(first) != first
	}
	return false
}

// labelColon reports a line that opens with a short label and a colon
// ("Also Read: …", "Photo: …", "Media contact:").
func labelColon(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 30 {
		return false
	}
	label := s[:i]
	if strings.ContainsAny(label, "0123456789\"“") { // a clock time or a quote
		return false
	}
	return len(strings.Fields(label)) <= 3
}

// symbolsOnly reports a line of symbols, with no letter and at most two
// digits ("###", "* * *", "-30-").
func symbolsOnly(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits <= 2
}

// hasClockTime reports a clock time such as "12:41" or "4:05 PM".
func hasClockTime(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isDigit(s[i+3])) {
			return true
		}
	}
	return false
}

// isTimestamp reports a paragraph made only of a date or a time and the
// words around them ("9:20 a.m.", "Tuesday, August 18, 2026 4:05 PM",
// "Updated: Jul 14, 2026, 12:05 PM IST", "Sat., June 6, 2026 | 5 min read"):
// every word is a date word or a timestamp word, and it holds a number.
func (m *lineModel) isTimestamp(doc *text.Document, pi int) bool {
	numbers, words := 0, 0
	r := doc.Paragraphs[pi].Sentences
	for si := r.First; si < r.End; si++ {
		for _, t := range doc.SentenceTokens(si) {
			switch t.Kind {
			case text.Number:
				numbers++
			case text.Word:
				words++
				w := strings.Trim(t.Norm, ".")
				if !m.date[w] && !m.timestampGlue[w] && w != "a.m" && w != "p.m" {
					return false
				}
			}
		}
	}
	return numbers > 0 && numbers+words <= 16
}

// endsWithLoneLetter reports a line whose last word is one letter other
// than "a" or "I", with no punctuation after it.
func endsWithLoneLetter(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	r, n := utf8.DecodeRuneInString(last)
	return n == len(last) && unicode.IsLetter(r) && r != 'a' && r != 'I' && (len(f) > 1 || unicode.IsUpper(r))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isADefinition reports a paragraph that opens by saying what a named body
// is ("Acme Corp is a …", "The Transit Board is the regional body …"), the
// first sentence of a press release's "About" section or of a bio.
func isADefinition(s string) bool {
	f := strings.Fields(s)
	for i := 1; i < len(f) && i <= 8; i++ {
		w := strings.ToLower(f[i])
		if w != "is" && w != "are" {
			continue
		}
		if i+1 >= len(f) {
			return false
		}
		next := strings.ToLower(f[i+1])
		if next != "a" && next != "an" && next != "the" && next != "one" {
			return false
		}
		// Every word before the verb is part of a name.
		for _, x := range f[:i] {
			r, _ := utf8.DecodeRuneInString(x)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && x != "of" && x != "and" && x != "&" && x != "for" && x != "the" {
				return false
			}
		}
		return true
	}
	return false
}

// foldedWords splits a line into folded words of letters and digits.
func foldedWords(s string) []string {
	return strings.FieldsFunc(text.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func anyIn(toks []string, set map[string]bool) bool {
	for _, t := range toks {
		if set[t] {
			return true
		}
	}
	return false
}
