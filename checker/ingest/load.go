// Package ingest reads articles as scrapers hand them over: plain text or
// Markdown files (optionally opening with front matter), HTML pages, and
// JSON Lines records, in UTF-8, UTF-16 or a legacy encoding. It turns each
// into an Article with UTF-8 text and whatever metadata the input declares,
// and rejects empty, binary and oversized inputs with a reason, without
// stopping the rest of the batch.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// DefaultMaxBytes is the default per-article size limit: 10 MiB.
const DefaultMaxBytes = 10 << 20

// Input formats, as reported in Article.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSONL    = "jsonl"
)

// Article is one article as read from its input.
type Article struct {
	// ID names the article in the report: a file's name without its
	// extension, or a JSON Lines record's id. IDs are unique in a batch.
	ID string
	// Input says where the article came from: a path, "path:line" for a
	// JSON Lines record, "-:line" for standard input.
	Input string
	// Format is text, markdown, html or jsonl.
	Format string
	// Encoding is the character encoding the input was decoded from.
	Encoding string
	// Text is the article's text in UTF-8: the file body after any
	// byte-order mark and front matter, or the text extracted from HTML.
	// Line ends are kept as they were.
	Text string
	// TextOffset is where Text starts in the decoded input.
	TextOffset int
	// Metadata; "" when unknown. Published is YYYY-MM-DD or RFC 3339.
	Title, Outlet, URL, Published, Byline, Dateline string
	// Inferred lists metadata read off the text (see InferMetadata).
	Inferred []Inference
	// Datelines are the spans of the text that a dateline rule matches
	// ("HALIFAX, March 14 (Wire) -"), whether or not the dateline was
	// already known: a date there is when the story was filed.
	Datelines []text.Span
	// Warnings are problems that did not stop the article being read, such
	// as a guessed encoding.
	Warnings []string
	// Blocks describe the HTML blocks Text was built from; nil for other
	// formats.
	Blocks []Block
}

// Options control loading.
type Options struct {
	// MaxBytes is the per-article size limit in bytes; 0 means
	// DefaultMaxBytes. Larger inputs are rejected.
	MaxBytes int64
	// Rules supplies the "dates" tables used to read publication dates;
	// nil means the built-in rules.
	Rules *ruleset.Set
}

// InputError is an input that could not be read as an article.
type InputError struct {
	// Input is the path, "path:line" or "-:line" of the input.
	Input string
	// Err says why; it wraps ErrEmpty, ErrBinary or ErrTooLarge where one
	// of those applies.
	Err error
}

// Error returns "input: reason".
func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// Loader reads a batch of inputs and keeps article ids unique across them.
// A Loader is not safe for concurrent use; use one per batch.
type Loader struct {
	maxBytes int64
	dates    *timex.Reader
	seen     map[string]string // article id → input it came from
}

// NewLoader returns a Loader with the given options.
func NewLoader(opts Options) (*Loader, error) {
	set := opts.Rules
	if set == nil {
		var err error
		if set, err = ruleset.Default(); err != nil {
			return nil, err
		}
	}
	dates, err := timex.NewReader(set)
	if err != nil {
		return nil, err
	}
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return &Loader{maxBytes: max, dates: dates, seen: map[string]string{}}, nil
}

// Extensions of the files a folder is searched for, with their formats.
var folderFormats = map[string]string{
	".txt": FormatText, ".md": FormatMarkdown, ".html": FormatHTML, ".jsonl": FormatJSONL,
}

// Extensions accepted when a file is named explicitly.
var fileFormats = map[string]string{
	".txt": FormatText, ".text": FormatText, ".md": FormatMarkdown, ".markdown": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL, ".json": FormatJSONL,
}

