package nlp

import "unicode/utf8"

// wordFeats holds the hashed properties of one word that tagger and parser
// features are made of, computed once per word.
type wordFeats struct {
	norm  uint64    // normalised form (see normalize)
	raw   uint64    // the word as written
	suf   [4]uint64 // last 1..4 bytes of the normalised form
	pre   [3]uint64 // first 1..3 bytes of the normalised form
	shape uint64
	flags uint64
	amb   uint64 // the classes the word took in training, hashed; 1 if unseen
	cls   uint64 // the word's kind (see wordKind)
}

// Padding values for positions outside the sentence.
const (
	padBefore = 0x5EED0001
	padAfter  = 0x5EED0002
)

// maxWordBytes bounds how much of a word feeds its features: a 10 KB "word"
// (a pasted blob) costs no more than a long word.
const maxWordBytes = 64

// wordFeatsOf fills wf for each word, using scratch for normalised forms
// and lex (which may be nil) for the words' ambiguity classes.
func wordFeatsOf(wf []wordFeats, words []string, scratch []byte, lex map[string]uint64) []byte {
	for i, w := range words {
		if len(w) > maxWordBytes {
			w = w[:maxWordBytes]
			for len(w) > 0 && !utf8.RuneStart(w[len(w)-1]) {
				w = w[:len(w)-1]
			}
		}
		scratch = normalize(scratch[:0], w)
		f := &wf[i]
		f.norm = hashBytes(scratch)
		f.raw = hashString(w)
		f.amb = 1
		if a, ok := lex[string(scratch)]; ok {
			f.amb = a
		}
		n := len(scratch)
		for k := range f.suf {
			if k+1 <= n {
				f.suf[k] = hashBytes(scratch[n-k-1:])
			} else {
				f.suf[k] = f.norm
			}
		}
		f.cls = wordKind(scratch)
		for k := range f.pre {
			if k+1 <= n {
				f.pre[k] = hashBytes(scratch[:k+1])
			} else {
				f.pre[k] = f.norm
			}
		}
		var flags uint64
		scratch, flags = shapeOf(scratch[:0], w)
		f.shape = hashBytes(scratch)
		if i == 0 {
			flags |= flagFirst
		}
		f.flags = flags
	}
	return scratch
}

// Word kinds: the words of dates and times, which in news attach to the
// verb of the event ("killed 69 people in Dhaka on Wednesday"); see
// Model.repairDates.
const (
	kindOther = iota + 0x4B00
	kindWeekday
	kindMonth
	kindRelativeDay
	kindYear
	kindTime
	kindNumber
)

// wordKind returns the kind of a normalised word (lower case, digits as 0).
func wordKind(norm []byte) uint64 {
	if k, ok := wordKinds[string(norm)]; ok {
		return k
	}
	digits, colon := 0, false
	for _, c := range norm {
		switch {
		case c == '0':
			digits++
		case c == ':':
			colon = true
		case c == ',' || c == '.':
		default:
			return kindOther
		}
	}
	switch {
	case digits == 0:
		return kindOther
	case colon:
		return kindTime
	case digits == 4 && len(norm) == 4:
		return kindYear
	}
	return kindNumber
}

// wordKinds lists the words of the kinds that are not numbers.
var wordKinds = func() map[string]uint64 {
	m := map[string]uint64{}
	add := func(k uint64, words ...string) {
		for _, w := range words {
			m[w] = k
		}
	}
	add(kindWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.",
		"weekend", "morning", "afternoon", "evening", "night")
	add(kindMonth, "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
		"sep.", "sept.", "oct.", "nov.", "dec.")
	add(kindRelativeDay, "today", "yesterday", "tomorrow", "tonight", "week", "month", "year",
		"weeks", "months", "years", "days", "day", "hours", "decade")
	add(kindTime, "a.m.", "p.m.", "am", "pm", "noon", "midnight")
	return m
}()

// Tagger feature templates. The numbers are part of the model file format:
// changing one means retraining.
const (
	tBias = iota + 1
	tWord
	tRaw
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tP1
	tP2
	tP1P2
	tP1Word
	tPrevWord
	tPrevSuf3
	tPrev2Word
	tNextWord
	tNextSuf3
	tNextSuf2
	tNext2Word
	tNextShape
	tPrevShape
	tPrevWordWord
	tWordNextWord
	tP1NextWord
	tP1Flags
	tNext2Suf3
	tAmb
	tNextAmb
	tNext2Amb
	tPrevAmb
	tAmbNextAmb
	tP1Amb
	tP1Suf3
	tP1Suf2
	tFlagsNextFlags
	tPrevFlagsFlags
	tWordNextSuf3
	tAhead0
	tAhead1
	tAhead2
	tAhead1Ahead2
	tP1Ahead1
	tAhead1Word
	tAhead0Ahead1
	tAhead1Suf3
	tFiniteAhead0
	tFiniteSuf2
	tFiniteWord
)

// tagHist is the value of a previous tag: class+1, or 0 before the start.
func tagHist(tags []uint8, i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(tags[i]) + 1
}

