package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
)

const tiny = `# text = The fire killed 69 people.
1	The	the	DET	DT	_	2	det	_	_
2	fire	fire	NOUN	NN	_	3	nsubj	_	_
3	killed	kill	VERB	VBD	_	0	root	_	_
4	69	69	NUM	CD	_	5	nummod	_	_
5	people	person	NOUN	NNS	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

# text = Kim signed it.
1	Kim	Kim	PROPN	NNP	_	2	nsubj	_	_
2	signed	sign	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_
`

func writeTreebank(t *testing.T) string {
	dir := t.TempDir()
	for _, name := range []string{"train", "dev", "test"} {
		data := strings.Repeat(tiny+"\n", 4)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "en_ewt-ud-"+name+".conllu"), []byte(data), 0o644))
	}
	return dir
}

func TestRun(t *testing.T) {
	dir := writeTreebank(t)
	out := filepath.Join(t.TempDir(), "m.nlp.gz")
	var stdout, stderr bytes.Buffer
	args := []string{"-data", dir, "-out", out, "-q", "-tagger-iters", "2", "-parser-iters", "2", "-folds", "2", "-min-updates", "1"}
	require.Equal(t, 0, run(args, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "dev ")
	assert.Contains(t, stdout.String(), "test ")
	first, err := os.ReadFile(out)
	require.NoError(t, err)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	_, err = nlp.Load(f)
	require.NoError(t, err)

	// The same data and flags give the same bytes.
	require.Equal(t, 0, run(args, &stdout, &stderr), stderr.String())
	second, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, first, second)
}

func TestRunErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-data", t.TempDir(), "-out", filepath.Join(t.TempDir(), "m")}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "en_ewt-ud-train.conllu")
	assert.Equal(t, 2, run([]string{"-no-such-flag"}, &stdout, &stderr))
}
