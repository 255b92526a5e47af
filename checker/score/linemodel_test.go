package score

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// articleWith builds a small article: a headline, two story paragraphs,
// then extra (one paragraph per line) either between them (middle) or
// after them.
func articleWith(extra []string, middle bool) string {
	parts := []string{testTitle, testContent1}
	if middle {
		parts = append(parts, extra...)
		parts = append(parts, testContent2)
	} else {
		parts = append(parts, testContent2)
		parts = append(parts, extra...)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// modelFeatures scores body alone and returns the line model's features of
// the paragraph holding line, by name, and whether it ended up boilerplate.
func modelFeatures(t *testing.T, sc *Scorer, body, line string) (map[string]bool, bool, []Finding) {
	t.Helper()
	in := inputOf("t", body)
	var rows [][]float64
	sc.lineSink = func(_ int, r [][]float64) { rows = r }
	defer func() { sc.lineSink = nil }()
	res := scoreAll(t, sc, []Input{in})[0]
	start := strings.Index(body, line)
	require.GreaterOrEqual(t, start, 0)
	si := in.Doc.SentenceAt(start)
	require.GreaterOrEqual(t, si, 0)
	pi := in.Doc.Sentences[si].Paragraph
	require.NotNil(t, rows)
	on := map[string]bool{}
	for j, v := range rows[pi] {
		if v != 0 {
			on[lineFeatureNames[j]] = true
		}
	}
	var findings []Finding
	for _, f := range res.Findings {
		if f.Span.Start >= start && f.Span.End <= start+len(line) {
			findings = append(findings, f)
		}
	}
	return on, res.BoilerplateParagraphs[pi], findings
}

// TestLineModelRules is each model rule's own test data: a line in a small
// article, the feature its word list (or shape) must switch on, and whether
// the model must flag the line.
func TestLineModelRules(t *testing.T) {
	sc := newScorer(t)
	cases := []struct {
		rule    string
		extra   []string // paragraphs added to the article
		middle  bool     // between the story paragraphs, else after them
		line    string   // the paragraph under test
		feature string
		flagged bool
	}{
		{rule: "bp.model-prompt-verbs", extra: []string{"Download the Riverton Daily app for alerts on the go"},
			line: "Download the Riverton Daily app for alerts on the go", feature: "prompt_verb_first", flagged: true},
		{rule: "bp.model-list-headings", extra: []string{"More From World", "Harbour tunnel reopens after repairs", "Storm warning for coastal towns"},
			line: "Storm warning for coastal towns", feature: "under_list_heading", flagged: true},
		{rule: "bp.model-list-headings", extra: []string{"Trending"}, line: "Trending", feature: "list_heading", flagged: true},
		{rule: "bp.model-credit-words", extra: []string{"Buses wait at the central depot. Photo: Lena Brandt"}, middle: true,
			line: "Buses wait at the central depot. Photo: Lena Brandt", feature: "credit_words", flagged: true},
		{rule: "bp.model-date-words", extra: []string{"Updated: Jul 14, 2026, 12:05 PM"}, middle: true,
			line: "Updated: Jul 14, 2026, 12:05 PM", feature: "date_words", flagged: true},
		{rule: "bp.model-reader-words", extra: []string{"Get breaking transit news in your inbox"},
			line: "Get breaking transit news in your inbox", feature: "reader_words", flagged: true},
		{rule: "bp.model-release-headings", extra: []string{"Media contact:", "Jane Roe, Riverton Transit", "press@riverton.example"},
			line: "Jane Roe, Riverton Transit", feature: "under_release_heading", flagged: true},
		{rule: "bp.model-release-headings", extra: []string{"About Riverton Transit", "Riverton Transit is the public operator of buses and trams in the Riverton region, carrying 40 million passengers a year."},
			line: "Riverton Transit is the public operator", feature: "is_a_definition", flagged: true},
		{rule: "bp.model-release-headings", extra: []string{"Forward-looking statements", "This release contains statements about the plan's future costs that involve risks and uncertainties beyond the operator's control."},
			line: "Forward-looking statements", feature: "release_heading", flagged: true},
		{rule: "bp.model-first-person-words", extra: []string{"In my view, the plan is the best news riders have had in years."},
			line: "In my view, the plan is the best news riders have had in years.", feature: "first_person", flagged: false},
		{rule: "bp.line-model", extra: []string{"About Riverton Transit", "Riverton Transit runs the buses and trams of the region.", "###"},
			line: "###", feature: "symbols_only", flagged: true},
		{rule: "bp.line-model", extra: []string{"The new routes and their cost"}, middle: true,
			line: "The new routes and their cost", feature: "between_long", flagged: false},
		{rule: "bp.line-model", extra: []string{"Riders welcomed the decision."},
			line: "Riders welcomed the decision.", feature: "tail_region", flagged: false},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.line, func(t *testing.T) {
			on, flagged, findings := modelFeatures(t, sc, articleWith(c.extra, c.middle), c.line)
			assert.True(t, on[c.feature], "feature %s should be on; on: %v", c.feature, on)
			assert.Equal(t, c.flagged, flagged, "findings %v", findings)
		})
	}
}

// TestLineModelFindingSaysWhy: a line only the model flags carries a
// finding of bp.line-model naming its probability and features.
func TestLineModelFindingSaysWhy(t *testing.T) {
	sc := newScorer(t)
	line := "Download the Riverton Daily app for alerts on the go"
	_, flagged, findings := modelFeatures(t, sc, articleWith([]string{line}, false), line)
	require.True(t, flagged)
	var msgs []string
	for _, f := range findings {
		if f.Rule == ruleBPLineModel {
			msgs = append(msgs, f.Message)
		}
	}
	require.Len(t, msgs, 1)
	assert.Contains(t, msgs[0], "probability")
	assert.Contains(t, msgs[0], "prompt verb first")
}

// TestLineModelPackErrors: a user pack that breaks the model is refused
// with the file, the rule and the reason.
func TestLineModelPackErrors(t *testing.T) {
	pack := func(entries, params string) string {
		return fmt.Sprintf(`pack: boilerplate
language: en
rules:
  - id: bp.line-model
    kind: table
    weight: 0.9
    description: t
    params: {%s}
    entries: {%s}
`, params, entries)
	}
	good := "min_probability: 0.5, min_probability_sentence: 0.8, sentence_words: 4, sentence_words_unpunctuated: 16, long_words: 15"
	cases := []struct {
		name, pack, want string
	}{
		{"unknown feature", pack(`bias: "-1", shoe_size: "2"`, good), `unknown feature "shoe_size"`},
		{"not a number", pack(`bias: "many"`, good), `"many" is not a number`},
		{"missing param", pack(`bias: "-1"`, "min_probability: 0.5"), "missing params.min_probability_sentence"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "model.yaml"), []byte(c.pack), 0o644))
			set, err := ruleset.Load(dir)
			require.NoError(t, err)
			_, err = NewScorer(set)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), "model.yaml")
		})
	}
}

