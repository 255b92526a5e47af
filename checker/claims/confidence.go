package claims

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// Reason is one piece of evidence for or against a disagreement being a
// real conflict, as a confidence rule weighs it.
type Reason struct {
	// Rule is the id of the confidence rule ("conf.event-frame").
	Rule string
	// Weight is what the rule adds to the confidence; a negative weight
	// takes away.
	Weight float64
	// Detail says in words what was seen.
	Detail string
}

// Confidence rule ids. Each is a rule of kind weight in the "confidence"
// pack; a user pack may change its weight or disable it.
const (
	confThreshold   = "conf.threshold"
	confPrior       = "conf.prior"
	confEventFrame  = "conf.event-frame"
	confBackground  = "conf.background"
	confIndependent = "conf.independent"
)

// confidenceRules are the weights of the "confidence" pack, by rule id.
// Rules a user disabled are absent, and never apply.
type confidenceRules struct {
	threshold, prior float64
	weight           map[string]float64
}

func loadConfidence(set *ruleset.Set) (*confidenceRules, error) {
	p := set.Pack("confidence")
	if p == nil {
		return nil, fmt.Errorf("rule pack %q is missing", "confidence")
	}
	cr := &confidenceRules{weight: map[string]float64{}}
	for _, r := range p.Rules {
		if err := r.CheckKind(ruleset.KindWeight); err != nil {
			return nil, err
		}
		if math.IsNaN(r.Weight) || math.IsInf(r.Weight, 0) {
			return nil, fmt.Errorf("%s: rule %q: weight %v is not a number", r.Source, r.ID, r.Weight)
		}
		cr.weight[r.ID] = r.Weight
	}
	for _, id := range []string{confThreshold, confPrior} {
		if _, ok := cr.weight[id]; !ok {
			return nil, fmt.Errorf("rule pack %q lacks rule %s, which the claim stage needs", "confidence", id)
		}
	}
	cr.threshold, cr.prior = cr.weight[confThreshold], cr.weight[confPrior]
	delete(cr.weight, confThreshold)
	delete(cr.weight, confPrior)
	return cr, nil
}

// assessment collects the reasons for one disagreement.
type assessment struct {
	rules   *confidenceRules
	reasons []Reason
}

// add records that rule id applies, unless a user disabled it.
func (as *assessment) add(id, detail string) {
	w, ok := as.rules.weight[id]
	if !ok {
		return
	}
	as.reasons = append(as.reasons, Reason{Rule: id, Weight: w, Detail: detail})
}

// confidence is the prior plus every reason's weight, clamped to [0,1]
// and rounded to two decimals so that reports stay stable.
func (as *assessment) confidence() float64 {
	v := as.rules.prior
	for _, r := range as.reasons {
		v += r.Weight
	}
	v = math.Max(0, math.Min(1, v))
	return math.Round(v*100) / 100
}

// assess weighs a disagreement: it sets cf.Confidence and cf.Reasons.
func (c *comparer) assess(cf *Conflict) {
	as := &assessment{rules: c.x.conf}
	allEvent, someBackground := true, false
	for _, sd := range cf.Sides {
		event := false
		for _, i := range sd.Claims {
			if c.claims[i].Frame == FrameEvent {
				event = true
			}
		}
		if !event {
			allEvent, someBackground = false, true
		}
	}
	if allEvent {
		as.add(confEventFrame, "every side is stated where the main event is reported")
	}
	if someBackground {
		as.add(confBackground, "a side is stated only in background sentences")
	}
	best, who := 0, ""
	for _, sd := range cf.Sides {
		if sd.IndependentSources > best {
			best, who = sd.IndependentSources, c.articleList(sd.Articles)
		}
	}
	if best >= 2 {
		as.add(confIndependent, fmt.Sprintf("%d independent sources (%s) agree on one side", best, who))
	}
	sort.SliceStable(as.reasons, func(i, j int) bool { return as.reasons[i].Rule < as.reasons[j].Rule })
	cf.Reasons = as.reasons
	cf.Confidence = as.confidence()
}

// reasonList writes reasons as "rule (+0.15)" items, for summaries and
// tests.
func reasonList(rs []Reason) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s (%+.2f)", r.Rule, r.Weight)
	}
	return strings.Join(parts, ", ")
}
