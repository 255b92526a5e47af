package ingest

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// Inference records a metadata field read off an article's text, with the
// rule that read it and the text it was read from.
type Inference struct {
	Field string
	Value string
	Rule  string
	// Span is the evidence: the text the value was read from.
	Span text.Span
}

// metadataFields maps the group names that metadata rules use to fields.
var metadataFields = map[string]string{
	"title": "title", "outlet": "outlet", "byline": "byline", "place": "dateline", "published": "published",
}

// leadParagraphs is how many opening paragraphs the "lead" scope covers.
const leadParagraphs = 4

// CheckMetadataRules checks the "metadata" pack of set, if it has one, as
// InferMetadata reads it: every rule must be a pattern rule and its scope
// first, lead, any or unset (any). The error names the rule's file and
// line.
func CheckMetadataRules(set *ruleset.Set) error {
	pack := set.Pack("metadata")
	if pack == nil {
		return nil
	}
	for _, r := range pack.Rules {
		if err := r.CheckKind(ruleset.KindPattern); err != nil {
			return err
		}
		if _, ok := scopeParagraphs(r.Scope, nil); !ok {
			return fmt.Errorf("%s: rule %q: scope %q: want first, lead or any", r.Source, r.ID, r.Scope)
		}
	}
	return nil
}

// scopeParagraphs returns the paragraphs a rule of the given scope looks
// at, and false for a scope it does not know.
func scopeParagraphs(scope string, paras []text.Paragraph) ([]text.Paragraph, bool) {
	switch scope {
	case "first":
		return paras[:min(1, len(paras))], true
	case "lead":
		return paras[:min(leadParagraphs, len(paras))], true
	case "any", "":
		return paras, true
	}
	return nil, false
}

// InferMetadata fills the article's empty metadata fields from its text,
// segmented as doc, using the pattern rules of the "metadata" pack of set,
// and records each inference with its evidence. dates reads publication
// dates; when nil, no date is inferred. A rule CheckMetadataRules rejects
// is not used.
func InferMetadata(a *Article, doc *text.Document, set *ruleset.Set, dates *timex.Reader) {
	pack := set.Pack("metadata")
	if pack == nil || len(doc.Paragraphs) == 0 {
		return
	}
	for _, r := range pack.OfKind(ruleset.KindPattern) {
		paras, ok := scopeParagraphs(r.Scope, doc.Paragraphs)
		if !ok {
			continue
		}
		for _, p := range paras {
			ptext := doc.Slice(p.Span)
			for _, m := range r.FindAll(ptext) {
				if _, ok := m.Groups["place"]; ok {
					a.Datelines = append(a.Datelines, text.Span{Start: p.Start + m.Span.Start, End: p.Start + m.Span.End})
				}
				for _, group := range sortedGroups(m.Groups) {
					sp := m.Groups[group]
					field := metadataFields[group]
					if field == "" || a.field(field) != "" || a.inferred(field) {
						continue
					}
					raw := strings.TrimSpace(ptext[sp.Start:sp.End])
					value := normalizeField(field, raw, dates)
					if value == "" || (field == "title" && len(doc.Paragraphs) < 2) {
						continue
					}
					a.setField(field, value)
					a.Inferred = append(a.Inferred, Inference{
						Field: field, Value: value, Rule: r.ID,
						Span: text.Span{Start: p.Start + m.Span.Start, End: p.Start + m.Span.End},
					})
				}
			}
		}
	}
}

func sortedGroups(g map[string]text.Span) []string {
	names := make([]string, 0, len(g))
	for k := range g {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// normalizeField tidies an inferred value: a dateline place in capitals is
// written as a name, a publication date is normalised or dropped.
func normalizeField(field, v string, dates *timex.Reader) string {
	switch field {
	case "dateline":
		return titleCase(v)
	case "published":
		if dates == nil {
			return ""
		}
		d, _, ok := dates.FindAbsolute(v)
		if !ok {
			return ""
		}
		return d.String()
	case "outlet", "byline":
		return strings.TrimRight(v, " .,;:-—–")
	}
	return v
}

// titleCase turns "TALLINN" into "Tallinn" and "NEW YORK" into "New York",
// leaving mixed-case names alone.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func (a *Article) field(name string) string {
	switch name {
	case "title":
		return a.Title
	case "outlet":
		return a.Outlet
	case "url":
		return a.URL
	case "published":
		return a.Published
	case "byline":
		return a.Byline
	case "dateline":
		return a.Dateline
	}
	panic(fmt.Sprintf("unknown metadata field %q", name))
}

func (a *Article) setField(name, v string) {
	switch name {
	case "title":
		a.Title = v
	case "outlet":
		a.Outlet = v
	case "url":
		a.URL = v
	case "published":
		a.Published = v
	case "byline":
		a.Byline = v
	case "dateline":
		a.Dateline = v
	default:
		panic(fmt.Sprintf("unknown metadata field %q", name))
	}
}

func (a *Article) inferred(field string) bool {
	for _, in := range a.Inferred {
		if in.Field == field {
			return true
		}
	}
	return false
}
