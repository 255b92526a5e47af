// Package ruleset loads and compiles crosscheck's rule packs.
//
// A pack is a YAML file naming the pack and listing rules; each rule has a
// stable id, a kind that picks how it is compiled, and a description that
// `crosscheck rules` lists. The kinds are:
//
//   - lexicon: a list of words and phrases (inline under terms, or in a
//     plain .txt word list beside the pack), matched on word boundaries and
//     case-insensitively, with quotes, dashes and spaces matched loosely.
//   - pattern: regular expressions (RE2 syntax), matched as written; a named
//     group "value" marks the part a stage should take.
//   - table: a mapping from words to values, such as month names to numbers.
//   - weight: a number a stage uses in a formula, such as a score weight.
//   - claim: a claim extractor coded in Go (a date, a person with a role, a
//     quote…), listed as a rule so that claims can cite it, `crosscheck
//     rules` can describe it and a user pack can disable it.
//
// The built-in packs are embedded from the rules folder; Load adds packs from
// user folders, where a rule with an existing id replaces it, a rule marked
// disabled removes it, and a pack marked replace drops the built-in pack of
// that name. A Set is immutable after loading and safe for concurrent use.
package ruleset

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/rules"
)

// Kinds of rule.
const (
	KindLexicon = "lexicon"
	KindPattern = "pattern"
	KindTable   = "table"
	KindWeight  = "weight"
	KindClaim   = "claim"
)

// Rule is one rule of a pack, as written in YAML plus its compiled form.
type Rule struct {
	// ID is stable and unique across all packs; findings carry it.
	ID string `yaml:"id"`
	// Kind is one of lexicon, pattern, table, weight or claim.
	Kind string `yaml:"kind"`
	// Description says what the rule finds, for `crosscheck rules`.
	Description string `yaml:"description"`
	// Message is the text of a finding the rule produces; stages may fill
	// "{match}" with the matched text.
	Message string `yaml:"message,omitempty"`
	// Weight is the rule's weight in the score it feeds, where it feeds one.
	Weight float64 `yaml:"weight,omitempty"`
	// Scope says what unit a stage applies the rule to (line, sentence,
	// paragraph, text), where the stage offers a choice.
	Scope string `yaml:"scope,omitempty"`
	// Field names what the rule produces: a metadata field, a claim slot.
	Field string `yaml:"field,omitempty"`
	// Tags group rules for the stage that uses them.
	Tags []string `yaml:"tags,omitempty"`
	// Terms are a lexicon's words and phrases.
	Terms []string `yaml:"terms,omitempty"`
	// Lexicon names a plain word list beside the pack file, added to Terms.
	Lexicon string `yaml:"lexicon,omitempty"`
	// CaseSensitive makes a lexicon match case exactly.
	CaseSensitive bool `yaml:"case_sensitive,omitempty"`
	// Patterns are a pattern rule's regular expressions.
	Patterns []string `yaml:"patterns,omitempty"`
	// Entries are a table rule's keys and values.
	Entries map[string]string `yaml:"entries,omitempty"`
	// Params are named numbers a stage reads besides the weight, such as a
	// threshold or a limit, for rules whose formula needs more than one
	// number ("max_words: 6"). Stages say which names they read.
	Params map[string]float64 `yaml:"params,omitempty"`
	// Disabled, in a user pack, removes the rule with this id.
	Disabled bool `yaml:"disabled,omitempty"`

	// Pack is the name of the pack the rule belongs to.
	Pack string `yaml:"-"`
	// Source is "file:line" of the rule's definition.
	Source string `yaml:"-"`

	compiled []*regexp.Regexp
	folded   map[string]string // table entries keyed by folded key
	ready    bool              // compiled; a built-in rule is compiled once and shared
}

// Pack is a named group of rules loaded from one file.
type Pack struct {
	// Name identifies the pack; stages look packs up by name.
	Name string `yaml:"pack"`
	// Language is a BCP 47 tag ("en"); packs of other languages can sit
	// beside the English ones.
	Language string `yaml:"language"`
	// Description says what the pack is for.
	Description string `yaml:"description"`
	// Replace, in a user pack, drops the built-in pack of the same name
	// instead of merging into it.
	Replace bool `yaml:"replace,omitempty"`
	// Rules in file order (user rules that replace built-in ones keep the
	// built-in position).
	Rules []*Rule `yaml:"-"`
	// Source is the file the pack came from (the last one, when merged).
	Source string `yaml:"-"`
}

