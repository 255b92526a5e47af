package claims

import "strings"

// verbKey returns the form that all forms of a verb share ("raised",
// "raises", "raising" and "raise" give "rais"; "struck" and "strikes" give
// "strik") and whether w is a past form: an irregular past
// (claim.irregular-verbs) or a regular one (claim.verb-endings).
func (l *lexicons) verbKey(w string) (string, bool) {
	if v, ok := l.irregular[w]; ok {
		k, _ := l.regularKey(v)
		return k, true
	}
	return l.regularKey(w)
}

// participleOrPast reports whether w is a past or "-ing" form: an
// irregular verb's form, or a word with a past or participle ending of
// claim.verb-endings that leaves three letters.
func (l *lexicons) participleOrPast(w string) bool {
	if _, ok := l.irregular[w]; ok {
		return true
	}
	for _, e := range l.endings {
		if len(w)-len(e.suffix) >= 3 && strings.HasSuffix(w, e.suffix) {
			return e.past || e.participle
		}
	}
	return false
}

// regularKey applies the longest ending of claim.verb-endings that leaves
// three letters, then drops a final "e" and a doubled last consonant, so
// that "banned", "bans" and "ban" meet, and "recalled" and "recall".
func (l *lexicons) regularKey(w string) (string, bool) {
	past := false
	for _, e := range l.endings {
		if len(w)-len(e.suffix) >= 3 && strings.HasSuffix(w, e.suffix) {
			w, past = w[:len(w)-len(e.suffix)]+e.replace, e.past
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w, past
}
