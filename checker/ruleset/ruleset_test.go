package ruleset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func TestDefaultLoads(t *testing.T) {
	s, err := Default()
	require.NoError(t, err)
	require.NotNil(t, s.Pack("metadata"))
	require.NotNil(t, s.Pack("dates"))
	ids := map[string]bool{}
	for _, r := range s.Rules() {
		assert.False(t, ids[r.ID], "duplicate id %s", r.ID)
		ids[r.ID] = true
		assert.NotEmpty(t, r.Description, r.ID)
		assert.Regexp(t, `^rules/en/[a-z-]+\.yaml:\d+$`, r.Source)
	}
}

func TestLexiconMatching(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"cues.yaml": `pack: cues
description: test
rules:
  - id: cue.hedge
    kind: lexicon
    description: hedges
    terms: ["expected", "is expected to", "let's", "co-operation", "may"]
`,
	})
	s, err := Load(dir)
	require.NoError(t, err)
	r := s.Rule("cue.hedge")
	require.NotNil(t, r)
	in := "It is expected to grow; let’s see. Cooperation or co–operation? Mayor may."
	var got []string
	for _, m := range r.FindAll(in) {
		got = append(got, m.Span.In(in))
	}
	// Longest alternative wins, curly apostrophes and dash variants match,
	// and "Mayor" is not "may".
	assert.Equal(t, []string{"is expected to", "let’s", "co–operation", "may"}, got)
}

func TestPatternGroups(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"p.yaml": `pack: p
description: test
rules:
  - id: p.money
    kind: pattern
    description: money
    patterns: ['\$(?P<value>\d+(?:\.\d+)?) (?P<unit>billion|million)']
`,
	})
	s, err := Load(dir)
	require.NoError(t, err)
	ms := s.Rule("p.money").FindAll("a $1.2 billion deal and $3 million more")
	require.Len(t, ms, 2)
	assert.Equal(t, "1.2", ms[0].Value.In("a $1.2 billion deal and $3 million more"))
	assert.Equal(t, "billion", ms[0].Groups["unit"].In("a $1.2 billion deal and $3 million more"))
}

func TestTableLookupFolds(t *testing.T) {
	s := MustDefault()
	v, ok := s.Rule("date.months").Lookup("JANUARY")
	assert.True(t, ok)
	assert.Equal(t, "1", v)
}

func TestUserOverrides(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"metadata.yaml": `pack: metadata
rules:
  - id: meta.byline
    kind: pattern
    description: A replaced byline rule.
    patterns: ['^Written by (?P<byline>.+)$']
  - id: meta.author-bio
    disabled: true
  - id: meta.extra
    kind: pattern
    description: An added rule.
    patterns: ['^Source: (?P<outlet>.+)$']
`,
		"mine.yml": `pack: mine
description: A new pack.
rules:
  - id: mine.weight
    kind: weight
    description: a weight
    weight: 0.25
`,
	})
	s, err := Load(dir)
	require.NoError(t, err)
	assert.Equal(t, "A replaced byline rule.", s.Rule("meta.byline").Description)
	assert.Nil(t, s.Rule("meta.author-bio"))
	assert.Nil(t, s.Pack("metadata").Rule("meta.author-bio"))
	assert.NotNil(t, s.Rule("meta.extra"))
	assert.NotNil(t, s.Rule("meta.headline"), "rules not mentioned stay")
	assert.InDelta(t, 0.25, s.Pack("mine").Weight("mine.weight"), 1e-9)
	assert.Equal(t, 0.0, s.Pack("mine").Weight("mine.missing"))

	// The built-in set is untouched by a user load.
	assert.NotNil(t, MustDefault().Rule("meta.author-bio"))
}

func TestReplacePack(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"metadata.yaml": `pack: metadata
replace: true
rules:
  - id: meta.only
    kind: pattern
    description: the only rule
    patterns: ['x']
`,
	})
	s, err := Load(dir)
	require.NoError(t, err)
	assert.Len(t, s.Pack("metadata").Rules, 1)
	assert.Nil(t, s.Rule("meta.byline"))
}

