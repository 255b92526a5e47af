package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

func sampleReport() *report.Report {
	r := &report.Report{
		Stages: []string{"load", "segment", "metadata"},
		Articles: []report.Article{{
			ID: "a1", Words: 42, Outlet: "Wire Co", Title: "Strike ends",
			Paragraphs: []report.Paragraph{{Span: report.Span{Start: 0, End: 11}, Line: 1}},
			Inferred:   []report.Inference{{Field: "outlet", Value: "Wire Co", Rule: "meta.copyright-outlet", Line: 3}},
			Scores:     map[string]float64{"speculation": 0.25, "boilerplate": 0.1},
			Findings:   []report.Finding{{Kind: "boilerplate", Rule: "bp.copyright", Message: "copyright line", Line: 3}},
		}},
		Errors:   []report.InputError{{Input: "x.bin", Error: "binary input"}},
		Warnings: []report.InputWarning{{Input: "y.txt", Article: "y", Warning: "decoded as Windows-1252"}},
	}
	r.Normalize()
	return r
}

func TestTextSummary(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Text(&buf, sampleReport(), TextOptions{}))
	out := buf.String()
	for _, want := range []string{
		"crosscheck report: 1 articles, 1 rejected, 42 words",
		"a1  42 words, 1 paragraphs, 0 sentences",
		"outlet:   Wire Co  (inferred by meta.copyright-outlet from line 3)",
		"title:    Strike ends\n",
		"scores:   boilerplate 0.10, speculation 0.25",
		"boilerplate line 3: copyright line [bp.copyright]",
		"not checked (stage rewrite did not run)",
		"x.bin: binary input",
		"y.txt: decoded as Windows-1252",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "\x1b[")
}

func TestTextColour(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Text(&buf, sampleReport(), TextOptions{Color: true}))
	assert.Contains(t, buf.String(), "\x1b[1mcrosscheck report:\x1b[0m")
}

func TestJSONIsStable(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, JSON(&a, sampleReport()))
	require.NoError(t, JSON(&b, sampleReport()))
	assert.Equal(t, a.String(), b.String())
	assert.Contains(t, a.String(), `"scores": {
        "boilerplate": 0.1,
        "speculation": 0.25
      }`)
}

func TestMarkdown(t *testing.T) {
	r := sampleReport()
	r.Articles[0].Title = "Strike | ends *now*"
	r.Conflicts = []report.Conflict{{Kind: "date", Summary: "Signing day: 'Wednesday' (a1) vs 'January 29' (b)",
		Sides: []report.Side{
			{Value: "Wednesday", Articles: []string{"a1"}, Evidence: []report.Evidence{{Article: "a1", Text: "On Wednesday,\nthe", Line: 3}}},
			{Value: "January 29", Articles: []string{"b"}},
		}, Confidence: 0.85, Reasons: []report.Reason{{Rule: "conf.weekday-date", Weight: 0.15}}}}
	r.Differences = []report.Conflict{{Kind: "number", Summary: "Area: '3,200 acres' (a1) vs '5,800 acres' (b)",
		Sides:      []report.Side{{Value: "3,200 acres", Articles: []string{"a1"}}, {Value: "5,800 acres", Articles: []string{"b"}}},
		Confidence: 0.35, Reasons: []report.Reason{{Rule: "conf.time-unstated", Weight: -0.15}}}}
	r.Normalize()
	var buf bytes.Buffer
	require.NoError(t, Markdown(&buf, r))
	out := buf.String()
	for _, want := range []string{
		"# crosscheck report\n",
		"**1 articles**, 1 rejected, 42 words, 0 rewrite pairs, 1 conflicts.",
		"| article | title | outlet | words | boilerplate | speculation |",
		"| `a1` | Strike \\| ends \\*now\\* | Wire Co | 42 | 0.10 | 0.25 |",
		"- **date** (confidence 0.85) — Signing day: 'Wednesday' (a1) vs 'January 29' (b)",
		"  - why: `conf.weekday-date` (+0.15)",
		"## Worth a look",
		"- **number** (confidence 0.35) — Area: '3,200 acres' (a1) vs '5,800 acres' (b)",
		"  - “Wednesday”: `a1`",
		"    - `a1` line 3: “On Wednesday, the”",
		"- line 3 · boilerplate · `bp.copyright` — copyright line",
		"- `x.bin`: binary input",
	} {
		assert.Contains(t, out, want)
	}
}

func TestTextGroupsAndCapsFindings(t *testing.T) {
	r := sampleReport()
	r.Articles[0].Findings = nil
	for line := 1; line <= 8; line++ {
		r.Articles[0].Findings = append(r.Articles[0].Findings,
			report.Finding{Kind: "speculation", Rule: "spec.hedge", Message: "hedge", Line: line},
			report.Finding{Kind: "speculation", Rule: "spec.sentence", Message: "speculative sentence", Line: line})
	}
	r.Articles[0].Findings = append(r.Articles[0].Findings, report.Finding{Kind: "off_topic", Rule: "ot.paragraph", Message: "spill", Line: 9})
	var buf bytes.Buffer
	require.NoError(t, Text(&buf, r, TextOptions{MaxFindings: 3}))
	out := buf.String()
	assert.Contains(t, out, "    off_topic line 9: spill [ot.paragraph]\n    speculation line 1: hedge (+1 more) [spec.hedge, spec.sentence]\n")
	assert.Equal(t, 3, strings.Count(out, "    speculation line "))
	assert.Contains(t, out, "… and 5 more speculation lines")
}

func TestMarkdownEscapesIDs(t *testing.T) {
	r := sampleReport()
	r.Articles[0].ID = "a|b`c"
	r.Normalize()
	var buf bytes.Buffer
	require.NoError(t, Markdown(&buf, r))
	assert.Contains(t, buf.String(), "| `a\\|b'c` |")
}
