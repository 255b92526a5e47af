package rewrite

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// FuzzDetect feeds two arbitrary texts, and a copy of the first, to the
// stage and checks that it never panics and that every span it returns is
// inside its article and on rune boundaries.
func FuzzDetect(f *testing.F) {
	f.Add(source, independent)
	f.Add("“Quoted,” she said. “Again.”", "\"Quoted\" she said again")
	f.Add("tariffswhich budgetwith Agencythe", "tariffs, which budget with Agency the")
	f.Add("7-2 7–2 7 2", "\xff\xfe broken \xc3")
	f.Add("", "")
	d, err := NewDetector(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		in := []Input{{ID: "a", Doc: text.Parse(a)}, {ID: "b", Doc: text.Parse(b)}, {ID: "c", Doc: text.Parse(a + "\n" + b)}}
		res, err := d.Detect(context.Background(), in, 1)
		if err != nil {
			t.Fatal(err)
		}
		valid := func(doc *text.Document, s text.Span) {
			if s.Start < 0 || s.Start > s.End || s.End > len(doc.Text) {
				t.Fatalf("span %v outside %d bytes", s, len(doc.Text))
			}
			for _, off := range []int{s.Start, s.End} {
				if off < len(doc.Text) && !utf8.RuneStart(doc.Text[off]) && utf8.ValidString(doc.Text) {
					t.Fatalf("span %v splits a rune", s)
				}
			}
		}
		for _, p := range res.Pairs {
			if p.Similarity < 0 || p.Similarity > 1 {
				t.Fatalf("similarity %v", p.Similarity)
			}
			for _, ap := range p.Alignment.Pairs {
				valid(in[p.Original].Doc, ap.Original)
				valid(in[p.Rewrite].Doc, ap.Rewrite)
				for _, e := range ap.Edits {
					valid(in[p.Original].Doc, e.Original)
					valid(in[p.Rewrite].Doc, e.Rewrite)
				}
			}
			for _, e := range p.Evidence {
				valid(in[e.Article].Doc, e.Span)
			}
		}
		for i, ar := range res.Articles {
			if ar.RewriteScore < 0 || ar.RewriteScore > 1 {
				t.Fatalf("score %v", ar.RewriteScore)
			}
			for _, fd := range ar.Findings {
				valid(in[i].Doc, fd.Span)
			}
		}
		al := d.Align(in[0].Doc, in[1].Doc)
		for _, ap := range al.Pairs {
			valid(in[0].Doc, ap.Original)
			valid(in[1].Doc, ap.Rewrite)
		}
	})
}