// LoadPath reads a file or a folder. A folder contributes its .txt, .md,
// .html and .jsonl files, sorted by name; other entries are reported as
// errors so that nothing is skipped silently (hidden files excepted).
func (l *Loader) LoadPath(path string) ([]Article, []*InputError) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, []*InputError{{Input: path, Err: cleanPathError(err)}}
	}
	if !st.IsDir() {
		return l.loadFile(path, st.Size(), true)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, []*InputError{{Input: path, Err: cleanPathError(err)}}
	}
	var arts []Article
	var errs []*InputError
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		full := filepath.Join(path, name)
		if strings.HasPrefix(name, ".") {
			continue
		}
		if e.IsDir() {
			errs = append(errs, &InputError{Input: full, Err: errors.New("skipped: a folder inside a folder is not searched")})
			continue
		}
		if _, ok := folderFormats[strings.ToLower(filepath.Ext(name))]; !ok {
			errs = append(errs, &InputError{Input: full, Err: errors.New("skipped: not an article file (.txt, .md, .html or .jsonl)")})
			continue
		}
		info, err := e.Info()
		if err != nil {
			errs = append(errs, &InputError{Input: full, Err: cleanPathError(err)})
			continue
		}
		a, es := l.loadFile(full, info.Size(), false)
		arts, errs = append(arts, a...), append(errs, es...)
	}
	return arts, errs
}

func cleanPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (l *Loader) loadFile(path string, size int64, explicit bool) ([]Article, []*InputError) {
	ext := strings.ToLower(filepath.Ext(path))
	format, ok := fileFormats[ext]
	if !ok && !explicit {
		return nil, []*InputError{{Input: path, Err: errors.New("skipped: not an article file")}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, []*InputError{{Input: path, Err: cleanPathError(err)}}
	}
	defer f.Close()
	if format == FormatJSONL {
		if ext == ".json" {
			return l.loadJSONDocument(f, path)
		}
		return l.LoadReader(f, path)
	}
	if size > l.maxBytes {
		return nil, []*InputError{{Input: path, Err: l.tooLarge(size)}}
	}
	data, err := io.ReadAll(io.LimitReader(f, l.maxBytes+1))
	if err != nil {
		return nil, []*InputError{{Input: path, Err: err}}
	}
	if int64(len(data)) > l.maxBytes {
		return nil, []*InputError{{Input: path, Err: l.tooLarge(int64(len(data)))}}
	}
	if format == "" {
		format = sniffFormat(data)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	a, err := l.ParseArticle(id, path, format, data)
	if err != nil {
		return nil, []*InputError{{Input: path, Err: err}}
	}
	return []Article{a}, nil
}

func (l *Loader) tooLarge(size int64) error {
	return fmt.Errorf("%w: %s is over the per-article limit of %s (--max-bytes)", ErrTooLarge, HumanBytes(size), HumanBytes(l.maxBytes))
}

// HumanBytes formats a byte count as "12.0 MiB", "512 KiB" or "100 B".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// sniffFormat guesses the format of a file named without a known extension.
func sniffFormat(data []byte) string {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		(bytes.HasPrefix(head, []byte("<")) && (bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<p")))) {
		return FormatHTML
	}
	return FormatText
}

// ParseArticle reads one article from raw bytes in the given format (text,
// markdown or html). input names it in errors and in the report.
func (l *Loader) ParseArticle(id, input, format string, data []byte) (Article, error) {
	if int64(len(data)) > l.maxBytes {
		return Article{}, l.tooLarge(int64(len(data)))
	}
	dec, err := decode(data, format == FormatHTML)
	if err != nil {
		return Article{}, err
	}
	a := Article{ID: id, Input: input, Format: format, Encoding: dec.encoding}
	if dec.warning != "" {
		a.Warnings = append(a.Warnings, dec.warning)
	}
	switch format {
	case FormatHTML:
		if err := l.fromHTML(&a, dec.text); err != nil {
			return Article{}, err
		}
	default:
		a.Text = dec.text
		if dec.encoding == EncUTF8 {
			a.TextOffset = dec.bomLen
		}
		fm, ok, err := parseFrontMatter(dec.text)
		if err != nil {
			return Article{}, err
		}
		if ok {
			a.Text = dec.text[fm.bodyStart:]
			a.TextOffset += fm.bodyStart
			if v := fm.fields["id"]; v != "" {
				a.ID = v
			}
			for _, k := range []string{"title", "outlet", "url", "published", "byline", "dateline"} {
				l.setExplicit(&a, k, fm.fields[k])
			}
			if len(fm.unknown) > 0 {
				a.Warnings = append(a.Warnings, "front matter: ignored unknown keys "+strings.Join(fm.unknown, ", "))
			}
			if err := checkText(a.Text); err != nil {
				return Article{}, fmt.Errorf("%w (after the front matter)", err)
			}
		}
	}
	if err := l.claimID(&a); err != nil {
		return Article{}, err
	}
	return a, nil
}

func (l *Loader) fromHTML(a *Article, src string) error {
	page := extractHTML(src)
	if strings.TrimSpace(page.text) == "" {
		return fmt.Errorf("%w: the HTML has no readable text", ErrEmpty)
	}
	a.Text, a.Blocks = page.text, page.blocks
	for _, k := range []string{"title", "outlet", "url", "published", "byline"} {
		l.setExplicit(a, k, page.meta[k])
	}
	return nil
}

// setExplicit sets a metadata field given by the input itself, normalising
// a publication date and warning about one that cannot be read.
func (l *Loader) setExplicit(a *Article, field, v string) {
	v = strings.TrimSpace(v)
	if v == "" || a.field(field) != "" {
		return
	}
	if field == "published" {
		norm, ok := l.dates.ParseStamp(v)
		if !ok {
			a.Warnings = append(a.Warnings, fmt.Sprintf("published: cannot read the date %q; ignored", v))
			return
		}
		v = norm
	}
	a.setField(field, v)
}

func (l *Loader) claimID(a *Article) error {
	if strings.TrimSpace(a.ID) == "" {
		return errors.New("the article has no id")
	}
	if prev, dup := l.seen[a.ID]; dup {
		return fmt.Errorf("duplicate article id %q: already read from %s", a.ID, prev)
	}
	l.seen[a.ID] = a.Input
	return nil
}

// record is one JSON Lines record.
type record struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Byline    string          `json:"byline"`
	Dateline  string          `json:"dateline"`
}

// LoadReader reads JSON Lines from r: one JSON object per line with an id,
// a text (or an html page) and optional title, outlet, url, published,
// byline and dateline. name is "-" for standard input or the file's path.
// A bad line is reported and the rest are still read.
func (l *Loader) LoadReader(r io.Reader, name string) ([]Article, []*InputError) {
	br := bufio.NewReaderSize(r, 64<<10)
	// JSON escapes can make a record's line several times its text's size.
	maxLine := 6*l.maxBytes + 64<<10
	var arts []Article
	var errs []*InputError
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, maxLine)
		input := fmt.Sprintf("%s:%d", name, lineNo)
		if tooLong {
			errs = append(errs, &InputError{Input: input, Err: fmt.Errorf("%w: the record is over the per-article limit of %s (--max-bytes)", ErrTooLarge, HumanBytes(l.maxBytes))})
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, rerr := l.parseRecord(line, input)
			if rerr != nil {
				errs = append(errs, &InputError{Input: input, Err: rerr})
			} else {
				arts = append(arts, a)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, &InputError{Input: input, Err: err})
			break
		}
	}
	return arts, errs
}

