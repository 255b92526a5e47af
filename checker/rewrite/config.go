package rewrite

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

// PackName is the name of the rule pack the stage reads.
const PackName = "rewrite"

// Rule ids of the rewrite pack that findings and evidence carry.
const (
	RuleGlued               = "rewrite.artefact-glued"
	RuleDroppedFunctionWord = "rewrite.artefact-dropped-function-word"
	RuleQuoteChanged        = "rewrite.artefact-quote-changed"
	RuleEvidenceGlued       = "rewrite.evidence-glued"
	RuleEvidenceDropped     = "rewrite.evidence-dropped-function-word"
	RuleEvidenceEcho        = "rewrite.evidence-echo"
	RuleEvidenceEchoQuote   = "rewrite.evidence-echo-quote"
	RuleEvidencePublished   = "rewrite.evidence-published"
	RuleEvidenceTruncated   = "rewrite.evidence-truncated"
)

// config is the compiled form of the rewrite pack: every threshold and
// weight the stage uses, read once.
type config struct {
	functionWords map[string]bool // folded
	glueWords     []string        // folded, longest first
	glueMinHead   int

	simFunctionWeight float64
	simAnchorWeight   float64
	simFuzzyRatio     float64
	simNumberPenalty  float64
	simOrderWeight    float64
	simContainment    float64
	simRefineMin      float64

	alignThreshold    float64
	alignMergeMargin  float64
	alignMaxSentences int

	lshBands, lshRows int
	lshMinCollisions  int
	lshMinShare       float64
	lshBucketMax      int
	sketchMinWords    int
	allPairsMax       int
	pairMinSentences  int
	shortPairSim      float64
	pairMinCoverage   float64
	pairMinSimilarity float64
	// partialCoverage and partialSimilarity are rewrite.partial-pair:
	// below that coverage, a pair needs that mean similarity.
	partialCoverage, partialSimilarity float64
	// weakPairBelow and weakPairContainment are rewrite.weak-pair: below
	// that similarity, a pair needs that containment.
	weakPairBelow, weakPairContainment float64
	kindCopySimilarity                 float64
	kindFullCoverage                   float64
	kindCopyShare                      float64

	evGlued, evDropped, evEcho, evEchoQuote, evPublished float64
	evTruncated                                          float64
	// truncMinWords, truncMinRelated and truncMargin are the parameters
	// of rewrite.evidence-truncated (see restOf).
	truncMinWords                int
	truncMinRelated, truncMargin float64
	directionMin                 float64

	artGlued, artDropped, artQuote float64
	scoreScale                     float64

	messages map[string]string // rule id → message template
}