// Set is a loaded, compiled collection of packs.
type Set struct {
	packs map[string]*Pack
	byID  map[string]*Rule
}

// Match is one match of a lexicon or pattern rule.
type Match struct {
	// Span is what the whole rule matched.
	Span text.Span
	// Value is the span of the group named "value", or Span when the
	// pattern has none.
	Value text.Span
	// Groups holds every named group that took part in the match.
	Groups map[string]text.Span
}

var defaultSet = sync.OnceValues(func() (*Set, error) { return Load() })

// builtin is the set of built-in packs, parsed and compiled once. Load
// starts from a copy of it, so that a call parses and compiles only the
// user's packs; the built-in rules are shared and never changed.
var builtin = sync.OnceValues(func() (*Set, error) {
	s := &Set{packs: map[string]*Pack{}, byID: map[string]*Rule{}}
	if err := s.addFS(rules.FS, "en", "rules/en", false); err != nil {
		return nil, err
	}
	if err := s.compile(); err != nil {
		return nil, err
	}
	return s, nil
})

// clone returns a copy of s whose packs and index can be changed without
// changing s; the rules themselves are shared.
func (s *Set) clone() *Set {
	c := &Set{packs: make(map[string]*Pack, len(s.packs)), byID: make(map[string]*Rule, len(s.byID))}
	for name, p := range s.packs {
		cp := *p
		cp.Rules = append([]*Rule(nil), p.Rules...)
		c.packs[name] = &cp
	}
	for id, r := range s.byID {
		c.byID[id] = r
	}
	return c
}

// Default returns the built-in rule set. It is loaded once and shared.
func Default() (*Set, error) { return defaultSet() }

// MustDefault returns the built-in rule set and panics if it fails to load,
// which only a defect in the embedded files can cause.
func MustDefault() *Set {
	s, err := Default()
	if err != nil {
		panic(err)
	}
	return s
}

// Load builds a rule set from the built-in packs and then each user folder
// in order. Every .yaml and .yml file directly in a folder is a pack; word
// lists they name are read from the same folder. Errors name the file, the
// line and the reason.
func Load(userDirs ...string) (*Set, error) {
	b, err := builtin()
	if err != nil {
		return nil, err
	}
	s := b.clone()
	for _, dir := range userDirs {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("rules folder %s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("rules folder %s: not a folder", dir)
		}
		if err := s.addFS(os.DirFS(dir), ".", dir, true); err != nil {
			return nil, err
		}
	}
	if err := s.compile(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Set) addFS(fsys fs.FS, dir, display string, user bool) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("rules folder %s: %w", display, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		file := path.Join(display, name)
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		pack, err := parsePack(data, file)
		if err != nil {
			return err
		}
		for _, r := range pack.Rules {
			if r.Lexicon == "" {
				continue
			}
			words, err := text.ReadWordList(fsys, path.Join(dir, r.Lexicon))
			if err != nil {
				return fmt.Errorf("%s: rule %s: lexicon %q: %w", r.Source, r.ID, r.Lexicon, errors.Unwrap(err))
			}
			r.Terms = append(r.Terms, words...)
			if len(r.Terms) == 0 {
				return fmt.Errorf("%s: rule %q: lexicon %q: the file lists no terms", r.Source, r.ID, r.Lexicon)
			}
		}
		if err := s.merge(pack, user); err != nil {
			return err
		}
	}
	return nil
}

func (s *Set) merge(p *Pack, user bool) error {
	old, exists := s.packs[p.Name]
	if !exists || p.Replace {
		if exists {
			for _, r := range old.Rules {
				delete(s.byID, r.ID)
			}
		}
		kept := p.Rules[:0]
		for _, r := range p.Rules {
			if r.Disabled {
				continue
			}
			if prev, dup := s.byID[r.ID]; dup {
				return fmt.Errorf("%s: rule id %q is already used by %s", r.Source, r.ID, prev.Source)
			}
			s.byID[r.ID] = r
			kept = append(kept, r)
		}
		p.Rules = kept
		s.packs[p.Name] = p
		return nil
	}
	if !user {
		return fmt.Errorf("%s: pack %q is already defined in %s", p.Source, p.Name, old.Source)
	}
	for _, r := range p.Rules {
		prev, dup := s.byID[r.ID]
		if dup && prev.Pack != p.Name {
			return fmt.Errorf("%s: rule id %q belongs to pack %q, not %q", r.Source, r.ID, prev.Pack, p.Name)
		}
		switch {
		case dup && r.Disabled:
			old.Rules = removeRule(old.Rules, r.ID)
			delete(s.byID, r.ID)
		case dup:
			for i, o := range old.Rules {
				if o.ID == r.ID {
					old.Rules[i] = r
				}
			}
			s.byID[r.ID] = r
		case r.Disabled:
			return fmt.Errorf("%s: cannot disable rule %q: no such rule in pack %q", r.Source, r.ID, p.Name)
		default:
			old.Rules = append(old.Rules, r)
			s.byID[r.ID] = r
		}
	}
	if p.Description != "" {
		old.Description = p.Description
	}
	old.Source = p.Source
	return nil
}

