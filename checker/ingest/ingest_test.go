package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func newLoader(t testing.TB, max int64) *Loader {
	t.Helper()
	l, err := NewLoader(Options{MaxBytes: max})
	require.NoError(t, err)
	return l
}

func utf16(t *testing.T, s string, order unicode.Endianness, bom unicode.BOMPolicy) []byte {
	b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecode(t *testing.T) {
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Mélanie Joly’s “plan” — café"))
	require.NoError(t, err)
	cases := []struct {
		name     string
		in       []byte
		html     bool
		text     string
		encoding string
		warn     string
		err      error
	}{
		{"plain utf-8", []byte("Hello."), false, "Hello.", EncUTF8, "", nil},
		{"utf-8 bom dropped", []byte("\xef\xbb\xbfHello."), false, "Hello.", EncUTF8, "", nil},
		{"utf-16le bom", utf16(t, "Mélanie", unicode.LittleEndian, unicode.UseBOM), false, "Mélanie", EncUTF16LE, "", nil},
		{"utf-16be bom", utf16(t, "Mélanie", unicode.BigEndian, unicode.UseBOM), false, "Mélanie", EncUTF16BE, "", nil},
		{"utf-16le without bom", utf16(t, "Plain ASCII text here.", unicode.LittleEndian, unicode.IgnoreBOM), false, "Plain ASCII text here.", EncUTF16LE, "byte pattern", nil},
		{"windows-1252", cp1252, false, "Mélanie Joly’s “plan” — café", EncWindows1252, "Windows-1252", nil},
		{"latin-1 declared in html", append([]byte(`<meta charset="iso-8859-1"><p>caf`), 0xe9), true, `<meta charset="iso-8859-1"><p>café`, "windows-1252", "not valid UTF-8", nil},
		{"crlf kept", []byte("a\r\nb"), false, "a\r\nb", EncUTF8, "", nil},
		{"empty", []byte{}, false, "", "", "", ErrEmpty},
		{"whitespace only", []byte(" \n\t\r\n "), false, "", "", "", ErrEmpty},
		{"bom then nothing", []byte("\xef\xbb\xbf"), false, "", "", "", ErrEmpty},
		{"nul bytes", []byte("abc\x00\x01\x02def\x00"), false, "", "", "", ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), false, "", "", "", ErrBinary},
		{"pdf", []byte("%PDF-1.7\n..."), false, "", "", "", ErrBinary},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 'a'}, 20), false, "", "", "", ErrBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := decode(c.in, c.html)
			if c.err != nil {
				require.ErrorIs(t, err, c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.text, d.text)
			assert.Equal(t, c.encoding, d.encoding)
			if c.warn == "" {
				assert.Empty(t, d.warning)
			} else {
				assert.Contains(t, d.warning, c.warn)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	l := newLoader(t, 0)
	a, err := l.ParseArticle("x", "x.txt", FormatText, []byte("---\ntitle: Deal signed\noutlet: Wire Co\npublished: 2026-03-12\nauthor: Jane Doe\nmood: happy\n---\nThe deal was signed.\n"))
	require.NoError(t, err)
	assert.Equal(t, "Deal signed", a.Title)
	assert.Equal(t, "Wire Co", a.Outlet)
	assert.Equal(t, "2026-03-12", a.Published)
	assert.Equal(t, "Jane Doe", a.Byline)
	assert.Equal(t, "The deal was signed.\n", a.Text)
	assert.Equal(t, len("---\ntitle: Deal signed\noutlet: Wire Co\npublished: 2026-03-12\nauthor: Jane Doe\nmood: happy\n---\n"), a.TextOffset)
	require.Len(t, a.Warnings, 1)
	assert.Contains(t, a.Warnings[0], "mood")

	cases := []struct {
		name, in, err string
	}{
		{"unclosed", "---\ntitle: x\nbody text", "no closing"},
		{"not a mapping", "---\n- a\n- b\n---\ntext", "key: value"},
		{"bad yaml", "---\ntitle: [unclosed\n---\ntext", "front matter"},
		{"nested value", "---\ntitle:\n  a: b\n---\ntext", "single value"},
		{"nothing after", "---\ntitle: x\n---\n  \n", "whitespace"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := newLoader(t, 0).ParseArticle("x", "x.txt", FormatText, []byte(c.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.err)
		})
	}

	t.Run("unreadable date is a warning", func(t *testing.T) {
		a, err := newLoader(t, 0).ParseArticle("x", "x.txt", FormatText, []byte("---\npublished: sometime soon\n---\nText."))
		require.NoError(t, err)
		assert.Empty(t, a.Published)
		require.Len(t, a.Warnings, 1)
		assert.Contains(t, a.Warnings[0], "sometime soon")
	})
	t.Run("dashes later in the text are not front matter", func(t *testing.T) {
		a, err := newLoader(t, 0).ParseArticle("x", "x.txt", FormatText, []byte("Text.\n---\ntitle: x\n---\n"))
		require.NoError(t, err)
		assert.Empty(t, a.Title)
		assert.Equal(t, 0, a.TextOffset)
	})
}

func TestJSONLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "First article.", "title": "A", "outlet": "Wire", "url": "https://x/a", "published": "2026-01-29T10:00:00-05:00"}`,
		``,
		`{"id": 7, "text": "Numeric id."}`,
		`{"id": "a", "text": "Duplicate id."}`,
		`not json`,
		`{"text": "No id."}`,
		`{"id": "e", "text": "   "}`,
		`{"id": "f"}`,
		`{"id": "g", "html": "<p>From <b>HTML</b>.</p>"}`,
		`{"id": "h", "text": "Bad date.", "published": "next week"}`,
		`{"id": "i", "text": "Last line without newline."}`,
	}, "\n")
	arts, errs := newLoader(t, 0).LoadReader(strings.NewReader(in), "-")
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a", "7", "g", "h", "i"}, ids)
	assert.Equal(t, "-:1", arts[0].Input)
	assert.Equal(t, "2026-01-29T10:00:00-05:00", arts[0].Published)
	assert.Equal(t, "From HTML.", arts[2].Text)
	assert.Contains(t, arts[3].Warnings[0], "next week")

	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	require.Len(t, got, 5)
	assert.Contains(t, got[0], "-:4: duplicate article id \"a\": already read from -:1")
	assert.Contains(t, got[1], "-:5: invalid JSON")
	assert.Contains(t, got[2], `-:6: the record has no "id" field`)
	assert.Contains(t, got[3], "-:7: empty input")
	assert.Contains(t, got[4], `-:8: the record has no "text" field`)
}

func TestJSONLinesTooLong(t *testing.T) {
	big := strings.Repeat("x", 200)
	in := `{"id":"big","text":"` + big + `"}` + "\n" + `{"id":"ok","text":"fine"}`
	arts, errs := newLoader(t, 100).LoadReader(strings.NewReader(in), "feed.jsonl")
	require.Len(t, arts, 1)
	assert.Equal(t, "ok", arts[0].ID)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrTooLarge)
	assert.Equal(t, "feed.jsonl:1", errs[0].Input)
}

func TestHTMLExtraction(t *testing.T) {
	page := `<!doctype html><html><head>
