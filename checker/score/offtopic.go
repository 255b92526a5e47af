package score

import (
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/topic"
)

// Off-topic spill is judged paragraph by paragraph with the term-support
// model of checker/topic: a paragraph with at least min_terms content terms
// whose relevance falls below the threshold is off-topic. A batch of one
// article has only its own title and lead to go on, so it uses
// threshold_single. Boilerplate is judged too: an author bio is both
// boilerplate and off-topic. The score is the share of the article's words
// in off-topic paragraphs.

const (
	ruleOTParagraph  = "ot.paragraph"
	ruleOTStopwords  = "ot.stopwords"
	ruleOTOtherStory = "ot.other-story"
	ruleOTArticle    = "ot.article"
)

type offTopicRules struct {
	threshold, thresholdSingle float64
	relative                   float64 // a paragraph must also fall below this share of the article's median
	minTerms                   int
	nameless                   float64 // the threshold for a paragraph that names no one the batch does not
	namelessMaxTerms           int     // ... and has at most this many content terms

	weight float64

	// ot.article: a whole article about another story than the batch's.
	article struct {
		configured  bool
		weight      float64
		maxSupport  float64
		relative    float64
		minArticles int
	}

	// ot.other-story: a line of page furniture that is another story's
	// text (a headline in a "Related" list, a pasted teaser).
	other struct {
		configured bool
		weight     float64
		minTerms   int
		maxSupport float64
	}
}

func compileOffTopic(p *ruleset.Pack) (offTopicRules, *topic.Model, error) {
	var ot offTopicRules
	if p == nil {
		return ot, nil, fmt.Errorf("score: rule pack %q is missing", "offtopic")
	}
	r, err := requireRule(p, ruleOTParagraph, ruleset.KindWeight)
	if err != nil {
		return ot, nil, err
	}
	names := []string{"threshold", "threshold_single", "nameless_threshold", "nameless_max_terms", "relative", "min_terms", "prior", "prior_terms",
		"batch_share", "article_support", "lead_paragraphs", "lead_min_words", "name_weight"}
	v := map[string]float64{}
	for _, n := range names {
		if v[n], err = requireParam(r, n); err != nil {
			return ot, nil, err
		}
	}
	ot = offTopicRules{
		threshold: v["threshold"], thresholdSingle: v["threshold_single"], relative: v["relative"],
		minTerms: int(v["min_terms"]), nameless: v["nameless_threshold"], namelessMaxTerms: int(v["nameless_max_terms"]), weight: r.Weight,
	}
	if o, err := optionalRule(p, ruleOTOtherStory, ruleset.KindWeight); err != nil {
		return ot, nil, err
	} else if o != nil {
		mt, err := requireParam(o, "min_terms")
		if err != nil {
			return ot, nil, err
		}
		ms, err := requireParam(o, "max_support")
		if err != nil {
			return ot, nil, err
		}
		ot.other.configured, ot.other.weight, ot.other.minTerms, ot.other.maxSupport = true, o.Weight, int(mt), ms
	}
	if a, err := optionalRule(p, ruleOTArticle, ruleset.KindWeight); err != nil {
		return ot, nil, err
	} else if a != nil {
		vals := map[string]float64{}
		for _, n := range []string{"max_support", "relative", "min_articles"} {
			if vals[n], err = requireParam(a, n); err != nil {
				return ot, nil, err
			}
		}
		ot.article.configured, ot.article.weight = true, a.Weight
		ot.article.maxSupport, ot.article.relative, ot.article.minArticles = vals["max_support"], vals["relative"], int(vals["min_articles"])
	}
	var stop []string
	sw, err := optionalRule(p, ruleOTStopwords, ruleset.KindLexicon)
	if err != nil {
		return ot, nil, err
	}
	if sw != nil {
		stop = sw.Terms
	}
	model := topic.NewModel(stop, topic.Params{
		BatchShare: v["batch_share"], ArticleSupport: v["article_support"],
		Prior: v["prior"], PriorTerms: v["prior_terms"],
		LeadParagraphs: int(v["lead_paragraphs"]), LeadMinWords: int(v["lead_min_words"]),
		NameWeight: v["name_weight"],
	})
	return ot, model, nil
}

