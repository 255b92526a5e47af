package gate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

func sample() *report.Report {
	return &report.Report{
		Articles: []report.Article{
			{ID: "a", Scores: map[string]float64{"boilerplate": 0.05, "reliability": 0.9, "speculation": 0.5}},
			{ID: "b", Scores: map[string]float64{"boilerplate": 0.4, "reliability": 0.55, "speculation": 0.7}},
		},
		Duplicates: []report.Duplicate{{Original: "a", Rewrite: "b"}},
		Conflicts: []report.Conflict{{Kind: "date", Summary: "Signing day: 'Wednesday' (b) vs 'January 29' (a)",
			Sides: []report.Side{{Articles: []string{"b"}}, {Articles: []string{"a"}}}, Confidence: 0.85}},
		Errors: []report.InputError{{Input: "x.bin", Error: "binary input"}},
	}
}

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want []Condition
		err  string
	}{
		{"conflict", []Condition{{Text: "conflict", Keyword: "conflict"}}, ""},
		{" rewrite , rejected ", []Condition{{Text: "rewrite", Keyword: "rewrite"}, {Text: "rejected", Keyword: "rejected"}}, ""},
		{"boilerplate>0.3", []Condition{{Text: "boilerplate>0.3", Score: "boilerplate", Op: ">", Threshold: 0.3}}, ""},
		{"reliability <= .6", []Condition{{Text: "reliability <= .6", Score: "reliability", Op: "<=", Threshold: 0.6}}, ""},
		{"", nil, "no condition"},
		{"conflicts", nil, "bad condition"},
		{"tone>0.3", nil, `unknown score "tone"`},
		{"boilerplate>3", nil, "in [0,1]"},
		{"boilerplate=0.3", nil, "bad condition"},
		{"conflict>=0.9", []Condition{{Text: "conflict>=0.9", Keyword: "conflict", Op: ">=", Threshold: 0.9}}, ""},
		{"conflict>1.5", nil, "confidence must be a number in [0,1]"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := Parse(c.in)
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestEvaluate(t *testing.T) {
	cases := []struct {
		cond     string
		fails    bool
		articles []string
		detail   string
	}{
		{"conflict", true, []string{"a", "b"}, "1 conflicts: Signing day"},
		{"conflict>=0.8", true, []string{"a", "b"}, "1 conflicts: Signing day"},
		{"conflict>=0.9", false, nil, ""},
		{"rewrite", true, []string{"a", "b"}, "b rewrites a"},
		{"rejected", true, nil, "x.bin"},
		{"boilerplate>0.3", true, []string{"b"}, "b (0.40)"},
		{"boilerplate>0.5", false, nil, ""},
		{"reliability<0.6", true, []string{"b"}, "b (0.55)"},
		{"speculation>=0.5", true, []string{"a", "b"}, "a (0.50), b (0.70)"},
		{"speculation>0.7", false, nil, ""},
		{"off_topic>0.2", true, nil, "no article has a off_topic score"},
	}
	for _, c := range cases {
		t.Run(c.cond, func(t *testing.T) {
			conds, err := Parse(c.cond)
			require.NoError(t, err)
			fails := Evaluate(sample(), conds)
			if !c.fails {
				assert.Empty(t, fails)
				return
			}
			require.Len(t, fails, 1)
			assert.Equal(t, c.articles, fails[0].Articles)
			assert.Contains(t, fails[0].String(), c.detail)
		})
	}
	clean := &report.Report{Articles: []report.Article{{ID: "a", Scores: map[string]float64{"boilerplate": 0}}}}
	conds, err := Parse("conflict,rewrite,rejected,boilerplate>0.3")
	require.NoError(t, err)
	assert.Empty(t, Evaluate(clean, conds))
}

func TestLoadPolicy(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "policy.yaml")
	require.NoError(t, os.WriteFile(good, []byte("# gates\nfail_on:\n  - conflict\n  - reliability<0.6\n"), 0o644))
	conds, err := LoadPolicy(good)
	require.NoError(t, err)
	require.Len(t, conds, 2)
	assert.Equal(t, "reliability", conds[1].Score)

	for body, want := range map[string]string{
		"fail_on: [conflict]\nfail_off: []\n": "field fail_off not found",
		"fail_on: []\n":                       "lists no condition",
		"fail_on: [tone>0.1]\n":               `unknown score "tone"`,
	} {
		p := filepath.Join(dir, "bad.yaml")
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		_, err := LoadPolicy(p)
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), want)
		assert.Contains(t, err.Error(), p)
	}
}

func TestScoresIsACopy(t *testing.T) {
	s := Scores()
	s[0] = "changed"
	assert.Equal(t, "boilerplate", Scores()[0])
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"conflict", "boilerplate>0.3,rejected", "reliability<=.6", ", ,", "x>>1", "off_topic>1.0000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		conds, err := Parse(list)
		if err != nil {
			require.NotEmpty(t, err.Error())
			return
		}
		require.NotEmpty(t, conds)
		for _, c := range conds {
			require.True(t, c.Keyword != "" || (c.Score != "" && c.Threshold >= 0 && c.Threshold <= 1), "%+v", c)
		}
		// Evaluating never panics, whatever the report.
		Evaluate(&report.Report{Articles: []report.Article{{ID: "a", Scores: map[string]float64{"boilerplate": 0.5}}}}, conds)
	})
}

func FuzzLoadPolicy(f *testing.F) {
	f.Add("fail_on:\n  - conflict\n")
	f.Add("fail_on: [boilerplate>0.3]\nextra: 1\n")
	f.Add("- a\n- b\n")
	f.Fuzz(func(t *testing.T, body string) {
		p := filepath.Join(t.TempDir(), "policy.yaml")
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		conds, err := LoadPolicy(p)
		if err != nil {
			require.Contains(t, err.Error(), p)
			return
		}
		require.NotEmpty(t, conds)
	})
}