func removeRule(rs []*Rule, id string) []*Rule {
	out := rs[:0]
	for _, r := range rs {
		if r.ID != id {
			out = append(out, r)
		}
	}
	return out
}

// rawPack is the YAML shape of a pack file; rules are decoded one by one so
// that errors can name each rule's line.
type rawPack struct {
	Name        string      `yaml:"pack"`
	Language    string      `yaml:"language"`
	Description string      `yaml:"description"`
	Replace     bool        `yaml:"replace"`
	Rules       []yaml.Node `yaml:"rules"`
}

var ruleFields = func() map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeOf(Rule{})
	for i := range t.NumField() {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			m[tag] = true
		}
	}
	return m
}()

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$`)

func parsePack(data []byte, file string) (*Pack, error) {
	var raw rawPack
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, yamlError(file, err)
	}
	if raw.Name == "" {
		return nil, fmt.Errorf("%s: missing field \"pack\" (the pack's name)", file)
	}
	p := &Pack{Name: raw.Name, Language: raw.Language, Description: raw.Description, Replace: raw.Replace, Source: file}
	if p.Language == "" {
		p.Language = "en"
	}
	for i := range raw.Rules {
		n := &raw.Rules[i]
		where := fmt.Sprintf("%s:%d", file, n.Line)
		if n.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s: a rule must be a mapping of fields", where)
		}
		for k := 0; k+1 < len(n.Content); k += 2 {
			key := n.Content[k]
			if !ruleFields[key.Value] {
				return nil, fmt.Errorf("%s:%d: unknown field %q in rule", file, key.Line, key.Value)
			}
		}
		r := &Rule{}
		if err := n.Decode(r); err != nil {
			return nil, yamlError(file, err)
		}
		r.Pack, r.Source = p.Name, where
		if err := r.validate(); err != nil {
			return nil, fmt.Errorf("%s: rule %q: %w", where, r.ID, err)
		}
		p.Rules = append(p.Rules, r)
	}
	return p, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*?)(?: in type [\w.]+)?$`)

// yamlError rewrites a YAML decoding error as "file:line: reason", one
// reason per problem, without Go type names.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for i, m := range msgs {
		if g := yamlLine.FindStringSubmatch(m); g != nil {
			msgs[i] = fmt.Sprintf("%s:%s: %s", file, g[1], g[2])
		} else {
			msgs[i] = fmt.Sprintf("%s: %s", file, strings.TrimPrefix(m, "yaml: "))
		}
	}
	return errors.New(strings.Join(msgs, "; "))
}

