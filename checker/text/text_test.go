package text

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentencesOf(d *Document) []string {
	out := []string{}
	for _, s := range d.Sentences {
		out = append(out, d.Slice(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"two plain sentences", "It rained. We stayed in.", []string{"It rained.", "We stayed in."}},
		{"US abbreviation mid sentence", "U.S. tariffs rose. Canada replied.", []string{"U.S. tariffs rose.", "Canada replied."}},
		{"US at sentence end before a starter", "reliance on the U.S. The deal helps.", []string{"reliance on the U.S.", "The deal helps."}},
		{"month abbreviation before a day", "Signed Jan. 29, 2026 in Ottawa. It was cold.", []string{"Signed Jan. 29, 2026 in Ottawa.", "It was cold."}},
		{"title before a name", "Mr. Kim and Dr. Joly met. They signed.", []string{"Mr. Kim and Dr. Joly met.", "They signed."}},
		{"number abbreviation", "It ranked No. 1 in sales. Nobody argued.", []string{"It ranked No. 1 in sales.", "Nobody argued."}},
		{"initials", "Author J. K. Rowling spoke. Fans cheered.", []string{"Author J. K. Rowling spoke.", "Fans cheered."}},
		{"decimal", "Prices rose 2.5 per cent. Wages fell.", []string{"Prices rose 2.5 per cent.", "Wages fell."}},
		{"closing curly quote", "“We are diversifying our exports.” Hodgson said more.", []string{"“We are diversifying our exports.”", "Hodgson said more."}},
		{"quote continues with attribution", "“It is a good day,” Joly said. “We agree.”", []string{"“It is a good day,” Joly said.", "“We agree.”"}},
		{"question inside quote then lower case", "\"Why now?\" he asked. Nobody knew.", []string{"\"Why now?\" he asked.", "Nobody knew."}},
		{"ellipsis at the end", "He said Ukraine was left at...", []string{"He said Ukraine was left at..."}},
		{"ellipsis then capital", "It stalled... Then it recovered.", []string{"It stalled...", "Then it recovered."}},
		{"exclamation", "Wow! That is big.", []string{"Wow!", "That is big."}},
		{"url", "See https://example.com/a.b. Then call.", []string{"See https://example.com/a.b.", "Then call."}},
		{"heading line", "Committee structure and next steps\nThe committee meets.", []string{"Committee structure and next steps", "The committee meets."}},
		{"list lines", "- First point: yes.\n- Second point", []string{"- First point: yes.", "- Second point"}},
		{"inline numbered list", "1) Sign it 2) File it", []string{"1) Sign it", "2) File it"}},
		{"glued sentences", "He left.She stayed.", []string{"He left.", "She stayed."}},
		{"company abbreviation mid sentence", "Corus Entertainment Inc. owns it.", []string{"Corus Entertainment Inc. owns it."}},
		{"am pm lower case follows", "At 3:15 p.m. the vote began.", []string{"At 3:15 p.m. the vote began."}},
		{"empty", "", []string{}},
		{"only space", " \n\t\n ", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, sentencesOf(Parse(c.in)))
		})
	}
}

func TestParagraphs(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"one per line", "First line.\nSecond line.", []string{"First line.", "Second line."}},
		{"blank lines", "First.\n\n\nSecond.", []string{"First.", "Second."}},
		{"crlf", "First.\r\nSecond.\r\n", []string{"First.", "Second."}},
		{"lone cr", "First.\rSecond.", []string{"First.", "Second."}},
		{"soft break with trailing space", "It was a cold \nnight in the city.", []string{"It was a cold \nnight in the city."}},
		{"leading and trailing space", "  \n  Indented.  \n", []string{"Indented."}},
		{
			"hard wrapped text joins lines",
			"The committee met on Wednesday in Ottawa to discuss the\n" +
				"agreement, which both governments described as a first\n" +
				"step toward deeper cooperation on batteries and mineral\n" +
				"supply chains across the Pacific.\n\nA second paragraph.",
			[]string{"The committee met on Wednesday in Ottawa to discuss the\n" +
				"agreement, which both governments described as a first\n" +
				"step toward deeper cooperation on batteries and mineral\n" +
				"supply chains across the Pacific.", "A second paragraph."},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.in)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.Slice(p.Span))
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		kind []TokenKind
	}{
		{"Korea’s Jung-kwan", []string{"Korea’s", "Jung-kwan"}, []TokenKind{Word, Word}},
		{"U.S. tariffs", []string{"U.S.", "tariffs"}, []TokenKind{Word, Word}},
		{"$1,200.50 (5%)", []string{"$", "1,200.50", "(", "5", "%", ")"}, []TokenKind{Symbol, Number, Punct, Number, Symbol, Punct}},
		{"2026-01-29 at 3:15", []string{"2026-01-29", "at", "3:15"}, []TokenKind{Number, Word, Number}},
		{"mail a.b@c.org now", []string{"mail", "a.b@c.org", "now"}, []TokenKind{Word, Link, Word}},
		{"wait...", []string{"wait", "..."}, []TokenKind{Word, Punct}},
		{"5th", []string{"5th"}, []TokenKind{Word}},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d := Parse(c.in)
			var got []string
			var kinds []TokenKind
			for _, tok := range d.Tokens {
				got = append(got, d.Slice(tok.Span))
				kinds = append(kinds, tok.Kind)
			}
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.kind, kinds)
		})
	}
}

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Mélanie", "melanie"},
		{"Melanie", "melanie"},
		{"Canada–Korea", "canada-korea"},
		{"Canada-Korea", "canada-korea"},
		{"Korea’s", "korea's"},
		{"“future mobility”", `"future mobility"`},
		{"Straße", "strasse"},
		{"Søren", "soren"},
		{"already lower", "already lower"},
		{"…", "..."},
		{"ﬁnance", "finance"},
		{"김정관", "김정관"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, Fold(c.in))
		})
	}
}

