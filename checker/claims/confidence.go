package claims

import (
	"fmt"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/places"
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
	confThreshold       = "conf.threshold"
	confPrior           = "conf.prior"
	confEventFrame      = "conf.event-frame"
	confBackground      = "conf.background"
	confIndependent     = "conf.independent"
	confMeasure         = "conf.measure"
	confPredicate       = "conf.same-verb"
	confSameTime        = "conf.same-time"
	confTimeUnstated    = "conf.time-unstated"
	confModal           = "conf.modal"
	confBounded         = "conf.bounded"
	confWeekday         = "conf.weekday-date"
	confSpeaker         = "conf.same-speaker"
	confNoSpeaker       = "conf.no-speaker"
	confFullNames       = "conf.full-names"
	confPlaceApart      = "conf.place-apart"
	confPlaceUnknown    = "conf.place-unknown"
	confSpokenDate      = "conf.spoken-date"
	confEventVerb       = "conf.event-verb"
	confOtherVerb       = "conf.other-verb"
	confOneSource       = "conf.one-source"
	confSameSubject     = "conf.same-subject"
	confSameQuote       = "conf.same-quote"
	confFarDates        = "conf.far-dates"
	confOtherHappening  = "conf.other-happening"
	confOvernight       = "conf.overnight"
	confDerivedSide     = "conf.derived-side"
	confQuoteMeaning    = "conf.quote-meaning"
	confCalendar        = "conf.calendar"
	confRunningEvent    = "conf.running-event"
	confPlaceOtherVerb  = "conf.place-other-verb"
	confSnapshotDays    = "conf.snapshot-days"
	confDerivedSpeaker  = "conf.derived-speaker"
	confManyFigures     = "conf.many-figures"
	confFramedFact      = "conf.framed-fact"
	confRoleClash       = "conf.role-clash"
	confRoleUnexplained = "conf.role-unexplained"
	confSpeakerUnnamed  = "conf.speaker-unnamed"
	confSecondInSlot    = "conf.second-in-slot"
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
	tally := c.claims[cf.Sides[0].Claims[0]].Unit == "tally"
	switch {
	case tally:
		// a batch's tallies are its event's, wherever they are written
	case strings.HasPrefix(cf.Slot, "event."):
		allEvent := true
		for _, sd := range cf.Sides {
			if !c.anyClaim(sd.Claims, func(cl Claim) bool { return cl.Frame == FrameEvent }) {
				allEvent = false
			}
		}
		if allEvent {
			as.add(confEventFrame, "every side is stated where the main event is reported")
		} else {
			as.add(confBackground, "a side is stated only in background sentences")
		}
	case strings.HasPrefix(cf.Slot, "fact."):
		as.add(confBackground, "the figures are background facts, outside the main event")
	case strings.HasPrefix(cf.Slot, calendarSlotPrefix):
		as.add(confCalendar, "the calendar settles it: a weekday is written beside a day it does not fall on")
	case strings.HasPrefix(cf.Slot, "speaker:"):
		as.add(confSameQuote, "the sides give one quotation, word for word or nearly, to different people")
		if !c.allSides(cf, c.speakerNamedInAttribution) {
			as.add(confSpeakerUnnamed, "a side's attribution names no speaker (\"he said\", \"the Spaniard said\"): who it is was worked out, and may be wrong")
		}
	}
	times := cf.Slot == "event.time"
	switch cf.Kind {
	case KindDate, KindPlace:
		if times {
			break // only the event's clock time is news: "left the rails at 8:12"
		}
		// a figure of the event hangs on many verbs ("forced 3,200 from
		// their homes"); whether two figures count one thing is weighed by
		// their frames instead (conf.same-verb)
		if strings.HasPrefix(cf.Slot, "event.") {
			// A side counts as anchored, or as elsewhere, when any of its
			// claims is: one misread sentence does not decide a side.
			switch {
			case c.allSides(cf, func(cl Claim) bool { return cl.anchored }):
				as.add(confEventVerb, "every side hangs its value on a word for the event")
			case !c.allSides(cf, func(cl Claim) bool { return cl.anchored || cl.anchor < 0 }):
				as.add(confOtherVerb, "a side's value hangs on another verb than the event's")
				if cf.Kind == KindPlace {
					as.add(confPlaceOtherVerb, "a place on another verb is where that other thing happened")
				}
			}
			if !c.allSides(cf, func(cl Claim) bool { return !cl.elsewhere }) {
				as.add(confOtherHappening, "a side's sentence tells of another happening: an earlier, later or repeated one")
			}
		}
	}
	if c.oneSource(cf) {
		as.add(confOneSource, "every side comes from one source and its copies: a rewrite changed it")
	} else if (cf.Kind == KindRole || cf.Kind == KindPerson || cf.Kind == KindPlace) && c.derivedSide(cf) {
		as.add(confDerivedSide, "a side stands only on copies or rewrites of articles on another side: the rewriting made the difference")
		if strings.HasPrefix(cf.Slot, "speaker:") {
			as.add(confDerivedSpeaker, "a copy gives the quotation to another speaker than its source: a rewriter swaps words, not names, so the copy's reworded attribution was misread")
		}
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
	switch cf.Kind {
	case KindNumber:
		c.assessFigures(cf, as)
	case KindDate:
		c.assessDates(cf, as)
	case KindQuote:
		c.assessQuotes(cf, as)
	case KindPerson, KindRole:
		c.assessPeople(cf, as)
	case KindPlace:
		c.assessPlaces(cf, as)
	}
	sort.SliceStable(as.reasons, func(i, j int) bool { return as.reasons[i].Rule < as.reasons[j].Rule })
	cf.Reasons = as.reasons
	cf.Confidence = as.confidence()
}

// anyClaim reports whether some claim of ids satisfies ok.
func (c *comparer) anyClaim(ids []int, ok func(Claim) bool) bool {
	for _, i := range ids {
		if ok(c.claims[i]) {
			return true
		}
	}
	return false
}

// allSides reports whether every side has a claim satisfying ok.
func (c *comparer) allSides(cf *Conflict, ok func(Claim) bool) bool {
	for _, sd := range cf.Sides {
		if !c.anyClaim(sd.Claims, ok) {
			return false
		}
	}
	return true
}

// assessFigures weighs the frames of the figures in a disagreement.
func (c *comparer) assessFigures(cf *Conflict, as *assessment) {
	_, qual := numberSlotParts(cf.Slot)
	switch {
	case qual["measure"] != "":
		as.add(confMeasure, fmt.Sprintf("every side gives the %s", qual["measure"]))
	case c.anyClaimOf(cf, func(cl Claim) bool { return cl.Rule == ruleMeasureValue }):
		// "the attendance was 46,417": the noun names what is counted
		as.add(confMeasure, fmt.Sprintf("a side names what it counts: the %s", c.claims[cf.Sides[0].Claims[0]].Unit))
	}
	preds := map[string]bool{}
	for _, sd := range cf.Sides {
		for _, i := range sd.Claims {
			if p := c.claims[i].Fact.Predicate; p != "" {
				preds[c.x.lex.unifyVerb(p)] = true
			}
		}
	}
	if len(preds) == 1 && c.allSides(cf, func(cl Claim) bool { return cl.Fact.Predicate != "" }) {
		as.add(confPredicate, fmt.Sprintf("every side hangs its figure on %q", sortedKeys(preds)[0]))
	}
	subjects := map[string]bool{}
	for _, sd := range cf.Sides {
		for _, i := range sd.Claims {
			if s := c.claims[i].Fact.Subject; s != "" {
				subjects[s] = true
			}
		}
	}
	oneSubject := len(subjects) == 1 && c.allSides(cf, func(cl Claim) bool { return cl.Fact.Subject != "" })
	if oneSubject {
		as.add(confSameSubject, fmt.Sprintf("every side gives the figure of %q", sortedKeys(subjects)[0]))
	}
	if cf.later {
		as.add(confSecondInSlot, "the slot's figures hold another disagreement with more sources behind it: this one may set different quantities against each other")
	}
	if c.claims[cf.Sides[0].Claims[0]].Unit == "tally" {
		return
	}
	if c.manyFigures(cf) {
		as.add(confManyFigures, "an article gives several different figures of this kind: the slot holds more than one quantity")
	}
	if c.runningEvent() && c.snapshotDays(cf) {
		as.add(confSnapshotDays, "each side's figure is told in a sentence of another day: counts of a running event taken on different days")
	}
	timed := c.allSides(cf, func(cl Claim) bool { return cl.Fact.Time != "" })
	untimed := c.anyClaimOf(cf, func(cl Claim) bool { return cl.Fact.Time != "" }) && !timed
	if timed {
		as.add(confSameTime, "every side dates its figure to the same time")
		// "the port handled 278 million tonnes of cargo in 2025": a
		// background figure of one thing at one time is framed like a
		// background date
		if oneSubject && strings.HasPrefix(cf.Slot, "fact.") {
			as.add(confFramedFact, "a background figure framed by its subject and its time, both the same on every side")
		}
	}
	if untimed {
		as.add(confTimeUnstated, "a side dates its figure, another does not")
	}
	if c.anyClaimOf(cf, func(cl Claim) bool { return cl.Fact.Modality != "" }) {
		as.add(confModal, "a figure is expected, possible or otherwise not asserted as fact")
	}
	if c.anyClaimOf(cf, func(cl Claim) bool { return cl.Low != cl.High }) {
		as.add(confBounded, "a side gives a bound, an estimate or a rounded figure")
	}
}

// oneSource reports whether every side of a disagreement comes from one
// rewrite cluster: an article and its copies or rewrites disagree.
func (c *comparer) oneSource(cf *Conflict) bool {
	cluster := -1
	for _, sd := range cf.Sides {
		for _, a := range sd.Articles {
			k := c.cluster(a)
			if cluster >= 0 && k != cluster {
				return false
			}
			cluster = k
		}
	}
	return true
}

// derivedSide reports whether some side of cf is made only of articles
// whose rewrite cluster also has an article on another side: a copy that
// says otherwise than its source, with no independent article beside it.
// Only words are weighed so: a spinner swaps words ("coastline guard
// spokesperson"), never digits, so a copy with another figure or date was
// updated or misprinted, and a rewrite that changes a quotation misquotes;
// both are news.
func (c *comparer) derivedSide(cf *Conflict) bool {
	if c.independentPair(cf) {
		return false
	}
	for i, sd := range cf.Sides {
		elsewhere := map[int]bool{}
		for j, other := range cf.Sides {
			if j != i {
				for _, a := range other.Articles {
					elsewhere[c.cluster(a)] = true
				}
			}
		}
		// an article of the slot on no side of this disagreement (its
		// value fits another side's) counts too: a spun "chief working
		// officer" against "COO" while its source says "chief operating
		// officer"
		for _, k := range c.claimsOfSlot(cf.Slot) {
			if a := c.claims[k].Article; !slices.Contains(sd.Articles, a) {
				elsewhere[c.cluster(a)] = true
			}
		}
		derived := len(sd.Articles) > 0
		for _, a := range sd.Articles {
			if !elsewhere[c.cluster(a)] {
				derived = false
				break
			}
		}
		if derived {
			return true
		}
	}
	return false
}

// independentPair reports whether two sides of a disagreement stand on
// articles of two rewrite clusters that give nothing else: the cluster of
// one is not on the other side and gives the slot on no side-less
// article, and so is the other's. Such sides disagree whatever a third side, a copy's reworded
// value, adds: "spokeswoman for Groundlink" and "spokeswoman for Levante
// Airways" from independent reports, beside a spun "representative for
// Groundlink".
func (c *comparer) independentPair(cf *Conflict) bool {
	sided := map[int]bool{}
	for _, sd := range cf.Sides {
		for _, a := range sd.Articles {
			sided[a] = true
		}
	}
	unsided := map[int]bool{}
	for _, k := range c.claimsOfSlot(cf.Slot) {
		if a := c.claims[k].Article; !sided[a] {
			unsided[c.cluster(a)] = true
		}
	}
	hasCluster := func(sd Side, cl int) bool {
		for _, a := range sd.Articles {
			if c.cluster(a) == cl {
				return true
			}
		}
		return false
	}
	for x, sx := range cf.Sides {
		for y, sy := range cf.Sides {
			if y <= x {
				continue
			}
			for _, a := range sx.Articles {
				for _, b := range sy.Articles {
					ca, cb := c.cluster(a), c.cluster(b)
					if ca != cb && !unsided[ca] && !unsided[cb] && !hasCluster(sy, ca) && !hasCluster(sx, cb) {
						return true
					}
				}
			}
		}
	}
	return false
}

// claimsOfSlot returns the claims of a slot, by index, from an index made
// on first use.
func (c *comparer) claimsOfSlot(slot string) []int {
	if c.ofSlot == nil {
		c.ofSlot = c.bySlot()
	}
	return c.ofSlot[slot]
}

// anyClaimOf reports whether some claim on some side satisfies ok.
func (c *comparer) anyClaimOf(cf *Conflict, ok func(Claim) bool) bool {
	for _, sd := range cf.Sides {
		if c.anyClaim(sd.Claims, ok) {
			return true
		}
	}
	return false
}

// assessDates weighs a disagreement about a date: a weekday against a
// date it does not fall on is the most concrete there is.
func (c *comparer) assessDates(cf *Conflict, as *assessment) {
	weekday := c.anyClaimOf(cf, func(cl Claim) bool { return cl.Granularity == "weekday" })
	// a date that writes its own weekday ("Sunday, 8 March") is no date a
	// weekday was wrongly set beside: it names another day
	day := c.anyClaimOf(cf, func(cl Claim) bool { return cl.Granularity == "day" && !cl.expr.HasWeekday })
	gap := c.dayGap(cf, false)
	// a weekday beside one date is wrong whatever night or weeks lie
	// between the happenings dated: the calendar slot skips these weights
	calendar := strings.HasPrefix(cf.Slot, calendarSlotPrefix)
	overnight := !calendar && gap <= 1 && c.acrossMidnight(cf)
	switch {
	case calendar:
	case overnight:
		as.add(confOvernight, "one side dates the event late at night, the other the next day without a later hour: one night may span both")
	case gap > farDays:
		// "discovered on July 29" and "announced Thursday, Sept. 7": weeks
		// apart, two happenings more likely than one misdated
		as.add(confFarDates, fmt.Sprintf("the sides' days lie %d days apart", gap))
	case weekday && day && gap <= nearDays: // gap < 0: a weekday no calendar places
		as.add(confWeekday, "a weekday is set against a date it does not fall on")
	}
	if cf.Slot == "event.date" && c.runningEvent() {
		as.add(confRunningEvent, "a sentence dates the event on two different days: it runs over days, and each article may date another day of it")
	}
	c.assessFact(cf, as)
	if !strings.HasPrefix(cf.Slot, calendarSlotPrefix) && c.anyClaimOf(cf, misPaired) {
		as.add(confCalendar, "the calendar settles it: a side writes a weekday beside a day it does not fall on")
	}
	spoken := 0
	for _, sd := range cf.Sides {
		if !c.anyClaim(sd.Claims, func(cl Claim) bool { return !cl.spoken }) {
			spoken++
		}
	}
	if spoken > 0 && spoken < len(cf.Sides) {
		as.add(confSpokenDate, "a side dates when someone spoke (\"officials said Thursday\"), the other the event")
	}
}

// manyFigures says whether one article of a disagreement about figures
// gives two or more figures of the slot that cannot be one value ("raised
// standard deduction by Rs 10,000 to Rs 50,000 ... benefit up to Rs
// 3,588" beside "raised the gratuity limit to Rs 30 lakh"): a budget, a
// results statement or a rescue plan states many sums, and the slot
// then holds several quantities, not one told two ways.
//
// Only sums are weighed so: counts of people or things that differ within
// an article are mostly parts, earlier figures or tallies of other
// groups, which the comparer reads apart already, and a toll told as
// "70" beside "45 identified" still disagrees with "72".
func (c *comparer) manyFigures(cf *Conflict) bool {
	if !strings.HasPrefix(c.claims[cf.Sides[0].Claims[0]].Unit, "money:") {
		return false
	}
	// every sum of the slot an article on a side gives, on a side or not:
	// "€83 million in total" beside "the largest single award, €6.2
	// million", whichever of them the disagreement took
	onSide := map[int]bool{}
	for _, sd := range cf.Sides {
		for _, a := range sd.Articles {
			onSide[a] = true
		}
	}
	byArticle := map[int][]Claim{}
	for _, i := range c.claimsOfSlot(cf.Slot) {
		if cl := c.claims[i]; onSide[cl.Article] {
			byArticle[cl.Article] = append(byArticle[cl.Article], cl)
		}
	}
	for _, cs := range byArticle {
		for x := range cs {
			for y := x + 1; y < len(cs); y++ {
				if cs[x].High < cs[y].Low || cs[y].High < cs[x].Low {
					return true
				}
			}
		}
	}
	return false
}

// snapshotDays says whether the figures of a disagreement are told in
// sentences dated to different days (weighed only for an event that runs
// over days, runningEvent: where articles date one event differently the
// figure sentences differ by that mistake, not by a day of counting):
// every side has a figure whose sentence names a day (not a day of
// speaking), and no day of one side is a day of another ("entered its
// second day on Tuesday, with 38 ships waiting" against "61 vessels
// waiting at anchor on Thursday morning"). Days are told apart by
// daysApart, else by their weekdays.
func (c *comparer) snapshotDays(cf *Conflict) bool {
	if c.sentenceDays == nil {
		c.sentenceDays = map[[2]int][]int{}
		for i, cl := range c.claims {
			if cl.Kind == KindDate && !cl.spoken && (cl.Granularity == "day" || cl.Granularity == "weekday") {
				k := [2]int{cl.Article, cl.Sentence}
				c.sentenceDays[k] = append(c.sentenceDays[k], i)
			}
		}
	}
	daysOf := func(sd Side) []int {
		var out []int
		for _, i := range sd.Claims {
			out = append(out, c.sentenceDays[[2]int{c.claims[i].Article, c.claims[i].Sentence}]...)
		}
		return out
	}
	sameDay := func(a, b Claim) bool {
		if apart, known := daysApart(a, b); known {
			return !apart
		}
		if wa, ok := weekdayOf(a); ok {
			if wb, ok := weekdayOf(b); ok {
				return wa == wb
			}
		}
		return true // days that cannot be told apart may be one
	}
	sides := make([][]int, len(cf.Sides))
	for s, sd := range cf.Sides {
		if sides[s] = daysOf(sd); len(sides[s]) == 0 {
			return false
		}
	}
	for s := range sides {
		for t := s + 1; t < len(sides); t++ {
			for _, i := range sides[s] {
				for _, j := range sides[t] {
					if sameDay(c.claims[i], c.claims[j]) {
						return false
					}
				}
			}
		}
	}
	return true
}

// runningEvent says whether some sentence dates the main event on two
// different days ("widened on Wednesday ... up from some 2,100 when the
// walkout began on Monday"): a strike, a fire or a flood that runs over
// days, whose articles may each date another day of it. Dates of speaking
// ("officials said Friday") do not count; days are told apart only when
// both are resolved to dates or both are bare weekdays.
func (c *comparer) runningEvent() bool {
	if c.running != nil {
		return *c.running
	}
	running := false
	type sentence struct{ article, sentence int }
	days := map[sentence][]Claim{}
	for i, cl := range c.claims {
		if c.slot[i] == "event.date" && !cl.spoken && (cl.Granularity == "day" || cl.Granularity == "weekday") {
			k := sentence{cl.Article, cl.Sentence}
			days[k] = append(days[k], cl)
		}
	}
	for _, cs := range days {
		for x := range cs {
			for y := x + 1; y < len(cs); y++ {
				if apart, known := daysApart(cs[x], cs[y]); known {
					running = running || apart
				}
			}
		}
	}
	c.running = &running
	return running
}

// daysApart tells two day claims apart where their writing allows: two
// resolved dates by their ranges, two bare weekdays by name. known is
// false for any other pair.
func daysApart(a, b Claim) (apart, known bool) {
	switch {
	case a.Granularity == "day" && b.Granularity == "day" && a.Resolved && b.Resolved:
		return !a.Range.Intersects(b.Range), true
	case a.Granularity == "weekday" && b.Granularity == "weekday":
		if a.Resolved && b.Resolved {
			return !a.Range.Intersects(b.Range), true
		}
		// one article's "Thursday" placed on the calendar by its
		// publication date, another's not: the weekdays still compare
		if wa, ok := weekdayOf(a); ok {
			if wb, ok := weekdayOf(b); ok {
				return wa != wb, true
			}
		}
		return a.Normalized != b.Normalized, true
	}
	return false, false
}

// acrossMidnight says whether a one-day disagreement may be one night told
// from either side of midnight: the earlier side's date has a word of the
// night beside it ("late Wednesday night", "overnight"), and the later
// side's no word of a later hour ("Friday evening").
func (c *comparer) acrossMidnight(cf *Conflict) bool {
	for a := range cf.Sides {
		for b := range cf.Sides {
			if a == b || !c.nextDay(cf.Sides[a], cf.Sides[b]) {
				continue
			}
			if c.sideNear(cf.Sides[a], c.x.lex.nightWords) && !c.sideNear(cf.Sides[b], c.x.lex.laterHours) {
				return true
			}
		}
	}
	return false
}

// nextDay says whether some claim of side b falls on the day after some
// claim of side a, by their weekdays: a weekday no calendar places
// ("Wednesday") still has a next day.
func (c *comparer) nextDay(a, b Side) bool {
	for _, i := range a.Claims {
		wa, ok := weekdayOf(c.claims[i])
		if !ok {
			continue
		}
		for _, j := range b.Claims {
			if wb, ok := weekdayOf(c.claims[j]); ok && wb == (wa+1)%7 {
				return true
			}
		}
	}
	return false
}

// weekdayOf returns the weekday a date claim falls on: of its single day,
// or the weekday it names.
func weekdayOf(cl Claim) (time.Weekday, bool) {
	if d, ok := cl.Range.SingleDay(); ok && !cl.Range.YearUnknown {
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Weekday(), true
	}
	if cl.expr.HasWeekday {
		return cl.expr.Weekday, true
	}
	return 0, false
}

// sideNear says whether a word of words stands within three words of some
// claim of a side.
func (c *comparer) sideNear(sd Side, words map[string]bool) bool {
	for _, i := range sd.Claims {
		cl := c.claims[i]
		doc := c.batch[cl.Article].Doc
		toks := doc.SentenceTokens(cl.Sentence)
		for k, t := range toks {
			if !t.Span.Overlaps(cl.Span) {
				continue
			}
			for j := max(0, k-3); j < len(toks) && j <= k+3; j++ {
				if words[toks[j].Norm] {
					return true
				}
			}
		}
	}
	return false
}

// Days between two sides' dates: within nearDays a weekday against a date
// is the classic misdating; beyond farDays the sides likely date two
// happenings.
const (
	nearDays = 3
	farDays  = 7
)

// dayGap returns the fewest days between a single day of one side and a
// single day of another, or -1 when no two sides have single days. With
// written set, only days the text writes out ("March 10", not "Thursday"
// placed by a publication date) count.
func (c *comparer) dayGap(cf *Conflict, written bool) int {
	best := -1
	// each side by the claims of its own value (Side.Normalized), not by
	// every claim merged into it
	days := func(sd Side) []time.Time {
		var out []time.Time
		for _, i := range sd.Claims {
			if c.key[i] != sd.Normalized {
				continue
			}
			if written && c.claims[i].expr.Month == 0 {
				continue
			}
			if d, ok := c.claims[i].Range.SingleDay(); ok && !c.claims[i].Range.YearUnknown {
				out = append(out, time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC))
			}
		}
		return out
	}
	for a := 0; a < len(cf.Sides); a++ {
		for b := a + 1; b < len(cf.Sides); b++ {
			for _, x := range days(cf.Sides[a]) {
				for _, y := range days(cf.Sides[b]) {
					g := int(math.Abs(x.Sub(y).Hours()) / 24)
					if best < 0 || g < best {
						best = g
					}
				}
			}
		}
	}
	return best
}

