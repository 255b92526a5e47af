package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encoding names reported in Article.Encoding.
const (
	EncUTF8        = "utf-8"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncUTF32LE     = "utf-32le"
	EncUTF32BE     = "utf-32be"
	EncWindows1252 = "windows-1252"
)

// ErrEmpty, ErrBinary and ErrTooLarge classify rejected inputs; the errors
// returned by the loader wrap them with details.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input")
	ErrTooLarge = errors.New("input too large")
)

// decoded is an input turned into UTF-8 text.
type decoded struct {
	text     string
	encoding string
	bomLen   int    // bytes of byte-order mark dropped (UTF-8 only)
	warning  string // set when the encoding had to be guessed
}

var magic = []struct {
	prefix, name string
}{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive or office document"},
	{"\x1f\x8b", "gzip-compressed data"},
	{"\x89PNG", "a PNG image"},
	{"GIF8", "a GIF image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"\x7fELF", "an executable"},
	{"BZh", "bzip2-compressed data"},
	{"\xfd7zXZ", "xz-compressed data"},
	{"7z\xbc\xaf", "a 7-Zip archive"},
	{"\x00\x00\x01\x00", "an icon"},
	{"OggS", "an Ogg media file"},
	{"ID3", "an MP3 audio file"},
	{"\x1aE\xdf\xa3", "a Matroska/WebM media file"},
}

// decode turns raw input bytes into UTF-8 text. isHTML lets a declared
// charset in a <meta> tag decide the encoding of bytes that are not UTF-8.
func decode(data []byte, isHTML bool) (decoded, error) {
	if len(data) == 0 {
		return decoded{}, fmt.Errorf("%w: the input has no bytes", ErrEmpty)
	}
	var enc encoding.Encoding
	var name string
	bom := 0
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		bom = 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		enc, name = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), EncUTF32LE
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}):
		enc, name = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), EncUTF32BE
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc, name = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), EncUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc, name = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), EncUTF16BE
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return decoded{}, fmt.Errorf("%w: not valid %s: %v", ErrBinary, name, err)
		}
		s := string(out)
		if err := checkText(s); err != nil {
			return decoded{}, err
		}
		return decoded{text: s, encoding: name}, nil
	}
	body := data[bom:]
	for _, m := range magic {
		if bytes.HasPrefix(body, []byte(m.prefix)) {
			return decoded{}, fmt.Errorf("%w: the file is %s, not text", ErrBinary, m.name)
		}
	}
	if bytes.IndexByte(body, 0) >= 0 {
		// UTF-16 without a byte-order mark shows as ASCII letters
		// alternating with NUL bytes; anything else with NULs is binary.
		if e, n := sniffUTF16(body); e != nil {
			out, err := e.NewDecoder().Bytes(body)
			if err == nil && checkText(string(out)) == nil {
				return decoded{text: string(out), encoding: n,
					warning: "input has no byte-order mark; decoded as " + n + " from its byte pattern"}, nil
			}
		}
		return decoded{}, fmt.Errorf("%w: the input contains NUL bytes", ErrBinary)
	}
	if utf8.Valid(body) {
		s := string(body)
		if err := checkText(s); err != nil {
			return decoded{}, err
		}
		return decoded{text: s, encoding: EncUTF8, bomLen: bom}, nil
	}
	// Not UTF-8. An HTML page may declare its charset; otherwise the
	// commonest legacy encoding of Western news sites is Windows-1252.
	enc, name = charmap.Windows1252, EncWindows1252
	if isHTML {
		if e, n, certain := charset.DetermineEncoding(body, "text/html"); certain && n != "utf-8" && e != nil {
			enc, name = e, n
		}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return decoded{}, fmt.Errorf("%w: cannot decode as %s: %v", ErrBinary, name, err)
	}
	s := string(out)
	if err := checkText(s); err != nil {
		return decoded{}, err
	}
	return decoded{text: s, encoding: name,
		warning: fmt.Sprintf("input is not valid UTF-8 (first bad byte at offset %d); decoded as %s", firstInvalid(body)+bom, displayEncoding(name))}, nil
}

func displayEncoding(name string) string {
	if name == EncWindows1252 {
		return "Windows-1252"
	}
	return name
}

// CheckText rejects text that is empty, only whitespace, or mostly control
// characters (binary data read as text). The errors wrap ErrEmpty and
// ErrBinary.
func CheckText(s string) error { return checkText(s) }

// checkText rejects decoded text that is empty or mostly control characters.
func checkText(s string) error {
	if strings.TrimFunc(s, isBlank) == "" {
		return fmt.Errorf("%w: the input holds only whitespace", ErrEmpty)
	}
	control, total := 0, 0
	for _, r := range s {
		total++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v') || r == 0x7f || (0x80 <= r && r < 0xa0) {
			control++
		}
	}
	if total > 0 && control*10 > total {
		return fmt.Errorf("%w: %d of %d characters are control characters", ErrBinary, control, total)
	}
	return nil
}

func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200b || r == 0x2060 || r == 0xfeff
}

// sniffUTF16 recognises UTF-16 text without a byte-order mark from where
// the zero bytes fall.
func sniffUTF16(b []byte) (encoding.Encoding, string) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return nil, ""
	}
	evenZero, oddZero := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenZero++
		}
		if b[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*9 && evenZero*10 < pairs:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), EncUTF16LE
	case evenZero*10 >= pairs*9 && oddZero*10 < pairs:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), EncUTF16BE
	}
	return nil, ""
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}
