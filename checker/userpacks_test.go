package checker

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// A bad variant of a built-in rule, written as a user pack's rule. ok is
// false when the variant does not apply to the rule.
type variantFunc func(r *ruleset.Rule) (rule map[string]any, ok bool)

// variantClass is one way of getting a rule wrong. When mustReject holds
// for a rule, loading or compiling the variant has to fail.
type variantClass struct {
	name       string
	variant    variantFunc
	mustReject func(r *ruleset.Rule) bool
}

func always(*ruleset.Rule) bool { return true }

// ruleYAML writes r as a user pack writes it, word lists inline.
func ruleYAML(r *ruleset.Rule) map[string]any {
	m := map[string]any{"id": r.ID, "kind": r.Kind, "description": r.Description}
	if r.Message != "" {
		m["message"] = r.Message
	}
	if r.Weight != 0 {
		m["weight"] = r.Weight
	}
	if r.Scope != "" {
		m["scope"] = r.Scope
	}
	if r.Field != "" {
		m["field"] = r.Field
	}
	if len(r.Tags) > 0 {
		m["tags"] = slices.Clone(r.Tags)
	}
	if len(r.Terms) > 0 {
		m["terms"] = slices.Clone(r.Terms)
	}
	if r.CaseSensitive {
		m["case_sensitive"] = true
	}
	if len(r.Patterns) > 0 {
		m["patterns"] = slices.Clone(r.Patterns)
	}
	if len(r.Entries) > 0 {
		m["entries"] = maps.Clone(r.Entries)
	}
	if len(r.Params) > 0 {
		m["params"] = maps.Clone(r.Params)
	}
	return m
}

// ofKind limits a variant to rules of one kind.
func ofKind(kind string, f func(r *ruleset.Rule, m map[string]any)) variantFunc {
	return func(r *ruleset.Rule) (map[string]any, bool) {
		if r.Kind != kind {
			return nil, false
		}
		m := ruleYAML(r)
		f(r, m)
		return m, true
	}
}

// firstKey is the first of a table's keys in sorted order.
func firstKey(r *ruleset.Rule) string { return slices.Sorted(maps.Keys(r.Entries))[0] }

// setParams sets every parameter of a rule's YAML to v.
func setParams(m map[string]any, v float64) {
	if ps, ok := m["params"].(map[string]float64); ok {
		for k := range ps {
			ps[k] = v
		}
	}
}

// scopedPacks are the packs whose lexicon and pattern rules the stages
// apply to a scope they read from the rule.
var scopedPacks = map[string]bool{"metadata": true, "boilerplate": true, "speculation": true}

