package score

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/topic"
)

// The allowance for a paragraph that names no one and shares a word or
// two with its contexts (a reaction within the story) is for short
// paragraphs: a long paragraph of common words at the same relevance is
// spill (a pasted note on energy bills).
func TestNamelessAllowanceIsForShortParagraphs(t *testing.T) {
	ot, _, err := compileOffTopic(ruleset.MustDefault().Pack("offtopic"))
	require.NoError(t, err)
	unsupported := func(n int) []string { return strings.Fields(strings.Repeat("w ", n)) }
	story := topic.Relevance{Value: 0.8, Terms: 20}
	tests := []struct {
		name    string
		para    topic.Relevance
		flagged bool
	}{
		{"one-line reaction, 1 of 11 terms shared", topic.Relevance{Value: 0.33, Terms: 11, Unsupported: unsupported(10)}, false},
		{"pasted note, 2 of 25 terms shared", topic.Relevance{Value: 0.21, Terms: 25, Unsupported: unsupported(23)}, true},
		{"pasted note naming people", topic.Relevance{Value: 0.3, Terms: 12, Unsupported: unsupported(11), UnsupportedNames: 3}, true},
		{"story paragraph", topic.Relevance{Value: 0.75, Terms: 18, Unsupported: unsupported(2)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := text.Parse("One.\nTwo.\nThree.\nFour.\n")
			st := &articleState{doc: doc}
			rel := []topic.Relevance{story, story, story, tc.para}
			_, flags := ot.judge(st, rel, make([]bool, 4), false)
			assert.Equal(t, tc.flagged, flags[3])
			assert.False(t, flags[0])
		})
	}
}