// loadJSONDocument reads a .json file holding one record or an array of
// records.
func (l *Loader) loadJSONDocument(r io.Reader, path string) ([]Article, []*InputError) {
	limit := 6*l.maxBytes + 64<<10
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, []*InputError{{Input: path, Err: err}}
	}
	if int64(len(data)) > limit {
		return nil, []*InputError{{Input: path, Err: fmt.Errorf("%w: the JSON file is over %s, the most read for the per-article limit of %s (--max-bytes); split it into JSON Lines", ErrTooLarge, HumanBytes(limit), HumanBytes(l.maxBytes))}}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, []*InputError{{Input: path, Err: fmt.Errorf("%w: the file holds no JSON", ErrEmpty)}}
	}
	if trimmed[0] != '[' {
		a, err := l.parseRecord(trimmed, path)
		if err != nil {
			return nil, []*InputError{{Input: path, Err: err}}
		}
		return []Article{a}, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(trimmed, &items); err != nil {
		return nil, []*InputError{{Input: path, Err: fmt.Errorf("invalid JSON: %v", err)}}
	}
	var arts []Article
	var errs []*InputError
	for i, it := range items {
		input := fmt.Sprintf("%s[%d]", path, i)
		a, err := l.parseRecord(it, input)
		if err != nil {
			errs = append(errs, &InputError{Input: input, Err: err})
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// ParseRecord reads one JSON record (the shape of a JSON Lines line: id,
// text or html, and optional metadata); input names it in errors and in the
// report.
func (l *Loader) ParseRecord(data []byte, input string) (Article, error) {
	return l.parseRecord(data, input)
}

func (l *Loader) parseRecord(line []byte, input string) (Article, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return Article{}, fmt.Errorf("invalid JSON: %v", err)
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return Article{}, err
	}
	var a Article
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		if int64(len(*rec.Text)) > l.maxBytes {
			return Article{}, l.tooLarge(int64(len(*rec.Text)))
		}
		if err := checkText(*rec.Text); err != nil {
			return Article{}, err
		}
		if strings.IndexByte(*rec.Text, 0) >= 0 {
			return Article{}, fmt.Errorf("%w: the text contains NUL characters", ErrBinary)
		}
		a = Article{ID: id, Input: input, Format: FormatJSONL, Encoding: EncUTF8, Text: *rec.Text}
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
		if int64(len(*rec.HTML)) > l.maxBytes {
			return Article{}, l.tooLarge(int64(len(*rec.HTML)))
		}
		a = Article{ID: id, Input: input, Format: FormatJSONL, Encoding: EncUTF8}
		if err := l.fromHTML(&a, *rec.HTML); err != nil {
			return Article{}, err
		}
	case rec.Text != nil || rec.HTML != nil:
		return Article{}, fmt.Errorf("%w: the record's text is empty", ErrEmpty)
	default:
		return Article{}, errors.New(`the record has no "text" field`)
	}
	l.setExplicit(&a, "title", rec.Title)
	l.setExplicit(&a, "outlet", rec.Outlet)
	l.setExplicit(&a, "url", rec.URL)
	l.setExplicit(&a, "published", rec.Published)
	l.setExplicit(&a, "byline", rec.Byline)
	l.setExplicit(&a, "dateline", rec.Dateline)
	if err := l.claimID(&a); err != nil {
		return Article{}, err
	}
	return a, nil
}

// recordID accepts a string or an integer id.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`the record has no "id" field`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return "", errors.New(`the record's "id" is empty`)
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`the record's "id" must be a string or a number, not %s`, raw)
}

// readLine reads one line (without its line end). When the line is longer
// than max it is skipped to its end and tooLong is set.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, isPrefix, e := r.ReadLine()
		if !tooLong {
			buf = append(buf, chunk...)
			if int64(len(buf)) > max {
				tooLong, buf = true, nil
			}
		}
		if e != nil {
			if len(buf) > 0 || tooLong {
				return buf, tooLong, nil // the last line, without a line end
			}
			return nil, false, e
		}
		if !isPrefix {
			return buf, tooLong, nil
		}
	}
}

// LoadPaths reads every path in order with a new Loader; "-" reads JSON
// Lines from stdin.
func LoadPaths(paths []string, stdin io.Reader, opts Options) ([]Article, []*InputError, error) {
	l, err := NewLoader(opts)
	if err != nil {
		return nil, nil, err
	}
	var arts []Article
	var errs []*InputError
	for _, p := range paths {
		var a []Article
		var e []*InputError
		if p == "-" {
			a, e = l.LoadReader(stdin, "-")
		} else {
			a, e = l.LoadPath(p)
		}
		arts, errs = append(arts, a...), append(errs, e...)
	}
	return arts, errs, nil
}