func TestBadRuleFiles(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"unknown top-level key", "pack: x\nrulez: []\n", `bad.yaml:2: field rulez not found`},
		{"unknown rule field", "pack: x\nrules:\n  - id: x.a\n    kind: weight\n    description: d\n    wieght: 1\n", `bad.yaml:6: unknown field "wieght" in rule`},
		{"bad regexp", "pack: x\nrules:\n  - id: x.a\n    kind: pattern\n    description: d\n    patterns: ['(']\n", `bad.yaml:3: rule "x.a": field patterns: error parsing regexp`},
		{"missing kind", "pack: x\nrules:\n  - id: x.a\n    description: d\n", `bad.yaml:3: rule "x.a": field kind: missing`},
		{"unknown kind", "pack: x\nrules:\n  - id: x.a\n    kind: magic\n    description: d\n", `unknown kind "magic"`},
		{"bad id", "pack: x\nrules:\n  - id: Bad_ID\n    kind: weight\n    description: d\n", `field id: "Bad_ID" is not a valid rule id`},
		{"no description", "pack: x\nrules:\n  - id: x.a\n    kind: weight\n", `field description: missing`},
		{"wrong type", "pack: x\nrules:\n  - id: x.a\n    kind: weight\n    description: d\n    weight: heavy\n", "bad.yaml:6: cannot unmarshal !!str `heavy` into float64"},
		{"no pack name", "rules: []\n", `bad.yaml: missing field "pack"`},
		{"missing lexicon file", "pack: x\nrules:\n  - id: x.a\n    kind: lexicon\n    description: d\n    lexicon: nope.txt\n", `bad.yaml:3: rule x.a: lexicon "nope.txt"`},
		{"empty lexicon", "pack: x\nrules:\n  - id: x.a\n    kind: lexicon\n    description: d\n", `needs terms or a lexicon file`},
		{"id taken by another pack", "pack: x\nrules:\n  - id: meta.byline\n    kind: weight\n    description: d\n", `rule id "meta.byline" is already used`},
		{"disable unknown", "pack: metadata\nrules:\n  - id: meta.nothing\n    disabled: true\n", `cannot disable rule "meta.nothing"`},
		{"not yaml", "pack: [\n", `bad.yaml:1: did not find expected node content`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeDir(t, map[string]string{"bad.yaml": c.body})
			_, err := Load(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), filepath.Join(dir, "bad.yaml"))
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestLexiconFileAndMissingDir(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"w.yaml":    "pack: w\nrules:\n  - id: w.words\n    kind: lexicon\n    description: d\n    lexicon: words.txt\n",
		"words.txt": "# comment\nalpha\n\nbeta # trailing comment\n",
	})
	s, err := Load(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"alpha", "beta"}, s.Rule("w.words").Terms)

	_, err = Load(filepath.Join(dir, "nope"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nope")
}

func FuzzParsePack(f *testing.F) {
	f.Add("pack: x\nrules:\n  - id: x.a\n    kind: lexicon\n    description: d\n    terms: [a, b]\n")
	f.Add("pack: x\nrules:\n  - id: x.b\n    kind: pattern\n    description: d\n    patterns: ['(?P<value>a+)']\n")
	f.Add("pack: x\nrules:\n  - {id: x.c, kind: table, description: d, entries: {a: b}}\n")
	f.Fuzz(func(t *testing.T, body string) {
		p, err := parsePack([]byte(body), "f.yaml")
		if err != nil {
			require.Contains(t, err.Error(), "f.yaml")
			return
		}
		for _, r := range p.Rules {
			if r.Disabled || r.Lexicon != "" {
				continue
			}
			require.NoError(t, r.compile())
			for _, m := range r.FindAll("some text to match against, with a and b") {
				require.LessOrEqual(t, m.Span.Start, m.Span.End)
			}
		}
	})
}