// judge returns the off-topic findings and the per-paragraph verdicts.
// linksOut reports a paragraph placed as a link to another story (see
// otherStoryPlace).
func (o offTopicRules) judge(st *articleState, rel []topic.Relevance, boilerplate []bool, single bool, linksOut func(int) bool) ([]draft, []bool) {
	threshold := o.threshold
	against := "the rest of the batch, the title and the lead"
	if single {
		threshold, against = o.thresholdSingle, "the article's title and lead"
	}
	// Spill stands out from the article's own paragraphs: an article whose
	// every paragraph ranges widely has a low median, and a paragraph must
	// fall well below it, not just below the threshold.
	var values []float64
	for pi, r := range rel {
		if !boilerplate[pi] && r.Terms >= o.minTerms {
			values = append(values, r.Value)
		}
	}
	typical := median(values)
	limit := min(threshold, o.relative*typical)
	flags := make([]bool, len(rel))
	st.otRule = make([]string, len(rel))
	var drafts []draft
	for pi, r := range rel {
		if r.Terms < o.minTerms || r.Value >= limit {
			continue
		}
		// Spill from another story brings its own people and places and
		// shares none of the story's words; a short paragraph (at most
		// nameless_max_terms terms) that names no one the batch does not
		// and shares some of its words is more likely a side of this
		// story (a one-line reaction, a consequence) and must fall lower
		// to count. A long paragraph of common words gets no such
		// allowance.
		shared := r.Terms - len(r.Unsupported)
		if r.UnsupportedNames == 0 && shared > 0 && r.Terms <= o.namelessMaxTerms && r.Value >= min(limit, o.nameless) {
			continue
		}
		flags[pi] = true
		st.otRule[pi] = ruleOTParagraph
		msg := fmt.Sprintf("paragraph shares little with %s: relevance %.2f, below %.2f (%d of %d content terms used elsewhere; the article's median paragraph scores %.2f)",
			against, r.Value, limit, r.Terms-len(r.Unsupported), r.Terms, typical)
		if len(r.Unsupported) > 0 {
			shown := r.Unsupported[:min(8, len(r.Unsupported))]
			msg += "; terms found nowhere else: " + strings.Join(shown, ", ")
			if len(r.Unsupported) > len(shown) {
				msg += ", …"
			}
		}
		drafts = append(drafts, draft{
			Finding:   Finding{Kind: OffTopic, Rule: ruleOTParagraph, Message: msg, Span: st.doc.Paragraphs[pi].Span, Weight: clamp01(1 - r.Value)},
			component: ruleOTParagraph,
		})
	}
	if st.elsewhere != nil {
		// The whole article is another story: every paragraph of it that is
		// not furniture and has a content term is off-topic.
		for pi, r := range rel {
			if flags[pi] || boilerplate[pi] || r.Terms == 0 {
				continue
			}
			flags[pi] = true
			st.otRule[pi] = ruleOTArticle
			drafts = append(drafts, draft{
				Finding: Finding{Kind: OffTopic, Rule: ruleOTArticle, Span: st.doc.Paragraphs[pi].Span, Weight: o.article.weight,
					Message: fmt.Sprintf("the whole article is about another story: the rest of the batch uses %.0f%% of its content terms, against a median of %.0f%% for the other articles", 100*st.elsewhere.support, 100*st.elsewhere.median)},
				component: ruleOTArticle,
			})
		}
	}
	if !o.other.configured {
		return drafts, flags
	}
	// Furniture placed as a link to another story, whose words the story
	// does not use, is that story's text: a headline in a list of links,
	// a teaser. It is off-topic as well as furniture.
	for pi, r := range rel {
		if flags[pi] || !boilerplate[pi] || r.Terms < o.other.minTerms || r.Weight == 0 || !linksOut(pi) {
			continue
		}
		support := r.Support / r.Weight
		if support > o.other.maxSupport {
			continue
		}
		flags[pi] = true
		st.otRule[pi] = ruleOTOtherStory
		drafts = append(drafts, draft{
			Finding: Finding{Kind: OffTopic, Rule: ruleOTOtherStory, Span: st.doc.Paragraphs[pi].Span, Weight: o.other.weight,
				Message: fmt.Sprintf("page furniture carrying another story's text: %d of %d content terms used elsewhere in the batch (support %.2f)", r.Terms-len(r.Unsupported), r.Terms, support)},
			component: ruleOTOtherStory,
		})
	}
	return drafts, flags
}

