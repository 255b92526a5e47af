package ingest

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// Block is one block of text extracted from HTML (a paragraph, heading,
// list item or table row), with hints about where it sat on the page. Later
// stages use the hints: a block inside <nav> or made mostly of link text is
// likely boilerplate.
type Block struct {
	// Span locates the block in the extracted text.
	Span text.Span
	// Tag is the innermost block element holding the text ("p", "li", "h2").
	Tag string
	// Context lists, lower case and space-separated, the tag names and the
	// id and class words of the block's ancestors ("div main content
	// article story body"), innermost last.
	Context string
	// LinkBytes counts the bytes of the block's text that sit inside links.
	LinkBytes int
}

// htmlPage is what extraction yields: readable text, its blocks, and the
// metadata the page declares.
type htmlPage struct {
	text   string
	blocks []Block
	meta   map[string]string // title, outlet, url, published, byline
}

// Elements whose content is never shown as text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Select: true, atom.Option: true,
	atom.Textarea: true, atom.Input: true, atom.Head: true, atom.Audio: true,
	atom.Video: true, atom.Map: true,
}

// Elements that start a new block of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Caption: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.Figcaption: true, atom.Form: true, atom.Address: true, atom.Hr: true, atom.Br: true,
	atom.Details: true, atom.Summary: true, atom.Fieldset: true, atom.Legend: true,
	atom.Center: true, atom.Menu: true, atom.Body: true, atom.Html: true,
}

var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)
var contextWord = regexp.MustCompile(`[a-z][a-z0-9]*`)

type extractor struct {
	out       strings.Builder
	blocks    []Block
	cur       strings.Builder
	curLinks  int
	curTag    string
	context   []string
	inLink    int
	inPre     int
	bullet    bool // a list item opened and has not yet shown text
	cellCount int  // cells seen in the current table row
	space     bool // whitespace seen since the last character written
}

// extractHTML turns an HTML page into readable text: one paragraph per
// block element, separated by blank lines; whitespace collapsed outside
// <pre>; scripts, styles and hidden elements dropped; list items marked
// with "- " and table cells joined with " | ".
func extractHTML(src string) htmlPage {
	doc, err := html.Parse(strings.NewReader(src))
	page := htmlPage{meta: map[string]string{}}
	if err != nil {
		return page // html.Parse only fails on reader errors
	}
	readMeta(doc, page.meta)
	var ex extractor
	ex.walk(doc)
	ex.flush()
	page.text, page.blocks = ex.out.String(), ex.blocks
	if strings.TrimSpace(page.text) == "" {
		// A <title> or <textarea> left open holds the rest of the page as
		// its text, as the HTML standard reads it; close it where the next
		// tag begins and read the page again, rather than lose it.
		if fixed, ok := closeOpenRawText(src); ok {
			if again := extractHTML(fixed); strings.TrimSpace(again.text) != "" {
				return again
			}
		}
	}
	return page
}

// closeOpenRawText finds the first <title> or <textarea> with no closing
// tag and inserts one before the first tag after it. It reports false when
// there is none to close.
func closeOpenRawText(src string) (string, bool) {
	lower := strings.ToLower(src)
	for _, name := range []string{"title", "textarea"} {
		open := strings.Index(lower, "<"+name)
		if open < 0 {
			continue
		}
		start := strings.IndexByte(lower[open:], '>')
		if start < 0 {
			continue
		}
		start += open + 1
		if strings.Contains(lower[start:], "</"+name) {
			continue
		}
		for i := start; i+1 < len(lower); i++ {
			if lower[i] == '<' && (lower[i+1] == '/' || lower[i+1] >= 'a' && lower[i+1] <= 'z') {
				return src[:i] + "</" + name + ">" + src[i:], true
			}
		}
	}
	return src, false
}

func (ex *extractor) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		ex.addText(n.Data)
		return
	case html.ElementNode:
		if skipElements[n.DataAtom] || isHidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		ex.flush()
		ex.context = append(ex.context, describe(n))
		ex.curTag = n.Data
	}
	switch n.DataAtom {
	case atom.A:
		ex.inLink++
	case atom.Pre:
		ex.inPre++
	case atom.Li:
		ex.bullet = true
	case atom.Tr:
		ex.cellCount = 0
	case atom.Td, atom.Th:
		if ex.cellCount > 0 && strings.TrimSpace(ex.cur.String()) != "" {
			ex.cur.WriteString(" | ")
		}
		ex.cellCount++
	case atom.Img:
		// Images carry no text of their own; alt text is not shown.
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		ex.walk(c)
	}
	switch n.DataAtom {
	case atom.A:
		ex.inLink--
	case atom.Pre:
		ex.inPre--
	}
	if block {
		ex.flush()
		ex.context = ex.context[:len(ex.context)-1]
		ex.curTag = ""
		if len(ex.context) > 0 {
			ex.curTag = strings.Fields(ex.context[len(ex.context)-1])[0]
		}
	}
}

