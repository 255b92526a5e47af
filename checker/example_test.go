package checker_test

import (
	"context"
	"fmt"
	"log"

	"github.com/crosscheck-news/crosscheck/checker"
)

// Check a folder of articles and read the report.
func Example() {
	arts, rejected, err := checker.LoadPaths([]string{"../fixtures/canada-korea-mou"}, nil, checker.LoadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	rep, err := checker.Check(context.Background(), arts, checker.Options{Rejected: rejected})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range rep.Articles {
		fmt.Printf("%s: %d words, outlet %q\n", a.ID, a.Words, a.Outlet)
	}
	// Output:
	// 000_5ac3630139ee311e: 635 words, outlet "Global News"
	// 001_37105e61d4305de9: 594 words, outlet "MENA Newswire"
	// 002_c518c56dac84cf69: 363 words, outlet "Global News"
	// 003_830d61da78a87c22: 692 words, outlet ""
	// 004_284b1d540ec6d9e4: 784 words, outlet ""
}

// Articles can also be built in memory, for example by a scraper.
func ExampleCheck() {
	arts := []checker.Article{
		{ID: "wire", Text: "OTTAWA (Reuters) - The port strike ended on Monday after a deal."},
		{ID: "blog", Text: "Port strike over\nThe strike ended, the union said."},
	}
	rep, err := checker.Check(context.Background(), arts, checker.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range rep.Articles {
		fmt.Printf("%s: title=%q outlet=%q dateline=%q\n", a.ID, a.Title, a.Outlet, a.Dateline)
	}
	// Output:
	// wire: title="" outlet="Reuters" dateline="Ottawa"
	// blog: title="Port strike over" outlet="" dateline=""
}

// ParseArticle reads one article from raw bytes, whatever their encoding.
func ExampleParseArticle() {
	a, err := checker.ParseArticle("page", "html", []byte(`<html><head><meta property="og:site_name" content="Wire Co"></head>
<body><h1>Strike ends</h1><p>Workers returned on <b>Monday</b>.</p><script>track()</script></body></html>`), checker.LoadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q from %s\n", a.Text, a.Outlet)
	// Output:
	// "Strike ends\n\nWorkers returned on Monday." from Wire Co
}

// Align two articles: is one a rewrite of the other, which is the original,
// and what changed?
func ExampleChecker_Align() {
	c, err := checker.New(nil)
	if err != nil {
		log.Fatal(err)
	}
	original := checker.Article{ID: "wire", Text: "The port strike ended on Monday after talks.\n" +
		"More than 4,000 dock workers returned to work at the container terminal.\n" +
		"“We got what we asked for,” union president Maria Lund said.\n"}
	spun := checker.Article{ID: "farm", Text: "The port strike finished on Monday after talks.\n" +
		"More than 4,000 dock workers went back to work at the container terminal.\n" +
		"“We got what we requested,” union president Maria Lund said.\n"}
	res, err := c.Align(context.Background(), original, spun)
	if err != nil {
		log.Fatal(err)
	}
	// With no artefact, echo or date to tell them apart, the direction is
	// "unknown" and the first article is shown as the original.
	fmt.Printf("pair=%v kind=%s direction=%s aligned=%d\n", res.Pair, res.Kind, res.Direction, len(res.Alignment.Pairs))
	for _, step := range res.Alignment.Pairs {
		for _, e := range step.Edits {
			fmt.Printf("%s: %q → %q\n", e.Kind, e.Original.Text, e.Rewrite.Text)
		}
	}
	// Output:
	// pair=true kind=rewrite direction=unknown aligned=3
	// substitution: "ended" → "finished"
	// substitution: "returned" → "went back"
	// quote_changed: "We got what we asked for" → "We got what we requested"
}

// Score one article: every score comes with the findings behind it.
func ExampleCheck_scores() {
	art := checker.Article{ID: "blog", Text: "Ports could be the next big battleground\n" +
		"Let's get one thing straight: this strike is a massive win for the union.\n" +
		"Workers will likely stay out for weeks, and prices may rise.\n" +
		"Sign up for our newsletter to get the latest news.\n"}
	rep, err := checker.Check(context.Background(), []checker.Article{art}, checker.Options{})
	if err != nil {
		log.Fatal(err)
	}
	a := rep.Articles[0]
	fmt.Printf("boilerplate %.2f, speculation %.2f\n", a.Scores["boilerplate"], a.Scores["speculation"])
	for _, f := range a.Findings {
		if f.Kind == "boilerplate" {
			fmt.Printf("line %d %s: %s\n", f.Line, f.Rule, f.Text)
		}
	}
	// Output:
	// boilerplate 0.24, speculation 0.95
	// line 4 bp.newsletter-prompt: Sign up for our newsletter to get the latest news.
}