<title>Deal signed - Wire Co</title>
<meta property="og:site_name" content="Wire Co">
<meta property="article:published_time" content="2026-01-29T15:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://wire.example/deal">
<style>p { color: red }</style><script>var x = "not text";</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article class="story-body">
<h1>Deal   signed</h1>
<p>The two countries <b>signed</b> a deal on
Wednesday.</p>
<p hidden>Hidden text.</p><p style="display:none">Also hidden.</p>
<table><tr><td>Jobs</td><td>1,200</td></tr></table>
<pre>line one
  line two</pre>
</article>
<footer>© 2026 Wire Co</footer>
</body></html>`
	a, err := newLoader(t, 0).ParseArticle("p", "p.html", FormatHTML, []byte(page))
	require.NoError(t, err)
	assert.Equal(t, "- Home\n\n- World\n\nDeal signed\n\nThe two countries signed a deal on Wednesday.\n\nJobs | 1,200\n\nline one\n  line two\n\n© 2026 Wire Co", a.Text)
	assert.Equal(t, "Deal signed", a.Title)
	assert.Equal(t, "Wire Co", a.Outlet)
	assert.Equal(t, "2026-01-29T15:00:00Z", a.Published)
	assert.Equal(t, "Jane Doe", a.Byline)
	assert.Equal(t, "https://wire.example/deal", a.URL)
	require.Len(t, a.Blocks, 7)
	assert.Equal(t, "li", a.Blocks[0].Tag)
	assert.Contains(t, a.Blocks[0].Context, "nav site")
	assert.Equal(t, len("Home"), a.Blocks[0].LinkBytes)
	assert.Equal(t, "p", a.Blocks[3].Tag)
	assert.Contains(t, a.Blocks[3].Context, "story body")
	assert.Equal(t, 0, a.Blocks[3].LinkBytes)
	for _, b := range a.Blocks {
		assert.True(t, utf8.ValidString(b.Span.In(a.Text)))
	}

	_, err = newLoader(t, 0).ParseArticle("e", "e.html", FormatHTML, []byte("<html><script>only code</script></html>"))
	assert.ErrorIs(t, err, ErrEmpty)
}

func TestHTMLJSONLD(t *testing.T) {
	page := `<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Ministers sign","datePublished":"2026-01-29","author":[{"@type":"Person","name":"A. Writer"}],"publisher":{"@type":"Organization","name":"Daily Wire Service"}}]}
