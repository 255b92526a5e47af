// Package nlp tokenises, tags, lemmatises and parses English sentences into
// Universal Dependencies trees, fast enough to run over every sentence of a
// large batch of news articles.
//
// The built-in model (Default) was trained on UD English EWT, the English
// Web Treebank; its licence and credit are in the model folder's LICENSE.
// It is made of:
//
//   - a tokeniser (Tokenize) that follows the treebank's conventions, so
//     that the parser sees words as it saw them in training;
//   - a part-of-speech tagger: greedy averaged perceptrons, left to right,
//     in two passes, the second seeing the first pass's tags of the words
//     ahead; each class is a Penn tag with its universal tag;
//   - a lemmatiser: a table learnt from the treebank for the words the rules
//     get wrong, then rules for regular inflection and irregular forms;
//   - a labelled dependency parser: greedy arc-hybrid transitions scored by
//     an averaged perceptron trained with a dynamic oracle.
//
// A Model is read-only after loading, so one serves any number of
// goroutines. Parse and Tag allocate a new Sentence per call; ParseTo and
// TagTo reuse one, allocating nothing per word.
//
// Word indices count from 0 and a root's Head is -1. The relation names are
// the treebank's, subtypes included; note that UD English EWT (v2.14 and
// later) writes obl:unmarked and nmod:unmarked for the bare noun phrases
// older releases labelled obl:tmod and nmod:tmod ("killed 69 people
// Wednesday").
package nlp
