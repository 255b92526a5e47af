package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/rewrite"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

func TestAlignSideBySide(t *testing.T) {
	orig := text.Parse("Headline only the original has\nThe committee met on Tuesday to approve the plan for the harbour line, which will open in 2028.\n")
	rew := text.Parse("The board met on Tuesday to approve the plan for the harbour line, which will open in 2028.\nSign up for our newsletter.\n")
	d, err := rewrite.NewDetector(nil)
	require.NoError(t, err)
	al := d.Align(orig, rew)
	require.Len(t, al.Pairs, 1)

	cases := []struct {
		name  string
		opts  AlignOptions
		wants []string
	}{
		{"plain", AlignOptions{Width: 60}, []string{"[-committee-]", "{+board+}", "substitution: committee → board", "Headline only the original", "Sign up for our newsletter."}},
		{"colour", AlignOptions{Width: 60, Color: true}, []string{"\x1b[31mcommittee\x1b[0m", "\x1b[32mboard\x1b[0m"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Align(&b, AlignSide{"o", orig}, AlignSide{"r", rew}, al, c.opts))
			out := b.String()
			for _, w := range c.wants {
				assert.Contains(t, out, w)
			}
			if !c.opts.Color {
				assert.NotContains(t, out, "\x1b[")
			}
			for _, l := range strings.Split(out, "\n") {
				assert.LessOrEqual(t, visibleWidth(l), 60, l)
			}
			// The original-only headline comes before the aligned pair, the
			// rewrite-only prompt after it.
			assert.Less(t, strings.Index(out, "Headline only"), strings.Index(out, "met on Tuesday"))
			assert.Less(t, strings.Index(out, "met on Tuesday"), strings.Index(out, "Sign up"))
		})
	}
}

func TestWrapClosesColourAtLineEnd(t *testing.T) {
	p := painter{true}
	lines := wrap("plain "+p.red("one two three four five six")+" tail", 12)
	require.Greater(t, len(lines), 1)
	for _, l := range lines {
		assert.LessOrEqual(t, visibleWidth(l), 12, l)
		if strings.Contains(l, "\x1b[31m") {
			assert.True(t, strings.HasSuffix(l, "\x1b[0m") || strings.Contains(l, "\x1b[0m"), "%q leaves its colour open", l)
		}
	}
}