var variantClasses = []variantClass{
	{name: "disabled", variant: func(r *ruleset.Rule) (map[string]any, bool) {
		return map[string]any{"id": r.ID, "disabled": true}, true
	}},
	{name: "wrong kind", mustReject: always, variant: func(r *ruleset.Rule) (map[string]any, bool) {
		m := map[string]any{"id": r.ID, "description": "a rule of the wrong kind"}
		switch r.Kind {
		case ruleset.KindTable:
			m["kind"], m["terms"] = ruleset.KindLexicon, []string{"zzyzx"}
		default: // a table is read as nothing but a table
			m["kind"], m["entries"] = ruleset.KindTable, map[string]string{"zzyzx": "1"}
		}
		return m, true
	}},
	{name: "no terms", mustReject: always, variant: ofKind(ruleset.KindLexicon, func(_ *ruleset.Rule, m map[string]any) {
		m["terms"] = []string{}
	})},
	{name: "empty term", mustReject: always, variant: ofKind(ruleset.KindLexicon, func(_ *ruleset.Rule, m map[string]any) {
		m["terms"] = []string{""}
	})},
	{name: "blank term added", mustReject: always, variant: ofKind(ruleset.KindLexicon, func(_ *ruleset.Rule, m map[string]any) {
		m["terms"] = append(m["terms"].([]string), "  ")
	})},
	{name: "odd terms", variant: ofKind(ruleset.KindLexicon, func(_ *ruleset.Rule, m map[string]any) {
		m["terms"] = []string{"-", "'s", "é", "a b", "$"}
	})},
	{name: "empty pattern", mustReject: always, variant: ofKind(ruleset.KindPattern, func(_ *ruleset.Rule, m map[string]any) {
		m["patterns"] = []string{""}
	})},
	{name: "pattern matching nothing", mustReject: always, variant: ofKind(ruleset.KindPattern, func(_ *ruleset.Rule, m map[string]any) {
		m["patterns"] = []string{`(?P<value>x*)`}
	})},
	{name: "pattern matching every word", variant: ofKind(ruleset.KindPattern, func(_ *ruleset.Rule, m map[string]any) {
		m["patterns"] = []string{`(?P<value>\S+)`}
	})},
	{name: "blank key", mustReject: always, variant: ofKind(ruleset.KindTable, func(_ *ruleset.Rule, m map[string]any) {
		m["entries"].(map[string]string)["  "] = "1 2"
	})},
	{name: "empty value", variant: ofKind(ruleset.KindTable, func(r *ruleset.Rule, m map[string]any) {
		m["entries"].(map[string]string)[firstKey(r)] = ""
	})},
	{name: "junk values", variant: ofKind(ruleset.KindTable, func(_ *ruleset.Rule, m map[string]any) {
		es := m["entries"].(map[string]string)
		for k := range es {
			es[k] = "-1 x"
		}
	})},
	{name: "keys equal once folded", mustReject: always, variant: ofKind(ruleset.KindTable, func(r *ruleset.Rule, m map[string]any) {
		k := firstKey(r)
		other := strings.ToUpper(k)
		if other == k {
			other = strings.ToLower(k)
		}
		if other == k { // no letters: add a space instead
			other = " " + k
		}
		m["entries"].(map[string]string)[other] = r.Entries[k] + "-other"
	})},
	{name: "zero", variant: ofKind(ruleset.KindWeight, func(_ *ruleset.Rule, m map[string]any) {
		m["weight"] = 0.0
		setParams(m, 0)
	})},
	{name: "negative", variant: ofKind(ruleset.KindWeight, func(_ *ruleset.Rule, m map[string]any) {
		m["weight"] = -1.0
		setParams(m, -1)
	})},
	{name: "no params", variant: ofKind(ruleset.KindWeight, func(_ *ruleset.Rule, m map[string]any) {
		delete(m, "params")
	})},
	{name: "not a number", mustReject: always, variant: ofKind(ruleset.KindWeight, func(_ *ruleset.Rule, m map[string]any) {
		m["weight"] = math.NaN()
	})},
	{
		name: "unknown scope",
		variant: func(r *ruleset.Rule) (map[string]any, bool) {
			if r.Kind != ruleset.KindLexicon && r.Kind != ruleset.KindPattern {
				return nil, false
			}
			m := ruleYAML(r)
			m["scope"] = "frist"
			return m, true
		},
		// bp.html-content is a word list for HTML attributes, not a text rule.
		mustReject: func(r *ruleset.Rule) bool { return scopedPacks[r.Pack] && r.ID != "bp.html-content" },
	},
}

// TestUserPacksNeverPanic overrides every built-in rule with bad variants
// of it in user folders and compiles the whole checker. Each variant must
// either fail to load, with an error naming its file (or, for a disabled
// rule a stage needs, the rule), or give a checker that checks the seed
// batch. The variants of one class that load are then tried together: a
// variant the checker rejects is taken out and the rest tried again.
func TestUserPacksNeverPanic(t *testing.T) {
	arts, rejected, err := LoadPaths([]string{filepath.Join("..", seedBatch)}, nil, LoadOptions{})
	require.NoError(t, err)
	require.Empty(t, rejected)
	base := ruleset.MustDefault()
	for _, class := range variantClasses {
		t.Run(class.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			var variants []userRule
			for _, r := range base.Rules() {
				v, ok := class.variant(r)
				if !ok {
					continue
				}
				u := userRule{rule: r, dir: filepath.Join(root, r.ID)}
				u.file = filepath.Join(u.dir, r.ID+".yaml")
				data, err := yaml.Marshal(map[string]any{"pack": r.Pack, "rules": []any{v}})
				require.NoError(t, err)
				require.NoError(t, os.Mkdir(u.dir, 0o755))
				require.NoError(t, os.WriteFile(u.file, data, 0o644))
				variants = append(variants, u)
			}
			require.NotEmpty(t, variants)
			acc := checkVariants(t, variants, arts, class.name == "disabled")
			for _, u := range acc {
				if class.mustReject != nil {
					assert.False(t, class.mustReject(u.rule), "%s: %s was accepted", class.name, u.file)
				}
			}
		})
	}
}

// userRule is a variant of a built-in rule, alone in a user folder.
type userRule struct {
	rule      *ruleset.Rule
	dir, file string
}

