// Command trainnlp trains the English tagger, lemmatiser and dependency
// parser of checker/nlp on UD English EWT, read in place from the shared
// evaluation folder, writes the model file, and prints its accuracy on the
// treebank's dev and test sets (gold tokenisation, predicted tags) and the
// tokeniser's agreement with the treebank's words.
//
//	trainnlp                       # writes checker/nlp/model/en_ewt.nlp.gz
//	trainnlp -out /tmp/m.nlp.gz -parser-iters 5
//
// The same data and flags give the same model file, byte for byte.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/nlp"
	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trainnlp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "folder holding en_ewt-ud-{train,dev,test}.conllu (default: the shared evaldata folder)")
	out := fs.String("out", filepath.Join("checker", "nlp", "model", "en_ewt.nlp.gz"), "model file to write")
	taggerIters := fs.Int("tagger-iters", 0, "tagger passes over the training data (0: the default)")
	parserIters := fs.Int("parser-iters", 0, "parser passes over the training data (0: the default)")
	folds := fs.Int("folds", 0, "jack-knife folds for the parser's training tags (0: the default)")
	seed := fs.Uint64("seed", 1, "seed for shuffling and exploration")
	minUpdates := fs.Int("min-updates", 0, "drop features updated fewer times in training (0: the default)")
	quiet := fs.Bool("q", false, "no progress lines")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir := *data
	if dir == "" {
		shared := evaldata.SharedDir()
		if shared == "" {
			fmt.Fprintf(stderr, "trainnlp: shared evaluation data not found beside the project (set %s or -data)\n", evaldata.EnvVar)
			return 1
		}
		dir = filepath.Join(shared, "evaldata", "ud-english-ewt")
	}
	read := func(name string) ([]nlp.TreebankSentence, error) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := nlp.ReadCoNLLU(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return s, nil
	}
	var sets [3][]nlp.TreebankSentence
	for i, name := range []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		s, err := read(name)
		if err != nil {
			fmt.Fprintf(stderr, "trainnlp: %v\n", err)
			return 1
		}
		sets[i] = s
	}
	train, dev, test := sets[0], sets[1], sets[2]

	opt := nlp.TrainOptions{
		TaggerIterations: *taggerIters,
		ParserIterations: *parserIters,
		Folds:            *folds,
		Seed:             *seed,
		MinUpdates:       *minUpdates,
	}
	if !*quiet {
		opt.Log = stderr
		opt.Dev = dev
	}
	start := time.Now()
	m, err := nlp.Train(train, opt)
	if err != nil {
		fmt.Fprintf(stderr, "trainnlp: %v\n", err)
		return 1
	}
	trainTime := time.Since(start)

	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		fmt.Fprintf(stderr, "trainnlp: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "trainnlp: %v\n", err)
		return 1
	}
	// Measure the model as it will be used: loaded back from its file.
	start = time.Now()
	loaded, err := nlp.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		fmt.Fprintf(stderr, "trainnlp: reloading the model: %v\n", err)
		return 1
	}
	loadTime := time.Since(start)

	fmt.Fprintf(stdout, "model %s: %d bytes, trained in %.0fs, loads in %.0fms\n", *out, buf.Len(), trainTime.Seconds(), float64(loadTime.Microseconds())/1000)
	fmt.Fprintf(stdout, "%-5s %9s %9s %7s %7s %7s %7s %7s %8s  %s\n", "set", "sentences", "words", "UPOS", "XPOS", "lemma", "UAS", "LAS", "LAS-base", "tokenizer P/R/F1")
	for _, set := range []struct {
		name  string
		sents []nlp.TreebankSentence
	}{{"dev", dev}, {"test", test}} {
		sc := nlp.Evaluate(loaded, set.sents)
		tk := nlp.EvaluateTokenizer(set.sents)
		fmt.Fprintf(stdout, "%-5s %9d %9d %7.2f %7.2f %7.2f %7.2f %7.2f %8.2f  %.2f/%.2f/%.2f\n",
			set.name, sc.Sentences, sc.Words, sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS, sc.LASBase,
			tk.Precision, tk.Recall, tk.F1)
	}
	return 0
}
