package claims

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// summary writes a conflict as one line: what the slot is, then each side's
// value and articles.
func (c *comparer) summary(cf Conflict, rel relation) string {
	weekdaySide := false
	for _, sd := range cf.Sides {
		if cl := c.claims[c.mostPrecise(sd.Claims, rel)]; cl.Kind == KindDate && cl.Granularity == "weekday" {
			weekdaySide = true
		}
	}
	parts := make([]string, len(cf.Sides))
	for k, sd := range cf.Sides {
		cl := c.claims[c.mostPrecise(sd.Claims, rel)]
		var v string
		switch cl.Kind {
		case KindQuote:
			v = "“" + cl.Value + "”"
		case KindPerson:
			v = "'" + personLabel(cl) + "'"
		case KindNumber:
			var vs []string
			for _, i := range c.distinctValues(sd.Claims, rel) {
				vs = append(vs, "'"+c.claims[i].Value+"'")
			}
			v = strings.Join(vs, " and ")
		default:
			v = "'" + cl.Value + "'"
		}
		if cl.Kind == KindDate {
			v += c.dateNote(cl, weekdaySide)
		}
		parts[k] = fmt.Sprintf("%s (%s)", v, c.articleList(sd.Articles))
	}
	return c.slotLabel(cf) + ": " + strings.Join(parts, " vs ")
}

// distinctValues returns the claims that stand for the different values
// one side states, in text order of their articles: the most precise
// claim, then the most precise of those incompatible with it, and so on
// ("three of the nine judges" and "Two judges" stated together).
func (c *comparer) distinctValues(ids []int, rel relation) []int {
	var out []int
	rest := ids
	for len(rest) > 0 {
		best := c.mostPrecise(rest, rel)
		out = append(out, best)
		var next []int
		for _, i := range rest {
			if !rel.compatible(i, best) {
				next = append(next, i)
			}
		}
		rest = next
	}
	sort.SliceStable(out, func(a, b int) bool {
		ca, cb := c.claims[out[a]], c.claims[out[b]]
		if ca.Article != cb.Article {
			return ca.Article < cb.Article
		}
		return ca.Span.Start < cb.Span.Start
	})
	return out
}

// dateNote adds what the calendar says: the day a weekday resolved to, or
// the weekday of a day when another side states a weekday.
func (c *comparer) dateNote(cl Claim, weekdaySide bool) string {
	d, ok := cl.Range.SingleDay()
	switch {
	case (cl.Granularity == "weekday" || cl.expr.Relative()) && ok:
		return " = " + d.String()
	case ok && weekdaySide && !cl.expr.HasWeekday: // "Friday, June 6" says it already
		return ", a " + d.Weekday().String()
	case cl.YearFrom == "batch":
		return fmt.Sprintf(" (year %d from the other articles)", cl.Range.First.Year)
	}
	return ""
}

func personLabel(cl Claim) string {
	switch {
	case cl.Person == "":
		return cl.Value
	case cl.RoleText != "":
		return cl.Value + ", " + cl.RoleText
	}
	return cl.Value
}

