package score

import (
	"fmt"
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
			_, flags := ot.judge(st, rel, make([]bool, 4), false, func(int) bool { return false })
			assert.Equal(t, tc.flagged, flags[3])
			assert.False(t, flags[0])
		})
	}
}

// TestOtherStoryFurniture is ot.other-story's own test data: a furniture
// line whose words the batch does not use is another story's text, unless
// it speaks to the reader or shares the story's words.
func TestOtherStoryFurniture(t *testing.T) {
	sc := newScorer(t)
	ot := sc.ot
	require.True(t, ot.other.configured)
	unsupported := func(n int) []string { return strings.Fields(strings.Repeat("w ", n)) }
	story := topic.Relevance{Value: 0.8, Terms: 20, Weight: 20, Support: 16}
	tests := []struct {
		name      string
		para      topic.Relevance
		furniture bool
		linksOut  bool
		flagged   bool
	}{
		{"another story's headline in a list", topic.Relevance{Value: 0.5, Terms: 5, Weight: 6, Support: 0, Unsupported: unsupported(5)}, true, true, true},
		{"furniture of this page (a byline, a contact)", topic.Relevance{Value: 0.5, Terms: 4, Weight: 4, Support: 0, Unsupported: unsupported(4)}, true, false, false},
		{"a line of the story in a list", topic.Relevance{Value: 0.9, Terms: 4, Weight: 4, Support: 4}, true, true, false},
		{"not furniture", topic.Relevance{Value: 0.5, Terms: 4, Weight: 4, Support: 0, Unsupported: unsupported(4)}, false, true, false},
		{"too few terms", topic.Relevance{Value: 0.5, Terms: 2, Weight: 2, Support: 0, Unsupported: unsupported(2)}, true, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := text.Parse("One.\nTwo.\nThree.\nFour.\n")
			st := &articleState{doc: doc}
			rel := []topic.Relevance{story, story, story, tc.para}
			bp := []bool{false, false, false, tc.furniture}
			drafts, flags := ot.judge(st, rel, bp, false, func(int) bool { return tc.linksOut })
			assert.Equal(t, tc.flagged, flags[3])
			if tc.flagged {
				require.NotEmpty(t, drafts)
				assert.Equal(t, ruleOTOtherStory, drafts[len(drafts)-1].Rule)
			}
		})
	}
}

// TestWholeArticleElsewhere is ot.article's own test data: in a batch of
// reports on one story, an article about another story is off-topic as a
// whole; a batch of two, or one where every article tells the story, has
// none.
func TestWholeArticleElsewhere(t *testing.T) {
	sc := newScorer(t)
	story := []string{
		"The city council voted 9-2 on Tuesday to approve a transit plan that adds three bus routes to the downtown core.\n\nTransit officials said the new routes would start in September and cost $4 million a year.\n",
		"Councillors approved the downtown transit plan on Tuesday, adding three bus routes through the core.\n\nThe routes will start running in September, transit officials said, at a cost of about $4 million a year.\n",
		"A plan adding three downtown bus routes won council approval on Tuesday after a 9-2 vote.\n\nTransit officials expect the routes to cost $4 million a year once they start in September.\n",
	}
	other := "A Kenyan runner broke the Berlin Marathon course record on Sunday, finishing in two hours and one minute.\n\nThe winner pulled away from the pack after thirty kilometres and crossed the line to a standing crowd.\n"
	elsewhere := func(texts ...string) []bool {
		var ins []Input
		for i, tx := range texts {
			ins = append(ins, inputOf(fmt.Sprintf("a%d", i), tx))
		}
		out := make([]bool, len(ins))
		for i, res := range scoreAll(t, sc, ins) {
			for _, f := range res.Findings {
				if f.Rule == ruleOTArticle {
					out[i] = true
				}
			}
		}
		return out
	}
	assert.Equal(t, []bool{false, false, false, true}, elsewhere(append(append([]string{}, story...), other)...))
	assert.Equal(t, []bool{false, false, false}, elsewhere(story...))
	assert.Equal(t, []bool{false, false}, elsewhere(story[0], other), "two articles: no majority to be off")
}
