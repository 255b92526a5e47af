package main

import (
	"bytes"
	"encoding/json"
	"github.com/crosscheck-news/crosscheck/checker"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	seedRewrite  = "../../fixtures/canada-korea-mou/000_5ac3630139ee311e.txt"
	seedOriginal = "../../fixtures/canada-korea-mou/002_c518c56dac84cf69.txt"
	seedOther    = "../../fixtures/canada-korea-mou/001_37105e61d4305de9.txt"
)

func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAlignText(t *testing.T) {
	// The rewrite is named first; the original still goes on the left.
	code, out, errs := runArgs("align", "--width", "140", seedRewrite, seedOriginal)
	require.Equal(t, exitOK, code, errs)
	lines := strings.Split(out, "\n")
	assert.Equal(t, "000_5ac3630139ee311e rewrite of 002_c518c56dac84cf69 (direction known, similarity 0.63, rewrite score 0.42)", lines[0])
	assert.Contains(t, out, "ORIGINAL 002_c518c56dac84cf69")
	assert.Contains(t, out, `glued words "tariffswhich"`)
	assert.Contains(t, out, "[-amid-]")
	assert.Contains(t, out, "{+in+} the {+middle+} global")
	assert.Contains(t, out, "substitution: committee → board")
	assert.NotContains(t, out, "\x1b[", "no colour when stdout is not a terminal")
	for _, l := range lines {
		if strings.Contains(l, " | ") || strings.HasPrefix(l, "    similarity") {
			assert.LessOrEqual(t, len([]rune(l)), 140, l)
		}
	}
}

func TestAlignJSON(t *testing.T) {
	code, out, errs := runArgs("align", "--format", "json", seedOriginal, seedRewrite)
	require.Equal(t, exitOK, code, errs)
	var got checker.PairResult
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.True(t, got.Pair)
	assert.Equal(t, "002_c518c56dac84cf69", got.Original.ID)
	assert.Equal(t, "000_5ac3630139ee311e", got.Rewrite.ID)
	assert.Equal(t, "known", got.Direction)
	assert.Equal(t, "rewrite", got.Kind)
	assert.Len(t, got.Alignment.Pairs, 9)
	zelenskyy := false
	for _, s := range got.Alignment.OriginalOnly {
		zelenskyy = zelenskyy || strings.Contains(s.Text, "Zelenskyy blasted")
	}
	assert.True(t, zelenskyy)
	assert.Contains(t, out, `"rewrite_only": [`)
	quotes := 0
	for _, p := range got.Alignment.Pairs {
		for _, e := range p.Edits {
			if e.Kind == "quote_changed" && e.Original.Text == "future mobility" {
				assert.Equal(t, "the mobility of the future", e.Rewrite.Text)
				quotes++
			}
		}
	}
	assert.Equal(t, 1, quotes)
}

func TestAlignNotAPair(t *testing.T) {
	code, out, errs := runArgs("align", seedOther, seedOriginal)
	require.Equal(t, exitOK, code, errs)
	assert.True(t, strings.HasPrefix(out, "001_37105e61d4305de9 and 002_c518c56dac84cf69 are not copies or rewrites of each other"), out)
}

func TestAlignUsage(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"one file", []string{"align", seedOriginal}, "give exactly two article files"},
		{"bad format", []string{"align", "--format", "xml", seedOriginal, seedRewrite}, `unknown --format "xml"`},
		{"missing file", []string{"align", seedOriginal, "does-not-exist.txt"}, "does-not-exist.txt"},
		{"a folder of five", []string{"align", seedOriginal, "../../fixtures/canada-korea-mou"}, "want one article, found 5"},
		{"bad rules folder", []string{"align", "--rules", "no-such-dir", seedOriginal, seedRewrite}, "no-such-dir"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runArgs(c.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errs, c.want)
		})
	}
	code, _, errs := runArgs("align", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errs, "Usage: crosscheck align")
}