// slotLabel names a conflict's slot for people: "Signing day", "Signatory
// for Chile", "Role of Ana Roux", "Quote (press release)".
func (c *comparer) slotLabel(cf Conflict) string {
	prefix := "event." + c.ev.Agent + "."
	switch {
	case cf.Slot == "event.date":
		return capitalise(c.ev.Noun) + " day"
	case cf.Slot == "event.place":
		return capitalise(c.ev.Noun) + " place"
	case cf.Slot == "event.time":
		return capitalise(c.ev.Noun) + " time"
	case strings.HasPrefix(cf.Slot, prefix):
		side := c.claims[cf.Sides[0].Claims[0]].Side
		for _, sd := range cf.Sides {
			for _, i := range sd.Claims {
				if c.claims[i].Side != "" {
					side = c.claims[i].Side
				}
			}
		}
		if side == "" {
			side = strings.TrimPrefix(cf.Slot, prefix)
		}
		return capitalise(c.ev.Agent) + " for " + side
	case strings.HasPrefix(cf.Slot, factPlaceSlotPrefix) || strings.HasPrefix(cf.Slot, factDateSlotPrefix) ||
		strings.HasPrefix(cf.Slot, factTimeSlotPrefix):
		return c.factLabel(cf)
	case cf.Kind == KindRole:
		name := ""
		for _, sd := range cf.Sides {
			for _, i := range sd.Claims {
				if n := c.longestNameOf(c.person[i]); len(n) > len(name) {
					name = n
				}
			}
		}
		if name == "" {
			name = strings.TrimPrefix(cf.Slot, "role:")
		}
		return "Role of " + name
	case cf.Kind == KindNumber:
		unit, qual := numberSlotParts(cf.Slot)
		if m := qual["measure"]; m != "" {
			label := capitalise(m)
			switch qual["change"] {
			case "by":
				label = "Change in " + m
			case "from":
				label = capitalise(m) + " before"
			}
			if r := qual["ref"]; r != "" {
				label += " from " + r
			}
			return label
		}
		if r := qual["ref"]; r != "" {
			unit = strings.TrimSpace(unit + " from " + r)
		}
		switch unit {
		case "tally":
			return capitalise(c.ev.Noun) + " tally (vote or score)"
		case "tally-share":
			return capitalise(c.ev.Noun) + " vote: members of the body who backed it"
		case "money":
			return capitalise(c.ev.Noun) + " amount"
		case "percent":
			return capitalise(c.ev.Noun) + " percentage"
		case "multiplier":
			return capitalise(c.ev.Noun) + " multiple"
		}
		if label := c.x.lex.measures[unit]; label != "" {
			return label
		}
		noun, state, _ := strings.Cut(unit, " ")
		return strings.TrimSpace("Number of " + c.x.lex.plural(noun) + " " + state)
	case cf.Kind == KindQuote:
		who := ""
		for _, sd := range cf.Sides {
			for _, i := range sd.Claims {
				if cl := c.claims[i]; cl.Speaker != "" && strings.HasPrefix(cl.SpeakerKey, "person:") && len(cl.Speaker) > len(who) {
					who = cl.Speaker
				}
			}
		}
		label := strings.TrimPrefix(cf.Slot, "quote:")
		if i := strings.LastIndex(label, " #"); i > 0 {
			label = label[:i]
		}
		if i := strings.IndexByte(label, ':'); i >= 0 && !strings.HasPrefix(label, "\"") {
			label = label[i+1:]
		}
		if strings.HasPrefix(cf.Slot, "quote:person:") && who != "" {
			label = who
		}
		return "Quote (" + label + ")"
	}
	return capitalise(cf.Slot)
}

// numberSlotParts splits a figure's slot ("event.number:kilometre|measure=
// depth") into its unit and its qualifiers.
func numberSlotParts(slot string) (string, map[string]string) {
	rest := strings.TrimPrefix(strings.TrimPrefix(slot, "event."), "fact.")
	rest = strings.TrimPrefix(rest, "number:")
	fields := strings.Split(rest, "|")
	q := map[string]string{}
	for _, f := range fields[1:] {
		if k, v, ok := strings.Cut(f, "="); ok {
			q[k] = v
		}
	}
	return fields[0], q
}

