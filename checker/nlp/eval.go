package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scores are accuracies of a model on treebank sentences with the
// treebank's words (gold tokenisation) and the model's own tags, in per
// cent of words, punctuation included.
type Scores struct {
	// Sentences and Words count what was evaluated.
	Sentences, Words int
	// UPOS and XPOS are tagging accuracies.
	UPOS, XPOS float64
	// Lemma is lemma accuracy, ignoring case.
	Lemma float64
	// UAS is the share of words with the right head; LAS the share with the
	// right head and relation, subtype included; LASBase compares only the
	// relation before any subtype (as the CoNLL 2018 shared task scored).
	UAS, LAS, LASBase float64
}

// Evaluate tags and parses every sentence's words with m and compares the
// result with the treebank.
func Evaluate(m *Model, sents []TreebankSentence) Scores {
	var sc Scores
	var upos, xpos, lemma, uas, las, lasBase int
	var s Sentence
	words := []string{}
	for _, ts := range sents {
		words = words[:0]
		for _, w := range ts.Words {
			words = append(words, w.Form)
		}
		m.ParseTo(&s, words)
		sc.Sentences++
		for i, g := range ts.Words {
			p := s.Words[i]
			sc.Words++
			if p.UPOS == g.UPOS {
				upos++
			}
			if p.XPOS == g.XPOS {
				xpos++
			}
			if p.Lemma == string(lowerWord(nil, g.Lemma)) {
				lemma++
			}
			if p.Head == g.Head {
				uas++
				if p.Rel == g.Rel {
					las++
				}
				if baseRel(p.Rel) == baseRel(g.Rel) {
					lasBase++
				}
			}
		}
	}
	pct := func(n int) float64 {
		if sc.Words == 0 {
			return 0
		}
		return 100 * float64(n) / float64(sc.Words)
	}
	sc.UPOS, sc.XPOS, sc.Lemma = pct(upos), pct(xpos), pct(lemma)
	sc.UAS, sc.LAS, sc.LASBase = pct(uas), pct(las), pct(lasBase)
	return sc
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// TokenScores compare Tokenize with a treebank's words on the sentences'
// texts, by token boundaries.
type TokenScores struct {
	// Sentences counts the sentences compared; Skipped those whose words
	// could not be found in their text.
	Sentences, Skipped int
	// Gold and Predicted count tokens; Matched counts predicted tokens with
	// exactly the span of a gold word.
	Gold, Predicted, Matched int
	// Precision, Recall and F1 are in per cent.
	Precision, Recall, F1 float64
}

// EvaluateTokenizer runs Tokenize on the text of each sentence and compares
// the tokens' byte spans with the words', which it finds by reading the
// words off the text in order (skipping white space).
func EvaluateTokenizer(sents []TreebankSentence) TokenScores {
	var sc TokenScores
	for _, s := range sents {
		gold, ok := goldSpans(s)
		if !ok || s.Text == "" {
			sc.Skipped++
			continue
		}
		sc.Sentences++
		toks := Tokenize(s.Text)
		sc.Gold += len(gold)
		sc.Predicted += len(toks)
		set := make(map[[2]int]bool, len(gold))
		for _, g := range gold {
			set[g] = true
		}
		for _, t := range toks {
			if set[[2]int{t.Start, t.End}] {
				sc.Matched++
			}
		}
	}
	if sc.Predicted > 0 {
		sc.Precision = 100 * float64(sc.Matched) / float64(sc.Predicted)
	}
	if sc.Gold > 0 {
		sc.Recall = 100 * float64(sc.Matched) / float64(sc.Gold)
	}
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	return sc
}

// goldSpans finds each word of s in its text.
func goldSpans(s TreebankSentence) ([][2]int, bool) {
	var out [][2]int
	at := 0
	for _, w := range s.Words {
		for at < len(s.Text) {
			r, size := utf8.DecodeRuneInString(s.Text[at:])
			if !unicode.IsSpace(r) {
				break
			}
			at += size
		}
		if !strings.HasPrefix(s.Text[at:], w.Form) {
			return nil, false
		}
		out = append(out, [2]int{at, at + len(w.Form)})
		at += len(w.Form)
	}
	return out, true
}
