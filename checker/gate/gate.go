// Package gate evaluates publication gates on a report: conditions such as
// "any conflict", "any rejected input" or "boilerplate>0.3 for any article"
// that a newsroom pipeline fails a batch on.
package gate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

// scoreNames are the per-article scores a condition may test.
var scoreNames = []string{"boilerplate", "off_topic", "speculation", "rewrite", "reliability"}

// Scores returns the names of the per-article scores a condition may test.
func Scores() []string { return append([]string(nil), scoreNames...) }

// Condition is one gate: a keyword (conflict, rewrite, rejected), a score
// test ("speculation>0.5", "reliability<0.6") or a conflict confidence test
// ("conflict>=0.9": only conflicts that sure count).
type Condition struct {
	// Text is the condition as written.
	Text string
	// Keyword is conflict, rewrite or rejected; "" for a score test.
	Keyword string
	// Score, Op and Threshold describe a score test; Op is one of >, >=, <,
	// <=. For the keyword conflict, Op and Threshold, when set, test each
	// conflict's confidence and Score is "".
	Score     string
	Op        string
	Threshold float64
}

// Failure is a condition that holds for a report, with what made it hold.
type Failure struct {
	Condition string
	// Detail says, in one line, which articles or items fail it.
	Detail string
	// Articles are the ids of the articles involved, sorted.
	Articles []string
}

// String formats the failure as one line: "condition: detail".
func (f Failure) String() string { return f.Condition + ": " + f.Detail }

var scoreTest = regexp.MustCompile(`^([a-z_]+)\s*(>=|<=|>|<)\s*([0-9]*\.?[0-9]+)$`)

// Parse reads a comma-separated list of conditions.
func Parse(list string) ([]Condition, error) {
	var out []Condition
	for _, raw := range strings.Split(list, ",") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		c, err := parseOne(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("no condition given")
	}
	return out, nil
}

func parseOne(raw string) (Condition, error) {
	switch raw {
	case "conflict", "rewrite", "rejected":
		return Condition{Text: raw, Keyword: raw}, nil
	}
	m := scoreTest.FindStringSubmatch(raw)
	if m == nil {
		return Condition{}, fmt.Errorf("bad condition %q: use conflict, rewrite, rejected, a conflict confidence test such as conflict>=0.9, or a score test such as boilerplate>0.3", raw)
	}
	if m[1] == "conflict" {
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil || v < 0 || v > 1 {
			return Condition{}, fmt.Errorf("bad condition %q: the confidence must be a number in [0,1]", raw)
		}
		return Condition{Text: raw, Keyword: "conflict", Op: m[2], Threshold: v}, nil
	}
	known := false
	for _, s := range scoreNames {
		known = known || s == m[1]
	}
	if !known {
		return Condition{}, fmt.Errorf("bad condition %q: unknown score %q (one of %s)", raw, m[1], strings.Join(scoreNames, ", "))
	}
	v, err := strconv.ParseFloat(m[3], 64)
	if err != nil || v < 0 || v > 1 {
		return Condition{}, fmt.Errorf("bad condition %q: the threshold must be a number in [0,1]", raw)
	}
	return Condition{Text: raw, Score: m[1], Op: m[2], Threshold: v}, nil
}

// policy is the YAML shape of a policy file.
type policy struct {
	FailOn []string `yaml:"fail_on"`
}

// LoadPolicy reads a policy file: YAML with a fail_on list of conditions.
//
//	# block publication on these
//	fail_on:
//	  - conflict
//	  - reliability<0.6
func LoadPolicy(path string) ([]Condition, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p policy
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(p.FailOn) == 0 {
		return nil, fmt.Errorf("%s: fail_on lists no condition", path)
	}
	var out []Condition
	for _, raw := range p.FailOn {
		c, err := parseOne(strings.TrimSpace(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// Evaluate returns the conditions that hold for the report, in the order
// given. A score test holds when any article's score passes it; it also
// fails when no article carries that score, since a gate that cannot be
// checked must not pass silently.
func Evaluate(r *report.Report, conds []Condition) []Failure {
	var out []Failure
	for _, c := range conds {
		if f, failed := evaluate(r, c); failed {
			out = append(out, f)
		}
	}
	return out
}

func evaluate(r *report.Report, c Condition) (Failure, bool) {
	f := Failure{Condition: c.Text}
	switch c.Keyword {
	case "conflict":
		var hold []report.Conflict
		for _, k := range r.Conflicts {
			if c.Op == "" || compare(k.Confidence, c.Op, c.Threshold) {
				hold = append(hold, k)
			}
		}
		if len(hold) == 0 {
			return f, false
		}
		var parts []string
		ids := map[string]bool{}
		for _, k := range hold {
			parts = append(parts, k.Summary)
			for _, s := range k.Sides {
				for _, a := range s.Articles {
					ids[a] = true
				}
			}
		}
		f.Articles = sorted(ids)
		f.Detail = fmt.Sprintf("%d conflicts: %s", len(hold), strings.Join(parts, "; "))
		return f, true
	case "rewrite":
		if len(r.Duplicates) == 0 {
			return f, false
		}
		var parts []string
		ids := map[string]bool{}
		for _, d := range r.Duplicates {
			parts = append(parts, d.Describe())
			ids[d.Rewrite], ids[d.Original] = true, true
		}
		f.Articles = sorted(ids)
		f.Detail = fmt.Sprintf("%d rewrite pairs: %s", len(r.Duplicates), strings.Join(parts, "; "))
		return f, true
	case "rejected":
		if len(r.Errors) == 0 {
			return f, false
		}
		var parts []string
		for _, e := range r.Errors {
			parts = append(parts, e.Input)
		}
		f.Detail = fmt.Sprintf("%d inputs rejected: %s", len(r.Errors), strings.Join(parts, ", "))
		return f, true
	}
	var hits []string
	scored := 0
	for _, a := range r.Articles {
		v, ok := a.Scores[c.Score]
		if !ok {
			continue
		}
		scored++
		if compare(v, c.Op, c.Threshold) {
			f.Articles = append(f.Articles, a.ID)
			hits = append(hits, fmt.Sprintf("%s (%.2f)", a.ID, v))
		}
	}
	if scored == 0 {
		f.Detail = fmt.Sprintf("no article has a %s score, so the gate cannot be checked", c.Score)
		return f, true
	}
	if len(hits) == 0 {
		return f, false
	}
	sort.Strings(f.Articles)
	f.Detail = strings.Join(hits, ", ")
	return f, true
}

func compare(v float64, op string, t float64) bool {
	switch op {
	case ">":
		return v > t
	case ">=":
		return v >= t
	case "<":
		return v < t
	case "<=":
		return v <= t
	}
	return false
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