func (r *Rule) validate() error {
	if !idPattern.MatchString(r.ID) {
		return fmt.Errorf("field id: %q is not a valid rule id (lower case words joined by '.' or '-')", r.ID)
	}
	if r.Disabled {
		return nil
	}
	if r.Description == "" {
		return errors.New("field description: missing")
	}
	if math.IsNaN(r.Weight) || math.IsInf(r.Weight, 0) {
		return fmt.Errorf("field weight: %v is not a number", r.Weight)
	}
	for _, name := range slices.Sorted(maps.Keys(r.Params)) {
		if v := r.Params[name]; math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("field params: %s: %v is not a number", name, v)
		}
	}
	switch r.Kind {
	case KindLexicon:
		if len(r.Terms) == 0 && r.Lexicon == "" {
			return errors.New("field terms: a lexicon rule needs terms or a lexicon file")
		}
		for i, t := range r.Terms {
			if strings.TrimSpace(t) == "" {
				return fmt.Errorf("field terms: term %d is blank", i+1)
			}
		}
	case KindPattern:
		if len(r.Patterns) == 0 {
			return errors.New("field patterns: a pattern rule needs at least one pattern")
		}
		for i, p := range r.Patterns {
			re, err := regexp.Compile(p)
			if err != nil {
				return fmt.Errorf("field patterns: %v", err)
			}
			// A pattern that matches nothing at all would match between
			// every two characters of every text.
			if re.MatchString("") {
				return fmt.Errorf("field patterns: pattern %d (%q) matches the empty string", i+1, p)
			}
		}
	case KindTable:
		if len(r.Entries) == 0 {
			return errors.New("field entries: a table rule needs entries")
		}
		if err := checkTableKeys(r.Entries); err != nil {
			return err
		}
	case KindWeight, KindClaim:
	case "":
		return errors.New("field kind: missing (lexicon, pattern, table, weight or claim)")
	default:
		return fmt.Errorf("field kind: unknown kind %q (lexicon, pattern, table, weight or claim)", r.Kind)
	}
	return nil
}

// checkTableKeys rejects a blank key and two keys that are one key once
// folded (case, accents, quote and dash forms, runs of space) but map to
// different values: stages look keys up folded, and which of the two won
// would depend on map order.
func checkTableKeys(entries map[string]string) error {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	byFolded := make(map[string]string, len(keys))
	for _, k := range keys {
		f := foldKey(k)
		if f == "" {
			return fmt.Errorf("field entries: key %q is blank", k)
		}
		if prev, ok := byFolded[f]; ok && entries[prev] != entries[k] {
			return fmt.Errorf("field entries: keys %q and %q are the same once folded but map to %q and %q", prev, k, entries[prev], entries[k])
		}
		byFolded[f] = k
	}
	return nil
}

// foldKey is the form in which table keys are compared for clashes: the
// folded key with its words joined by single spaces, which is what every
// stage's look-up reduces a key to at most.
func foldKey(k string) string { return strings.Join(strings.Fields(text.Fold(k)), " ") }

// compile compiles every rule, packs in name order and rules in pack
// order, so that the first error reported does not depend on map order.
func (s *Set) compile() error {
	for _, p := range s.Packs() {
		for _, r := range p.Rules {
			if r.ready {
				continue
			}
			if err := r.compile(); err != nil {
				return fmt.Errorf("%s: rule %q: %w", r.Source, r.ID, err)
			}
			r.ready = true
		}
	}
	return nil
}

func (r *Rule) compile() error {
	switch r.Kind {
	case KindLexicon:
		re, err := compileLexicon(r.Terms, r.CaseSensitive)
		if err != nil {
			return err
		}
		r.compiled = []*regexp.Regexp{re}
	case KindPattern:
		for _, p := range r.Patterns {
			r.compiled = append(r.compiled, regexp.MustCompile(p)) // validated on parse
		}
	case KindTable:
		r.folded = make(map[string]string, len(r.Entries))
		for k, v := range r.Entries {
			r.folded[text.Fold(k)] = v
		}
	}
	return nil
}

// compileLexicon builds one alternation of all terms. The alternatives are
// sorted longest first because RE2 prefers the earliest alternative that
// matches at a position: "is expected to" must win over "expected".
func compileLexicon(terms []string, caseSensitive bool) (*regexp.Regexp, error) {
	uniq := map[string]bool{}
	var parts []string
	for _, t := range terms {
		t = strings.TrimSpace(t)
		if t == "" || uniq[t] {
			continue
		}
		uniq[t] = true
		parts = append(parts, t)
	}
	sort.Slice(parts, func(i, j int) bool {
		if len(parts[i]) != len(parts[j]) {
			return len(parts[i]) > len(parts[j])
		}
		return parts[i] < parts[j]
	})
	alts := make([]string, len(parts))
	for i, t := range parts {
		alts[i] = termPattern(t)
	}
	flags := "(?i)"
	if caseSensitive {
		flags = ""
	}
	return regexp.Compile(flags + `(?:` + strings.Join(alts, "|") + `)`)
}