// assessQuotes weighs a disagreement about a quotation's wording.
func (c *comparer) assessQuotes(cf *Conflict, as *assessment) {
	speakers := map[string]bool{}
	named := true
	for _, sd := range cf.Sides {
		found := false
		for _, i := range sd.Claims {
			if p := c.person[i]; p != "" {
				speakers["person:"+p], found = true, true
			} else if k := c.claims[i].SpeakerKey; strings.HasPrefix(k, "body:") {
				speakers[k], found = true, true // "said the press release"
			}
		}
		named = named && found
	}
	if named && len(speakers) == 1 {
		as.add(confSpeaker, "every side gives the quotation to "+strings.TrimPrefix(strings.TrimPrefix(sortedKeys(speakers)[0], "person:"), "body:"))
	}
	if !named {
		as.add(confNoSpeaker, "a side does not say who is quoted")
	}
	if w, ok := c.meaningEdit(cf.Diff); ok {
		as.add(confQuoteMeaning, fmt.Sprintf("the wordings differ in a few words, one of which turns the meaning: %q", w))
	}
}

// maxMeaningEdits is how many words a quotation's two wordings may differ
// in for conf.quote-meaning: a spun or trimmed quotation differs in many.
const maxMeaningEdits = 4

// meaningEdit reports whether two wordings of a quotation differ in a few
// words only, one of them a word of claim.meaning-words ("not", "never"),
// a number or a rank: "I will not contest" against "I will now contest",
// "the first and second accused" against "the first and third".
func (c *comparer) meaningEdit(diff []WordEdit) (string, bool) {
	// words one wording only adds at its start or end are a trim, not a
	// change ("..., and I congratulate Max von Rettberg" left off)
	for len(diff) > 0 && diff[0].Op != OpEqual && (len(diff) == 1 || diff[1].Op == OpEqual) {
		diff = diff[1:]
	}
	for n := len(diff); n > 0 && diff[n-1].Op != OpEqual && (n == 1 || diff[n-2].Op == OpEqual); n = len(diff) {
		diff = diff[:n-1]
	}
	edits, turning := 0, ""
	for _, e := range diff {
		if e.Op == OpEqual {
			continue
		}
		for _, w := range strings.Fields(e.Text) {
			edits++
			f := text.Fold(strings.Trim(w, ".,;:!?\"'“”‘’()"))
			if turning == "" && (c.x.lex.meaningWords[f] || startsWithDigit(f) || c.x.lex.numberish[f] || c.x.lex.ordinalWords[f] != "") {
				turning = w
			}
		}
	}
	return turning, turning != "" && edits <= maxMeaningEdits
}

