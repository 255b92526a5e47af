package score

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/text"
)

const testPage = `<!doctype html>
<html><head><title>Council approves downtown transit plan - City Courier</title></head>
<body class="has-sidebar">
<nav class="main-menu"><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>
</ul></nav>
<article class="story">
<h1>Council approves downtown transit plan</h1>
<p>The city council voted 9-2 on Tuesday to approve a transit plan that adds three bus routes to the downtown core and extends evening service.</p>
<p>Transit officials said the new routes would start running in September and cost about $4 million a year to operate, paid from the fare reserve.</p>
<div class="social-share"><p>Tweet this story to your followers</p></div>
<p>Two councillors voted against the plan, arguing that the routes duplicate existing streetcar service on the main avenue through the core.</p>
<div class="entry-footer"><p>Filed by the city hall bureau on Tuesday evening</p></div>
</article>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Heat wave expected to break records across the province this weekend</a></li>
<li><a href="/b">Local bakery wins national award for sourdough bread</a></li>
<li><a href="/c">High school football team reaches the championship game</a></li>
</ul></aside>
<footer><p>The City Courier is published by Valley Media and serves readers across the region.</p></footer>
</body></html>`

func TestHTMLHints(t *testing.T) {
	l, err := ingest.NewLoader(ingest.Options{})
	require.NoError(t, err)
	a, err := l.ParseArticle("page", "page.html", ingest.FormatHTML, []byte(testPage))
	require.NoError(t, err)
	require.NotEmpty(t, a.Blocks)
	in := Input{ID: a.ID, Doc: text.Parse(a.Text), Title: a.Title, Blocks: a.Blocks}
	res := scoreAll(t, newScorer(t), []Input{in})[0]

	verdict := map[string]bool{}
	rules := map[string][]string{}
	for pi, p := range in.Doc.Paragraphs {
		s := in.Doc.Slice(p.Span)
		verdict[s] = res.BoilerplateParagraphs[pi]
		for _, f := range res.Findings {
			if f.Kind == Boilerplate && p.Span.Contains(f.Span) {
				rules[s] = append(rules[s], f.Rule)
			}
		}
	}
	for _, s := range []string{
		"The city council voted 9-2 on Tuesday to approve a transit plan that adds three bus routes to the downtown core and extends evening service.",
		"Transit officials said the new routes would start running in September and cost about $4 million a year to operate, paid from the fare reserve.",
		"Two councillors voted against the plan, arguing that the routes duplicate existing streetcar service on the main avenue through the core.",
		"Council approves downtown transit plan",
	} {
		assert.False(t, verdict[s], "content flagged: %q (%v)", s, rules[s])
	}
	for s, rule := range map[string]string{
		"- Home":                             "bp.html-context",
		"- Opinion":                          "bp.link-dense",
		"Tweet this story to your followers": "bp.html-context",
		"Filed by the city hall bureau on Tuesday evening":                                    "bp.html-context",
		"- Local bakery wins national award for sourdough bread":                              "bp.link-dense",
		"The City Courier is published by Valley Media and serves readers across the region.": "bp.html-context",
	} {
		assert.True(t, verdict[s], "boilerplate kept: %q (%v)", s, rules[s])
		assert.Contains(t, rules[s], rule, s)
	}
}

func TestFurnitureOf(t *testing.T) {
	b := newScorer(t).bp
	cases := []struct {
		context string
		word    string // "" for no furniture
	}{
		{"html body div page nav main menu ul li", "menu"},
		{"html body has sidebar div content article story p", ""}, // body classes never count
		{"html body div site content aside sidebar ul li", "sidebar"},
		{"html body footer div content p", ""},                      // content nearer than the footer
		{"html body article div entry footer p", "footer"},          // furniture wins within one element
		{"html body div post content elementor widget p", "widget"}, // weak evidence on its own
		{"html body div related posts ul li", "related"},
		{"html body main p", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.word, b.furnitureOf(c.context).word, c.context)
	}
}

func TestRepeatedLines(t *testing.T) {
	shared := "The city council voted 9-2 on Tuesday to approve a transit plan that adds three bus routes to the downtown core."
	footer := "The Valley Courier has served readers in the valley since 1921 as an independent newsroom."
	a := "Council approves transit plan\n\n" + shared + "\n\nThe routes start in September, transit officials said, and will cost $4 million a year.\n\n" + footer + "\n"
	b := "Transit plan passes council vote\n\n" + shared + "\n\nTwo councillors voted against the transit plan, citing overlap with streetcar routes downtown.\n\n" + footer + "\n"
	c := "Downtown gets three new bus routes\n\nCouncil approved a transit plan on Tuesday adding three bus routes downtown, with service from September.\n\nThe vote was 9-2; opponents said the bus routes overlap streetcar service.\n"
	in := []Input{inputOf("a", a), inputOf("b", b), inputOf("c", c)}
	res := scoreAll(t, newScorer(t), in)
	for i := range 2 {
		rep := findings(in[i], res[i], "bp.repeated-line")
		assert.Equal(t, []string{footer}, rep, "article %s", in[i].ID)
		// The story sentence both copied from one source is content.
		for pi, p := range in[i].Doc.Paragraphs {
			if in[i].Doc.Slice(p.Span) == shared {
				assert.False(t, res[i].BoilerplateParagraphs[pi])
			}
		}
	}
	assert.Empty(t, findings(in[2], res[2], "bp.repeated-line"))
}

func TestParagraphBlocks(t *testing.T) {
	doc := text.Parse("one\n\ntwo\n\nthree")
	blocks := []ingest.Block{{Span: text.Span{Start: 0, End: 3}}, {Span: text.Span{Start: 10, End: 15}}}
	assert.Equal(t, []int{0, -1, 1}, paragraphBlocks(doc, blocks))
}

func TestSeparatedItems(t *testing.T) {
	assert.Equal(t, 4, separatedItems("Home | News | Sport | Opinion", 4))
	assert.Equal(t, 3, separatedItems("News / World / Europe", 4))
	assert.Equal(t, 0, separatedItems("A long sentence with many words | and another long item that goes on", 4))
	assert.Equal(t, 1, separatedItems("no separators here", 4))
	assert.True(t, endsLikeSentence("It rained.”"))
	assert.False(t, endsLikeSentence("Looking Ahead"))
	assert.Equal(t, "hello world", foldLine("  Hello\tWORLD "))
	assert.True(t, strings.HasSuffix(abbreviate(strings.Repeat("word ", 40), 20), "…"))
}