// taggerFeats appends the features of word i to out; tags holds the
// classes already chosen for the words before i. For the second pass,
// ahead holds the first pass's classes of every word (it is nil in the
// first pass) and finite the number of other words the first pass tagged
// as finite verbs, which tells a past tense from a participle ("A fire
// killed 69 people" against "69 people killed in a fire were ...").
func taggerFeats(out []uint64, wf []wordFeats, tags []uint8, i int, ahead []uint8, finite int) []uint64 {
	w := &wf[i]
	p1, p2 := tagHist(tags, i-1), tagHist(tags, i-2)
	prev, prev2 := padWord(wf, i-1), padWord(wf, i-2)
	next, next2 := padWord(wf, i+1), padWord(wf, i+2)
	out = append(out,
		feat1(tBias, 0),
		feat1(tWord, w.norm),
		feat1(tRaw, w.raw),
		feat1(tSuf1, w.suf[0]),
		feat1(tSuf2, w.suf[1]),
		feat1(tSuf3, w.suf[2]),
		feat1(tSuf4, w.suf[3]),
		feat1(tPre1, w.pre[0]),
		feat1(tPre2, w.pre[1]),
		feat1(tPre3, w.pre[2]),
		feat1(tShape, w.shape),
		feat1(tFlags, w.flags),
		feat1(tP1, p1),
		feat1(tP2, p2),
		feat2(tP1P2, p1, p2),
		feat2(tP1Word, p1, w.norm),
		feat1(tPrevWord, prev.norm),
		feat1(tPrevSuf3, prev.suf[2]),
		feat1(tPrev2Word, prev2.norm),
		feat1(tNextWord, next.norm),
		feat1(tNextSuf3, next.suf[2]),
		feat1(tNextSuf2, next.suf[1]),
		feat1(tNext2Word, next2.norm),
		feat1(tNextShape, next.shape),
		feat1(tPrevShape, prev.shape),
		feat2(tPrevWordWord, prev.norm, w.norm),
		feat2(tWordNextWord, w.norm, next.norm),
		feat2(tP1NextWord, p1, next.norm),
		feat2(tP1Flags, p1, w.flags),
		feat1(tNext2Suf3, next2.suf[2]),
		feat1(tAmb, w.amb),
		feat1(tNextAmb, next.amb),
		feat1(tNext2Amb, next2.amb),
		feat1(tPrevAmb, prev.amb),
		feat2(tAmbNextAmb, w.amb, next.amb),
		feat2(tP1Amb, p1, w.amb),
		feat2(tP1Suf3, p1, w.suf[2]),
		feat2(tP1Suf2, p1, w.suf[1]),
		feat2(tFlagsNextFlags, w.flags, next.flags),
		feat2(tPrevFlagsFlags, prev.flags, w.flags),
		feat2(tWordNextSuf3, w.norm, next.suf[2]),
	)
	if ahead != nil {
		a0, a1, a2 := aheadAt(ahead, i), aheadAt(ahead, i+1), aheadAt(ahead, i+2)
		out = append(out,
			feat1(tAhead0, a0),
			feat1(tAhead1, a1),
			feat1(tAhead2, a2),
			feat2(tAhead1Ahead2, a1, a2),
			feat2(tP1Ahead1, p1, a1),
			feat2(tAhead1Word, a1, w.norm),
			feat2(tAhead0Ahead1, a0, a1),
			feat2(tAhead1Suf3, a1, w.suf[2]),
		)
		fin := uint64(min(finite, 2))
		out = append(out,
			feat2(tFiniteAhead0, fin, a0),
			feat2(tFiniteSuf2, fin, w.suf[1]),
			feat2(tFiniteWord, fin, w.norm),
		)
	}
	return out
}

// finiteClasses marks the classes of finite verbs (VBD, VBZ, VBP, MD).
func finiteClasses(tags []tagClass) *[256]bool {
	var fin [256]bool
	for i, t := range tags {
		switch t.xpos {
		case "VBD", "VBZ", "VBP", "MD":
			fin[i] = true
		}
	}
	return &fin
}

// countFinite counts the words of ahead in finite classes.
func countFinite(ahead []uint8, finite *[256]bool) int {
	n := 0
	for _, c := range ahead {
		if finite[c] {
			n++
		}
	}
	return n
}

// aheadAt is the first pass's class of word i, or 0 past the end.
func aheadAt(ahead []uint8, i int) uint64 {
	if i >= len(ahead) {
		return 0
	}
	return uint64(ahead[i]) + 1
}

var (
	padBeforeFeats = padFeats(padBefore)
	padAfterFeats  = padFeats(padAfter)
)

func padFeats(v uint64) wordFeats {
	return wordFeats{norm: v, raw: v, suf: [4]uint64{v, v, v, v}, pre: [3]uint64{v, v, v}, shape: v, flags: v, amb: v, cls: v}
}

// padWord returns the features of word i, or padding outside the sentence.
func padWord(wf []wordFeats, i int) *wordFeats {
	switch {
	case i < 0:
		return &padBeforeFeats
	case i >= len(wf):
		return &padAfterFeats
	}
	return &wf[i]
}
