package nlp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// treeOf builds a parsed sentence from words, heads and relations, as the
// parser would leave it.
func treeOf(words []string, heads []int, rels []string) *Sentence {
	s := new(Sentence)
	s.setWords(words)
	for i := range s.Words {
		s.Words[i].Head, s.Words[i].Rel = heads[i], rels[i]
	}
	s.parsed = true
	s.index(new(work))
	return s
}

func TestSentenceHelpers(t *testing.T) {
	// Intel agreed to buy Mobileye for $ 15.3 billion .
	//   0     1    2  3     4       5  6  7    8       9
	s := treeOf(
		[]string{"Intel", "agreed", "to", "buy", "Mobileye", "for", "$", "15.3", "billion", "."},
		[]int{1, -1, 3, 1, 3, 6, 3, 8, 6, 1},
		[]string{"nsubj", "root", "mark", "xcomp", "obj", "case", "obl", "compound", "nummod", "punct"},
	)
	assert.True(t, s.Parsed())
	assert.Equal(t, 10, s.Len())
	assert.Equal(t, 1, s.Root())
	assert.Equal(t, []int{0, 3, 9}, s.Children(1))
	assert.Equal(t, []int{2, 4, 6}, s.Children(3))
	assert.Nil(t, s.Children(0))
	assert.Nil(t, s.Children(-1))
	assert.Nil(t, s.Children(10))
	assert.Equal(t, 0, s.Child(1, "nsubj"))
	assert.Equal(t, 6, s.Child(3, "obl"))
	assert.Equal(t, -1, s.Child(3, "nsubj"))
	assert.Equal(t, []int{8, 6, 3, 1}, s.PathToRoot(8))
	assert.Equal(t, []int{1}, s.PathToRoot(1))
	assert.Nil(t, s.PathToRoot(42))

	start, end := s.Subtree(3)
	assert.Equal(t, [2]int{2, 9}, [2]int{start, end}, "buy covers to .. billion")
	start, end = s.Subtree(6)
	assert.Equal(t, [2]int{5, 9}, [2]int{start, end})
	start, end = s.Subtree(1)
	assert.Equal(t, [2]int{0, 10}, [2]int{start, end})
	start, end = s.Subtree(99)
	assert.Equal(t, [2]int{0, 0}, [2]int{start, end})

	// Offsets are into the words joined by single spaces.
	text := "Intel agreed to buy Mobileye for $ 15.3 billion ."
	a, b := s.Span(6)
	assert.Equal(t, "for $ 15.3 billion", text[a:b])
	a, b = s.Span(99)
	assert.Equal(t, [2]int{0, 0}, [2]int{a, b})

	s.Words[1].UPOS, s.Words[3].UPOS = "VERB", "VERB"
	assert.Equal(t, 3, s.VerbOf(8), "billion -> $ -> buy")
	assert.Equal(t, 1, s.VerbOf(3))
	assert.Equal(t, -1, s.VerbOf(1), "no verb above the root")
	assert.Equal(t, -1, s.VerbOf(42))

	assert.True(t, s.Dominates(3, 8))
	assert.True(t, s.Dominates(8, 8))
	assert.False(t, s.Dominates(8, 3))
	assert.False(t, s.Dominates(4, 6), "a sibling does not dominate")
	assert.False(t, s.Dominates(-1, 3))
}

func TestSentenceHelpersUnparsed(t *testing.T) {
	s := new(Sentence)
	s.setWords([]string{"a", "b"})
	assert.False(t, s.Parsed())
	assert.Equal(t, -1, s.Root())
	assert.Nil(t, s.Children(0))
	assert.Equal(t, -1, s.Child(0, "nsubj"))
	assert.Equal(t, []int{1}, s.PathToRoot(1))
	start, end := s.Subtree(1)
	assert.Equal(t, [2]int{1, 2}, [2]int{start, end})
	assert.True(t, s.Dominates(1, 1))
	assert.False(t, s.Dominates(0, 1))
	assert.Equal(t, -1, s.VerbOf(1))
}

func TestRelIs(t *testing.T) {
	cases := []struct {
		got, rel string
		want     bool
	}{
		{"nsubj", "nsubj", true},
		{"nsubj:pass", "nsubj", true},
		{"nsubj:pass", "nsubj:pass", true},
		{"nsubj", "nsubj:pass", false},
		{"obl:unmarked", "obl", true},
		{"obj", "obl", false},
		{"oblx", "obl", false},
		{"", "obl", false},
	}
	for _, c := range cases {
		t.Run(c.got+" is "+c.rel, func(t *testing.T) {
			assert.Equal(t, c.want, RelIs(c.got, c.rel))
		})
	}
}

// checkTree asserts that s is a well-formed tree over its words.
func checkTree(t *testing.T, words []string, s *Sentence) {
	t.Helper()
	require.Len(t, s.Words, len(words))
	require.True(t, s.Parsed())
	roots := 0
	for i, w := range s.Words {
		require.Equal(t, words[i], w.Text)
		require.True(t, w.Head >= -1 && w.Head < len(words) && w.Head != i, "word %d has head %d", i, w.Head)
		require.NotEmpty(t, w.Rel)
		require.NotEmpty(t, w.XPOS)
		require.NotEmpty(t, w.UPOS)
		if w.Head < 0 {
			roots++
			require.Equal(t, "root", w.Rel)
			require.Equal(t, i, s.Root())
		} else {
			require.NotEqual(t, "root", w.Rel)
			require.Contains(t, s.Children(w.Head), i)
		}
		path := s.PathToRoot(i)
		require.LessOrEqual(t, len(path), len(words), "cycle through word %d", i)
		require.Equal(t, -1, s.Words[path[len(path)-1]].Head)
		start, end := s.Subtree(i)
		require.True(t, start <= i && i < end)
		for j := start; j < end; j++ {
			require.True(t, s.Dominates(i, j), "projective subtree: %d under %d", j, i)
		}
	}
	if len(words) > 0 {
		require.Equal(t, 1, roots)
	} else {
		require.Equal(t, -1, s.Root())
	}
}
