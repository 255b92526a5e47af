package claims

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := NewExtractor(ruleset.MustDefault())
	require.NoError(t, err)
	return x
}

// loadBatch reads a fixture folder the way the checker does and turns
// each article into an Input.
func loadBatch(t testing.TB, dir string) []Input {
	t.Helper()
	arts, errs, err := ingest.LoadPaths([]string{dir}, nil, ingest.Options{})
	require.NoError(t, err)
	require.Empty(t, errs)
	set := ruleset.MustDefault()
	dates, err := timex.NewReader(set)
	require.NoError(t, err)
	var batch []Input
	for _, a := range arts {
		doc := text.Parse(a.Text)
		ingest.InferMetadata(&a, doc, set, dates)
		in := Input{ID: a.ID, Doc: doc, Dateline: a.Dateline}
		if a.Published != "" {
			ts, err := time.Parse("2006-01-02", a.Published[:min(10, len(a.Published))])
			require.NoError(t, err)
			in.Published, in.HasPublished = timex.Date{Year: ts.Year(), Month: int(ts.Month()), Day: ts.Day()}, true
		}
		batch = append(batch, in)
	}
	return batch
}

// dump renders claims and conflicts for failure messages.
func dump(batch []Input, cs []Claim, cmp Comparison) string {
	var b strings.Builder
	for i, c := range cs {
		support := 0
		if i < len(cmp.Support) {
			support = cmp.Support[i]
		}
		fmt.Fprintf(&b, "%3d %s %-12s %-8s %-34s %-28q %s support=%d", i, batch[c.Article].ID[:3], c.Kind, c.Frame, c.Slot, c.Value, c.Normalized, support)
		if c.Fact != (FactFrame{}) {
			fmt.Fprintf(&b, " fact=%+v", c.Fact)
		}
		b.WriteString("\n")
	}
	for _, cf := range cmp.Conflicts {
		fmt.Fprintf(&b, "CONFLICT %s %s: %s [%.2f %s]\n", cf.Kind, cf.Slot, cf.Summary, cf.Confidence, reasonList(cf.Reasons))
	}
	for _, cf := range cmp.Differences {
		fmt.Fprintf(&b, "DIFFERENCE %s %s: %s [%.2f %s]\n", cf.Kind, cf.Slot, cf.Summary, cf.Confidence, reasonList(cf.Reasons))
	}
	return b.String()
}

// pasteID returns the paragraph index of the first paragraph that starts
// with prefix.
func paragraphStarting(t testing.TB, doc *text.Document, prefix string) int {
	t.Helper()
	for i, p := range doc.Paragraphs {
		if strings.HasPrefix(doc.Slice(p.Span), prefix) {
			return i
		}
	}
	t.Fatalf("no paragraph starts with %q", prefix)
	return -1
}
