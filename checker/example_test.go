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
