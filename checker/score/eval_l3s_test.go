package score

// Measurement of the boilerplate and off-topic findings on L3S-GN1, the
// news benchmark of Kohlschütter, Fankhauser and Nejdl ("Boilerplate
// Detection using Shallow Text Features", WSDM 2010), read in place from the
// shared evaluation data and skipped when it is absent. The data set is for
// research use only: it is measured here, never copied into the project and
// never used to fit anything.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck-news/crosscheck/internal/evaldata"
)

// l3sLabels is the number of L3S-GN1 labels, x-nc-sel0 to x-nc-sel5:
// boilerplate, headline, full text, supplemental, related content, comments.
const l3sLabels = 6

// l3sUnlabelled is the label of text outside every x-nc-selN span.
const l3sUnlabelled = -1

// bag is a multiset of words.
type bag map[string]int

func (b bag) size() int {
	n := 0
	for _, c := range b {
		n += c
	}
	return n
}

// plus returns the sum of the bags.
func plus(bags ...bag) bag {
	out := bag{}
	for _, b := range bags {
		for w, c := range b {
			out[w] += c
		}
	}
	return out
}

// overlap is the size of the multiset intersection of a and b.
func overlap(a, b bag) int {
	n := 0
	for w, c := range a {
		n += min(c, b[w])
	}
	return n
}

var l3sWord = regexp.MustCompile(`[\p{L}\p{N}]+`)

// wordsOf returns the lower-cased letter-and-digit tokens of s.
func wordsOf(s string) bag {
	out := bag{}
	for _, w := range l3sWord.FindAllString(s, -1) {
		out[strings.ToLower(w)]++
	}
	return out
}

// l3sPage is one page of L3S-GN1: its crawled HTML (evalPage.path, in
// original/) and the words of its annotated copy by label.
type l3sPage struct {
	evalPage
	words [l3sLabels]bag
}

func (p l3sPage) content() bag      { return plus(p.words[1], p.words[2]) }
func (p l3sPage) contentPlus3() bag { return plus(p.words[1], p.words[2], p.words[3]) }

func loadL3S(t testing.TB) []l3sPage {
	dir := evaldata.Dir(t, "l3s-gn1")
	names, err := filepath.Glob(filepath.Join(dir, "annotated", "*.html"))
	require.NoError(t, err)
	var pages []l3sPage
	for _, ann := range names {
		name := filepath.Base(ann)
		data, err := os.ReadFile(ann)
		require.NoError(t, err)
		p := l3sPage{evalPage: evalPage{id: strings.TrimSuffix(name, ".html"), path: filepath.Join(dir, "original", name)}}
		p.words = labelledWords(string(data))
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// Elements of an annotated page whose content is not text of the page.
var l3sSkip = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Select: true, atom.Option: true, atom.Textarea: true,
}

// Elements that separate words: text on either side of one is never one word.
var l3sBreak = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true,
	atom.Form: true, atom.Center: true, atom.Img: true, atom.Input: true, atom.Button: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Aside: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true,
}

// labelledWords walks an annotated page and returns its words by label: a
// text node takes the label of its innermost enclosing x-nc-selN span, and
// text outside every such span is dropped (it is "everything else" as much
// as sel0 is, and only the labelled bags are needed). Scripts, styles, the
// head and elements marked x-nc-invisible are skipped. Text nodes are
// joined as the browser shows them, so a word split by inline tags stays one
// word; a word is labelled by its first character.
func labelledWords(src string) [l3sLabels]bag {
	var out [l3sLabels]bag
	for i := range out {
		out[i] = bag{}
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return out
	}
	var buf strings.Builder
	var labels []int // label of each byte of buf
	write := func(s string, label int) {
		buf.WriteString(s)
		for range len(s) {
			labels = append(labels, label)
		}
	}
	var walk func(n *html.Node, label int)
	walk = func(n *html.Node, label int) {
		switch n.Type {
		case html.TextNode:
			write(n.Data, label)
			return
		case html.ElementNode:
			if l3sSkip[n.DataAtom] {
				return
			}
			for _, c := range classesOf(n) {
				if c == "x-nc-invisible" {
					return
				}
				var k int
				if _, err := fmt.Sscanf(c, "x-nc-sel%d", &k); err == nil && k >= 0 && k < l3sLabels {
					label = k
				}
			}
		case html.DocumentNode:
		default:
			return
		}
		brk := n.Type == html.ElementNode && l3sBreak[n.DataAtom]
		if brk {
			write(" ", l3sUnlabelled)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, label)
		}
		if brk {
			write(" ", l3sUnlabelled)
		}
	}
	walk(doc, l3sUnlabelled)
	s := buf.String()
	for _, loc := range l3sWord.FindAllStringIndex(s, -1) {
		if l := labels[loc[0]]; l != l3sUnlabelled {
			out[l][strings.ToLower(s[loc[0]:loc[1]])]++
		}
	}
	return out
}

