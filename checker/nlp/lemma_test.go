package nlp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLemmaRules(t *testing.T) {
	cases := []struct {
		word, xpos, want string
	}{
		{"cities", "NNS", "city"},
		{"people", "NNS", "person"},
		{"women", "NNS", "woman"},
		{"chairmen", "NNS", "chairman"},
		{"boxes", "NNS", "box"},
		{"churches", "NNS", "church"},
		{"classes", "NNS", "class"},
		{"officials", "NNS", "official"},
		{"crises", "NNS", "crisis"},
		{"status", "NNS", "status"},
		{"says", "VBZ", "say"},
		{"is", "VBZ", "be"},
		{"has", "VBZ", "have"},
		{"carries", "VBZ", "carry"},
		{"watches", "VBZ", "watch"},
		{"goes", "VBZ", "go"},
		{"killed", "VBD", "kill"},
		{"signed", "VBD", "sign"},
		{"agreed", "VBD", "agree"},
		{"stopped", "VBD", "stop"},
		{"called", "VBN", "call"},
		{"carried", "VBN", "carry"},
		{"created", "VBN", "create"},
		{"used", "VBN", "use"},
		{"closed", "VBD", "close"},
		{"continued", "VBD", "continue"},
		{"produced", "VBN", "produce"},
		{"charged", "VBN", "charge"},
		{"organized", "VBN", "organize"},
		{"settled", "VBD", "settle"},
		{"hoped", "VBD", "hope"},
		{"opened", "VBD", "open"},
		{"visited", "VBD", "visit"},
		{"went", "VBD", "go"},
		{"said", "VBD", "say"},
		{"took", "VBD", "take"},
		{"struck", "VBD", "strike"},
		{"bought", "VBD", "buy"},
		{"left", "VBN", "leave"},
		{"making", "VBG", "make"},
		{"running", "VBG", "run"},
		{"dying", "VBG", "die"},
		{"playing", "VBG", "play"},
		{"arguing", "VBG", "argue"},
		{"having", "VBG", "have"},
		{"killing", "VBG", "kill"},
		{"bigger", "JJR", "big"},
		{"larger", "JJR", "large"},
		{"happier", "JJR", "happy"},
		{"better", "JJR", "good"},
		{"largest", "JJS", "large"},
		{"worst", "JJS", "bad"},
		{"leaves", "VBZ", "leave"},
		{"leaves", "NNS", "leaf"},
		{"dhaka", "NNP", "dhaka"},
		{"the", "DT", "the"},
	}
	for _, c := range cases {
		t.Run(c.word+"/"+c.xpos, func(t *testing.T) {
			assert.Equal(t, c.want, lemmaOf(c.word, c.xpos))
		})
	}
}

func TestLemmasInContext(t *testing.T) {
	m := builtin(t)
	cases := []struct {
		text string
		want map[string]string // word -> lemma
	}{
		{"A fire killed at least 69 people in Dhaka on Wednesday.",
			// The treebank's lemma of "people" is "people".
			map[string]string{"killed": "kill", "people": "people", "Dhaka": "dhaka", "A": "a"}},
		{"It’s the company’s third deal, and they weren’t told.",
			map[string]string{"’s": "be", "third": "third", "n’t": "not", "told": "tell", "were": "be"}},
		{"The bill was signed by Kim Jung-kwan.",
			map[string]string{"was": "be", "signed": "sign", "Kim": "kim"}},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			s := m.ParseText(c.text)
			got := map[string]string{}
			for _, w := range s.Words {
				if _, ok := c.want[w.Text]; ok {
					if _, seen := got[w.Text]; !seen {
						got[w.Text] = w.Lemma
					}
				}
			}
			assert.Equal(t, c.want, got)
		})
	}
}
