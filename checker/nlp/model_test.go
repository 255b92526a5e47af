package nlp

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func builtin(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	require.NoError(t, err)
	return m
}

// tinyTreebank is a handful of sentences, enough to train a small model in
// milliseconds for tests of training and of the file format.
func tinyTreebank() []TreebankSentence {
	const src = `1	The	the	DET	DT	_	2	det	_	_
2	fire	fire	NOUN	NN	_	3	nsubj	_	_
3	killed	kill	VERB	VBD	_	0	root	_	_
4	69	69	NUM	CD	_	5	nummod	_	_
5	people	person	NOUN	NNS	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

1	Kim	Kim	PROPN	NNP	_	2	nsubj	_	_
2	signed	sign	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	memorandum	memorandum	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	Prices	price	NOUN	NNS	_	2	nsubj	_	_
2	rose	rise	VERB	VBD	_	0	root	_	_
3	on	on	ADP	IN	_	4	case	_	_
4	Wednesday	Wednesday	PROPN	NNP	_	2	obl	_	_
5	.	.	PUNCT	.	_	2	punct	_	_
`
	sents, err := ReadCoNLLU(strings.NewReader(strings.Repeat(src+"\n", 3)))
	if err != nil {
		panic(err)
	}
	return sents
}

func tinyModel(t testing.TB) *Model {
	t.Helper()
	m, err := Train(tinyTreebank(), TrainOptions{TaggerIterations: 2, ParserIterations: 2, Folds: 2, MinUpdates: 1})
	require.NoError(t, err)
	return m
}

func rawBytes(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, m.encode(&buf))
	return buf.Bytes()
}

func TestTrainTiny(t *testing.T) {
	m := tinyModel(t)
	s := m.Parse([]string{"The", "fire", "killed", "69", "people", "."})
	checkTree(t, []string{"The", "fire", "killed", "69", "people", "."}, s)
	assert.Equal(t, "VBD", s.Words[2].XPOS)
	assert.Equal(t, "kill", s.Words[2].Lemma)
	assert.Equal(t, 2, s.Root())

	_, err := Train(nil, TrainOptions{})
	assert.Error(t, err)
}

func TestTrainDeterministic(t *testing.T) {
	a, b := rawBytes(t, tinyModel(t)), rawBytes(t, tinyModel(t))
	assert.Equal(t, a, b)
}