// assessFact weighs a disagreement about a background fact of a named
// thing (fact.date:found, fact.place:base): the slot names the verb every
// side hangs its value on; the subjects may be written alike.
func (c *comparer) assessFact(cf *Conflict, as *assessment) {
	var verb string
	switch {
	case strings.HasPrefix(cf.Slot, factDateSlotPrefix):
		verb = strings.TrimPrefix(cf.Slot, factDateSlotPrefix)
	case strings.HasPrefix(cf.Slot, factPlaceSlotPrefix):
		verb = strings.TrimPrefix(cf.Slot, factPlaceSlotPrefix)
	case strings.HasPrefix(cf.Slot, factTimeSlotPrefix):
		verb = strings.TrimPrefix(cf.Slot, factTimeSlotPrefix)
	default:
		return
	}
	as.add(confPredicate, fmt.Sprintf("every side's value is of the same verb: %q", verb))
	as.add(confFramedFact, "a background fact framed by its verb and its subject, compared only when both agree")
	subjects := map[string]bool{}
	for _, sd := range cf.Sides {
		for _, i := range sd.Claims {
			subjects[c.claims[i].Fact.Subject] = true
		}
	}
	if len(subjects) == 1 {
		as.add(confSameSubject, fmt.Sprintf("every side gives it for %q", sortedKeys(subjects)[0]))
	}
}

