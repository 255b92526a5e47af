// Command parsetree prints the tagger's and parser's analysis of each
// line of standard input, one word per line in a CoNLL-U-like layout: a
// debugging aid for the claims stage's rules.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
)

func main() {
	m, err := nlp.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "parsetree:", err)
		os.Exit(1)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		s := m.ParseText(sc.Text())
		for i, w := range s.Words {
			fmt.Printf("%d\t%s\t%s\t%s\t%s\t%d\t%s\n", i+1, w.Text, w.Lemma, w.UPOS, w.XPOS, w.Head+1, w.Rel)
		}
		fmt.Println()
	}
}
