package score

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// TestScoresDocListsEveryRule keeps docs/scores.md honest: its rule table
// must name every rule of the scoring packs with its kind, weight and
// params as the built-in packs set them.
func TestScoresDocListsEveryRule(t *testing.T) {
	data, err := os.ReadFile("../../docs/scores.md")
	require.NoError(t, err)
	rows := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(line, "|")[1:] // the text before the first "|" is empty
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows[strings.Trim(cells[0], "`")] = cells
	}
	set := ruleset.MustDefault()
	for _, pack := range []string{"boilerplate", "offtopic", "speculation", "reliability"} {
		for _, r := range set.Pack(pack).Rules {
			cells, ok := rows[r.ID]
			if !assert.True(t, ok, "docs/scores.md does not list %s", r.ID) || !assert.GreaterOrEqual(t, len(cells), 4, r.ID) {
				continue
			}
			assert.Equal(t, r.Kind, cells[1], "%s kind", r.ID)
			weight := ""
			if r.Weight != 0 {
				weight = strconv.FormatFloat(r.Weight, 'g', -1, 64)
			}
			assert.Equal(t, weight, cells[2], "%s weight", r.ID)
			for name, v := range r.Params {
				assert.Contains(t, cells[3], name+" "+strconv.FormatFloat(v, 'g', -1, 64), "%s params", r.ID)
			}
		}
	}
}