// termPattern turns a lexicon term into a regular expression: word
// boundaries where the term starts or ends with a word character, any run of
// space for a space, either apostrophe for an apostrophe and any dash for a
// hyphen.
func termPattern(t string) string {
	var b strings.Builder
	runes := []rune(t)
	if isWordChar(runes[0]) {
		b.WriteString(`\b`)
	}
	for _, r := range runes {
		switch {
		case r == ' ':
			b.WriteString(`\s+`)
		case r == '\'' || r == '’':
			b.WriteString(`['’]`)
		case text.IsDash(r):
			b.WriteString(`[-‐‑‒–—]`)
		case r == '"' || r == '“' || r == '”':
			b.WriteString(`["“”]`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	if isWordChar(runes[len(runes)-1]) {
		b.WriteString(`\b`)
	}
	return b.String()
}

func isWordChar(r rune) bool {
	return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}

// FindAll returns every match of a lexicon or pattern rule in s, in order,
// without overlaps within one pattern. Other kinds match nothing.
func (r *Rule) FindAll(s string) []Match {
	var out []Match
	for _, re := range r.compiled {
		names := re.SubexpNames()
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			m := Match{Span: text.Span{Start: loc[0], End: loc[1]}}
			m.Value = m.Span
			for g := 1; g < len(names); g++ {
				if names[g] == "" || loc[2*g] < 0 {
					continue
				}
				sp := text.Span{Start: loc[2*g], End: loc[2*g+1]}
				if m.Groups == nil {
					m.Groups = map[string]text.Span{}
				}
				m.Groups[names[g]] = sp
				if names[g] == "value" {
					m.Value = sp
				}
			}
			out = append(out, m)
		}
	}
	if len(r.compiled) > 1 {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	}
	return out
}

// MatchString reports whether a lexicon or pattern rule matches anywhere in s.
func (r *Rule) MatchString(s string) bool {
	for _, re := range r.compiled {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// CheckKind returns nil when the rule is of one of the kinds want, and
// otherwise an error naming the rule's source, its id, its kind and the
// kinds wanted. Stages call it on every rule they read by id, so that a
// user pack giving a rule the wrong kind fails to load instead of turning
// the rule's feature off.
func (r *Rule) CheckKind(want ...string) error {
	for _, k := range want {
		if r.Kind == k {
			return nil
		}
	}
	return fmt.Errorf("%s: rule %q: kind %s, but it is read as %s", r.Source, r.ID, r.Kind, kindList(want))
}

// kindList writes kinds as "a table" or "a lexicon or a pattern".
func kindList(kinds []string) string {
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = "a " + k
	}
	return strings.Join(parts, " or ")
}

// Param returns the parameter called name and whether the rule sets it.
func (r *Rule) Param(name string) (float64, bool) {
	v, ok := r.Params[name]
	return v, ok
}

// Lookup returns a table rule's value for key, compared in folded form.
func (r *Rule) Lookup(key string) (string, bool) {
	v, ok := r.folded[text.Fold(key)]
	return v, ok
}

// Regexps returns the rule's compiled expressions (one for a lexicon).
func (r *Rule) Regexps() []*regexp.Regexp { return r.compiled }

// Pack returns the pack with the given name, or nil.
func (s *Set) Pack(name string) *Pack { return s.packs[name] }

// Rule returns the rule with the given id, or nil.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

// Packs returns every pack, sorted by name.
func (s *Set) Packs() []*Pack {
	out := make([]*Pack, 0, len(s.packs))
	for _, p := range s.packs {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Rules returns every rule, sorted by pack and then by id.
func (s *Set) Rules() []*Rule {
	var out []*Rule
	for _, p := range s.Packs() {
		rs := append([]*Rule(nil), p.Rules...)
		sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
		out = append(out, rs...)
	}
	return out
}

// Rule returns the pack's rule with the given id, or nil.
func (p *Pack) Rule(id string) *Rule {
	for _, r := range p.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Tagged returns the pack's rules that carry tag, in pack order.
func (p *Pack) Tagged(tag string) []*Rule {
	var out []*Rule
	for _, r := range p.Rules {
		for _, t := range r.Tags {
			if t == tag {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// OfKind returns the pack's rules of the given kind, in pack order.
func (p *Pack) OfKind(kind string) []*Rule {
	var out []*Rule
	for _, r := range p.Rules {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

// Weight returns the weight of the rule with the given id in the pack, or 0
// when the pack has no such rule (a user may have disabled it).
func (p *Pack) Weight(id string) float64 {
	if p == nil {
		return 0
	}
	if r := p.Rule(id); r != nil {
		return r.Weight
	}
	return 0
}
