package rewrite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// sketchOnly returns a detector that uses sketches even for tiny batches.
func sketchOnly(t *testing.T) *Detector {
	t.Helper()
	dir := t.TempDir()
	pack := "pack: rewrite\nrules:\n  - id: rewrite.all-pairs-max\n    kind: weight\n    weight: 1\n    description: sketch every batch\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "rewrite.yaml"), []byte(pack), 0o644))
	set, err := ruleset.Load(dir)
	require.NoError(t, err)
	d, err := NewDetector(set)
	require.NoError(t, err)
	return d
}

// The sketches must find real-text rewrites, not only generated ones: the
// seed rewrite and every hand-written variant, and not the independent
// reports.
func TestSketchesFindRealRewrites(t *testing.T) {
	d := sketchOnly(t)
	seeds := loadSeeds(t)
	cands, err := d.Candidates(context.Background(), seeds, 1)
	require.NoError(t, err)
	assert.Contains(t, cands, [2]int{0, 2})
	res, err := d.Detect(context.Background(), seeds, 1)
	require.NoError(t, err)
	require.Len(t, res.Pairs, 1)
	assert.Equal(t, 2, res.Pairs[0].Original)

	for _, v := range variants() {
		t.Run(v.name, func(t *testing.T) {
			in := []Input{{ID: "source", Doc: text.Parse(source)}, {ID: "independent", Doc: text.Parse(independent)}, {ID: "variant", Doc: text.Parse(v.text)}}
			cands, err := d.Candidates(context.Background(), in, 1)
			require.NoError(t, err)
			assert.Equal(t, [][2]int{{0, 2}}, cands)
		})
	}
}
