package ingest

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the metadata block a text file may open with, between two
// lines of "---".
type frontMatter struct {
	fields map[string]string
	// bodyStart is the byte offset where the text after the block begins.
	bodyStart int
	// unknown lists keys crosscheck does not use, for a warning.
	unknown []string
}

// frontMatterKeys are the keys crosscheck reads; "author" is taken as the
// byline and "date" as the publication date.
var frontMatterKeys = map[string]string{
	"id": "id", "title": "title", "outlet": "outlet", "source": "outlet", "publisher": "outlet",
	"url": "url", "link": "url", "published": "published", "date": "published",
	"byline": "byline", "author": "byline", "dateline": "dateline",
}

// parseFrontMatter reads a front-matter block at the start of s. ok is false
// when s does not open with one. A block that opens but is not closed, or
// that is not a YAML mapping of plain values, is an error.
func parseFrontMatter(s string) (fm frontMatter, ok bool, err error) {
	first, rest, found := strings.Cut(s, "\n")
	if strings.TrimRight(first, " \t\r") != "---" || !found {
		return fm, false, nil
	}
	offset := len(first) + 1
	block := ""
	closed := false
	for rest != "" {
		line, after, more := strings.Cut(rest, "\n")
		trimmed := strings.TrimRight(line, " \t\r")
		if trimmed == "---" || trimmed == "..." {
			offset += len(line)
			if more {
				offset++
			}
			closed = true
			break
		}
		block += line + "\n"
		offset += len(line) + 1
		rest = after
		if !more {
			break
		}
	}
	if !closed {
		return fm, true, fmt.Errorf("front matter: the opening --- line has no closing --- line")
	}
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(block), &node); err != nil {
		return fm, true, fmt.Errorf("front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	fm.fields = map[string]string{}
	fm.bodyStart = offset
	if node.Kind == 0 {
		return fm, true, nil // an empty block
	}
	if node.Kind != yaml.DocumentNode || len(node.Content) != 1 || node.Content[0].Kind != yaml.MappingNode {
		return fm, true, fmt.Errorf("front matter: expected lines of \"key: value\"")
	}
	m := node.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		field, known := frontMatterKeys[strings.ToLower(k.Value)]
		if !known {
			fm.unknown = append(fm.unknown, k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return fm, true, fmt.Errorf("front matter: line %d: %q must be a single value", k.Line+1, k.Value)
		}
		if _, dup := fm.fields[field]; !dup {
			fm.fields[field] = strings.TrimSpace(v.Value)
		}
	}
	sort.Strings(fm.unknown)
	return fm, true, nil
}
