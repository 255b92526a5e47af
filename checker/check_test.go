package checker

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

var update = flag.Bool("update", false, "rewrite golden reports in fixtures/golden (read the diff before committing)")

// seedBatch is the bundled seed batch, loaded with paths relative to the
// repository root as the README's command gives them.
const seedBatch = "fixtures/canada-korea-mou"

func checkSeeds(t *testing.T, opts Options) *Report {
	t.Helper()
	arts, rejected, err := LoadPaths([]string{seedBatch}, nil, LoadOptions{})
	require.NoError(t, err)
	require.Empty(t, rejected)
	opts.Rejected = rejected
	rep, err := Check(context.Background(), arts, opts)
	require.NoError(t, err)
	return rep
}

func jsonBytes(t *testing.T, rep *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, rep.WriteJSON(&buf))
	return buf.Bytes()
}

func TestSeedBatch(t *testing.T) {
	t.Chdir("..")
	rep := checkSeeds(t, Options{})
	require.Len(t, rep.Articles, 5)
	assert.Equal(t, report.SchemaID, rep.Schema)
	assert.Empty(t, rep.Errors)
	assert.Equal(t, 5, rep.Summary.Articles)
	for _, a := range rep.Articles {
		assert.NotEmpty(t, a.Paragraphs, a.ID)
		assert.NotEmpty(t, a.Sentences, a.ID)
		assert.Greater(t, a.Words, 300, a.ID)
		checkSpans(t, a)
	}
	byID := map[string]report.Article{}
	for _, a := range rep.Articles {
		byID[a.ID[:3]] = a
	}
	assert.Equal(t, "Global News", byID["000"].Outlet)
	assert.Equal(t, "MENA Newswire", byID["001"].Outlet)
	assert.Equal(t, "Ottawa", byID["001"].Dateline)
	assert.Equal(t, "Canada and Korea sign MOU for more trade, including autos and minerals", byID["002"].Title)
	assert.Equal(t, "Global News", byID["002"].Outlet)
	assert.True(t, strings.HasPrefix(byID["003"].Title, "Canada-South Korea Automotive MOU"))
	assert.Equal(t, "Himanshu Kumar", byID["004"].Byline)

	// The mission's reading of the seed batch, end to end.
	require.Len(t, rep.Duplicates, 1)
	d := rep.Duplicates[0]
	assert.Equal(t, "002_c518c56dac84cf69", d.Original)
	assert.Equal(t, "000_5ac3630139ee311e", d.Rewrite)
	assert.Equal(t, "known", d.Direction)
	require.Len(t, rep.Conflicts, 3)
	sides := func(c report.Conflict) [][]string {
		var out [][]string
		for _, s := range c.Sides {
			var ids []string
			for _, a := range s.Articles {
				ids = append(ids, a[:3])
			}
			out = append(out, ids)
		}
		return out
	}
	assert.Equal(t, "date", rep.Conflicts[0].Kind)
	assert.Equal(t, [][]string{{"000", "002"}, {"001", "003"}}, sides(rep.Conflicts[0]))
	assert.Contains(t, rep.Conflicts[0].Summary, "a Thursday")
	assert.Equal(t, "person", rep.Conflicts[1].Kind)
	assert.Equal(t, [][]string{{"001"}, {"003"}}, sides(rep.Conflicts[1]))
	assert.Equal(t, "quote", rep.Conflicts[2].Kind)
	assert.Equal(t, [][]string{{"000"}, {"001", "002"}}, sides(rep.Conflicts[2]))

	score := func(id, name string) float64 { return byID[id].Scores[name] }
	highest := func(name string) string {
		best := ""
		for id := range byID {
			if best == "" || score(id, name) > score(best, name) || (score(id, name) == score(best, name) && id < best) {
				best = id
			}
		}
		return best
	}
	assert.Equal(t, "002", highest("off_topic"), "002 carries the most off-topic spill")
	for _, id := range []string{"000", "001", "002"} {
		assert.Less(t, score(id, "speculation"), min(score("003", "speculation"), score("004", "speculation")), "003 and 004 are the most speculative (%s)", id)
	}
	assert.Greater(t, score("000", "boilerplate"), score("001", "boilerplate"))
	assert.Greater(t, score("004", "boilerplate"), score("001", "boilerplate"))
	assert.Equal(t, "001", highest("reliability"), "001 is the most reliable")
}