// assessPlaces weighs a disagreement about where something happened: a
// gazetteer or an article that knows the places lie apart makes it sure;
// places nobody knows the nesting of may lie one within the other.
func (c *comparer) assessPlaces(cf *Conflict, as *assessment) {
	c.assessFact(cf, as)
	known := true
	for a := 0; a < len(cf.Sides); a++ {
		for b := a + 1; b < len(cf.Sides); b++ {
			i, j := cf.Sides[a].Claims[0], cf.Sides[b].Claims[0]
			if c.placeRelation(i, j) != places.Disjoint {
				known = false
			}
		}
	}
	if known {
		as.add(confPlaceApart, "the gazetteer knows the places lie apart")
	} else {
		as.add(confPlaceUnknown, "whether one place lies within the other is not known")
	}
}

// assessPeople weighs a disagreement about who did something, who said a
// quotation or what someone's role is.
func (c *comparer) assessPeople(cf *Conflict, as *assessment) {
	full := c.allSides(cf, func(cl Claim) bool {
		p := cl.Person
		if cl.Kind == KindQuote {
			p = strings.TrimPrefix(cl.SpeakerKey, "person:")
		}
		return strings.Contains(p, " ")
	})
	if full {
		as.add(confFullNames, "every side names people in full")
	}
	if cf.Kind == KindRole {
		if why := c.roleClashIn(cf); why != "" {
			as.add(confRoleClash, why)
		} else {
			as.add(confRoleUnexplained, "nothing known makes the roles two posts: they may be other words for one post, or two posts held at once")
		}
	}
}

// roleClashIn returns what makes the roles of two sides of a role
// disagreement two posts (roleClash), or "" when no pair of sides shows it.
func (c *comparer) roleClashIn(cf *Conflict) string {
	for x := 0; x < len(cf.Sides); x++ {
		for y := x + 1; y < len(cf.Sides); y++ {
			for _, i := range cf.Sides[x].Claims {
				for _, j := range cf.Sides[y].Claims {
					if why := c.roleClash(i, j); why != "" {
						return why
					}
				}
			}
		}
	}
	return ""
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

// speakerNamedInAttribution reports whether a quotation's attribution
// names its speaker ("said Ana Roux", "Roux said", "Li said" for Li
// Qiang): the first or last part of the speaker's name, or another part
// of four letters or more, is a word of the attribution outside the
// quotation. The attribution reaches back to the speaker's name within
// the quotation's paragraph, so a pronoun or a description ("he said",
// "the Spaniard said") resolved to a person named in an earlier
// paragraph does not.
func (c *comparer) speakerNamedInAttribution(cl Claim) bool {
	p, ok := strings.CutPrefix(cl.SpeakerKey, "person:")
	if !ok || cl.attribution.IsEmpty() {
		return false
	}
	parts := strings.Fields(p)
	for _, t := range tokensIn(c.batch[cl.Article].Doc, cl.attribution) {
		if !t.IsWordLike() || cl.Span.Overlaps(t.Span) {
			continue // the quotation's own words name nobody
		}
		w := strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "’s")
		for k, part := range parts {
			if w == part && (k == 0 || k == len(parts)-1 || len(part) >= 4) {
				return true
			}
		}
	}
	return false
}