// elsewhere records why a whole article was judged to be about another
// story.
type elsewhere struct {
	support, median float64
}

// batchSupport is the share of an article's content terms, by weight, that
// the other articles of the batch use, over the paragraphs that are not
// furniture on local evidence.
func batchSupport(st *articleState, rel []topic.Relevance) (float64, bool) {
	support, weight := 0.0, 0.0
	for pi, r := range rel {
		if st.outOfContext(pi) {
			continue
		}
		support += r.BatchSupport
		weight += r.Weight
	}
	if weight == 0 {
		return 0, false
	}
	return support / weight, true
}

// markElsewhere marks the articles that are wholly about another story: in
// a batch of at least min_articles, an article whose batch support is at
// most max_support and below relative times the median of the others'.
func (o offTopicRules) markElsewhere(states []*articleState, relevance [][]topic.Relevance) {
	if !o.article.configured || len(states) < max(3, o.article.minArticles) {
		return
	}
	support := make([]float64, len(states))
	ok := make([]bool, len(states))
	for i, st := range states {
		support[i], ok[i] = batchSupport(st, relevance[i])
	}
	for i, st := range states {
		if !ok[i] || support[i] > o.article.maxSupport {
			continue
		}
		var others []float64
		for j := range states {
			if j != i && ok[j] {
				others = append(others, support[j])
			}
		}
		m := median(others)
		if len(others) >= 2 && support[i] < o.article.relative*m {
			st.elsewhere = &elsewhere{support: support[i], median: m}
		}
	}
}

// median returns the median of xs, or 1 when xs is empty (no limit).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 1
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// score is the share of the article's words in off-topic paragraphs.
func (o offTopicRules) score(st *articleState, flags []bool, byComponent map[string][]int) Score {
	sc := Score{Name: OffTopic}
	if st.total == 0 {
		return sc
	}
	words := 0
	for pi, f := range flags {
		if !f {
			continue
		}
		r := st.doc.Paragraphs[pi].Sentences
		for si := r.First; si < r.End; si++ {
			words += st.words[si]
		}
	}
	if words == 0 {
		return sc
	}
	sc.Value = clamp01(float64(words) / float64(st.total))
	// Each rule's component holds the words of the paragraphs it flagged.
	for _, rule := range []struct {
		id     string
		weight float64
	}{{ruleOTArticle, o.article.weight}, {ruleOTOtherStory, o.other.weight}, {ruleOTParagraph, o.weight}} {
		idx := byComponent[OffTopic+"\x00"+rule.id]
		if len(idx) == 0 {
			continue
		}
		n := 0
		for pi, f := range flags {
			if f && st.otRule[pi] == rule.id {
				r := st.doc.Paragraphs[pi].Sentences
				for si := r.First; si < r.End; si++ {
					n += st.words[si]
				}
			}
		}
		sc.Components = append(sc.Components, Component{Name: rule.id, Weight: rule.weight, Value: clamp01(float64(n) / float64(st.total)), Findings: idx})
	}
	return sc
}