// checkSpans asserts that every span in an article report lies inside its
// text, on rune boundaries, with matching quoted text.
func checkSpans(t *testing.T, a report.Article) {
	t.Helper()
	ok := func(s report.Span, what string) {
		require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(a.Text), "%s: %s span %v out of range", a.ID, what, s)
		require.True(t, utf8.ValidString(a.Text[s.Start:s.End]), "%s: %s span %v splits a rune", a.ID, what, s)
	}
	for _, p := range a.Paragraphs {
		ok(p.Span, "paragraph")
	}
	for _, s := range a.Sentences {
		ok(s.Span, "sentence")
	}
	for _, in := range a.Inferred {
		ok(in.Span, "inference")
		assert.Equal(t, a.Text[in.Span.Start:in.Span.End], in.Text)
	}
	for _, f := range a.Findings {
		ok(f.Span, "finding")
		assert.Equal(t, a.Text[f.Span.Start:f.Span.End], f.Text)
	}
}

func TestGoldenReports(t *testing.T) {
	t.Chdir("..")
	// Every batch folder under fixtures/ has a golden report.
	entries, err := os.ReadDir("fixtures")
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "golden" && e.Name() != "blind" {
			names = append(names, e.Name())
		}
	}
	require.NotEmpty(t, names)
	for _, name := range names {
		golden := filepath.Join("fixtures", "golden", name+".json")
		t.Run(name, func(t *testing.T) {
			arts, rejected, err := LoadPaths([]string{filepath.Join("fixtures", name)}, nil, LoadOptions{})
			require.NoError(t, err)
			rep, err := Check(context.Background(), arts, Options{Rejected: rejected})
			require.NoError(t, err)
			// A finding points at text a reader can see.
			for _, a := range rep.Articles {
				for _, f := range a.Findings {
					assert.NotEmpty(t, f.Text, "%s: %s finding %q has an empty span", a.ID, f.Rule, f.Message)
				}
			}
			got := jsonBytes(t, rep)
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				t.Logf("rewrote %s: read the diff before committing", golden)
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "report differs from %s; run go test ./checker -run TestGoldenReports -update and read the diff", golden)
		})
	}
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	t.Chdir("..")
	one := jsonBytes(t, checkSeeds(t, Options{Workers: 1}))
	for _, w := range []int{2, 8} {
		assert.Equal(t, string(one), string(jsonBytes(t, checkSeeds(t, Options{Workers: w}))), "workers=%d", w)
	}
}

func TestConcurrentChecks(t *testing.T) {
	t.Chdir("..")
	arts, _, err := LoadPaths([]string{seedBatch}, nil, LoadOptions{})
	require.NoError(t, err)
	want := jsonBytes(t, must(Check(context.Background(), arts, Options{})))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep, err := Check(context.Background(), arts, Options{Workers: 2})
			if err != nil {
				errs <- err.Error()
				return
			}
			var buf bytes.Buffer
			_ = rep.WriteJSON(&buf)
			if !bytes.Equal(buf.Bytes(), want) {
				errs <- "a concurrent check gave a different report"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func must(r *Report, err error) *Report {
	if err != nil {
		panic(err)
	}
	return r
}

func TestCheckRejectsBadArticles(t *testing.T) {
	arts := []Article{
		{ID: "a", Text: "First article."},
		{ID: "a", Text: "Same id again."},
		{ID: "", Text: "No id."},
		{ID: "blank", Text: " \n "},
		{ID: "big", Text: strings.Repeat("x", 200)},
		{ID: "b", Text: "Second article."},
	}
	rejectedByLoader := []*InputError{{Input: "x.bin", Err: assert.AnError}}
	rep, err := Check(context.Background(), arts, Options{MaxBytes: 100, Rejected: rejectedByLoader})
	require.NoError(t, err)
	var ids []string
	for _, a := range rep.Articles {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a", "b"}, ids)
	require.Len(t, rep.Errors, 5)
	assert.Equal(t, "x.bin", rep.Errors[0].Input)
	assert.Contains(t, rep.Errors[1].Error, `duplicate article id "a"`)
	assert.Contains(t, rep.Errors[2].Error, "no id")
	assert.Contains(t, rep.Errors[3].Error, "empty input")
	assert.Contains(t, rep.Errors[4].Error, "over the per-article limit")
	assert.Equal(t, 5, rep.Summary.Rejected)
}

func TestCheckDoesNotChangeCallerArticles(t *testing.T) {
	arts := []Article{{ID: "x", Text: "Court blocks strike\nThe court ruled."}}
	rep, err := Check(context.Background(), arts, Options{})
	require.NoError(t, err)
	assert.Equal(t, "Court blocks strike", rep.Articles[0].Title)
	assert.Empty(t, arts[0].Title)
	assert.Empty(t, arts[0].Inferred)
}

func TestCheckCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts := make([]Article, 50)
	for i := range arts {
		arts[i] = Article{ID: strings.Repeat("a", i+1), Text: "Some text."}
	}
	_, err := Check(ctx, arts, Options{Workers: 4})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestEmptyBatchRendersEmptyLists(t *testing.T) {
	rep, err := Check(context.Background(), nil, Options{})
	require.NoError(t, err)
	out := string(jsonBytes(t, rep))
	assert.NotContains(t, out, "null")
	assert.Contains(t, out, `"articles": []`)
}

func TestReportsMatchSchema(t *testing.T) {
	t.Chdir("..")
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.Schema))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("schema.json", doc))
	schema, err := c.Compile("schema.json")
	require.NoError(t, err)

	mixed := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "good.txt"), []byte("Court blocks strike\nBy Jane Doe\nThe court ruled on Monday.\nPublished: 2026-03-12"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "empty.txt"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mixed, "latin.txt"), []byte("caf\xe9 owners"), 0o644))

	for _, paths := range [][]string{{seedBatch}, {mixed}, {}} {
		arts, rejected, err := LoadPaths(paths, nil, LoadOptions{})
		require.NoError(t, err)
		rep, err := Check(context.Background(), arts, Options{Rejected: rejected})
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(jsonBytes(t, rep)))
		require.NoError(t, err)
		assert.NoError(t, schema.Validate(inst), "report for %v does not match the schema", paths)
	}

	// The schema is not vacuous: a broken report fails it.
	var broken map[string]any
	require.NoError(t, json.Unmarshal(jsonBytes(t, checkSeeds(t, Options{})), &broken))
	broken["articles"].([]any)[0].(map[string]any)["words"] = -1
	delete(broken, "conflicts")
	assert.Error(t, schema.Validate(broken))
}

