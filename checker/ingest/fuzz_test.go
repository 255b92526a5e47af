package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// checkArticle asserts what every loaded article must satisfy.
func checkArticle(t *testing.T, a Article) {
	t.Helper()
	require.True(t, utf8.ValidString(a.Text), "text is not valid UTF-8")
	require.NotEmpty(t, strings.TrimSpace(a.Text), "an accepted article has text")
	require.NotEmpty(t, a.ID)
	for _, b := range a.Blocks {
		require.True(t, 0 <= b.Span.Start && b.Span.Start <= b.Span.End && b.Span.End <= len(a.Text), "block %v out of range", b.Span)
		require.True(t, utf8.ValidString(a.Text[b.Span.Start:b.Span.End]), "block %v splits a rune", b.Span)
		require.LessOrEqual(t, b.LinkBytes, b.Span.Len())
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range [][]byte{
		[]byte("plain"), []byte("\xef\xbb\xbfbom"), []byte("\xff\xfeh\x00i\x00"), []byte("\xfe\xff\x00h\x00i"),
		[]byte("caf\xe9"), []byte("\x00\x00\xfe\xff"), []byte("%PDF-"), []byte("a\x00b\x00c\x00"),
	} {
		f.Add(s, false)
	}
	f.Add([]byte(`<meta charset="shift_jis"><p>`+"\x82\xa0"), true)
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		d, err := decode(data, isHTML)
		if err != nil {
			return
		}
		require.True(t, utf8.ValidString(d.text))
		require.NotEmpty(t, strings.TrimSpace(d.text))
	})
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\nBody."), false)
	f.Add([]byte("---\n: :\n---\n"), false)
	f.Add([]byte("<p>Hello <a href=x>link</a></p><pre>a\n b</pre><ul><li>one<li>two</ul>"), true)
	f.Add([]byte("<table><tr><td>a<td>b<tr><td>c</table>"), true)
	f.Add([]byte("<script>x</script><div hidden>y</div>z"), true)
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		format := FormatText
		if isHTML {
			format = FormatHTML
		}
		l, err := NewLoader(Options{MaxBytes: 1 << 20})
		require.NoError(t, err)
		a, err := l.ParseArticle("id", "input", format, data)
		if err != nil {
			return
		}
		checkArticle(t, a)
		if !isHTML && a.Encoding == EncUTF8 {
			// For UTF-8 text input, the text is a suffix of the input bytes.
			require.True(t, bytes.HasSuffix(data, []byte(a.Text)))
			require.Equal(t, len(data), a.TextOffset+len(a.Text))
		}
	})
}

func FuzzJSONLines(f *testing.F) {
	f.Add(`{"id":"a","text":"x"}` + "\n" + `{"id":1,"html":"<p>y</p>"}`)
	f.Add(`{"id":"a","text":"x","published":"2026-01-29"}` + "\n\n" + `[]`)
	f.Add("{\"id\":\"a\",\"text\":\"\\u0000\"}")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := NewLoader(Options{MaxBytes: 1 << 16})
		require.NoError(t, err)
		arts, errs := l.LoadReader(strings.NewReader(in), "-")
		seen := map[string]bool{}
		for _, a := range arts {
			checkArticle(t, a)
			require.False(t, seen[a.ID], "duplicate id %q accepted", a.ID)
			seen[a.ID] = true
		}
		for _, e := range errs {
			require.NotEmpty(t, e.Error())
		}
	})
}

// BenchmarkLoadJSONLines reads 10,000 JSON Lines records of about 600
// words each.
func BenchmarkLoadJSONLines(b *testing.B) {
	body := strings.Repeat("The committee met in Ottawa on Wednesday and signed a memorandum. ", 60)
	var sb strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&sb, `{"id":"a%05d","text":%q,"published":"2026-01-29"}`+"\n", i, body)
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := NewLoader(Options{})
		if err != nil {
			b.Fatal(err)
		}
		arts, errs := l.LoadReader(strings.NewReader(in), "-")
		if len(arts) != 10000 || len(errs) != 0 {
			b.Fatalf("read %d articles, %d errors", len(arts), len(errs))
		}
	}
}

// BenchmarkExtractHTML extracts text from a 1 MB page.
func BenchmarkExtractHTML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>t</title></head><body><nav><ul>")
	for sb.Len() < 1<<20 {
		sb.WriteString(`<li><a href="/x">Section link</a></li><div class="story"><p>The committee met in <b>Ottawa</b> on Wednesday &amp; signed.</p></div>`)
	}
	sb.WriteString("</ul></nav></body></html>")
	page := sb.String()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		extractHTML(page)
	}
}
