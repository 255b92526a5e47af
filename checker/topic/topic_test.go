package topic

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

var testStop = []string{"the", "a", "and", "of", "to", "in", "on", "by", "was", "were", "is", "new", "said", "for", "at", "it", "its", "with", "from"}

var testParams = Params{
	BatchShare: 0.5, ArticleSupport: 1, Prior: 0.6, PriorTerms: 10,
	LeadParagraphs: 2, LeadMinWords: 8, NameWeight: 2,
}

func termTexts(ts []Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

func TestParagraphTerms(t *testing.T) {
	m := NewModel(testStop, testParams)
	cases := []struct {
		name  string
		in    string
		terms []string
		names []string
	}{
		{"stop words, plurals, possessives and hyphens", "The minister’s new batteries and Canada-Korea ties were discussed.",
			[]string{"minister", "battery", "canada", "korea", "tie", "discussed"}, []string{"canada", "korea"}},
		{"a capitalised run opening the sentence is not known to be a name", "Ukrainian President Volodymyr Zelenskyy spoke in Davos.",
			[]string{"ukrainian", "president", "volodymyr", "zelenskyy", "spoke", "davo"}, []string{"davo"}},
		{"title case has no names", "Why Link Battery Deals to Local Car Production?",
			[]string{"why", "link", "battery", "deal", "local", "car", "production"}, nil},
		{"a list label is an opener", "- Labour Concerns: Ensuring fair wages matters to Unifor.",
			[]string{"labour", "concern", "ensuring", "fair", "wage", "matter", "unifor"}, []string{"unifor"}},
		{"numbers and punctuation are not terms", "In 2015, 3.5% rose — again.", []string{"rose", "again"}, nil},
		{"each term once", "Trade, trade and trades.", []string{"trade"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := text.Parse(c.in)
			require.Len(t, doc.Paragraphs, 1)
			terms := m.ParagraphTerms(doc, 0)
			assert.Equal(t, c.terms, termTexts(terms))
			var names []string
			for _, term := range terms {
				if term.Name {
					names = append(names, term.Text)
				}
			}
			assert.Equal(t, c.names, names)
		})
	}
	assert.Equal(t, []string{"canada", "korea", "sign", "deal"}, termTexts(m.TextTerms("Canada and Korea sign a deal")))
	assert.Empty(t, m.TextTerms("  "))
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"batteries": "battery", "minerals": "mineral", "classes": "class", "ties": "tie",
		"bus": "bus", "analysis": "analysis", "glass": "glass", "us": "us",
	} {
		assert.Equal(t, want, singular(in), in)
	}
}

func judge(t *testing.T, m *Model, arts ...Article) [][]Relevance {
	t.Helper()
	out, err := m.Judge(context.Background(), arts, 2)
	require.NoError(t, err)
	require.Len(t, out, len(arts))
	return out
}

func TestJudgeBatch(t *testing.T) {
	m := NewModel(testStop, testParams)
	a := Article{Doc: text.Parse("Council approves transit plan with three bus routes downtown.\n\nThe council vote on the transit plan was nine to two.\n\nA heat wave broke temperature records across the prairie provinces, forecasters reported, as farmers worried about wheat crops.")}
	b := Article{Doc: text.Parse("The transit plan adds bus routes to the downtown core.\n\nCouncil members debated the routes and the plan's cost for hours.")}
	c := Article{Doc: text.Parse("Bus routes approved by council in a transit plan vote.\n\nOpponents said the routes duplicate streetcar service downtown.")}
	rel := judge(t, m, a, b, c)
	spill := rel[0][2]
	assert.Less(t, spill.Value, 0.35)
	assert.Contains(t, spill.Unsupported, "heat")
	assert.Contains(t, spill.Unsupported, "wheat")
	for i := range 2 {
		assert.Greater(t, rel[0][i].Value, 0.45, "paragraph %d", i)
	}
	assert.True(t, rel[0][0].Lead)
	assert.False(t, rel[0][2].Lead, "only lead_paragraphs paragraphs form the lead")
	for _, r := range rel[1] {
		assert.Greater(t, r.Value, 0.45)
	}
}

func TestJudgeSingleArticle(t *testing.T) {
	m := NewModel(testStop, testParams)
	a := Article{
		Title: "Lakeshore beat Pinecrest to reach the cup final",
		Doc: text.Parse("Maya Rivers scored twice as Lakeshore beat Pinecrest 3-1 to reach the provincial cup final on Saturday.\n\n" +
			"Pinecrest led early when Tom Okafor headed in a corner, but Rivers equalised after the break.\n\n" +
			"Rivers then scored a penalty, and Lakeshore added a third goal late to seal the final place.\n\n" +
			"The library board approved longer weekend opening hours at four branches on Thursday evening, and councillors delayed a decision on the transit fare structure until the autumn session, citing concerns raised during public consultations about seniors' passes."),
	}
	rel := judge(t, m, a)[0]
	assert.Less(t, rel[3].Value, 0.2, "spill")
	for i := range 3 {
		assert.Greater(t, rel[i].Value, 0.3, "paragraph %d", i)
	}
}

func TestShortParagraphsShrinkToThePrior(t *testing.T) {
	m := NewModel(testStop, testParams)
	a := Article{Doc: text.Parse("Council approves transit plan with three bus routes downtown.\n\nZebras.")}
	b := Article{Doc: text.Parse("The transit plan adds bus routes to the downtown core.")}
	rel := judge(t, m, a, b)
	short := rel[0][1]
	assert.Equal(t, 1, short.Terms)
	assert.Equal(t, []string{"zebra"}, short.Unsupported)
	// One unsupported term moves the prior only a little.
	assert.InDelta(t, 0.6*10/11.0, short.Value, 1e-9)
}

func TestExcludedParagraphsSupportNothing(t *testing.T) {
	m := NewModel(testStop, testParams)
	body := "Council approves transit plan with three bus routes downtown after a long debate.\n\nSubscribe to our newsletter about zebras and giraffes.\n\nZebras and giraffes escaped the zoo."
	doc := text.Parse(body)
	with := judge(t, m, Article{Doc: doc})[0]
	without := judge(t, m, Article{Doc: doc, Exclude: []bool{false, true}})[0]
	assert.Greater(t, with[2].Value, without[2].Value, "the excluded line no longer supports zebras")
	assert.Equal(t, 0.0, without[2].Support)
}

func TestJudgeCancelled(t *testing.T) {
	m := NewModel(testStop, testParams)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := m.Judge(ctx, []Article{{Doc: text.Parse("a b c")}}, 1)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, testParams, m.Params())
}
