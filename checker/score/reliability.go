package score

import (
	"fmt"
	"math"
	"strings"
)

// ReliabilityInput is what the reliability figure of one article is made
// from: its scores, and what the rewrite and claim stages found.
type ReliabilityInput struct {
	// Scores are the article's scores from ScoreBatch.
	Scores ArticleScores
	// Rewrite is the rewrite stage's rewrite-artefact score in [0,1]; 0
	// when the article is not a rewrite. Values outside [0,1] are clamped.
	Rewrite float64
	// ConflictsLost has one readable description per conflict in which the
	// article is on the losing or minority side.
	ConflictsLost []string
	// Claims is the number of claims the claim stage found in the article;
	// UnbackedClaims of them no independent source in the batch backs, and
	// AttributedClaims of them are attributed to a named source. Negative
	// counts count as 0 and the parts are capped at Claims.
	Claims, UnbackedClaims, AttributedClaims int
}

// Deduction is one line of the reliability figure's explanation.
type Deduction struct {
	// Rule is the id of the weight rule ("rel.conflict-lost").
	Rule string
	// Weight is the rule's weight: the most the deduction can take.
	Weight float64
	// Value is what the rule measured, in [0,1].
	Value float64
	// Amount is Weight × Value, what was deducted.
	Amount float64
	// Reason says in words what was measured.
	Reason string
	// Findings are indices into the article's findings behind the
	// deduction, if any.
	Findings []int
}

// Ids of the reliability rules.
const (
	ruleRelBoilerplate  = "rel.boilerplate"
	ruleRelOffTopic     = "rel.off-topic"
	ruleRelSpeculation  = "rel.speculation"
	ruleRelRewrite      = "rel.rewrite"
	ruleRelConflictLost = "rel.conflict-lost"
	ruleRelUnbacked     = "rel.unbacked"
	ruleRelUnattributed = "rel.unattributed"
)

// reliabilityRules are the weight rules Reliability reads, in its order.
var reliabilityRules = []string{
	ruleRelBoilerplate, ruleRelOffTopic, ruleRelSpeculation, ruleRelRewrite,
	ruleRelConflictLost, ruleRelUnbacked, ruleRelUnattributed,
}

// Reliability returns the article's reliability, 1 minus the weighted
// deductions, clamped to [0,1], with one Deduction per reliability rule in
// a fixed order (boilerplate, off-topic, speculation, rewrite, conflicts
// lost, unbacked claims, unattributed claims), including those that deduct
// nothing. A rule the user disabled is left out. The Score's components
// mirror the deductions.
//
// Values: the boilerplate and speculation scores as they are; the share of
// words off-topic but not boilerplate (OffTopicOnly, so a bio is deducted
// once); the rewrite score; 1 - 0.5^n for n conflicts lost (each lost
// conflict halves what is left of the weight); the share of claims without
// independent backing (1 when the article makes no checkable claim); the
// share of claims not attributed to a named source (0 when there are no
// claims).
func (s *Scorer) Reliability(in ReliabilityInput) (Score, []Deduction) {
	sc := in.Scores
	claims := max(0, in.Claims)
	unbacked := min(claims, max(0, in.UnbackedClaims))
	attributed := min(claims, max(0, in.AttributedClaims))
	share := func(n int) float64 {
		if claims == 0 {
			return 0
		}
		return float64(n) / float64(claims)
	}
	kindFindings := func(kind string) []int {
		var out []int
		for i, f := range sc.Findings {
			if f.Kind == kind {
				out = append(out, i)
			}
		}
		return out
	}
	lostValue := 1 - math.Pow(0.5, float64(len(in.ConflictsLost)))
	lostReason := "on the losing side of no conflict"
	if n := len(in.ConflictsLost); n > 0 {
		lostReason = fmt.Sprintf("on the losing side of %d conflict%s: %s", n, plural(n), strings.Join(in.ConflictsLost, "; "))
	}
	lines := []line{
		{ruleRelBoilerplate, sc.Boilerplate.Value, fmt.Sprintf("%.0f%% of the words are boilerplate", 100*sc.Boilerplate.Value), kindFindings(Boilerplate)},
		{ruleRelOffTopic, sc.OffTopicOnly, offTopicReason(sc), kindFindings(OffTopic)},
		{ruleRelSpeculation, sc.Speculation.Value, fmt.Sprintf("speculation score %.2f", sc.Speculation.Value), kindFindings(Speculation)},
		{ruleRelRewrite, clamp01(in.Rewrite), fmt.Sprintf("rewrite-artefact score %.2f", clamp01(in.Rewrite)), nil},
		{ruleRelConflictLost, lostValue, lostReason, nil},
		unbackedLine(claims, unbacked),
		{ruleRelUnattributed, share(claims - attributed), fmt.Sprintf("%d of %d claims are not attributed to a named source", claims-attributed, claims), nil},
	}
	total := 0.0
	var deds []Deduction
	out := Score{Name: Reliability}
	for _, l := range lines {
		r := s.rel.Rule(l.rule)
		if r == nil {
			continue
		}
		v := clamp01(l.value)
		d := Deduction{Rule: l.rule, Weight: r.Weight, Value: v, Amount: r.Weight * v, Reason: l.reason, Findings: l.findings}
		total += d.Amount
		deds = append(deds, d)
		out.Components = append(out.Components, Component{Name: d.Rule, Weight: d.Weight, Value: d.Value, Findings: d.Findings})
	}
	out.Value = clamp01(1 - total)
	return out, deds
}

// line is one deduction before its weight is applied.
type line struct {
	rule     string
	value    float64
	reason   string
	findings []int
}

// unbackedLine is the deduction for claims no independent source backs. An
// article that makes no checkable claim at all is not thereby clean: none
// of what it says can be checked against the batch, so it takes the whole
// deduction.
func unbackedLine(claims, unbacked int) line {
	if claims == 0 {
		return line{ruleRelUnbacked, 1, "makes no checkable claim that another source could back", nil}
	}
	return line{ruleRelUnbacked, float64(unbacked) / float64(claims), fmt.Sprintf("%d of %d claims have no independent backing", unbacked, claims), nil}
}

// offTopicReason explains the off-topic deduction, which leaves out the
// off-topic words already deducted as boilerplate.
func offTopicReason(sc ArticleScores) string {
	r := fmt.Sprintf("%.0f%% of the words are off-topic", 100*sc.OffTopicOnly)
	if sc.OffTopic.Value > sc.OffTopicOnly+1e-9 {
		r += fmt.Sprintf(" beyond those counted as boilerplate (%.0f%% in all)", 100*sc.OffTopic.Value)
	}
	return r
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
