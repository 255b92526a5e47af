package claims

import (
	"context"
	"sort"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// ledeParagraphs is how many opening paragraphs count double when the main
// event is chosen: a story states its event at the top.
const ledeParagraphs = 3

// eventLemmas returns, for each sentence of the article that is not in a
// skipped paragraph, the events its words report (nil for none), and for
// each sentence whether it lies in the lede.
func (x *Extractor) eventLemmas(in Input) (lemmas [][]string, lede []bool) {
	doc := in.Doc
	lemmas = make([][]string, len(doc.Sentences))
	lede = make([]bool, len(doc.Sentences))
	content := 0
	for p := range doc.Paragraphs {
		if in.skipped(p) {
			continue
		}
		r := doc.Paragraphs[p].Sentences
		for s := r.First; s < r.End; s++ {
			lede[s] = content < ledeParagraphs
			for _, t := range doc.SentenceTokens(s) {
				if t.Kind != text.Word {
					continue
				}
				if v, ok := x.lex.eventVerbs.Lookup(t.Norm); ok && !contains(lemmas[s], v) {
					lemmas[s] = append(lemmas[s], v)
				}
			}
		}
		content++
	}
	return lemmas, lede
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// articleLemmas is what eventLemmas reads of one article; both are nil for
// an article without a document.
type articleLemmas struct {
	lemmas [][]string
	lede   []bool
}

func (x *Extractor) articleLemmas(in Input) articleLemmas {
	if in.Doc == nil {
		return articleLemmas{}
	}
	lemmas, lede := x.eventLemmas(in)
	return articleLemmas{lemmas, lede}
}

// MainEvent decides what the batch reports. Each article votes once for
// every event it mentions outside skipped paragraphs, twice when the
// mention is in its first three paragraphs; the event with most votes wins
// (ties go to the one mentioned more often, then to the alphabetically
// first). Verbs that share a sentence with the winner in at least two
// articles ("met ... and signed") join it as event verbs.
//
// The articles are read on one goroutine per CPU.
func (x *Extractor) MainEvent(batch []Input) Event {
	lemmas := make([]articleLemmas, len(batch))
	_ = forEach(context.Background(), len(batch), 0, func(i int) { lemmas[i] = x.articleLemmas(batch[i]) })
	return x.mainEvent(lemmas)
}

// mainEvent is MainEvent on the event words of each article.
func (x *Extractor) mainEvent(batch []articleLemmas) Event {
	votes := map[string]int{}
	mentions := map[string]int{}
	perArticle := make([][][]string, len(batch))
	for i, al := range batch {
		if al.lemmas == nil {
			continue
		}
		lemmas, lede := al.lemmas, al.lede
		perArticle[i] = lemmas
		best := map[string]int{}
		for s, ls := range lemmas {
			for _, l := range ls {
				mentions[l]++
				w := 1
				if lede[s] {
					w = 2
				}
				best[l] = max(best[l], w)
			}
		}
		for l, w := range best {
			votes[l] += w
		}
	}
	var ev Event
	for l, v := range votes {
		if ev.Verb == "" || v > votes[ev.Verb] ||
			(v == votes[ev.Verb] && (mentions[l] > mentions[ev.Verb] || (mentions[l] == mentions[ev.Verb] && l < ev.Verb))) {
			ev.Verb = l
		}
	}
	if ev.Verb == "" {
		return ev
	}
	co := map[string]int{}
	for i, lemmas := range perArticle {
		seen := map[string]bool{}
		reports := false
		for _, ls := range lemmas {
			if !contains(ls, ev.Verb) {
				continue
			}
			reports = true
			for _, l := range ls {
				if l != ev.Verb && !seen[l] {
					seen[l] = true
					co[l]++
				}
			}
		}
		if reports {
			ev.Articles = append(ev.Articles, i)
		}
	}
	ev.Verbs = []string{ev.Verb}
	for l, n := range co {
		if n >= 2 {
			ev.Verbs = append(ev.Verbs, l)
		}
	}
	sort.Strings(ev.Verbs)
	ev.Noun, _ = x.lex.eventNouns.Lookup(ev.Verb)
	if ev.Noun == "" {
		ev.Noun = ev.Verb
	}
	ev.Agent, _ = x.lex.eventAgents.Lookup(ev.Verb)
	if ev.Agent == "" {
		ev.Agent = "participant"
	}
	return ev
}
