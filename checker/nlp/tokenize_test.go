package nlp

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func texts(toks []Token) []string {
	out := []string{}
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string // tokens separated by single spaces
	}{
		{"plain", "A fire killed at least 69 people.", "A fire killed at least 69 people ."},
		{"negation", "They don't know.", "They do n't know ."},
		{"can't and won't", "I can't and won't go", "I ca n't and wo n't go"},
		{"curly negation", "He didn’t say", "He did n’t say"},
		{"upper-case negation", "DON'T PANIC", "DO N'T PANIC"},
		{"possessive", "Kim's office", "Kim 's office"},
		{"curly possessive", "Dhaka’s mayor", "Dhaka ’s mayor"},
		{"plural possessive", "the workers' union", "the workers ' union"},
		{"are will would have am", "we're they'll she'd you've I'm", "we 're they 'll she 'd you 've I 'm"},
		{"cannot gonna", "You cannot, we're gonna", "You can not , we 're gon na"},
		{"name with apostrophe", "O'Brien said", "O'Brien said"},
		{"decade with apostrophe", "in the ’90s and '72", "in the ’90s and '72"},
		{"decade with s", "the 1990s and the 50's", "the 1990s and the 50's"},
		{"hyphenated name", "Kim Jung-kwan signed", "Kim Jung - kwan signed"},
		{"hyphenated compound", "a well-known, long-term plan", "a well - known , long - term plan"},
		{"kept prefixes", "e-mail co-workers non-profit pre-war re-elected anti-government", "e-mail co-workers non-profit pre-war re-elected anti-government"},
		{"number range", "5-10 people in 1969-1970", "5 - 10 people in 1969 - 1970"},
		{"phone and date", "call 713-853-3989 or 646-8420 on 2025-10-14", "call 713-853-3989 or 646-8420 on 2025-10-14"},
		{"numbers", "1,000 people, 2.5 per cent at 10:30", "1,000 people , 2.5 per cent at 10:30"},
		{"currency", "$15.3 billion and €20m", "$ 15.3 billion and € 20 m"},
		{"country dollars", "US$4.5 billion and HK$3", "US$ 4.5 billion and HK$ 3"},
		{"percent", "rose 5% to 3.2%.", "rose 5 % to 3.2 % ."},
		{"time with unit", "at 5pm or 11:30am", "at 5 pm or 11:30 am"},
		{"ordinals", "the 5th and 21st", "the 5th and 21st"},
		{"slash date and fraction", "since 9/11, 1/2 of them and/or", "since 9/11 , 1 / 2 of them and / or"},
		{"dotted abbreviations", "The U.S. and Dr. Smith met at 3 p.m. today", "The U.S. and Dr. Smith met at 3 p.m. today"},
		{"abbreviation at the end", "They live in the U.S.", "They live in the U.S ."},
		{"abbreviation before a quote at the end", "said Acme Inc.\"", "said Acme Inc . \""},
		{"month abbreviation", "on Jan. 29 and Nov.28", "on Jan. 29 and Nov. 28"},
		{"initials", "J. K. Rowling", "J. K. Rowling"},
		{"quotes", "\"We agree,\" she said.", "\" We agree , \" she said ."},
		{"curly quotes", "“It is done.”", "“ It is done . ”"},
		{"single quotes", "a 'big' deal", "a ' big ' deal"},
		{"brackets", "(AP) [sic] {x}", "( AP ) [ sic ] { x }"},
		{"ellipsis and runs", "Wait... what?! No!!!", "Wait ... what ?! No !!!"},
		{"dashes", "It was -- or was it — not", "It was -- or was it — not"},
		{"glued dashes", "yes--no", "yes -- no"},
		{"url", "See https://example.com/a.b?x=1.", "See https://example.com/a.b?x=1 ."},
		{"url in brackets", "(www.example.org/page)", "( www.example.org/page )"},
		{"email", "Write to jane.doe@example.com, now", "Write to jane.doe@example.com , now"},
		{"bare domain", "on Amazon.com today", "on Amazon.com today"},
		{"glued sentences", "the end.Then more", "the end . Then more"},
		{"emoticon", "great :) thanks", "great :) thanks"},
		{"signed number", "call +44 20", "call +44 20"},
		{"ampersand", "AT&T and Q&A", "AT&T and Q&A"},
		{"non-ascii words", "Zürich’s café in São Paulo", "Zürich ’s café in São Paulo"},
		{"empty", "", ""},
		{"only space", " \t\n ", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := []string{}
			if c.want != "" {
				want = strings.Split(c.want, " ")
			}
			assert.Equal(t, want, texts(Tokenize(c.in)))
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	cases := []struct {
		name string
		in   string
	}{
		{"ascii", "They don't know, do they?"},
		{"accents and curly quotes", "“Zürich’s café,” said Müller—again."},
		{"cjk and emoji", "Seoul 서울 said 🙂 ok"},
		{"invalid utf-8", "bad \xff\xfe bytes’s \xc3 end"},
		{"combining marks", "Cafe\u0301 is open"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTokens(t, c.in, Tokenize(c.in))
		})
	}
	// Exact offsets on a non-ASCII sentence.
	toks := Tokenize("“Zürich’s café”")
	require.Len(t, toks, 5)
	assert.Equal(t, []Token{
		{0, 3, "“"}, {3, 10, "Zürich"}, {10, 14, "’s"}, {15, 20, "café"}, {20, 23, "”"},
	}, toks)
}