func TestLineAndColumn(t *testing.T) {
	d := Parse("one\r\ntwo\rthree\nfour")
	cases := []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {5, 2, 1}, {9, 3, 1}, {15, 4, 1}}
	for _, c := range cases {
		assert.Equal(t, c.line, d.Line(c.off), "line of %d", c.off)
		assert.Equal(t, c.col, d.Column(c.off), "column of %d", c.off)
	}
}

func TestSentenceAt(t *testing.T) {
	d := Parse("One. Two.")
	require.Len(t, d.Sentences, 2)
	assert.Equal(t, 0, d.SentenceAt(0))
	assert.Equal(t, -1, d.SentenceAt(4))
	assert.Equal(t, 1, d.SentenceAt(5))
	assert.Equal(t, -1, d.SentenceAt(100))
}

// checkInvariants asserts what every Document must satisfy: spans inside
// the text and on rune boundaries, nested and in order.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	// Rune boundaries as a decoder walks the text: an invalid byte is a rune
	// of its own.
	boundary := make([]bool, len(d.Text)+1)
	for i := 0; i < len(d.Text); {
		boundary[i] = true
		_, w := utf8.DecodeRuneInString(d.Text[i:])
		i += w
	}
	boundary[len(d.Text)] = true
	ok := func(s Span, what string) {
		require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(d.Text), "%s span %v out of range for %d bytes", what, s, len(d.Text))
		require.True(t, boundary[s.Start], "%s span %v starts inside a rune", what, s)
		require.True(t, boundary[s.End], "%s span %v ends inside a rune", what, s)
	}
	last := 0
	for i, p := range d.Paragraphs {
		ok(p.Span, "paragraph")
		require.GreaterOrEqual(t, p.Start, last)
		last = p.End
		for _, s := range d.ParagraphSentences(i) {
			require.Equal(t, i, s.Paragraph)
		}
	}
	last = 0
	for i, s := range d.Sentences {
		ok(s.Span, "sentence")
		require.GreaterOrEqual(t, s.Start, last)
		require.True(t, d.Paragraphs[s.Paragraph].Contains(s.Span), "sentence %d outside its paragraph", i)
		last = s.End
		for _, tok := range d.SentenceTokens(i) {
			ok(tok.Span, "token")
			require.True(t, s.Contains(tok.Span), "token %v outside sentence %v", tok.Span, s.Span)
		}
	}
}

func TestInvariantsOnAwkwardInput(t *testing.T) {
	for _, in := range []string{
		"\xff\xfe bad bytes. More\x80text.",
		"...",
		". . . .",
		"1.) 2.) 3.)",
		"• • •",
		"[...]",
		"a.b.c.d.e.f",
		"“”‘’",
		"Mr.",
		"\r\r\n\n\r",
		"x@y.z.",
	} {
		checkInvariants(t, Parse(in))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Hello World. My name is Jonas.",
		"U.S. tariffs, which have impacted Canada’s economy.",
		"• 9. The first item • 10. The second item",
		"compounds. . . . The practice was not abandoned. . . .",
		"Her email is Jane.Doe@example.com. I sent her an email.",
		"line one \nline two\r\nline three\rfour",
		"\xffinvalid\xfe utf8.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, Parse(s))
	})
}
