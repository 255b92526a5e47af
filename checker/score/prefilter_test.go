package score

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// Tests of the literal prefilter (prefilter.go, ahocorasick.go): the fold,
// the automaton, the conditions derived from expressions, and above all
// that the prefilter never changes what a rule finds.

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Read more", "READ MORE"},
		{"all \t rights\n\nreserved", "ALL RIGHTS RESERVED"},
		{"  leading and trailing  ", " LEADING AND TRAILING "},
		{"\u212Aelvin", "KELVIN"},       // the Kelvin sign folds with k
		{"\u017Fubscribe", "SUBSCRIBE"}, // the long s folds with s
		{"Éditeur", "Éditeur"[:2] + "DITEUR"},
		{"© 2026 – it’s", "© 2026 – IT’S"}, // no case: unchanged
		{"bad\xffbyte", "BAD\uFFFDBYTE"},
		{"\vvertical tab stays", "\vVERTICAL TAB STAYS"}, // \s does not match \v
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, foldString(c.in))
		})
	}
	for _, pair := range [][2]rune{{'k', 'K'}, {'k', '\u212A'}, {'s', '\u017F'}, {'é', 'É'}, {'σ', 'ς'}, {'Σ', 'σ'}} {
		assert.Equal(t, foldRune(pair[0]), foldRune(pair[1]), "%q %q", pair[0], pair[1])
	}
	assert.NotEqual(t, foldRune('a'), foldRune('b'))
	assert.Equal(t, "A B", joinFolded("A ", " B"))
	assert.Equal(t, "A B", joinFolded("A", " B"))
	assert.Equal(t, " ", joinFolded(" ", " "))
}

// foundLiterals lists the literals an automaton reports in s.
func foundLiterals(a *automaton, lits []string, s string) []string {
	f := make([]uint64, a.words())
	a.scan(s, f)
	var out []string
	for id, lit := range lits {
		if f[id>>6]&(1<<(id&63)) != 0 {
			out = append(out, lit)
		}
	}
	return out
}

// containedLiterals is what the automaton must report: the literals the
// fold of s contains.
func containedLiterals(lits []string, s string) []string {
	folded := foldString(s)
	var out []string
	for _, lit := range lits {
		if lit != "" && strings.Contains(folded, lit) {
			out = append(out, lit)
		}
	}
	return out
}

func TestAutomaton(t *testing.T) {
	lits := []string{"HE", "SHE", "HIS", "HERS", "A B", " ON", "©", "IT’S", "", "HE"}
	a := newAutomaton(lits)
	cases := []struct {
		text string
		want []string
	}{
		{"ushers", []string{"HE", "SHE", "HERS", "HE"}},
		{"USHERS", []string{"HE", "SHE", "HERS", "HE"}},
		{"\u017Fhe", []string{"HE", "SHE", "HE"}},
		{"a  \t b", []string{"A B"}},
		{"a\n\nb", []string{"A B"}},
		{"ab", nil},
		{"carry on", []string{" ON"}},
		{"on", nil},
		{"© 2026", []string{"©"}},
		{"It’s", []string{"IT’S"}},
		{"It's", nil},
		{"", nil},
		{"h\xffis", nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			assert.Equal(t, c.want, foundLiterals(a, lits, c.text))
			assert.Equal(t, containedLiterals(lits, c.text), foundLiterals(a, lits, c.text))
		})
	}
	empty := newAutomaton(nil)
	assert.Equal(t, 0, empty.words())
	empty.scan("anything at all", nil)
}