// checkTokens asserts the contract of Tokenize: tokens in order, not
// overlapping, on rune boundaries, Text matching the offsets, nothing but
// white space between them.
func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	// Rune boundaries as ranging over the string sees them: an invalid
	// byte is a rune of its own.
	boundary := make([]bool, len(s)+1)
	boundary[len(s)] = true
	for i := range s {
		boundary[i] = true
	}
	prev := 0
	for _, tok := range toks {
		if !(0 <= tok.Start && tok.Start < tok.End && tok.End <= len(s)) {
			t.Fatalf("span %d..%d of %d bytes", tok.Start, tok.End, len(s))
		}
		if tok.Start < prev {
			t.Fatalf("token at %d overlaps or goes back before %d", tok.Start, prev)
		}
		if !boundary[tok.Start] || !boundary[tok.End] {
			t.Fatalf("span %d..%d not on rune boundaries", tok.Start, tok.End)
		}
		if tok.Text != s[tok.Start:tok.End] {
			t.Fatalf("text %q, span holds %q", tok.Text, s[tok.Start:tok.End])
		}
		if strings.TrimSpace(s[prev:tok.Start]) != "" {
			t.Fatalf("text dropped between tokens: %q", s[prev:tok.Start])
		}
		prev = tok.End
	}
	require.Empty(t, strings.TrimSpace(s[prev:]), "text dropped at the end")
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"A fire killed at least 69 people in Dhaka on Wednesday.",
		"“Zürich’s café,” she said—don't go to the U.S. (e-mail me: a@b.com)",
		"Call 713-853-3989, $15.3bn, 5pm, 9/11, '90s...",
		"bad \xff\xfe bytes",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokenize(s))
	})
}

// TestTokenizeLongInput guards against quadratic work on long runs without
// white space: each input is 1 MB and must take well under a second (a
// linear pass takes milliseconds; a quadratic one, minutes).
func TestTokenizeLongInput(t *testing.T) {
	const size = 1 << 20
	cases := map[string]string{
		"letters":              strings.Repeat("a", size),
		"brackets and letters": strings.Repeat("(a", size/2),
		"at signs":             strings.Repeat("a@(", size/3),
		"dotted words":         strings.Repeat("ab.cdef.", size/8),
		"hyphens":              strings.Repeat("ab-", size/3),
		"digits and slashes":   strings.Repeat("1/", size/2),
		"apostrophes":          strings.Repeat("a'", size/2),
		"full stops":           strings.Repeat(".", size),
		"domains":              strings.Repeat("a.com(", size/6),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			toks := Tokenize(s)
			assert.Less(t, time.Since(start), 2*time.Second)
			checkTokens(t, s, toks)
		})
	}
}