// Articles built in memory get the loader's checks: their spans must index
// valid UTF-8 text, and the report must match the schema.
func TestCheckCleansArticlesBuiltInMemory(t *testing.T) {
	arts := []Article{
		{ID: "bad-bytes", Text: "Prices rose \xff\xfe sharply on Monday. The bank said more was to come."},
		{ID: "odd", Text: "The court ruled on Monday.", Format: "weird", Published: "yesterday"},
		{ID: "stamp", Text: "The court ruled on Monday.", Published: "Jan. 29, 2026"},
		{ID: "binary", Text: strings.Repeat("\x01\x02x", 30)},
	}
	rep, err := Check(context.Background(), arts, Options{})
	require.NoError(t, err)
	require.Len(t, rep.Articles, 3)
	require.Len(t, rep.Errors, 1)
	assert.Equal(t, "binary", rep.Errors[0].Input)
	assert.Contains(t, rep.Errors[0].Error, "binary input")

	a := rep.Article("bad-bytes")
	assert.True(t, utf8.ValidString(a.Text))
	assert.Contains(t, a.Text, "rose \uFFFD sharply")
	assert.Equal(t, "text", rep.Article("odd").Format)
	assert.Empty(t, rep.Article("odd").Published)
	assert.Equal(t, "2026-01-29", rep.Article("stamp").Published)
	var warned []string
	for _, w := range rep.Warnings {
		warned = append(warned, w.Article+": "+w.Warning)
	}
	assert.Contains(t, strings.Join(warned, "\n"), "bad-bytes: the text is not valid UTF-8")
	assert.Contains(t, strings.Join(warned, "\n"), `odd: unknown format "weird"`)
	assert.Contains(t, strings.Join(warned, "\n"), `odd: published: cannot read the date "yesterday"`)

	// Spans still hold their text after a JSON round trip.
	var back report.Report
	require.NoError(t, json.Unmarshal(jsonBytes(t, rep), &back))
	for _, art := range back.Articles {
		checkSpans(t, art)
	}
}

func TestLoadReader(t *testing.T) {
	arts, errs, err := LoadReader(strings.NewReader(`{"id":"a","text":"One."}`+"\n"+`{"id":"a","text":"Two."}`+"\n"), "feed", LoadOptions{})
	require.NoError(t, err)
	require.Len(t, arts, 1)
	require.Len(t, errs, 1)
	assert.Equal(t, "feed:1", arts[0].Input)
	assert.Equal(t, "feed:2", errs[0].Input)
}

// A dateline's date is when the story was filed, also when the front
// matter already gives the dateline: two wires filed on different days
// about one storm do not disagree about its day.
func TestDatelineDatesAreNoClaims(t *testing.T) {
	arts := []Article{
		{ID: "a", Dateline: "Halifax", Text: "HALIFAX, March 14 (Harbour Wire) - A storm flooded the coast of Nova Scotia on 12 March 2026, killing four people.\nOfficials said the storm was the worst in decades.\n"},
		{ID: "b", Dateline: "Halifax", Text: "HALIFAX, March 12 (Coast Press) - A storm flooded the coast of Nova Scotia on 12 March 2026, killing four people.\nThe storm cut power to thousands of homes.\n"},
	}
	rep, err := Check(context.Background(), arts, Options{})
	require.NoError(t, err)
	assert.Empty(t, rep.Conflicts)
	for _, c := range rep.Claims {
		assert.NotContains(t, []string{"March 14", "March 12"}, c.Value, "%s: a dateline date became a claim", c.Article)
	}
}
