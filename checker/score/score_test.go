package score

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

const seedDir = "../../fixtures/canada-korea-mou"

func newScorer(t testing.TB) *Scorer {
	t.Helper()
	sc, err := NewScorer(ruleset.MustDefault())
	require.NoError(t, err)
	return sc
}

// loadInputs reads articles as checker.Check does: load, segment, infer
// missing metadata (the title among it).
func loadInputs(t testing.TB, paths ...string) []Input {
	t.Helper()
	arts, rejected, err := ingest.LoadPaths(paths, nil, ingest.Options{})
	require.NoError(t, err)
	require.Empty(t, rejected)
	set := ruleset.MustDefault()
	dates, err := timex.NewReader(set)
	require.NoError(t, err)
	var in []Input
	for _, a := range arts {
		doc := text.Parse(a.Text)
		ingest.InferMetadata(&a, doc, set, dates)
		in = append(in, Input{ID: a.ID, Doc: doc, Title: a.Title, Blocks: a.Blocks})
	}
	return in
}

// inputOf builds an input from literal text, with the first line as title.
func inputOf(id, s string) Input {
	title, _, _ := strings.Cut(s, "\n")
	return Input{ID: id, Doc: text.Parse(s), Title: title}
}

func scoreAll(t testing.TB, sc *Scorer, in []Input) []ArticleScores {
	t.Helper()
	res, err := sc.ScoreBatch(context.Background(), in, 0)
	require.NoError(t, err)
	require.Len(t, res, len(in))
	return res
}

// findings returns the article's findings of the given rule, as the text
// they cover.
func findings(in Input, res ArticleScores, rule string) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, in.Doc.Slice(f.Span))
		}
	}
	return out
}

