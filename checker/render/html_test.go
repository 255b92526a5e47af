package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/internal/domtest"
)

// pairReport is a small report with one rewrite pair, one conflict and
// overlapping findings, built by hand with spans checked below.
func pairReport(t *testing.T) *report.Report {
	t.Helper()
	orig := "On Wednesday, the committee met. It praised “future mobility” & more.\nExtra <tail>."
	rew := "On Wednesday, the board met. It praised “the mobility of the future”.\nNewsletter prompt."
	at := func(s, sub string) report.Span {
		i := strings.Index(s, sub)
		require.GreaterOrEqual(t, i, 0, sub)
		return report.Span{Start: i, End: i + len(sub)}
	}
	r := &report.Report{
		Stages: []string{"load", "segment", "rewrite", "conflicts", "scores"},
		Articles: []report.Article{
			{ID: "orig", Text: orig, Words: 12, Scores: map[string]float64{"reliability": 0.9, "boilerplate": 0},
				Sentences: []report.Sentence{{Span: at(orig, "On Wednesday, the committee met.")}, {Span: at(orig, "It praised “future mobility” & more.")}, {Span: at(orig, "Extra <tail>.")}}},
			{ID: "rew", Text: rew, Words: 13, Scores: map[string]float64{"reliability": 0.4, "boilerplate": 0.2},
				Sentences: []report.Sentence{{Span: at(rew, "On Wednesday, the board met.")}, {Span: at(rew, "It praised “the mobility of the future”.")}, {Span: at(rew, "Newsletter prompt.")}},
				Findings: []report.Finding{
					{Kind: "boilerplate", Rule: "bp.newsletter", Message: "newsletter prompt", Span: at(rew, "Newsletter prompt."), Text: "Newsletter prompt.", Line: 2},
					{Kind: "rewrite", Rule: "rw.quote", Message: "quote reworded", Span: at(rew, "the mobility of the future"), Text: "the mobility of the future", Line: 1},
					{Kind: "speculation", Rule: "spec.x", Message: "overlaps the quote", Span: at(rew, "praised “the mobility"), Text: "praised “the mobility", Line: 1},
				}},
		},
		Duplicates: []report.Duplicate{{
			Original: "orig", Rewrite: "rew", Direction: "known", Kind: "rewrite", Similarity: 0.8,
			Alignment: []report.AlignedPair{
				{Original: at(orig, "On Wednesday, the committee met."), Rewrite: at(rew, "On Wednesday, the board met."), Similarity: 0.9,
					Edits: []report.Edit{{Kind: "substitution", Original: at(orig, "committee"), Rewrite: at(rew, "board"), OriginalText: "committee", RewriteText: "board"}}},
				{Original: at(orig, "It praised “future mobility” & more."), Rewrite: at(rew, "It praised “the mobility of the future”."), Similarity: 0.6,
					Edits: []report.Edit{{Kind: "quote_changed", Original: at(orig, "future mobility"), Rewrite: at(rew, "the mobility of the future")}}},
			},
			OriginalOnly: []report.Span{at(orig, "Extra <tail>.")},
			RewriteOnly:  []report.Span{at(rew, "Newsletter prompt.")},
		}},
		Conflicts: []report.Conflict{{
			Kind: "quote", Summary: "Quote: 'future mobility' (orig) vs 'the mobility of the future' (rew)",
			Sides: []report.Side{
				{Value: "future mobility", Articles: []string{"orig"}, IndependentSources: 1, Evidence: []report.Evidence{{Article: "orig", Text: "future mobility", Span: at(orig, "future mobility"), Line: 1}}},
				{Value: "the mobility of the future", Articles: []string{"rew"}, IndependentSources: 1, Evidence: []report.Evidence{{Article: "rew", Text: "the mobility of the future", Span: at(rew, "the mobility of the future"), Line: 1}}},
			},
			Diff:       []report.WordEdit{{Op: "insert", Text: "the"}, {Op: "equal", Text: "mobility"}, {Op: "delete", Text: "future"}},
			Confidence: 0.8, Reasons: []report.Reason{{Rule: "conf.same-speaker", Weight: 0.15, Detail: "every side gives the quotation to one <speaker>"}},
		}},
		Differences: []report.Conflict{{
			Kind: "date", Summary: "Meeting day: 'Wednesday' (orig) vs 'Wednesday' (rew)", Confidence: 0.4,
			Sides: []report.Side{
				{Value: "Wednesday", Articles: []string{"orig"}, Evidence: []report.Evidence{{Article: "orig", Text: "Wednesday", Span: at(orig, "Wednesday"), Line: 1}}},
				{Value: "Wednesday", Articles: []string{"rew"}, Evidence: []report.Evidence{{Article: "rew", Text: "Wednesday", Span: at(rew, "Wednesday"), Line: 1}}},
			},
			Reasons: []report.Reason{{Rule: "conf.background", Weight: -0.2, Detail: "background"}},
		}},
	}
	r.Normalize()
	return r
}

func parseHTML(t *testing.T, r *report.Report) (*html.Node, string) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, HTML(&buf, r))
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	return doc, buf.String()
}