// newConfig reads the rewrite pack of set.
func newConfig(set *ruleset.Set) (*config, error) {
	p := set.Pack(PackName)
	if p == nil {
		return nil, fmt.Errorf("rewrite: rule pack %q not found", PackName)
	}
	c := &config{functionWords: map[string]bool{}, messages: map[string]string{}}
	// rule returns the rule with the given id, nil when a user disabled
	// it, and notes the first rule whose kind is not the one the stage
	// reads it as.
	var wrongKind error
	rule := func(id, kind string) *ruleset.Rule {
		r := p.Rule(id)
		if r == nil {
			return nil
		}
		if err := r.CheckKind(kind); err != nil {
			if wrongKind == nil {
				wrongKind = err
			}
			return nil
		}
		return r
	}
	if r := rule("rewrite.function-words", ruleset.KindLexicon); r != nil {
		for _, t := range r.Terms {
			c.functionWords[text.Fold(strings.TrimSpace(t))] = true
		}
	}
	if r := rule("rewrite.glue-words", ruleset.KindLexicon); r != nil {
		for _, t := range r.Terms {
			c.glueWords = append(c.glueWords, text.Fold(strings.TrimSpace(t)))
		}
		sort.Slice(c.glueWords, func(i, j int) bool {
			if len(c.glueWords[i]) != len(c.glueWords[j]) {
				return len(c.glueWords[i]) > len(c.glueWords[j])
			}
			return c.glueWords[i] < c.glueWords[j]
		})
	}
	// w returns a weight rule's weight, 0 when a user disabled it.
	w := func(id string) float64 {
		if r := rule(id, ruleset.KindWeight); r != nil {
			return r.Weight
		}
		return 0
	}
	c.glueMinHead = int(w("rewrite.glue-min-head"))
	c.simFunctionWeight = w("rewrite.sim-function-weight")
	c.simAnchorWeight = w("rewrite.sim-anchor-weight")
	c.simFuzzyRatio = w("rewrite.sim-fuzzy-ratio")
	c.simNumberPenalty = w("rewrite.sim-number-penalty")
	c.simOrderWeight = w("rewrite.sim-order-weight")
	c.simContainment = w("rewrite.sim-containment-weight")
	c.simRefineMin = w("rewrite.sim-refine-min")
	c.lshMinShare = w("rewrite.lsh-min-share")
	c.alignThreshold = w("rewrite.align-threshold")
	c.alignMergeMargin = w("rewrite.align-merge-margin")
	c.alignMaxSentences = int(w("rewrite.align-max-sentences"))
	c.lshBands = int(w("rewrite.lsh-bands"))
	c.lshRows = int(w("rewrite.lsh-rows"))
	c.lshMinCollisions = int(w("rewrite.lsh-min-collisions"))
	c.lshBucketMax = int(w("rewrite.lsh-bucket-max"))
	c.sketchMinWords = int(w("rewrite.sketch-min-words"))
	c.allPairsMax = int(w("rewrite.all-pairs-max"))
	c.pairMinSentences = int(w("rewrite.pair-min-sentences"))
	c.shortPairSim = w("rewrite.short-pair-similarity")
	c.pairMinCoverage = w("rewrite.pair-min-coverage")
	c.pairMinSimilarity = w("rewrite.pair-min-similarity")
	if r := rule("rewrite.partial-pair", ruleset.KindWeight); r != nil {
		cov, err := param(r, "coverage", 1)
		if err != nil {
			return nil, err
		}
		c.partialCoverage, c.partialSimilarity = cov, r.Weight
	}
	if r := rule("rewrite.weak-pair", ruleset.KindWeight); r != nil {
		below, err := param(r, "below", 1)
		if err != nil {
			return nil, err
		}
		c.weakPairBelow, c.weakPairContainment = below, r.Weight
	}
	c.kindCopySimilarity = w("rewrite.kind-copy-similarity")
	c.kindFullCoverage = w("rewrite.kind-full-coverage")
	c.kindCopyShare = w("rewrite.kind-copy-share")
	c.evGlued = w(RuleEvidenceGlued)
	c.evDropped = w(RuleEvidenceDropped)
	c.evEcho = w(RuleEvidenceEcho)
	c.evEchoQuote = w(RuleEvidenceEchoQuote)
	c.evPublished = w(RuleEvidencePublished)
	if r := rule(RuleEvidenceTruncated, ruleset.KindWeight); r != nil {
		var vals [3]float64
		for i, name := range []string{"min_words", "min_related", "margin"} {
			v, err := param(r, name, math.Inf(1))
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
		c.evTruncated = r.Weight
		c.truncMinWords, c.truncMinRelated, c.truncMargin = max(int(vals[0]), 1), vals[1], vals[2]
	}
	c.directionMin = w("rewrite.direction-min")
	c.artGlued = w(RuleGlued)
	c.artDropped = w(RuleDroppedFunctionWord)
	c.artQuote = w(RuleQuoteChanged)
	c.scoreScale = w("rewrite.score-scale")
	for _, r := range p.Rules {
		c.messages[r.ID] = r.Message
	}
	if wrongKind != nil {
		return nil, wrongKind
	}

	// invalid names the rule whose weight is out of range and where it is
	// defined, or says that it is missing.
	invalid := func(id, want string) error {
		if r := p.Rule(id); r != nil {
			return fmt.Errorf("%s: rule %q: weight %v: %s", r.Source, id, r.Weight, want)
		}
		return fmt.Errorf("rewrite: rule %q is missing from pack %q: %s", id, PackName, want)
	}
	switch {
	case c.lshBands < 1:
		return nil, invalid("rewrite.lsh-bands", "must be at least 1")
	case c.lshRows < 1:
		return nil, invalid("rewrite.lsh-rows", "must be at least 1")
	case c.lshBands*c.lshRows > 256:
		return nil, invalid("rewrite.lsh-rows", fmt.Sprintf("lsh-bands × lsh-rows must be at most 256 (got %d × %d)", c.lshBands, c.lshRows))
	case c.lshMinCollisions < 1:
		return nil, invalid("rewrite.lsh-min-collisions", "must be at least 1")
	case c.lshBucketMax < 2:
		return nil, invalid("rewrite.lsh-bucket-max", "must be at least 2")
	case c.scoreScale <= 0:
		return nil, invalid("rewrite.score-scale", "must be positive")
	case c.alignThreshold <= 0 || c.alignThreshold > 1:
		return nil, invalid("rewrite.align-threshold", "must be in (0, 1]")
	case math.IsNaN(c.simOrderWeight) || c.simOrderWeight < 0 || c.simOrderWeight > 1:
		return nil, invalid("rewrite.sim-order-weight", "must be in [0, 1]")
	}
	c.sketchMinWords = max(c.sketchMinWords, 1)
	c.pairMinSentences = max(c.pairMinSentences, 1)
	return c, nil
}

// param returns rule r's parameter name, which must be set and lie in
// [0, hi].
func param(r *ruleset.Rule, name string, hi float64) (float64, error) {
	v, ok := r.Param(name)
	if !ok || math.IsNaN(v) || v < 0 || v > hi {
		return 0, fmt.Errorf("%s: rule %q: params: %s: want a number in [0, %v]", r.Source, r.ID, name, hi)
	}
	return v, nil
}

// message fills the "{match}" of rule id's message with match.
func (c *config) message(id, match string) string {
	m := c.messages[id]
	if m == "" {
		m = id + ": {match}"
	}
	return strings.ReplaceAll(m, "{match}", match)
}