func TestWriteLoadRoundTrip(t *testing.T) {
	for name, m := range map[string]*Model{"tiny": tinyModel(t), "default": builtin(t)} {
		t.Run(name, func(t *testing.T) {
			var gz bytes.Buffer
			n, err := m.WriteTo(&gz)
			require.NoError(t, err)
			assert.Equal(t, int64(gz.Len()), n)
			back, err := Load(bytes.NewReader(gz.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, rawBytes(t, m), rawBytes(t, back))
			// The bare format loads too.
			bare, err := Load(bytes.NewReader(rawBytes(t, m)))
			require.NoError(t, err)
			words := strings.Fields("Intel agreed to buy Mobileye for $ 15.3 billion .")
			assert.Equal(t, m.Parse(words).Words, bare.Parse(words).Words)
		})
	}
}

func TestLoadMalformed(t *testing.T) {
	raw := rawBytes(t, tinyModel(t))
	gzipOf := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	huge := append([]byte(fileMagic), 1) // version 1
	huge = append(huge, 0xff, 0xff, 0xff, 0xff, 0x0f)
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"not a model", []byte("hello world, this is text"), "bad magic"},
		{"magic only", []byte(fileMagic), "format version"},
		{"future version", append([]byte(fileMagic), 9), "format version 9"},
		{"count beyond limits", huge, "tag classes"},
		{"truncated", raw[:len(raw)/2], ""},
		{"trailing bytes", append(append([]byte{}, raw...), 0), "after the end marker"},
		{"broken gzip", gzipOf(raw)[:40], ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Load(bytes.NewReader(c.in))
			require.Error(t, err)
			assert.Nil(t, m)
			assert.True(t, errors.Is(err, ErrFormat), "%v wraps ErrFormat", err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestLoadEveryTruncation cuts a small model at every length: each must be
// refused with an error, none may panic.
func TestLoadEveryTruncation(t *testing.T) {
	raw := rawBytes(t, tinyModel(t))
	for n := 0; n < len(raw); n++ {
		_, err := Load(bytes.NewReader(raw[:n]))
		require.Error(t, err, "cut at %d of %d bytes", n, len(raw))
	}
}

func FuzzLoad(f *testing.F) {
	raw := rawBytes(f, tinyModel(f))
	f.Add(raw)
	f.Add(raw[:len(raw)/3])
	f.Add([]byte(fileMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			require.True(t, errors.Is(err, ErrFormat), "%v", err)
			return
		}
		// Whatever loads must parse anything without panicking and give a
		// tree.
		words := []string{"A", "fire", "killed", "69", "people", "."}
		checkTree(t, words, m.Parse(words))
	})
}

func TestParseWellFormed(t *testing.T) {
	m := builtin(t)
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("the a of killed people said , . ( ) \" and in on Wednesday 69 $ billion to buy signed - 's n't")
	long := make([]string, 500)
	for i := range long {
		long[i] = vocab[rng.IntN(len(vocab))]
	}
	cases := []struct {
		name  string
		words []string
	}{
		{"empty", []string{}},
		{"nil", nil},
		{"one word", []string{"Yes"}},
		{"one punctuation mark", []string{"."}},
		{"two words", []string{"It", "rained"}},
		{"only punctuation", strings.Fields(", . ; : ! ? ( ) -- ...")},
		{"empty strings", []string{"", "", ""}},
		{"invalid utf-8", []string{"\xff\xfe", "killed", "\xc3", "."}},
		{"very long word", []string{strings.Repeat("x", 100000), "said", "."}},
		{"500 random words", long},
		{"no verb", strings.Fields("The Dhaka fire , 69 people , Wednesday")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTree(t, c.words, m.Parse(c.words))
		})
	}
}

func FuzzParse(f *testing.F) {
	m := builtin(f)
	f.Add("A fire killed at least 69 people in Dhaka on Wednesday .")
	f.Add("")
	f.Add("\xff ( ) , .")
	f.Fuzz(func(t *testing.T, s string) {
		// Spaces separate words; empty words are kept, they are words too.
		words := strings.Split(s, " ")
		if s == "" {
			words = nil
		}
		checkTree(t, words, m.Parse(words))
		tagged := m.Tag(words)
		require.Len(t, tagged.Words, len(words))
		require.False(t, tagged.Parsed())
	})
}

func TestTag(t *testing.T) {
	m := builtin(t)
	s := m.Tag(strings.Fields("Kim signed the memorandum ."))
	assert.False(t, s.Parsed())
	assert.Equal(t, -1, s.Root())
	got := []string{}
	for _, w := range s.Words {
		assert.Equal(t, -1, w.Head)
		assert.Empty(t, w.Rel)
		got = append(got, w.XPOS+"/"+w.UPOS+"/"+w.Lemma)
	}
	assert.Equal(t, []string{"NNP/PROPN/kim", "VBD/VERB/sign", "DT/DET/the", "NN/NOUN/memorandum", "./PUNCT/."}, got)
}

func TestParseText(t *testing.T) {
	m := builtin(t)
	text := "“Zürich’s café,” she said."
	s := m.ParseText(text)
	checkTree(t, texts(Tokenize(text)), s)
	for _, w := range s.Words {
		assert.Equal(t, w.Text, text[w.Start:w.End])
	}
	tagged := m.TagText(text)
	assert.Equal(t, len(s.Words), len(tagged.Words))
	assert.False(t, tagged.Parsed())
}

// TestReuse parses into one Sentence again and again: results match fresh
// ones, and a reused Sentence allocates at most a few times per sentence.
func TestReuse(t *testing.T) {
	m := builtin(t)
	sents := [][]string{
		strings.Fields("A fire killed at least 69 people in Dhaka on Wednesday ."),
		strings.Fields("Kim Jung - kwan signed the memorandum ."),
		{},
		strings.Fields("Intel agreed to buy Mobileye for $ 15.3 billion ."),
	}
	var s Sentence
	for _, words := range sents {
		m.ParseTo(&s, words)
		assert.Equal(t, m.Parse(words).Words, s.Words)
	}
	words := sents[0]
	allocs := testing.AllocsPerRun(50, func() { m.ParseTo(&s, words) })
	assert.LessOrEqual(t, allocs, 2.0, "allocations per reused parse")
	allocs = testing.AllocsPerRun(50, func() { m.TagTo(&s, words) })
	assert.LessOrEqual(t, allocs, 2.0, "allocations per reused tagging")
}

func TestConcurrentUse(t *testing.T) {
	m := builtin(t)
	sents := [][]string{}
	for i := 0; i < 20; i++ {
		sents = append(sents, strings.Fields(fmt.Sprintf("In %d , %d people were killed and %d injured in the city , officials said .", 2000+i, i, 2*i)))
	}
	want := make([][]Word, len(sents))
	for i, w := range sents {
		want[i] = m.Parse(w).Words
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s Sentence
			for r := 0; r < 20; r++ {
				for i, w := range sents {
					m.ParseTo(&s, w)
					if fmt.Sprint(s.Words) != fmt.Sprint(want[i]) {
						errs <- fmt.Sprintf("goroutine %d: sentence %d differs", g, i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDefaultIsShared(t *testing.T) {
	a, b := builtin(t), builtin(t)
	assert.Same(t, a, b)
	assert.NotEmpty(t, a.Tags())
	assert.Contains(t, a.Relations(), "nsubj:pass")
	assert.Contains(t, a.Relations(), "root")
}

var _ io.WriterTo = (*Model)(nil)