// checkVariants loads each variant on its own, requiring that an error
// names its file; then it compiles checkers with the variants that loaded,
// a few at a time and then all together, taking out each variant an error
// names, and checks the batch with the rest. It returns the variants the
// last checker was built with.
func checkVariants(t *testing.T, variants []userRule, arts []Article, disabled bool) []userRule {
	t.Helper()
	var loaded []userRule
	for _, u := range variants {
		err := noPanic(func() error { _, err := ruleset.Load(u.dir); return err })
		requireNotPanicked(t, err, "loading %s", u.file)
		if err == nil {
			loaded = append(loaded, u)
			continue
		}
		assert.Contains(t, err.Error(), u.file+":", "the error does not name the file")
	}
	// Small groups first: each rejection reloads the group, not every
	// variant.
	const group = 16
	var left []userRule
	for i := 0; i < len(loaded); i += group {
		kept, _ := compileVariants(t, loaded[i:min(i+group, len(loaded))], disabled)
		left = append(left, kept...)
	}
	left, c := compileVariants(t, left, disabled)
	if len(left) == 0 {
		return nil // the built-in rules, which other tests check
	}
	if err := checkBatch(c, arts); err != nil {
		// Name the variants that fail on their own.
		for _, u := range left {
			if err := noPanic(func() error {
				c, err := compileWith([]userRule{u})
				if err != nil {
					return err
				}
				return checkBatch(c, arts)
			}); err != nil {
				t.Errorf("%s: %v", u.file, err)
			}
		}
		require.NoError(t, err, "checking the seed batch with %s", describe(left))
	}
	return left
}

// compileVariants compiles a checker with the variants, taking out each
// variant an error names (by its file or, for disabled rules, by its id)
// until one compiles. It returns the variants left and the checker.
func compileVariants(t *testing.T, left []userRule, disabled bool) ([]userRule, *Checker) {
	t.Helper()
	for {
		var c *Checker
		err := noPanic(func() error {
			var err error
			c, err = compileWith(left)
			return err
		})
		requireNotPanicked(t, err, "compiling a checker with %s", describe(left))
		if err == nil {
			return left, c
		}
		var kept []userRule
		for _, u := range left {
			if !strings.Contains(err.Error(), u.file+":") && !(disabled && mentionsID(err.Error(), u.rule.ID)) {
				kept = append(kept, u)
			}
		}
		require.Less(t, len(kept), len(left), "the error names none of %s: %v", describe(left), err)
		left = kept
	}
}

// compileWith loads the variants' folders over the built-in rules and
// compiles a checker.
func compileWith(variants []userRule) (*Checker, error) {
	dirs := make([]string, len(variants))
	for i, u := range variants {
		dirs[i] = u.dir
	}
	set, err := ruleset.Load(dirs...)
	if err != nil {
		return nil, err
	}
	return New(set)
}

// checkBatch checks arts with c and writes the report, returning any
// error or panic.
func checkBatch(c *Checker, arts []Article) error {
	return noPanic(func() error {
		rep, err := c.Check(context.Background(), arts, Options{})
		if err != nil {
			return err
		}
		for _, a := range rep.Articles {
			if err := spansError(a); err != nil {
				return err
			}
		}
		return rep.WriteJSON(io.Discard)
	})
}

// spansError reports the first span of a that is out of range or splits
// a rune.
func spansError(a report.Article) error {
	spans := []report.Span{}
	for _, p := range a.Paragraphs {
		spans = append(spans, p.Span)
	}
	for _, s := range a.Sentences {
		spans = append(spans, s.Span)
	}
	for _, in := range a.Inferred {
		spans = append(spans, in.Span)
	}
	for _, f := range a.Findings {
		spans = append(spans, f.Span)
	}
	for _, s := range spans {
		if s.Start < 0 || s.Start > s.End || s.End > len(a.Text) || !utf8.ValidString(a.Text[s.Start:s.End]) {
			return fmt.Errorf("%s: span %v is out of range or splits a rune", a.ID, s)
		}
	}
	return nil
}

func describe(variants []userRule) string {
	ids := make([]string, len(variants))
	for i, u := range variants {
		ids[i] = u.rule.ID
	}
	return fmt.Sprintf("%d variants (%s)", len(ids), strings.Join(ids, ", "))
}

// requireNotPanicked stops the test when err is a caught panic.
func requireNotPanicked(t *testing.T, err error, msgAndArgs ...any) {
	t.Helper()
	var panicked *panicError
	require.NotErrorAs(t, err, &panicked, msgAndArgs...)
}

// panicError is a panic caught by noPanic.
type panicError struct {
	value any
	stack []byte
}

func (p *panicError) Error() string { return fmt.Sprintf("panic: %v\n%s", p.value, p.stack) }

// noPanic runs f and returns its error, or the panic it raised as a
// *panicError.
func noPanic(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &panicError{value: v, stack: debug.Stack()}
		}
	}()
	return f()
}

// mentionsID reports whether msg names the rule id as a whole word.
func mentionsID(msg, id string) bool {
	idChar := func(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' }
	for i := 0; ; {
		j := strings.Index(msg[i:], id)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(id)
		before := start == 0 || !idChar(msg[start-1])
		after := end == len(msg) || !idChar(msg[end]) || msg[end] == '.' && (end+1 == len(msg) || !idChar(msg[end+1]))
		if before && after {
			return true
		}
		i = start + 1
	}
}
