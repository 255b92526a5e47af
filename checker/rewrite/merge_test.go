package rewrite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// A rewrite that splits one sentence in two and joins two into one aligns
// them 1-2 and 2-1.
func TestAlignSplitsAndJoins(t *testing.T) {
	rew := strings.NewReplacer(
		"The Riverton city council voted 7-2 on Tuesday to approve a $40 million extension of the downtown tram line, ending a debate that has divided the city for two years.",
		"The Riverton city council voted 7-2 on Tuesday to approve a $40 million extension of the downtown tram line. The vote ended a debate that has divided the city for two years.",
		"Opponents argued that the money would be better spent on bus routes in the northern suburbs, which have lost service since the pandemic.\nCouncillor Tom Reyes, who voted against the plan, said the city had underestimated the cost of moving water and gas pipes under the route.",
		"Opponents argued that the money would be better spent on bus routes in the northern suburbs, which have lost service since the pandemic, and Councillor Tom Reyes, who voted against the plan, said the city had underestimated the cost of moving water and gas pipes under the route.",
	).Replace(source)
	orig, rd := text.Parse(source), text.Parse(rew)
	al := newDetector(t).Align(orig, rd)
	shapes := map[string]bool{}
	for _, ap := range al.Pairs {
		switch {
		case len(ap.OriginalSentences) == 1 && len(ap.RewriteSentences) == 2:
			shapes["1-2"] = true
			assert.Contains(t, rd.Slice(ap.Rewrite), "The vote ended a debate")
		case len(ap.OriginalSentences) == 2 && len(ap.RewriteSentences) == 1:
			shapes["2-1"] = true
			assert.Contains(t, orig.Slice(ap.Original), "Councillor Tom Reyes")
		}
	}
	assert.True(t, shapes["1-2"] && shapes["2-1"], "alignment shapes: %v", shapes)
	assert.Empty(t, al.RewriteOnly)
}