// TestReleaseHeadings: a release heading is the whole line, a line ending
// in a colon or a capitalised opening; a story sentence that opens with one
// of its words is not.
func TestReleaseHeadings(t *testing.T) {
	m, err := compileLineModel(ruleset.MustDefault().Pack("boilerplate"), ruleBPLineModel)
	require.NoError(t, err)
	for line, want := range map[string]bool{
		"Forward-looking statements":         true,
		"Media contact:":                     true,
		"SOURCE Norvale Airlines Inc.":       true,
		"About Riverton Transit":             true,
		"Source of the fire remains unknown": false,
		"About half the riders agreed":       false,
		"Contact tracing began on Monday":    false,
	} {
		words := len(strings.Fields(line))
		sh := lineShape{words: words, punctuated: endsLikeSentence(line)}
		assert.Equal(t, want, m.isReleaseHeading(line, sh), line)
	}
}

func TestLineShapeHelpers(t *testing.T) {
	assert.True(t, labelColon("Also Read: Harbour tunnel reopens"))
	assert.False(t, labelColon(`At 10:30 the council met`))
	assert.False(t, labelColon(`"We are ready": the mayor`))
	assert.True(t, endsWithLoneLetter("However, he had sympathy for S"))
	assert.True(t, endsWithLoneLetter("T"))
	assert.False(t, endsWithLoneLetter("It was a"))
	assert.False(t, endsWithLoneLetter("Plan B."))
	assert.True(t, symbolsOnly("###"))
	assert.True(t, symbolsOnly("-30-"))
	assert.False(t, symbolsOnly("ENDS"))
	assert.True(t, hasClockTime("Tue 10 Mar 2026 at 19:30"))
	assert.False(t, hasClockTime("won 3-1 on Sunday"))
	assert.True(t, isADefinition("Riverton Transit is the public operator of buses."))
	assert.False(t, isADefinition("The plan is a good one, riders said."))
}

// TestLineModelHTMLFeatures: on an HTML page the HTML model runs, with the
// page's hints as features.
func TestLineModelHTMLFeatures(t *testing.T) {
	l, err := ingest.NewLoader(ingest.Options{})
	require.NoError(t, err)
	a, err := l.ParseArticle("page", "page.html", ingest.FormatHTML, []byte(testPage))
	require.NoError(t, err)
	in := Input{ID: a.ID, Doc: text.Parse(a.Text), Title: a.Title, Blocks: a.Blocks}
	sc := newScorer(t)
	require.NotNil(t, sc.bp.modelHTML)
	var rows [][]float64
	sc.lineSink = func(_ int, r [][]float64) { rows = r }
	scoreAll(t, sc, []Input{in})
	require.Len(t, rows, len(in.Doc.Paragraphs))
	on := func(pi int, name string) bool { return rows[pi][lineFeatureIndex[name]] != 0 }
	seen := map[string]bool{}
	for pi, p := range in.Doc.Paragraphs {
		switch s := in.Doc.Slice(p.Span); {
		case strings.Contains(s, "Local bakery wins"):
			seen["link"] = true
			assert.True(t, on(pi, "link_dense"), s)
			assert.True(t, on(pi, "html_furniture"), s)
		case strings.HasPrefix(s, "The city council voted"):
			seen["story"] = true
			assert.False(t, on(pi, "link_dense"), s)
			assert.False(t, on(pi, "outside_main"), s)
		}
	}
	assert.True(t, seen["link"] && seen["story"])
}
