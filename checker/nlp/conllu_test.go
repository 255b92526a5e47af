package nlp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sampleCoNLLU = `# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	_
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
# text = Hi
1	Hi	hi	INTJ	UH	_	0	root	_	_
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sampleCoNLLU))
	require.NoError(t, err)
	require.Len(t, sents, 2)
	s := sents[0]
	assert.Equal(t, "s1", s.ID)
	assert.Equal(t, "I don't know.", s.Text)
	forms := []string{}
	heads := []int{}
	for _, w := range s.Words {
		forms = append(forms, w.Form)
		heads = append(heads, w.Head)
	}
	assert.Equal(t, []string{"I", "do", "n't", "know", "."}, forms, "range line and empty node skipped")
	assert.Equal(t, []int{2, 3, 3, -1, 3}, heads)
	assert.Equal(t, TreebankWord{Form: "n't", Lemma: "not", UPOS: "PART", XPOS: "RB", Head: 3, Rel: "advmod"}, s.Words[2])
	assert.Equal(t, "Hi", sents[1].Text)

	// Reading the words off the text finds every word.
	spans, ok := goldSpans(s)
	require.True(t, ok)
	assert.Equal(t, [][2]int{{0, 1}, {2, 4}, {4, 7}, {8, 12}, {12, 13}}, spans)
}

func TestReadCoNLLUErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"too few columns", "1\tI\tI\tPRON\n", "line 1: 4 columns"},
		{"word id out of order", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", `line 1: word id "2"`},
		{"head not a number", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", `line 1: head "x"`},
		{"head outside", "1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n\n", "head 7 outside"},
		{"line too long", "# text = " + strings.Repeat("a", 2<<20) + "\n", "line 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(c.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}