func TestHTMLReport(t *testing.T) {
	r := pairReport(t)
	doc, page := parseHTML(t, r)
	conflicts, differences, pairs, evidence := 0, 0, 0, 0
	ids := map[string]bool{}
	var links []string
	findingText := map[string]string{}
	domtest.Walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id := domtest.Attr(n, "id"); id != "" {
			assert.False(t, ids[id], "duplicate id %s", id)
			ids[id] = true
		}
		if href := domtest.Attr(n, "href"); strings.HasPrefix(href, "#") {
			links = append(links, href[1:])
		}
		assert.Empty(t, domtest.Attr(n, "src"), "the page loads nothing from outside")
		switch {
		case n.Data == "article" && domtest.HasClass(n, "conflict"):
			conflicts++
		case n.Data == "article" && domtest.HasClass(n, "difference"):
			differences++
		case n.Data == "article" && domtest.HasClass(n, "pair"):
			pairs++
		case n.Data == "mark" && domtest.HasClass(n, "evidence"):
			evidence++
			a := r.Article(domtest.Attr(n, "data-article"))
			require.NotNil(t, a)
			start, _ := strconv.Atoi(domtest.Attr(n, "data-start"))
			end, _ := strconv.Atoi(domtest.Attr(n, "data-end"))
			assert.Equal(t, a.Text[start:end], domtest.Text(n), "an evidence mark holds exactly its span")
		case n.Data == "mark" && domtest.Attr(n, "data-f") != "":
			for _, f := range strings.Fields(domtest.Attr(n, "data-f")) {
				findingText[f] += domtest.Text(n)
			}
		}
	})
	assert.Equal(t, 1, conflicts)
	assert.Equal(t, 1, differences, "differences are listed apart from conflicts")
	assert.Equal(t, 1, pairs)
	assert.Equal(t, 4, evidence)
	for _, l := range links {
		assert.True(t, ids[l], "link #%s has no target", l)
	}
	// Overlapping findings are cut into pieces, and the pieces of each
	// finding spell its text.
	for i, f := range r.Articles[1].Findings {
		assert.Equal(t, f.Text, findingText["a1-f"+strconv.Itoa(i)], "finding %d", i)
	}
	for _, want := range []string{
		`<mark class="e-substitution" title="substitution: committee → board">committee</mark>`,
		`<mark class="e-substitution" title="substitution: committee → board">board</mark>`,
		`<tr class="row original-only">`, `Extra &lt;tail&gt;.`,
		`<tr class="row rewrite-only">`,
		`Wording: <ins>the</ins> mobility <del>future</del>`,
		`&amp; more.`,
		`<strong class="n-conflicts">1</strong>`,
		`<strong class="n-differences">1</strong> worth a look`,
		`<code>conf.same-speaker</code> every side gives the quotation to one &lt;speaker&gt; <span class="w">(&#43;0.15)</span>`,
		`data-confidence="0.80"`,
	} {
		assert.Contains(t, page, want)
	}
	// Rows come in text order: aligned, aligned, then the two only-rows.
	assert.Less(t, strings.LastIndex(page, `class="row aligned"`), strings.Index(page, `class="row original-only"`))
	assert.Less(t, strings.Index(page, `class="row original-only"`), strings.Index(page, `class="row rewrite-only"`))
}

func TestHTMLWithoutStages(t *testing.T) {
	r := &report.Report{Stages: []string{"load", "segment"}, Articles: []report.Article{{ID: "x", Text: "Plain <b>text</b>."}}}
	r.Normalize()
	_, page := parseHTML(t, r)
	assert.Contains(t, page, "(the claim stage did not run)")
	assert.Contains(t, page, "(the rewrite stage did not run)")
	assert.Contains(t, page, "Plain &lt;b&gt;text&lt;/b&gt;.")
}

// BenchmarkRenderLarge renders a report of 200 articles of about 600 words
// with a finding on every sentence, in each format.
func BenchmarkRenderLarge(b *testing.B) {
	sentence := "The committee met in Ottawa on Wednesday and signed a memorandum of understanding. "
	r := &report.Report{Stages: []string{"load", "segment"}}
	for i := range 200 {
		txt := strings.Repeat(sentence, 40)
		a := report.Article{ID: fmt.Sprintf("a%03d", i), Text: txt, Words: 560, Scores: map[string]float64{"speculation": 0.2}}
		for k := 0; k < 40; k++ {
			sp := report.Span{Start: k * len(sentence), End: (k+1)*len(sentence) - 1}
			a.Sentences = append(a.Sentences, report.Sentence{Span: sp})
			a.Findings = append(a.Findings, report.Finding{Kind: "speculation", Rule: "spec.hedge", Message: "hedge", Span: sp, Text: txt[sp.Start:sp.End], Line: 1})
		}
		r.Articles = append(r.Articles, a)
	}
	r.Normalize()
	for _, f := range []struct {
		name string
		fn   func(io.Writer, *report.Report) error
	}{
		{"json", JSON},
		{"html", HTML},
		{"markdown", Markdown},
		{"text", func(w io.Writer, r *report.Report) error { return Text(w, r, TextOptions{}) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.fn(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