func classesOf(n *html.Node) []string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return strings.Fields(a.Val)
		}
	}
	return nil
}

// wordScores are word-level counts pooled over pages, with the per-page F1
// summed for the macro average.
type wordScores struct {
	tp, fp, fn int
	f1Sum      float64
	pages      int // pages with content words, over which the macro F1 is taken
}

func (s wordScores) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s wordScores) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s wordScores) f1() float64        { return ratio(2*s.tp, 2*s.tp+s.fp+s.fn) }
func (s wordScores) macroF1() float64 {
	if s.pages == 0 {
		return 0
	}
	return s.f1Sum / float64(s.pages)
}

// scoreWords compares the kept text of each page with its content words.
func scoreWords(pages []l3sPage, content func(l3sPage) bag, kept extraction) wordScores {
	var s wordScores
	for _, p := range pages {
		gold, got := content(p), wordsOf(kept[p.id])
		tp := overlap(got, gold)
		fp, fn := got.size()-tp, gold.size()-tp
		s.tp, s.fp, s.fn = s.tp+tp, s.fp+fp, s.fn+fn
		if gold.size() > 0 {
			s.pages++
			s.f1Sum += ratio(2*tp, 2*tp+fp+fn)
		}
	}
	return s
}

// relatedRemoved returns the share of related-content (sel4) words that the
// kept text leaves out, pooled over pages. A kept word is credited to the
// story (sel1 to sel3) first and only its surplus to related content: of a
// word w, min(sel4[w], max(0, kept[w] - story[w])) related-content
// occurrences count as kept.
func relatedRemoved(pages []l3sPage, kept extraction) (share float64, total int) {
	var keptRelated int
	for _, p := range pages {
		got, story, related := wordsOf(kept[p.id]), p.contentPlus3(), p.words[4]
		for w, c := range related {
			keptRelated += min(c, max(0, got[w]-story[w]))
		}
		total += related.size()
	}
	return 1 - ratio(keptRelated, total), total
}

