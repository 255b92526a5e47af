// Package text models an article's text for the rest of crosscheck:
// paragraphs, sentences and word tokens, each located by a half-open byte
// span into the original text, plus a comparison form of every token that
// folds case, accents, quotes and dashes. The original bytes never change;
// every later stage reports what it finds as spans into them.
package text

import "fmt"

// Span is a half-open byte range [Start, End) into an article's text.
// Spans produced by this package always satisfy 0 <= Start <= End <= len(text)
// and fall on rune boundaries.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsEmpty reports whether the span covers no bytes.
func (s Span) IsEmpty() bool { return s.End <= s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Union returns the smallest span covering both s and o.
func (s Span) Union(o Span) Span {
	return Span{Start: min(s.Start, o.Start), End: max(s.End, o.End)}
}

// In returns the text the span covers. It panics if the span is out of range,
// which would be a bug in the code that built it.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// String formats the span as "[start,end)" for messages and test failures.
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }
