package claims

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// ruleCase is one case of a rule's test data (testdata/rules/<id>.yaml):
// a batch of articles, and what the rule must make of it.
type ruleCase struct {
	Name     string   `yaml:"name"`
	Articles []string `yaml:"articles"`
	// Claims are claims that must be read, found by their text, with the
	// parts of their fact frame given.
	Claims []struct {
		Text string            `yaml:"text"`
		Slot string            `yaml:"slot"`
		Fact map[string]string `yaml:"fact"`
	} `yaml:"claims"`
	// NoClaims are words no claim (of the kind given, when one is) may be
	// read from: no such claim's text contains them, nor lies inside them.
	NoClaims []struct {
		Text string `yaml:"text"`
		Kind string `yaml:"kind"`
	} `yaml:"no_claims"`
	// Conflicts, Differences and Disagreements (both together), when set,
	// are how many the batch must give.
	Conflicts     *int `yaml:"conflicts"`
	Differences   *int `yaml:"differences"`
	Disagreements *int `yaml:"disagreements"`
	// Reasons, when set, must all be among the reasons of the batch's
	// first disagreement; Absent must not be.
	Reasons []string `yaml:"reasons"`
	Absent  []string `yaml:"absent"`
	// Of, when set, weighs the first disagreement of that kind ("number")
	// for Reasons and Absent instead of the batch's first.
	Of string `yaml:"of"`
	// OneCluster puts every article in one rewrite cluster, as the rewrite
	// stage does for a copy and its source.
	OneCluster bool `yaml:"one_cluster"`
	// Clusters, when set, gives each article's rewrite cluster, for
	// batches where only some articles copy others.
	Clusters []int `yaml:"clusters"`
	// Event, when set, is the batch's main event verb (Event.Verb).
	Event string `yaml:"event"`
}

type ruleData struct {
	Rule  string     `yaml:"rule"`
	Cases []ruleCase `yaml:"cases"`
}

// TestRuleData runs every rule's own test data, as staticcheck keeps test
// data per analyzer: each file names one rule of the claims or confidence
// packs and gives small batches with what the rule must make of them.
func TestRuleData(t *testing.T) {
	x := testExtractor(t)
	set := ruleset.MustDefault()
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		var rd ruleData
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		require.NoError(t, dec.Decode(&rd), file)
		require.Equal(t, strings.TrimSuffix(filepath.Base(file), ".yaml"), rd.Rule, "%s names its rule", file)
		require.NotNil(t, set.Rule(rd.Rule), "%s: no rule %s", file, rd.Rule)
		require.NotEmpty(t, rd.Cases, file)
		for _, tc := range rd.Cases {
			t.Run(rd.Rule+"/"+tc.Name, func(t *testing.T) {
				runRuleCase(t, x, tc)
			})
		}
	}
}

func runRuleCase(t *testing.T, x *Extractor, tc ruleCase) {
	batch := batchOf(tc.Articles...)
	cs, ev := x.ExtractBatch(batch)
	if tc.Event != "" {
		assert.Equal(t, tc.Event, ev.Verb, "main event")
	}
	var cluster []int
	if tc.OneCluster {
		cluster = make([]int, len(batch))
	}
	if tc.Clusters != nil {
		require.Len(t, tc.Clusters, len(batch), "one cluster per article")
		cluster = tc.Clusters
	}
	cmp := x.Compare(batch, cs, cluster)
	for _, want := range tc.Claims {
		var found *Claim
		for i := range cs {
			if batch[cs[i].Article].Doc.Slice(cs[i].Span) == want.Text || cs[i].Value == want.Text {
				found = &cs[i]
				break
			}
		}
		require.NotNil(t, found, "no claim reads %q\n%s", want.Text, dump(batch, cs, cmp))
		if want.Slot != "" {
			assert.Equal(t, want.Slot, found.Slot, "slot of %q", want.Text)
		}
		got := map[string]string{
			"subject": found.Fact.Subject, "measure": found.Fact.Measure, "predicate": found.Fact.Predicate,
			"time": found.Fact.Time, "reference": found.Fact.Reference, "change": found.Fact.Change,
			"modality": found.Fact.Modality, "source": found.Fact.Source,
		}
		for k, v := range want.Fact {
			_, known := got[k]
			require.True(t, known, "unknown frame field %q", k)
			assert.Equal(t, v, got[k], "%s of %q\n%s", k, want.Text, dump(batch, cs, cmp))
		}
	}
	for _, no := range tc.NoClaims {
		for i := range cs {
			if no.Kind != "" && cs[i].Kind != no.Kind {
				continue
			}
			got := batch[cs[i].Article].Doc.Slice(cs[i].Span)
			assert.False(t, strings.Contains(got, no.Text) || strings.Contains(no.Text, got), "%s claim %q read from %q\n%s", cs[i].Kind, got, no.Text, dump(batch, cs, cmp))
		}
	}
	all := append(append([]Conflict(nil), cmp.Conflicts...), cmp.Differences...)
	if tc.Conflicts != nil {
		assert.Len(t, cmp.Conflicts, *tc.Conflicts, dump(batch, cs, cmp))
	}
	if tc.Differences != nil {
		assert.Len(t, cmp.Differences, *tc.Differences, dump(batch, cs, cmp))
	}
	if tc.Disagreements != nil {
		assert.Len(t, all, *tc.Disagreements, dump(batch, cs, cmp))
	}
	if len(tc.Reasons) > 0 || len(tc.Absent) > 0 {
		if tc.Of != "" {
			all = slices.DeleteFunc(all, func(cf Conflict) bool { return cf.Kind != tc.Of })
		}
		require.NotEmpty(t, all, dump(batch, cs, cmp))
		var rules []string
		for _, r := range all[0].Reasons {
			rules = append(rules, r.Rule)
		}
		sort.Strings(rules)
		for _, r := range tc.Reasons {
			assert.Contains(t, rules, r, "reasons of %s\n%s", all[0].Summary, dump(batch, cs, cmp))
		}
		for _, r := range tc.Absent {
			assert.NotContains(t, rules, r, "reasons of %s\n%s", all[0].Summary, dump(batch, cs, cmp))
		}
	}
}

// TestIssueProbes runs the probes of issue 10 (testdata/probes.yaml): one
// small batch for each way the comparator used to go wrong on text it had
// not seen, with the answer it must give.
func TestIssueProbes(t *testing.T) {
	x := testExtractor(t)
	raw, err := os.ReadFile(filepath.Join("testdata", "probes.yaml"))
	require.NoError(t, err)
	var probes struct {
		Cases []ruleCase `yaml:"cases"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	require.NoError(t, dec.Decode(&probes))
	require.NotEmpty(t, probes.Cases)
	for _, tc := range probes.Cases {
		t.Run(tc.Name, func(t *testing.T) { runRuleCase(t, x, tc) })
	}
}