func TestConditions(t *testing.T) {
	cases := []struct {
		pattern string
		want    [][]string
	}{
		{`(?i)\ball\s+rights\s+reserved\b`, [][]string{{"ALL RIGHTS RESERVED"}}},
		{`\?[)\]]*\s*$`, [][]string{{"?"}}},
		{`(?i)\b(?:sign\s+up|subscribe)\s+to\b`, [][]string{{"SIGN UP TO", "SUBSCRIBE TO"}}},
		// \s* is "" or a space, and a space next to a space is one space.
		{`(?i)^(?:hello|hi)\s*[,!]?\s+i\s+am\b`, [][]string{{"HELLO ! I AM", "HELLO , I AM", "HELLO I AM", "HELLO! I AM", "HELLO, I AM",
			"HI ! I AM", "HI , I AM", "HI I AM", "HI! I AM", "HI, I AM"}}},
		{`(?i)colou?r`, [][]string{{"COLOR", "COLOUR"}}},
		{`\bMay\s+\d`, [][]string{{"MAY 0", "MAY 1", "MAY 2", "MAY 3", "MAY 4", "MAY 5", "MAY 6", "MAY 7", "MAY 8", "MAY 9"}}},
		// The most selective clause, the one whose shortest literal is longest, first.
		{`(?i)^photo\b.{0,40}\bcredit\s*:`, [][]string{{"CREDIT :", "CREDIT:"}, {"PHOTO"}}},
		{`(?i)(?:foo|bar)+baz`, [][]string{{"BAR", "FOO"}, {"BAZ"}}},
		{`x{2,}`, [][]string{{"X"}}},
		{`(?i)k`, [][]string{{"K"}}},
		{`(?i)(?:news|.*)letter`, [][]string{{"LETTER"}}},
		{`a*`, nil},
		{`.`, nil},
		{`(?:foo|.*)`, nil},
		{`\d+`, [][]string{{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
		{`[^\x00-\x{10FFFF}]`, [][]string{nil}}, // matches nothing: a clause nothing meets
	}
	for _, c := range cases {
		t.Run(c.pattern, func(t *testing.T) {
			assert.Equal(t, c.want, condition(regexp.MustCompile(c.pattern)))
		})
	}
}

// filteredRules lists every rule the scorer runs through the prefilter,
// with the literal index that serves it.
func filteredRules(sc *Scorer) (rules []*filteredRule, index []*literalIndex) {
	add := func(fr *filteredRule, x *literalIndex) {
		rules, index = append(rules, fr), append(index, x)
	}
	for _, tr := range sc.bp.text {
		add(tr.filter, sc.bp.literals)
	}
	for _, cr := range sc.spec.cues {
		if cr.filter != nil {
			add(cr.filter, sc.spec.literals)
		}
	}
	for _, fr := range append(append([]*filteredRule(nil), sc.spec.exceptions...), sc.spec.attributionRules...) {
		add(fr, sc.spec.literals)
	}
	return rules, index
}

// withoutPrefilter turns every condition of sc off, so that every
// expression runs on every unit, as before the prefilter.
func withoutPrefilter(sc *Scorer) *Scorer {
	rules, _ := filteredRules(sc)
	for _, fr := range rules {
		fr.conds, fr.firsts = make([][]bitClause, len(fr.exprs)), nil
	}
	return sc
}

// prefilterBatches are the batches the prefilter is checked on: the seed
// batch, every fixture batch, the hand-written test articles, a generated
// batch of each kind and, when the evaluation data is present, web pages
// from the extraction benchmarks.
func prefilterBatches(t *testing.T) map[string][]Input {
	batches := map[string][]Input{"bench": benchBatch(60)}
	dirs, err := filepath.Glob("../../fixtures/*")
	require.NoError(t, err)
	for _, d := range dirs {
		if txt, _ := filepath.Glob(filepath.Join(d, "*.txt")); len(txt) > 0 {
			batches[filepath.Base(d)] = loadInputs(t, d)
		}
	}
	require.Contains(t, batches, filepath.Base(seedDir))
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	require.NoError(t, err)
	for _, p := range files {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		batches[p] = []Input{inputOf(p, string(data))}
	}
	corpus := benchcorpus.Generate(benchcorpus.DefaultOptions(60))
	var gen []Input
	for _, a := range corpus.Articles {
		gen = append(gen, Input{ID: a.ID, Doc: text.Parse(a.Text)})
	}
	batches["benchcorpus"] = gen
	sets := map[string]func(testing.TB) []evalPage{"trafilatura-en": loadTrafilatura, "aeb-scrapinghub": loadAEB}
	for _, set := range []string{"trafilatura-en", "aeb-scrapinghub"} {
		if shared := evaldata.SharedDir(); shared == "" || !isDir(filepath.Join(shared, "evaldata", set)) {
			continue // the project runs without the shared data
		}
		for i, p := range sets[set](t) {
			if i%8 != 0 { // one page in eight keeps the test quick
				continue
			}
			data, err := readGzip(p.path)
			require.NoError(t, err)
			a, err := mustLoader(t).ParseArticle("page", p.path, ingest.FormatHTML, data)
			if err != nil {
				continue
			}
			batches["page "+p.id] = []Input{{ID: p.id, Doc: text.Parse(a.Text), Title: a.Title, Blocks: a.Blocks}}
		}
	}
	return batches
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// TestPrefilterIsSound checks, for every rule and every unit (sentence,
// paragraph, whole text) of the batches, that a unit holding a match of an
// expression meets the expression's condition, and that the filtered
// matchers return exactly what the rule's own matchers do.
func TestPrefilterIsSound(t *testing.T) {
	sc := newScorer(t)
	rules, index := filteredRules(sc)
	require.NotEmpty(t, rules)
	var mu sync.Mutex
	matched := map[string]int{} // rule id → units it matched
	t.Run("batches", func(t *testing.T) {
		for name, batch := range prefilterBatches(t) {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				for _, in := range batch {
					for id, n := range checkPrefilter(t, rules, index, in.Doc) {
						mu.Lock()
						matched[id] += n
						mu.Unlock()
					}
				}
			})
		}
	})
	// The check means something only if the rules match now and then.
	for _, id := range []string{"bp.newsletter-prompt", "bp.copyright", "bp.credit", "bp.author-bio", "spec.rhetorical", "spec.question", "spec.exception"} {
		assert.Positive(t, matched[id], id)
	}
}

// checkPrefilter checks every rule on every unit of doc and returns how
// many units each rule matched.
func checkPrefilter(t *testing.T, rules []*filteredRule, index []*literalIndex, doc *text.Document) map[string]int {
	var units []string
	if len(doc.Text) <= 8000 { // the scope "text"; long pages cost much and add little
		units = append(units, doc.Text)
	}
	for _, s := range doc.Sentences {
		units = append(units, doc.Slice(s.Span))
	}
	for _, p := range doc.Paragraphs {
		units = append(units, doc.Slice(p.Span))
	}
	matched := map[string]int{}
	for _, unit := range units {
		lits := map[*literalIndex]found{}
		for ri, fr := range rules {
			if lits[index[ri]] == nil {
				lits[index[ri]] = index[ri].scan(unit)
			}
			l := lits[index[ri]]
			want := fr.rule.FindAll(unit)
			for i, re := range fr.exprs {
				if len(want) > 0 && !l.holds(fr.conds[i]) && re.MatchString(unit) {
					t.Fatalf("%s: expression %d matches %q but its condition %q fails", fr.rule.ID, i, unit, condition(re))
				}
			}
			var spans []text.Span
			for _, m := range want {
				spans = append(spans, m.Span)
			}
			require.Equal(t, spans, fr.findAll(unit, l), "%s on %q", fr.rule.ID, unit)
			require.Equal(t, len(want) > 0, fr.matchString(unit, l))
			first, ok := fr.first(unit, l)
			require.Equal(t, len(want) > 0, ok)
			if ok {
				require.Equal(t, want[0].Span, first)
				matched[fr.rule.ID]++
			}
		}
	}
	return matched
}

// TestPrefilterChangesNoScore scores every batch with and without the
// prefilter: the results must be the same, finding for finding.
func TestPrefilterChangesNoScore(t *testing.T) {
	filtered, plain := newScorer(t), withoutPrefilter(newScorer(t))
	names := []string{}
	batches := prefilterBatches(t)
	for name := range batches {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want, err := plain.ScoreBatch(context.Background(), batches[name], 0)
		require.NoError(t, err)
		got, err := filtered.ScoreBatch(context.Background(), batches[name], 0)
		require.NoError(t, err)
		require.Equal(t, want, got, name)
	}
}

// FuzzPrefilter checks on arbitrary text that no expression matches a text
// whose literals fail its condition, and that the automaton reports exactly
// the literals the folded text contains.
func FuzzPrefilter(f *testing.F) {
	for _, s := range []string{
		"Sign up for our daily newsletter to get the top stories delivered to your inbox.",
		"© 2026 Valley Media Group. All rights reserved.", "Share this article", "Read more: Council budget talks stall",
		"\u017Fign up for breaking news alerts", "ALL  RIGHTS\tRESERVED", "Let’s be honest: it’s worth noting?",
		"Hello, my name is Ann and I have been blogging for years.", "The vote is in May 5 and will take place downtown.",
		"Advertisement", "Photo: Jane Doe/Reuters", "With files from The Canadian Press", "bad\xffbytes ©\u212A",
	} {
		f.Add(s)
	}
	sc := newScorer(f)
	rules, index := filteredRules(sc)
	f.Fuzz(func(t *testing.T, s string) {
		for ri, fr := range rules {
			l := index[ri].scan(s)
			for i, re := range fr.exprs {
				if re.MatchString(s) && !l.holds(fr.conds[i]) {
					t.Fatalf("%s: expression %d matches %q but its condition %q fails", fr.rule.ID, i, s, condition(re))
				}
			}
		}
		x := sc.bp.literals
		if got, want := foundLiterals(x.auto, x.list, s), containedLiterals(x.list, s); !equalStrings(got, want) {
			t.Fatalf("automaton found %q, the fold holds %q", got, want)
		}
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLexiconSetMatchesEachLexicon(t *testing.T) {
	sc := newScorer(t)
	ls := sc.spec.lexicons
	require.NotEmpty(t, ls.matchers)
	for name, batch := range prefilterBatches(t) {
		for _, in := range batch {
			got := ls.find(in.Doc.Text, in.Doc.Tokens)
			for i, m := range ls.matchers {
				require.Equal(t, m.find(in.Doc.Text, in.Doc.Tokens), got[i], "%s: lexicon %d", name, i)
			}
		}
	}
}

func TestCountFields(t *testing.T) {
	for _, s := range []string{"", "   ", "one", " one two\tthree\n", "a\u00a0b", "x\u2003y z", "bad\xff bytes", "- Home"} {
		assert.Equal(t, len(strings.Fields(s)), countFields(s, 100), "%q", s)
		assert.Equal(t, min(len(strings.Fields(s)), 2), countFields(s, 1), "%q", s)
	}
	for _, s := range []string{"a | b", "a • b", "a · b", "a » b", "a › b", "a ¦ b"} {
		assert.True(t, containsMenuSeparator(s), s)
	}
	for _, s := range []string{"plain line", "é and ’ and –", ""} {
		assert.False(t, containsMenuSeparator(s), s)
	}
}