// longestNameOf returns the longest written value of the person claims
// about person p (the first of the longest), "" when there is none.
func (c *comparer) longestNameOf(p string) string {
	if c.longestName == nil {
		c.longestName = map[string]string{}
		for j, o := range c.claims {
			if o.Kind == KindPerson && len(o.Value) > len(c.longestName[c.person[j]]) {
				c.longestName[c.person[j]] = o.Value
			}
		}
	}
	return c.longestName[p]
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// articleList names articles by short labels: the part of each id before
// its first "_" ("01" for "01_wire") when those parts are
// unique in the batch, else the full ids.
func (c *comparer) articleList(arts []int) string {
	names := make([]string, len(arts))
	for k, a := range arts {
		names[k] = c.shortID(a)
	}
	return strings.Join(names, ", ")
}

func (c *comparer) shortID(a int) string {
	if c.short == nil {
		prefix := func(id string) string {
			if i := strings.IndexByte(id, '_'); i > 0 {
				return id[:i]
			}
			return id
		}
		seen := map[string]int{}
		for _, in := range c.batch {
			seen[prefix(in.ID)]++
		}
		c.short = make([]string, len(c.batch))
		for i, in := range c.batch {
			c.short[i] = in.ID
			if p := prefix(in.ID); seen[p] == 1 {
				c.short[i] = p
			}
		}
	}
	return c.short[a]
}

// wordDiff compares the wording of two quotes word by word (go-diff over
// words mapped to single runes), reporting the words as written.
func (c *comparer) wordDiff(i, j int) []WordEdit {
	wi, oi := c.writtenWords(i)
	wj, oj := c.writtenWords(j)
	index := map[string]rune{}
	encode := func(words []string) string {
		var b strings.Builder
		for _, w := range words {
			r, ok := index[w]
			if !ok {
				r = rune(0xE000 + len(index)) // private-use runes, one per distinct word
				index[w] = r
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes([]rune(encode(wi)), []rune(encode(wj)), false)
	var out []WordEdit
	pi, pj := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		var words []string
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			words = oi[pi : pi+n]
			pi, pj = pi+n, pj+n
			out = append(out, WordEdit{Op: OpEqual, Text: strings.Join(words, " ")})
		case diffmatchpatch.DiffDelete:
			words = oi[pi : pi+n]
			pi += n
			out = append(out, WordEdit{Op: OpDelete, Text: strings.Join(words, " ")})
		case diffmatchpatch.DiffInsert:
			words = oj[pj : pj+n]
			pj += n
			out = append(out, WordEdit{Op: OpInsert, Text: strings.Join(words, " ")})
		}
	}
	return out
}

// writtenWords returns a quote's words in comparison form and as written.
func (c *comparer) writtenWords(i int) (norm, written []string) {
	cl := c.claims[i]
	doc := c.batch[cl.Article].Doc
	for _, t := range tokensIn(doc, cl.Span) {
		if t.IsWordLike() {
			norm = append(norm, t.Norm)
			written = append(written, doc.Text[t.Start:t.End])
		}
	}
	return norm, written
}

// factLabel names a background fact's slot from its verb and the subject
// its sides most often give: "Seat of norisan semiconductor", "Site of the
// brenntal chemie plant", "Date of build: meltemi star".
func (c *comparer) factLabel(cf Conflict) string {
	count := map[string]int{}
	subject := ""
	for _, sd := range cf.Sides {
		for _, i := range sd.Claims {
			s := strings.TrimSuffix(strings.TrimSuffix(c.claims[i].Fact.Subject, "'s"), "’s")
			if s == "" {
				continue
			}
			count[s]++
			if n := count[s]; n > count[subject] || n == count[subject] && len(s) > len(subject) {
				subject = s
			}
		}
	}
	if verb, ok := strings.CutPrefix(cf.Slot, factPlaceSlotPrefix); ok {
		switch {
		case verb == siteVerb && subject != "":
			return "Site of the " + subject
		case verb == "base" && subject != "":
			return "Seat of " + subject
		case c.x.lex.onceVerbs[verb] != "" && subject != "":
			return capitalise(c.x.lex.onceVerbs[verb]) + " of " + subject
		case subject != "":
			return "Place of " + verb + ": " + subject
		}
		return "Place of " + verb
	}
	if verb, ok := strings.CutPrefix(cf.Slot, factTimeSlotPrefix); ok {
		if subject != "" {
			return "Time of " + verb + ": " + subject
		}
		return "Time of " + verb
	}
	verb := strings.TrimPrefix(cf.Slot, factDateSlotPrefix)
	if subject != "" {
		return "Date of " + verb + ": " + subject
	}
	return "Date of " + verb
}