func (ex *extractor) addText(s string) {
	if ex.inPre > 0 {
		ex.cur.WriteString(s)
		if ex.inLink > 0 {
			ex.curLinks += len(s)
		}
		return
	}
	// Collapse runs of whitespace to one space, as a browser shows them;
	// text split across inline elements joins without a space unless the
	// source had one.
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			ex.space = ex.cur.Len() > 0
			continue
		}
		if ex.space {
			ex.cur.WriteByte(' ')
			ex.space = false
		}
		n, _ := ex.cur.WriteRune(r)
		if ex.inLink > 0 {
			ex.curLinks += n
		}
	}
}

func (ex *extractor) flush() {
	raw := ex.cur.String()
	ex.cur.Reset()
	ex.space = false
	links := ex.curLinks
	ex.curLinks = 0
	var body string
	if ex.inPre > 0 || strings.Contains(raw, "\n") {
		body = strings.Trim(raw, "\n")
		body = strings.TrimRight(body, " \t")
	} else {
		body = strings.TrimSpace(raw)
	}
	if strings.TrimSpace(body) == "" {
		return
	}
	if ex.bullet {
		body = "- " + body
		ex.bullet = false
	}
	if ex.out.Len() > 0 {
		ex.out.WriteString("\n\n")
	}
	start := ex.out.Len()
	ex.out.WriteString(body)
	ex.blocks = append(ex.blocks, Block{
		Span:      text.Span{Start: start, End: ex.out.Len()},
		Tag:       ex.curTag,
		Context:   strings.Join(ex.context, " "),
		LinkBytes: min(links, len(body)),
	})
}

// describe gives an element's tag name with its id and class words.
func describe(n *html.Node) string {
	parts := []string{n.Data}
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "class" || a.Key == "role" || a.Key == "itemprop" {
			parts = append(parts, contextWord.FindAllString(strings.ToLower(a.Val), 8)...)
		}
	}
	return strings.Join(parts, " ")
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if hiddenStyle.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// readMeta collects the metadata a page declares about itself.
func readMeta(doc *html.Node, meta map[string]string) {
	var title, h1, timeStamp string
	props := map[string]string{}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" {
					title = collapse(textContent(n))
				}
			case atom.H1:
				if h1 == "" {
					h1 = collapse(textContent(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				if v := collapse(attr(n, "content")); key != "" && v != "" {
					if _, seen := props[key]; !seen {
						props[key] = v
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && props["canonical"] == "" {
					props["canonical"] = attr(n, "href")
				}
			case atom.Time:
				if timeStamp == "" {
					timeStamp = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					readJSONLD(textContent(n), props)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := props[k]; v != "" {
				return v
			}
		}
		return ""
	}
	meta["outlet"] = first("og:site_name", "ld:publisher", "application-name", "publisher")
	meta["title"] = first("og:title", "twitter:title", "ld:headline", "headline")
	if meta["title"] == "" {
		meta["title"] = trimSiteName(title, meta["outlet"])
	}
	if meta["title"] == "" {
		meta["title"] = h1
	}
	meta["url"] = first("canonical", "og:url")
	meta["published"] = first("article:published_time", "og:published_time", "ld:datepublished", "datepublished",
		"date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
		"parsely-pub-date", "sailthru.date", "article.published")
	if meta["published"] == "" {
		meta["published"] = timeStamp
	}
	byline := first("author", "article:author", "ld:author", "byl", "parsely-author", "dc.creator")
	if strings.HasPrefix(byline, "http") {
		byline = "" // article:author is often a profile URL
	}
	meta["byline"] = strings.TrimSpace(strings.TrimPrefix(byline, "By "))
	for k, v := range meta {
		if v == "" {
			delete(meta, k)
		}
	}
}

// trimSiteName drops a " - Site" or " | Site" tail from a <title>.
func trimSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := title[i+len(sep):]
			if site == "" || strings.EqualFold(tail, site) || len(tail) < len(title)/3 {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// readJSONLD takes headline, datePublished, author and publisher from a
// schema.org JSON-LD block describing an article.
func readJSONLD(src string, props map[string]string) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var objs []map[string]any
	var collect func(any)
	collect = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				collect(e)
			}
		case map[string]any:
			objs = append(objs, t)
			if g, ok := t["@graph"]; ok {
				collect(g)
			}
		}
	}
	collect(v)
	for _, o := range objs {
		typ := strings.ToLower(stringOf(o["@type"]))
		if !strings.Contains(typ, "article") && !strings.Contains(typ, "posting") && !strings.Contains(typ, "report") {
			continue
		}
		set := func(key string, val string) {
			if val != "" && props[key] == "" {
				props[key] = collapse(val)
			}
		}
		set("ld:headline", stringOf(o["headline"]))
		set("ld:datepublished", stringOf(o["datePublished"]))
		set("ld:author", nameOf(o["author"]))
		set("ld:publisher", nameOf(o["publisher"]))
	}
}

func stringOf(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		for _, e := range t {
			if s := stringOf(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func nameOf(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return stringOf(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