// TestEvalL3S measures what the boilerplate and off-topic findings keep of
// the 621 news pages of L3S-GN1, at word level as the L3S/boilerpipe paper
// scores article text against the rest. Each page's content is the
// multiset of lower-cased letter-and-digit words that its annotated copy
// labels headline (x-nc-sel1) or full text (x-nc-sel2), or in a second
// variant those and supplemental text (x-nc-sel3, captions and the like);
// everything else (boilerplate, related content, comments, unlabelled
// text) is not content. A method's kept text of the crawled page is cut into
// words the same way; per page, TP is the size of the multiset intersection
// of kept and content words, FP the kept words beyond it and FN the content
// words beyond it. TP, FP and FN are summed over pages for the pooled
// precision, recall and F1; the macro F1 is the mean of the per-page F1
// over pages with content words (a page that keeps nothing scores 0).
//
// The methods are: everything our HTML loader extracts; that minus
// paragraphs found boilerplate; that minus off-topic paragraphs too; and
// boilerpipe's ArticleExtractor (Debian's libboilerpipe-java, the paper's
// own implementation) when Java and the jars are installed. The last
// column is the share of related-content (x-nc-sel4) words each method
// leaves out, crediting a kept word to the story before related content:
// the closest real-data measure of whether lists of other stories'
// headlines are dropped.
func TestEvalL3S(t *testing.T) {
	if testing.Short() {
		t.Skip("L3S-GN1 evaluation skipped in -short mode")
	}
	pages := loadL3S(t)
	require.NotEmpty(t, pages)
	evalPages := make([]evalPage, len(pages))
	var counts [l3sLabels]int
	for i, p := range pages {
		evalPages[i] = p.evalPage
		for l, b := range p.words {
			counts[l] += b.size()
		}
	}
	all, noBP, noSpill := ourExtractions(t, evalPages)
	methods := []struct {
		name string
		kept extraction
	}{
		{"everything the loader extracts", all},
		{"ours, minus boilerplate", noBP},
		{"ours, minus boilerplate and off-topic", noSpill},
	}
	var peer extraction
	peerRan := t.Run("boilerpipe", func(t *testing.T) { peer = runBoilerpipe(t, evalPages) }) && peer != nil
	if peerRan {
		methods = append(methods, struct {
			name string
			kept extraction
		}{"boilerpipe ArticleExtractor", peer})
	}

	t.Logf("L3S-GN1, %d pages; words by label: sel0 boilerplate %d, sel1 headline %d, sel2 full text %d, sel3 supplemental %d, sel4 related %d, sel5 comments %d",
		len(pages), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
	t.Logf("%-38s | %-31s | %-31s | %s", "", "content = sel1+sel2", "content = sel1+sel2+sel3", "sel4 words")
	t.Logf("%-38s | %7s %7s %7s %7s | %7s %7s %7s %7s | %s", "method", "P", "R", "F1", "macro", "P", "R", "F1", "macro", "removed")
	scores := map[string]wordScores{}
	for _, m := range methods {
		a := scoreWords(pages, l3sPage.content, m.kept)
		b := scoreWords(pages, l3sPage.contentPlus3, m.kept)
		rel, _ := relatedRemoved(pages, m.kept)
		scores[m.name] = a
		t.Logf("%-38s | %7.3f %7.3f %7.3f %7.3f | %7.3f %7.3f %7.3f %7.3f | %7.3f",
			m.name, a.precision(), a.recall(), a.f1(), a.macroF1(), b.precision(), b.recall(), b.f1(), b.macroF1(), rel)
	}
	if !peerRan {
		t.Logf("%-38s | skipped (Java or libboilerpipe-java missing)", "boilerpipe ArticleExtractor")
	}

	// Sanity checks only: the figures are for reading, not for passing.
	base, ours, spill := scores[methods[0].name], scores[methods[1].name], scores[methods[2].name]
	assert.Greater(t, base.recall(), 0.9, "the loader should extract nearly all article text")
	assert.Greater(t, ours.f1(), 0.3)
	assert.Greater(t, ours.precision(), base.precision(), "dropping boilerplate should raise precision")
	assert.Greater(t, spill.f1(), 0.3)
	if peerRan {
		assert.Greater(t, scores["boilerpipe ArticleExtractor"].recall(), 0.5, "the peer should keep most article text")
	}
}

// TestWordScoring checks the word-level metric on a made-up page.
func TestWordScoring(t *testing.T) {
	var p l3sPage
	p.id = "a"
	p.words = labelledWords(`<html><head><title>Title words</title><style>.x{}</style></head><body>
<div><span class="x-nc-sel0">Home News</span></div>
<h1><span class="x-nc-sel1">Big Story</span></h1>
<p><span class="x-nc-sel2">The story is told <b>he</b>re, the end.</span></p>
<p><span class="x-nc-sel3">A caption</span><span class="x-nc-invisible">hidden words</span></p>
<ul><li><span class="x-nc-sel4">Other story</span></li></ul>
<p>unlabelled text</p><script>var x = 1</script></body></html>`)
	assert.Equal(t, bag{"home": 1, "news": 1}, p.words[0])
	assert.Equal(t, bag{"big": 1, "story": 1}, p.words[1])
	assert.Equal(t, bag{"the": 2, "story": 1, "is": 1, "told": 1, "here": 1, "end": 1}, p.words[2])
	assert.Equal(t, bag{"a": 1, "caption": 1}, p.words[3])
	assert.Equal(t, bag{"other": 1, "story": 1}, p.words[4])
	pages := []l3sPage{p}
	// Kept: all 9 content words, one "story" too many and "home": TP 9, FP 2.
	s := scoreWords(pages, l3sPage.content, extraction{"a": "Big story. The story is told here, the end. Story home"})
	assert.Equal(t, 9, s.tp)
	assert.Equal(t, 2, s.fp)
	assert.Equal(t, 0, s.fn)
	assert.InDelta(t, 18.0/20, s.macroF1(), 1e-9)
	// The surplus "story" is credited to related content: one of its two
	// words kept.
	rel, total := relatedRemoved(pages, extraction{"a": "Big story. The story is told here, the end. Story home"})
	assert.Equal(t, 2, total)
	assert.InDelta(t, 0.5, rel, 1e-9)
}