func containsText(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func seedIndex(t *testing.T, in []Input, prefix string) int {
	for i, a := range in {
		if strings.HasPrefix(a.ID, prefix) {
			return i
		}
	}
	t.Fatalf("no seed %s", prefix)
	return -1
}

func TestSeedScores(t *testing.T) {
	in := loadInputs(t, seedDir)
	require.Len(t, in, 5)
	res := scoreAll(t, newScorer(t), in)
	s000, s001, s002, s003, s004 := seedIndex(t, in, "000"), seedIndex(t, in, "001"), seedIndex(t, in, "002"), seedIndex(t, in, "003"), seedIndex(t, in, "004")
	for i, r := range res {
		t.Logf("%s: boilerplate %.3f, off-topic %.3f, speculation %.3f", in[i].ID, r.Boilerplate.Value, r.OffTopic.Value, r.Speculation.Value)
	}

	t.Run("off-topic: 002 highest, its Zelenskyy paragraph and 004's bio flagged", func(t *testing.T) {
		for i := range res {
			if i != s002 {
				assert.Greater(t, res[s002].OffTopic.Value, res[i].OffTopic.Value, in[i].ID)
			}
		}
		spill := findings(in[s002], res[s002], ruleOTParagraph)
		require.Len(t, spill, 1)
		assert.True(t, strings.HasPrefix(spill[0], "Ukrainian President Volodymyr Zelenskyy blasted"))
		bio := findings(in[s004], res[s004], ruleOTParagraph)
		require.Len(t, bio, 1)
		assert.True(t, strings.HasPrefix(bio[0], "Hello, my name is"))
		// Background that belongs to the story stays on topic.
		assert.Zero(t, res[s001].OffTopic.Value)
		assert.Empty(t, findings(in[s001], res[s001], ruleOTParagraph))
	})

	t.Run("speculation: 003 and 004 highest, 001 among the lowest", func(t *testing.T) {
		order := []int{0, 1, 2, 3, 4}
		sort.Slice(order, func(a, b int) bool { return res[order[a]].Speculation.Value > res[order[b]].Speculation.Value })
		assert.ElementsMatch(t, []int{s003, s004}, order[:2])
		assert.Contains(t, order[3:], s001)
		assert.Greater(t, res[s003].Speculation.Value, 0.4)
		assert.Greater(t, res[s004].Speculation.Value, 0.4)
		assert.Less(t, res[s001].Speculation.Value, 0.15)
		// The writer's own framing in 003 is flagged with its cues.
		rhet := findings(in[s003], res[s003], "spec.rhetorical")
		assert.True(t, containsText(rhet, "let’s get one thing straight"), rhet)
		assert.True(t, containsText(findings(in[s003], res[s003], "spec.opinion"), "strategic win"))
		assert.True(t, containsText(findings(in[s004], res[s004], "spec.opinion"), "bold"))
		sentences := findings(in[s003], res[s003], ruleSpecSentence)
		assert.True(t, containsText(sentences, "This has been a massive strategic win for Canada."), sentences)
	})

	t.Run("speculation: a hedge in reported speech weighs less", func(t *testing.T) {
		var could *Finding
		for i, f := range res[s000].Findings {
			if f.Rule == "spec.hedge" && strings.HasPrefix(in[s000].Doc.Text[f.Span.Start:], "could also increase") {
				could = &res[s000].Findings[i]
			}
		}
		require.NotNil(t, could, "the hedge in “Canada could also increase …, according to Tim Hodgson”")
		assert.InDelta(t, 0.5, could.Weight, 1e-9)
		assert.Contains(t, could.Message, "attributed")
	})

	t.Run("boilerplate: 000 and 004 above 001, 003's link-out flagged", func(t *testing.T) {
		assert.Greater(t, res[s000].Boilerplate.Value, res[s001].Boilerplate.Value)
		assert.Greater(t, res[s004].Boilerplate.Value, res[s001].Boilerplate.Value)
		assert.Zero(t, res[s001].Boilerplate.Value)
		assert.Equal(t, []string{"Get the latest national news", "For news that affects Canada and the world, sign up for breaking news alerts delivered directly to you as they happen."},
			findings(in[s000], res[s000], "bp.newsletter-prompt"))
		assert.Equal(t, []string{"— With a file from Global News’ Bryan Mullan."}, findings(in[s000], res[s000], "bp.credit"))
		assert.Equal(t, []string{"© 2026 Global News, a division of Corus Entertainment Inc."}, findings(in[s000], res[s000], "bp.copyright"))
		assert.Equal(t, []string{"Read the original article here"}, findings(in[s003], res[s003], "bp.read-more"))
		bio := findings(in[s004], res[s004], "bp.author-bio")
		require.Len(t, bio, 1)
		assert.True(t, strings.HasPrefix(bio[0], "Hello, my name is"))
		// No content sentence of the seeds is called boilerplate.
		for i, r := range res {
			for _, f := range r.Findings {
				if f.Kind == Boilerplate {
					assert.NotContains(t, in[i].Doc.Slice(f.Span), "memorandum", "%s: %s", in[i].ID, f.Message)
				}
			}
		}
	})

	t.Run("per-paragraph verdicts line up with the findings", func(t *testing.T) {
		for i, r := range res {
			require.Len(t, r.BoilerplateParagraphs, len(in[i].Doc.Paragraphs))
			require.Len(t, r.OffTopicParagraphs, len(in[i].Doc.Paragraphs))
		}
		last := len(in[s002].Doc.Paragraphs) - 1
		assert.True(t, res[s002].OffTopicParagraphs[last])
		assert.False(t, res[s002].BoilerplateParagraphs[last])
	})
}

// seedReliabilityInputs stand in for the claim and rewrite stages on the
// seed batch: 000 and 002 lose the signing-date conflict, 003 loses the
// signatory conflict, 000 loses the quote conflict, 004 makes claims no
// other source backs, and 000 is a machine rewrite.
func seedReliabilityInputs(t *testing.T, in []Input, res []ArticleScores) map[string]ReliabilityInput {
	date := "signing date: “On Wednesday” against “January 29” (a Thursday)"
	return map[string]ReliabilityInput{
		"000": {Scores: res[seedIndex(t, in, "000")], Rewrite: 0.8, ConflictsLost: []string{date, "quotation: “the mobility of the future” against “future mobility”"}, Claims: 12, UnbackedClaims: 1, AttributedClaims: 8},
		"001": {Scores: res[seedIndex(t, in, "001")], Claims: 12, UnbackedClaims: 2, AttributedClaims: 7},
		"002": {Scores: res[seedIndex(t, in, "002")], ConflictsLost: []string{date}, Claims: 9, UnbackedClaims: 0, AttributedClaims: 6},
		"003": {Scores: res[seedIndex(t, in, "003")], ConflictsLost: []string{"Korean signatory: the Presidential Special Envoy against Minister Kim Jung-kwan"}, Claims: 8, UnbackedClaims: 3, AttributedClaims: 1},
		"004": {Scores: res[seedIndex(t, in, "004")], Claims: 10, UnbackedClaims: 6, AttributedClaims: 0},
	}
}

func TestSeedReliability(t *testing.T) {
	in := loadInputs(t, seedDir)
	sc := newScorer(t)
	res := scoreAll(t, sc, in)
	rel := map[string]float64{}
	for id, ri := range seedReliabilityInputs(t, in, res) {
		score, deds := sc.Reliability(ri)
		rel[id] = score.Value
		total := 0.0
		for _, d := range deds {
			total += d.Amount
			assert.InDelta(t, d.Weight*d.Value, d.Amount, 1e-12, d.Rule)
		}
		assert.InDelta(t, clamp01(1-total), score.Value, 1e-12)
		t.Logf("%s reliability %.3f", id, score.Value)
	}
	for id, v := range rel {
		if id != "001" {
			assert.Greater(t, rel["001"], v, "001 must be the most reliable, above %s", id)
		}
	}
	assert.Greater(t, rel["001"], 0.85)
}

func TestHandwrittenArticles(t *testing.T) {
	sc := newScorer(t)
	type want struct {
		bp, ot, spec [2]float64 // inclusive ranges
		findings     map[string]string
		silent       []string // rules that must not fire
	}
	cases := map[string]want{
		// Clean wire copy: near zero everywhere.
		"clean-wire": {bp: [2]float64{0, 0}, ot: [2]float64{0, 0}, spec: [2]float64{0, 0.05},
			silent: []string{"spec.hedge", "spec.opinion", "spec.prediction", "spec.personal", ruleOTParagraph}},
		// Courts: "appeared in court", "in May", "May 12" and "will take place"
		// are not cues; the judge's "may" inside a quotation weighs little;
		// the credit line is boilerplate.
		"court-ruling": {bp: [2]float64{0.01, 0.06}, ot: [2]float64{0, 0}, spec: [2]float64{0, 0.05},
			findings: map[string]string{"bp.credit": "— With files from The Canadian Press", "spec.hedge": "may"},
			silent:   []string{"spec.prediction", ruleOTParagraph}},
		// Sports: sign-up prompt, follow prompt and copyright are
		// boilerplate; the council paragraph is spill; the coach's "could"
		// is quoted.
		"sports-match": {bp: [2]float64{0.1, 0.2}, ot: [2]float64{0.12, 0.3}, spec: [2]float64{0, 0.06},
			findings: map[string]string{
				"bp.newsletter-prompt": "Sign up for our match-day newsletter",
				"bp.share-prompt":      "Follow us on Instagram",
				"bp.copyright":         "© 2026 Lakeshore Daily News.",
				ruleOTParagraph:        "The city council approved a revised budget",
			},
			silent: []string{"spec.prediction"}},
		// A pasted note on water charges names no one and shares a word or
		// two with the match report; at 25 content terms it is no one-line
		// reaction and gets no allowance for naming no one.
		"cup-final-spill": {bp: [2]float64{0, 0}, ot: [2]float64{0.25, 0.5}, spec: [2]float64{0, 0.1},
			findings: map[string]string{ruleOTParagraph: "Water charges for most households"}},
		// Business opinion column: heavy speculation; the bio is boilerplate.
		"business-column": {bp: [2]float64{0.05, 0.15}, ot: [2]float64{0, 0}, spec: [2]float64{0.6, 1},
			findings: map[string]string{
				"spec.rhetorical": "Let's be honest",
				"spec.personal":   "you",
				"spec.opinion":    "massive",
				"spec.question":   "?",
				"spec.opener":     "Ultimately,",
				"bp.author-bio":   "Jordan Ellis is a freelance writer",
			}},
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			in := loadInputs(t, filepath.Join("testdata", name+".txt"))
			require.Len(t, in, 1)
			r := scoreAll(t, sc, in)[0]
			t.Logf("%s: boilerplate %.3f, off-topic %.3f, speculation %.3f", name, r.Boilerplate.Value, r.OffTopic.Value, r.Speculation.Value)
			assert.True(t, w.bp[0] <= r.Boilerplate.Value && r.Boilerplate.Value <= w.bp[1], "boilerplate %.3f not in %v", r.Boilerplate.Value, w.bp)
			assert.True(t, w.ot[0] <= r.OffTopic.Value && r.OffTopic.Value <= w.ot[1], "off-topic %.3f not in %v", r.OffTopic.Value, w.ot)
			assert.True(t, w.spec[0] <= r.Speculation.Value && r.Speculation.Value <= w.spec[1], "speculation %.3f not in %v", r.Speculation.Value, w.spec)
			for rule, sub := range w.findings {
				got := findings(in[0], r, rule)
				assert.True(t, containsText(got, sub), "%s should flag %q; flagged %q", rule, sub, got)
			}
			for _, rule := range w.silent {
				assert.Empty(t, findings(in[0], r, rule), rule)
			}
		})
	}
}

