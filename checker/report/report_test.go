package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeFillsListsAndSummary(t *testing.T) {
	r := &Report{
		Articles:   []Article{{ID: "a", Words: 10}, {ID: "b", Words: 5, Findings: []Finding{{Kind: "x"}}}},
		Duplicates: []Duplicate{{Original: "a", Rewrite: "b", Alignment: []AlignedPair{{}}}},
		Clusters:   []Cluster{{ID: "c1", Articles: []string{"a", "b"}}},
		Conflicts:  []Conflict{{Kind: "date", Sides: []Side{{Value: "x"}}}},
		Errors:     []InputError{{Input: "z", Error: "empty input"}},
	}
	r.Normalize()
	assert.Equal(t, SchemaID, r.Schema)
	assert.Equal(t, Summary{Articles: 2, Rejected: 1, Words: 15, Duplicates: 1, Conflicts: 1, Sources: 1, Claims: 0}, r.Summary)
	var buf bytes.Buffer
	require.NoError(t, r.WriteJSON(&buf))
	assert.NotContains(t, buf.String(), "null", "every list and map is written empty, never null")

	// Without clusters, every article is its own source.
	r.Clusters = nil
	r.Normalize()
	assert.Equal(t, 2, r.Summary.Sources)
}

func TestDescribe(t *testing.T) {
	cases := []struct {
		d    Duplicate
		want string
	}{
		{Duplicate{Original: "a", Rewrite: "b", Kind: "rewrite", Direction: "known"}, "b rewrites a"},
		{Duplicate{Original: "a", Rewrite: "b", Kind: "copy", Direction: "known"}, "b copies a"},
		{Duplicate{Original: "a", Rewrite: "b", Kind: "truncated", Direction: "known"}, "b is a truncated copy of a"},
		{Duplicate{Original: "a", Rewrite: "b", Kind: "copy", Direction: "unknown"}, "b copies a (direction unknown"},
	}
	for _, c := range cases {
		assert.True(t, strings.HasPrefix(c.d.Describe(), c.want), "%q", c.d.Describe())
	}
}

func TestWriteJSONKeepsHTMLAndIsStable(t *testing.T) {
	r := &Report{Articles: []Article{{ID: "a", Text: "<b>&</b>", Scores: map[string]float64{"z": 0.5, "a": 0.25}}}}
	r.Normalize()
	var one, two bytes.Buffer
	require.NoError(t, r.WriteJSON(&one))
	require.NoError(t, r.WriteJSON(&two))
	assert.Equal(t, one.String(), two.String())
	assert.Contains(t, one.String(), `"text": "<b>&</b>"`, "HTML is not escaped")
	assert.Less(t, strings.Index(one.String(), `"a": 0.25`), strings.Index(one.String(), `"z": 0.5`), "map keys are sorted")
}
