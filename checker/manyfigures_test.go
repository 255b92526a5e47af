package checker

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An article that gives several sums of a slot ("€83 million in total",
// "the largest single award ... €6.2 million") makes the slot a list of
// quantities, even when the disagreement took only one of them: the
// claim stage lists 38 against 6.2 million as a difference at most
// (conf.many-figures). A dev blind batch, round 21.
func TestManyFiguresCountsSumsOffTheSides(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "blind", "dev", "minister-resigns-scandal-madrid", "*.txt"))
	require.NoError(t, err)
	require.Len(t, paths, 6)
	arts, rejected, err := LoadPaths(paths, nil, LoadOptions{})
	require.NoError(t, err)
	rep, err := Check(context.Background(), arts, Options{Rejected: rejected})
	require.NoError(t, err)
	for _, cf := range rep.Conflicts {
		if cf.Kind != "number" {
			continue
		}
		for _, sd := range cf.Sides {
			assert.NotEqual(t, "€6.2 million", sd.Value, cf.Summary)
		}
	}
}
