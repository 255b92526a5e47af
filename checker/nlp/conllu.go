package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// TreebankWord is one syntactic word of a treebank sentence, as read from a
// CoNLL-U word line.
type TreebankWord struct {
	// Form is the word as written (column 2).
	Form string
	// Lemma is the treebank lemma (column 3), in its original case.
	Lemma string
	// UPOS is the universal part-of-speech tag (column 4).
	UPOS string
	// XPOS is the Penn Treebank tag (column 5).
	XPOS string
	// Head is the index of the head word in the sentence, counting from 0,
	// or -1 for the root (column 7, minus one).
	Head int
	// Rel is the basic dependency relation with its subtype, such as
	// "nsubj:pass" (column 8).
	Rel string
}

// TreebankSentence is one sentence of a treebank: its text and its words.
type TreebankSentence struct {
	// ID is the sentence's "# sent_id" comment, or "" when there is none.
	ID string
	// Text is the sentence's "# text" comment, or "" when there is none.
	Text string
	// Words are the syntactic words in order. Multiword tokens ("don't"
	// as do + n't) appear as their words; empty nodes are left out.
	Words []TreebankWord
}

// maxCoNLLULine bounds one line of a CoNLL-U file, in bytes.
const maxCoNLLULine = 1 << 20

// ReadCoNLLU reads sentences in the CoNLL-U format: ten tab-separated
// columns per word line, a blank line after each sentence, "#" comment
// lines. Multiword token lines ("1-2") and empty nodes ("8.1") are skipped.
// It returns an error naming the line for a malformed line, a head out of
// range, or a line longer than 1 MiB.
func ReadCoNLLU(r io.Reader) ([]TreebankSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxCoNLLULine)
	var out []TreebankSentence
	var cur TreebankSentence
	started := false
	lineNo := 0
	flush := func() error {
		if !started {
			return nil
		}
		for i, w := range cur.Words {
			if w.Head < -1 || w.Head >= len(cur.Words) {
				return fmt.Errorf("conllu: sentence ending before line %d: word %d has head %d outside the sentence", lineNo, i+1, w.Head+1)
			}
		}
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = TreebankSentence{}
		started = false
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		case strings.HasPrefix(line, "#"):
			started = true
			key, val, ok := strings.Cut(strings.TrimSpace(line[1:]), "=")
			if ok {
				switch strings.TrimSpace(key) {
				case "sent_id":
					cur.ID = strings.TrimSpace(val)
				case "text":
					cur.Text = strings.TrimSpace(val)
				}
			}
			continue
		}
		started = true
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", lineNo, len(cols))
		}
		id := cols[0]
		if strings.ContainsAny(id, "-.") {
			continue // multiword token range or empty node
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu: line %d: word id %q, want %d", lineNo, id, len(cur.Words)+1)
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("conllu: line %d: head %q is not a number", lineNo, cols[6])
		}
		cur.Words = append(cur.Words, TreebankWord{
			Form:  cols[1],
			Lemma: cols[2],
			UPOS:  cols[3],
			XPOS:  cols[4],
			Head:  head - 1,
			Rel:   cols[7],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", lineNo+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}