// TestCleanArticleAloneStaysClean scores the clean wire article as a batch
// of one, laid out with and without blank lines between paragraphs.
func TestCleanArticleAloneStaysClean(t *testing.T) {
	sc := newScorer(t)
	data, err := os.ReadFile(filepath.Join("testdata", "clean-wire.txt"))
	require.NoError(t, err)
	// Each paragraph on its own line, with and without blank lines between.
	for _, variant := range []string{string(data), strings.ReplaceAll(string(data), "\n\n", "\n")} {
		r := scoreAll(t, sc, []Input{inputOf("clean", variant)})[0]
		assert.Zero(t, r.Boilerplate.Value)
		assert.Zero(t, r.OffTopic.Value)
		assert.Less(t, r.Speculation.Value, 0.05)
	}
}

func TestSpansAndRuleIDs(t *testing.T) {
	set := ruleset.MustDefault()
	in := loadInputs(t, seedDir)
	for _, name := range []string{"clean-wire", "court-ruling", "sports-match", "business-column"} {
		in = append(in, loadInputs(t, filepath.Join("testdata", name+".txt"))...)
	}
	res := scoreAll(t, newScorer(t), in)
	for i, r := range res {
		doc := in[i].Doc
		for j, f := range r.Findings {
			assert.True(t, 0 <= f.Span.Start && f.Span.Start < f.Span.End && f.Span.End <= len(doc.Text), "%s: bad span %v", in[i].ID, f.Span)
			assert.True(t, utf8.RuneStart(doc.Text[f.Span.Start]), "span start off a rune boundary")
			assert.True(t, f.Span.End == len(doc.Text) || utf8.RuneStart(doc.Text[f.Span.End]), "span end off a rune boundary")
			assert.NotNil(t, set.Rule(f.Rule), "finding rule %q is not a rule", f.Rule)
			assert.Contains(t, []string{Boilerplate, OffTopic, Speculation}, f.Kind)
			assert.NotEmpty(t, f.Message)
			if j > 0 {
				prev := r.Findings[j-1]
				assert.LessOrEqual(t, prev.Span.Start, f.Span.Start, "findings sorted by span start")
			}
		}
		for _, s := range []Score{r.Boilerplate, r.OffTopic, r.Speculation} {
			assert.True(t, 0 <= s.Value && s.Value <= 1, "%s %s = %v", in[i].ID, s.Name, s.Value)
			for _, c := range s.Components {
				assert.NotNil(t, set.Rule(c.Name), "component %q is not a rule", c.Name)
				for _, fi := range c.Findings {
					require.Less(t, fi, len(r.Findings))
					assert.Equal(t, c.Name, r.Findings[fi].Rule)
				}
			}
		}
		// Boilerplate and off-topic components add up to their score.
		for _, s := range []Score{r.Boilerplate, r.OffTopic} {
			sum := 0.0
			for _, c := range s.Components {
				sum += c.Value
			}
			assert.InDelta(t, s.Value, sum, 1e-9, "%s %s", in[i].ID, s.Name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	sc := newScorer(t)
	in := loadInputs(t, seedDir)
	first, err := sc.ScoreBatch(context.Background(), in, 1)
	require.NoError(t, err)
	for _, workers := range []int{2, 4, 0} {
		again, err := sc.ScoreBatch(context.Background(), in, workers)
		require.NoError(t, err)
		assert.Equal(t, first, again, "workers=%d", workers)
	}
}

func TestScoreBatchErrors(t *testing.T) {
	sc := newScorer(t)
	_, err := sc.ScoreBatch(context.Background(), []Input{{ID: "x"}}, 1)
	assert.ErrorContains(t, err, "has no document")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = sc.ScoreBatch(ctx, []Input{inputOf("a", "Some text.")}, 1)
	assert.ErrorIs(t, err, context.Canceled)

	res, err := sc.ScoreBatch(context.Background(), nil, 0)
	assert.NoError(t, err)
	assert.Empty(t, res)

	empty := scoreAll(t, sc, []Input{inputOf("e", "")})[0]
	assert.Zero(t, empty.Boilerplate.Value)
	assert.Zero(t, empty.Speculation.Value)
	assert.Empty(t, empty.Findings)
}

func TestNewScorerErrors(t *testing.T) {
	_, err := NewScorer(nil)
	assert.Error(t, err)

	write := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, body := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
		}
		return dir
	}
	t.Run("a missing parameter names the rule", func(t *testing.T) {
		dir := write(t, map[string]string{"bp.yaml": "pack: boilerplate\nrules:\n  - id: bp.nav-run\n    kind: weight\n    weight: 0.5\n    description: runs\n    params:\n      max_words: 6\n"})
		set, err := ruleset.Load(dir)
		require.NoError(t, err)
		_, err = NewScorer(set)
		assert.ErrorContains(t, err, `rule "bp.nav-run": missing params.min_run`)
	})
	t.Run("a bad scope is an error", func(t *testing.T) {
		dir := write(t, map[string]string{"bp.yaml": "pack: boilerplate\nrules:\n  - id: bp.x\n    kind: pattern\n    scope: page\n    description: x\n    patterns: ['x']\n"})
		set, err := ruleset.Load(dir)
		require.NoError(t, err)
		_, err = NewScorer(set)
		assert.ErrorContains(t, err, `scope "page"`)
	})
	t.Run("a bad html-context entry is an error", func(t *testing.T) {
		dir := write(t, map[string]string{"bp.yaml": "pack: boilerplate\nrules:\n  - id: bp.html-context\n    kind: table\n    weight: 0.5\n    description: x\n    entries: {nav: high}\n"})
		set, err := ruleset.Load(dir)
		require.NoError(t, err)
		_, err = NewScorer(set)
		assert.ErrorContains(t, err, `"high" is not a number`)
	})
}

// TestUserRules shows that weights live in rules: a user pack can disable
// a rule, change a weight or add a rule, and the scores follow.
func TestUserRules(t *testing.T) {
	in := loadInputs(t, filepath.Join("testdata", "sports-match.txt"))
	base := scoreAll(t, newScorer(t), in)[0]
	require.NotEmpty(t, findings(in[0], base, "bp.copyright"))

	dir := t.TempDir()
	pack := `pack: boilerplate
rules:
  - id: bp.copyright
    disabled: true
  - id: bp.match-report-footer
    kind: pattern
    scope: sentence
    weight: 0.9
    description: A house style line.
    message: 'house line: "{match}"'
    patterns: ['^Lakeshore will meet']
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "boilerplate.yaml"), []byte(pack), 0o644))
	rel := "pack: reliability\nrules:\n  - id: rel.boilerplate\n    kind: weight\n    weight: 1\n    description: heavier\n  - id: rel.unattributed\n    disabled: true\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "reliability.yaml"), []byte(rel), 0o644))
	set, err := ruleset.Load(dir)
	require.NoError(t, err)
	sc, err := NewScorer(set)
	require.NoError(t, err)
	got := scoreAll(t, sc, in)[0]
	assert.Empty(t, findings(in[0], got, "bp.copyright"))
	assert.Equal(t, []string{"Lakeshore will meet Eastgate Rovers in the final at Civic Stadium on June 14."}, findings(in[0], got, "bp.match-report-footer"))

	_, deds := sc.Reliability(ReliabilityInput{Scores: got, Claims: 3})
	require.Len(t, deds, 6, "the disabled rule deducts nothing and is not listed")
	for _, d := range deds {
		assert.NotEqual(t, "rel.unattributed", d.Rule)
	}
	assert.Equal(t, "rel.boilerplate", deds[0].Rule)
	assert.InDelta(t, 1.0, deds[0].Weight, 1e-12)
	assert.InDelta(t, got.Boilerplate.Value, deds[0].Amount, 1e-12)
}

func TestReliabilityDeductions(t *testing.T) {
	sc := newScorer(t)
	set := ruleset.MustDefault()
	w := func(id string) float64 { return set.Rule(id).Weight }
	scores := ArticleScores{
		Boilerplate: Score{Name: Boilerplate, Value: 0.2},
		OffTopic:    Score{Name: OffTopic, Value: 0.1},
		// A bio is both: half the off-topic words are boilerplate already.
		OffTopicOnly: 0.05,
		Speculation:  Score{Name: Speculation, Value: 0.5},
		Findings:     []Finding{{Kind: Boilerplate, Rule: "bp.copyright"}, {Kind: Speculation, Rule: "spec.hedge"}, {Kind: OffTopic, Rule: ruleOTParagraph}},
	}
	cases := []struct {
		name  string
		in    ReliabilityInput
		value map[string]float64 // expected value per deduction rule
	}{
		{"scores only, off-topic counted beyond boilerplate", ReliabilityInput{Scores: scores, Claims: 2, AttributedClaims: 2}, map[string]float64{
			"rel.boilerplate": 0.2, "rel.off-topic": 0.05, "rel.speculation": 0.5, "rel.rewrite": 0,
			"rel.conflict-lost": 0, "rel.unbacked": 0, "rel.unattributed": 0}},
		{"two conflicts lost, a third of claims unbacked", ReliabilityInput{ConflictsLost: []string{"date", "quote"}, Claims: 9, UnbackedClaims: 3, AttributedClaims: 9}, map[string]float64{
			"rel.conflict-lost": 0.75, "rel.unbacked": 1.0 / 3, "rel.unattributed": 0}},
		{"inputs out of range are clamped", ReliabilityInput{Rewrite: 1.5, Claims: 4, UnbackedClaims: 9, AttributedClaims: -2}, map[string]float64{
			"rel.rewrite": 1, "rel.unbacked": 1, "rel.unattributed": 1}},
		{"no checkable claim: nothing backed, nothing to attribute", ReliabilityInput{Claims: 0, UnbackedClaims: 3}, map[string]float64{
			"rel.unbacked": 1, "rel.unattributed": 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			score, deds := sc.Reliability(c.in)
			require.Len(t, deds, 7)
			require.Len(t, score.Components, 7)
			total := 0.0
			for i, d := range deds {
				if v, ok := c.value[d.Rule]; ok {
					assert.InDelta(t, v, d.Value, 1e-12, d.Rule)
				}
				assert.InDelta(t, w(d.Rule), d.Weight, 1e-12)
				assert.InDelta(t, d.Weight*d.Value, d.Amount, 1e-12)
				assert.NotEmpty(t, d.Reason)
				assert.Equal(t, d.Rule, score.Components[i].Name)
				total += d.Amount
			}
			assert.InDelta(t, clamp01(1-total), score.Value, 1e-12)
		})
	}
	_, deds := sc.Reliability(ReliabilityInput{Scores: scores, ConflictsLost: []string{"signing date"}})
	assert.Equal(t, []int{0}, deds[0].Findings, "boilerplate deduction cites the boilerplate findings")
	assert.Equal(t, []int{2}, deds[1].Findings)
	assert.Equal(t, []int{1}, deds[2].Findings)
	assert.Contains(t, deds[4].Reason, "signing date")

	worst, _ := sc.Reliability(ReliabilityInput{Scores: ArticleScores{Boilerplate: Score{Value: 1}, OffTopic: Score{Value: 1}, Speculation: Score{Value: 1}},
		Rewrite: 1, ConflictsLost: make([]string, 20), Claims: 1, UnbackedClaims: 1})
	assert.Zero(t, worst.Value, "deductions past 1 clamp to 0")
}

// A line two articles share counts as repeated boilerplate only when they
// are different sources: a copy shares its source's lines.
func TestRepeatedLinesCountSources(t *testing.T) {
	sc := newScorer(t)
	a := "The city council approved the new budget on Tuesday.\nRoad repairs will get four million dollars.\nProduced by the metro desk in partnership with our readers.\n"
	b := "Council members passed the spending plan after a long debate.\nThe mayor said repairs would begin in June.\nProduced by the metro desk in partnership with our readers.\n"
	repeated := func(srcA, srcB string) int {
		res, err := sc.ScoreBatch(context.Background(), []Input{
			{ID: "a", Doc: text.Parse(a), Source: srcA},
			{ID: "b", Doc: text.Parse(b), Source: srcB},
		}, 1)
		require.NoError(t, err)
		n := 0
		for _, r := range res {
			for _, f := range r.Findings {
				if f.Rule == ruleBPRepeatedLine {
					n++
				}
			}
		}
		return n
	}
	assert.Equal(t, 2, repeated("", ""), "independent articles: the shared line is boilerplate in both")
	assert.Equal(t, 2, repeated("x", "y"), "two named sources")
	assert.Equal(t, 0, repeated("c1", "c1"), "one source: the line is copied with the story")
}