</script></head><body><p>Body text.</p></body></html>`
	a, err := newLoader(t, 0).ParseArticle("p", "p.html", FormatHTML, []byte(page))
	require.NoError(t, err)
	assert.Equal(t, "Ministers sign", a.Title)
	assert.Equal(t, "2026-01-29", a.Published)
	assert.Equal(t, "A. Writer", a.Byline)
	assert.Equal(t, "Daily Wire Service", a.Outlet)
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Café owners said “no” – again.\n"))
	require.NoError(t, err)
	write("a_good.txt", []byte("A good article.\n"))
	write("b_empty.txt", nil)
	write("c_binary.txt", []byte("\x00\x01\x02\x03binary\x00"))
	write("d_cp1252.txt", cp1252)
	write("e_huge.txt", bytes.Repeat([]byte("word "), 2500))
	write("f_page.html", []byte("<p>An HTML page.</p>"))
	write("g_feed.jsonl", []byte(`{"id":"from-feed","text":"A record."}`+"\n"))
	write("h_notes.pdf", []byte("%PDF-1.4"))
	write(".hidden.txt", []byte("ignored"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))

	l := newLoader(t, 10000)
	arts, errs := l.LoadPath(dir)
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a_good", "d_cp1252", "f_page", "from-feed"}, ids)
	assert.Equal(t, "Café owners said “no” – again.\n", arts[1].Text)
	assert.Equal(t, EncWindows1252, arts[1].Encoding)
	require.Len(t, arts[1].Warnings, 1)

	reasons := map[string]error{}
	for _, e := range errs {
		reasons[filepath.Base(e.Input)] = e.Err
	}
	assert.ErrorIs(t, reasons["b_empty.txt"], ErrEmpty)
	assert.ErrorIs(t, reasons["c_binary.txt"], ErrBinary)
	assert.ErrorIs(t, reasons["e_huge.txt"], ErrTooLarge)
	assert.Contains(t, reasons["e_huge.txt"].Error(), "12.2 KiB is over the per-article limit of 9.8 KiB")
	assert.Contains(t, reasons["h_notes.pdf"].Error(), "not an article file")
	assert.Contains(t, reasons["sub"].Error(), "folder inside a folder")
	assert.Len(t, errs, 5)

	_, errs = l.LoadPath(filepath.Join(dir, "missing.txt"))
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[0].Err, os.ErrNotExist))

	// Loading the folder again in the same batch makes every id a duplicate.
	_, errs = l.LoadPath(filepath.Join(dir, "a_good.txt"))
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "duplicate article id \"a_good\"")
}

func TestExplicitFileWithOtherExtension(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.article")
	require.NoError(t, os.WriteFile(p, []byte("<!DOCTYPE html><html><body><p>Sniffed as HTML.</p></body></html>"), 0o644))
	arts, errs := newLoader(t, 0).LoadPath(p)
	require.Empty(t, errs)
	require.Len(t, arts, 1)
	assert.Equal(t, FormatHTML, arts[0].Format)
	assert.Equal(t, "Sniffed as HTML.", arts[0].Text)
}

func TestJSONDocument(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "batch.json")
	require.NoError(t, os.WriteFile(p, []byte(`[{"id":"x","text":"One."},{"id":"y"}]`), 0o644))
	arts, errs := newLoader(t, 0).LoadPath(p)
	require.Len(t, arts, 1)
	require.Len(t, errs, 1)
	assert.Equal(t, p+"[1]", errs[0].Input)
}

// TestUnclosedTitleKeepsThePage: a <title> left open swallows the page as
// the HTML standard reads it; the loader closes it and keeps the text.
func TestUnclosedTitleKeepsThePage(t *testing.T) {
	page := "<html><head><title>Council approves plan - City Courier<meta charset=utf-8></head><body><p>The city council voted 9-2 on Tuesday to approve the transit plan.</p></body></html>"
	a, err := newLoader(t, 0).ParseArticle("x", "x.html", FormatHTML, []byte(page))
	require.NoError(t, err)
	assert.Contains(t, a.Text, "The city council voted 9-2 on Tuesday")
	// A page with nothing after its open title is still empty.
	_, err = newLoader(t, 0).ParseArticle("x", "x.html", FormatHTML, []byte("<html><head><title>Only a title"))
	require.Error(t, err)
}
