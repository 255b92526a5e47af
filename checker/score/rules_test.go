package score

import (
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// Rule tests: one line or sentence inside a short, plain article, and the
// rules that must (or must not) fire on it.

const (
	testTitle    = "Council approves new transit plan for downtown core"
	testContent1 = "The city council voted 9-2 on Tuesday to approve a transit plan that adds three bus routes to the downtown core."
	testContent2 = "Transit officials said the new routes would start running in September and cost about $4 million a year to operate."
)

// ruleHits scores an article with line between two content paragraphs and
// returns the rules whose findings lie inside line, with their weights, and
// whether line's paragraph is boilerplate.
func ruleHits(t *testing.T, sc *Scorer, line string) (map[string]float64, bool) {
	t.Helper()
	body := testTitle + "\n\n" + testContent1 + "\n\n" + line + "\n\n" + testContent2 + "\n"
	start := strings.Index(body, line)
	in := inputOf("t", body)
	res := scoreAll(t, sc, []Input{in})[0]
	hits := map[string]float64{}
	for _, f := range res.Findings {
		if f.Span.Start >= start && f.Span.End <= start+len(line) {
			hits[f.Rule] += f.Weight
		}
	}
	para := in.Doc.SentenceAt(start)
	require.GreaterOrEqual(t, para, 0)
	return hits, res.BoilerplateParagraphs[in.Doc.Sentences[para].Paragraph]
}

func ruleNames(hits map[string]float64) []string {
	var out []string
	for r := range hits {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

func TestBoilerplateRules(t *testing.T) {
	sc := newScorer(t)
	cases := []struct {
		rule string
		line string
	}{
		{"bp.newsletter-prompt", "Get the latest national news"},
		{"bp.newsletter-prompt", "Sign up for our morning newsletter and get the top stories delivered to your inbox."},
		{"bp.newsletter-prompt", "Subscribe now"},
		{"bp.newsletter-prompt", "Stay up to date with our weekly briefing"},
		{"bp.copyright", "© 2026 Lakeside Media Group, a division of Northwind Holdings Inc."},
		{"bp.copyright", "Copyright 2025 The Valley Courier. All rights reserved."},
		{"bp.copyright", "This material may not be published, broadcast, rewritten or redistributed."},
		{"bp.credit", "— With a file from Global News’ Jane Park."},
		{"bp.credit", "With files from The Canadian Press"},
		{"bp.credit", "(Reporting by Ana Costa; Editing by Mark Hill)"},
		{"bp.credit", "The Associated Press contributed to this report."},
		{"bp.credit", "Photo by Sam Lee"},
		{"bp.read-more", "Read the original article here"},
		{"bp.read-more", "Read more: Council delays vote on fares"},
		{"bp.read-more", "Continue reading"},
		{"bp.read-more", "Click here to watch the full meeting"},
		{"bp.read-more", "This article originally appeared on The Conversation."},
		{"bp.share-prompt", "Share this article"},
		{"bp.share-prompt", "Follow us on Instagram for more city news."},
		{"bp.share-prompt", "Follow The Courier on X and Facebook"},
		{"bp.share-prompt", "Leave a comment"},
		{"bp.share-prompt", "Comments are closed."},
		{"bp.share-prompt", "View 12 comments"},
		{"bp.cookie", "We use cookies to improve your experience on our site."},
		{"bp.cookie", "By continuing to use this site you agree to our cookie policy."},
		{"bp.cookie", "Privacy Policy"},
		{"bp.author-bio", "Hello, my name is Sam Rivera and I have been blogging about transit for ten years."},
		{"bp.author-bio", "Welcome to my corner of the web. I have been writing about rail for fifteen years."},
		{"bp.author-bio", "Jordan Ellis is a freelance writer based in Vancouver who covers cities."},
		{"bp.author-bio", "About the author: Kim Lee writes about urban planning."},
		{"bp.author-bio", "Ana Ruiz is a former nurse turned health writer. She publishes a weekly newsletter on hospital budgets."},
		{"bp.author-bio", "Tom Okoye is a lifelong cyclist, a part-time coach and the writer behind The Spoke, a blog about city streets."},
		{"bp.paywall", "Already a subscriber? Log in to continue reading."},
		{"bp.disclaimer", "This post contains affiliate links, and we may earn a commission on purchases."},
		{"bp.disclaimer", "The Courier is not responsible for the opinions expressed by contributors."},
		{"bp.donation", "We rely on your support to keep local news free for everyone."},
		{"bp.site-notice", "You are using a browser version with limited support for CSS."},
		{"bp.advert", "Advertisement"},
		{"bp.advert", "Story continues below advertisement"},
		{"bp.caption", "Credit monitoring company Equinox says a breach exposed data. (AP Photo/Mike Stewart)"},
		{"bp.caption", "Rescue crews distribute water in Terminal 1. Photo: Hessen Today/M. Roth"},
		{"bp.caption", "This July 21, 2012, photo shows the company's offices in Atlanta."},
		{"bp.caption", "File photo taken in 2012 shows the headquarters of the company."},
		{"bp.caption", "Photo: Passengers wait with their luggage at the counters on Friday, June 5."},
		{"bp.caption", "Residents wait for news at the gymnasium. Photograph: Rodrigo Lima/AP"},
		{"bp.disclaimer", "Disclaimer: This column is for information only and does not constitute investment advice."},
		{"bp.disclaimer", "The views expressed are the author’s own."},
		{"bp.disclaimer", "This article is for informational purposes only."},
		{"bp.author-bio", "Rhona Galbraith writes about energy policy and the North Sea."},
		{"bp.author-bio", "Jonas Amrein is a freshwater ecologist from Basel. He has written about the river for a decade."},
		{"bp.paywall", "You have 2 free articles left this month. Subscribe for unlimited access."},
		{"bp.credit", "Koshi TV's Bikash Rai contributed to this report from Lukla."},
		{"bp.credit", "This story was first published by the Central Press Agency and is republished here with permission."},
		{"bp.credit", "This article appears in the Saturday print edition of The Observer, page 7."},
		{"bp.newsletter-prompt", "Love slow travel? Get our free monthly newsletter with new guides and deals."},
		{"bp.share-prompt", "17 thoughts on “The plan is cleared”"},
		{"bp.donation", "Give now at relief.example/appeal with cards or mobile wallets."},
		{"bp.read-more", "RELATED: How to get free identity theft protection and credit monitoring from the agency"},
		{"bp.read-more", "Visit the Transit Data Index page to learn more about it and its component stocks."},
		{"bp.site-notice", "This is an archived article and the information in the article may be outdated."},
		{"bp.site-notice", "The information you requested is not available at this time, please check back again soon."},
		{"bp.credit", "Editor’s Note: Jane Doe is a columnist who focuses on transport policy."},
		{"bp.caption", "Brazilian President Dilma Rousseff speaks during the climate ceremony, Friday, April 22, 2016, at UN headquarters."},
		{"bp.timestamp-line", "9:20 a.m."},
		{"bp.timestamp-line", "Tuesday, August 18, 2026 4:05 PM"},
		{"bp.timestamp-line", "Updated: Jul 14, 2026, 12:05 PM IST"},
		{"bp.nav-phrase", "Related stories"},
		{"bp.nav-phrase", "You might also like"},
		{"bp.nav-phrase", "Tags: transit, council, budget"},
		{"bp.separator-list", "Home | News | City Hall | Transit | Opinion"},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.line, func(t *testing.T) {
			hits, flagged := ruleHits(t, sc, c.line)
			assert.Contains(t, ruleNames(hits), c.rule)
			assert.True(t, flagged, "the line should be boilerplate; hits %v", hits)
		})
	}
}

// TestBoilerplateSilent is the false-positive corpus: content lines that
// look a little like boilerplate and must not be flagged.
func TestBoilerplateSilent(t *testing.T) {
	sc := newScorer(t)
	for _, line := range []string{
		"The company updated its privacy policy last year to comply with the new federal law.",
		"Waymo, a division of Alphabet, said it would expand its service to two more cities.",
		"Reporting by the newspaper prompted an inquiry into the contract last spring.",
		"Like him, many drivers said the new lanes had made their commute longer.",
		"Read the ruling carefully, the judge told lawyers, because the deadline is firm.",
		"(c) the third option would extend the line to the airport by 2031.",
		"I am tired from the long meeting, the mayor said with a laugh.",
		"Share prices of the transit operator rose 3 per cent after the vote.",
		"Members can subscribe to updates on the council's website, officials said.",
		"The new routes and their cost",
		"A photo released by police shows the suspect leaving the station on Monday.",
		"The minister said the views of residents were her priority.",
		"Officials said the new data contributed to this report's main finding.",
		"Residents who visit the depot to learn more about the routes will get a free map.",
		"At 9:20 a.m. the ceremony began.",
		"The vote is set for Tuesday, March 10, 2026, the council said.",
		"Leaders signed the accord in New York on Friday, April 22, 2016, a day after the talks.",
		"On Tuesday, August 18, the council met again.",
		"The editor noted that the archive is open to readers.",
		"Residents give now and then to the food bank, the volunteers said.",
		"The plan does not constitute a change of policy, the mayor said.",
		"The agency said the photo was taken in 2019 and showed the old terminal.",
		"Maria Chen is a former city engineer who has been covering the cost overruns for the council since 2024.",
		"Leo Hart is the chief executive of the bus company, which publishes its timetable every spring.",
		"So the hospital trust finally admitted on Thursday that the attack was far worse than it first let on. More than 200,000 patients have had their records stolen. I have been writing about health-sector security on this blog for almost a decade, and this may well be the breach I have been dreading.",
	} {
		t.Run(line, func(t *testing.T) {
			hits, flagged := ruleHits(t, sc, line)
			assert.False(t, flagged, "hits %v", hits)
			for r := range hits {
				assert.False(t, strings.HasPrefix(r, "bp."), "rule %s fired", r)
			}
		})
	}
}

// TestShortLineAloneIsWeak: a subheading is a short line without sentence
// punctuation, which is evidence, but not enough on its own when its words
// are the story's (the line model weighs a line whose words are not, such
// as another story's headline, as furniture).
func TestShortLineAloneIsWeak(t *testing.T) {
	sc := newScorer(t)
	_, flagged := ruleHits(t, sc, "The new routes and their cost")
	assert.False(t, flagged)
	// A run of them is a menu.
	hits, flagged := ruleHits(t, sc, "Home\nWorld\nBusiness\nSport\nWeather")
	assert.True(t, flagged)
	assert.Contains(t, ruleNames(hits), "bp.nav-run")
}

func TestSpeculationCues(t *testing.T) {
	sc := newScorer(t)
	set := ruleset.MustDefault()
	w := func(id string) float64 { return set.Rule(id).Weight }
	quoted, reported := w(ruleSpecQuoted), w(ruleSpecReported)
	cases := []struct {
		name     string
		sentence string
		want     map[string]float64 // rule → summed weight of its cues
	}{
		{"hedge", "The plan could cost more than expected.", map[string]float64{"spec.hedge": w("spec.hedge")}},
		{"hedge phrase wins over its parts", "Ridership is expected to rise next year.", map[string]float64{"spec.hedge": w("spec.hedge")}},
		{"reported hedge weighs less", "The mayor said the plan could cost more.", map[string]float64{"spec.hedge": w("spec.hedge") * reported}},
		{"according to", "According to the agency, fares may rise in the spring.", map[string]float64{"spec.hedge": w("spec.hedge") * reported}},
		{"quoted hedge weighs least", "“The plan might fail,” the mayor said.", map[string]float64{"spec.hedge": w("spec.hedge") * quoted}},
		{"weasel attribution is not attribution", "Experts say the plan is flawed.", map[string]float64{"spec.hedge": w("spec.hedge")}},
		{"unattributed prediction", "The new line will transform the city.", map[string]float64{"spec.prediction": w("spec.prediction")}},
		{"attributed prediction is reporting", "Officials said the new line will open in 2027.", map[string]float64{}},
		{"prediction in a quote is the speaker's", "“It will change everything,” she said.", map[string]float64{}},
		{"opinion", "It was a massive strategic win for the city.", map[string]float64{"spec.opinion": 2 * w("spec.opinion")}},
		{"bold and forward-looking", "The decision is a bold and forward-looking strategy.", map[string]float64{"spec.opinion": 2 * w("spec.opinion")}},
		{"rhetorical", "Let's get one thing straight: the plan is late.", map[string]float64{"spec.rhetorical": w("spec.rhetorical")}},
		{"rhetorical elephant", "Now, it's worth addressing the elephant in the room.", map[string]float64{"spec.rhetorical": 2 * w("spec.rhetorical")}},
		{"opener", "Ultimately, the vote settles the matter.", map[string]float64{"spec.opener": w("spec.opener")}},
		{"second person", "If you ride the bus, your commute changes.", map[string]float64{"spec.personal": 2 * w("spec.personal")}},
		{"first person in a quote is the speaker's", "“We are proud of our drivers,” the director said.", map[string]float64{}},
		{"question", "Who will pay for it?", map[string]float64{"spec.question": w("spec.question"), "spec.prediction": w("spec.prediction")}},
		{"intensifier", "The routes are very popular.", map[string]float64{"spec.intensifier": w("spec.intensifier")}},
		// The false-positive corpus.
		{"May the month", "The council will vote in May on the budget passed May 3.", map[string]float64{"spec.prediction": w("spec.prediction")}},
		{"a scheduled event is not a prediction", "The hearing will take place on June 4.", map[string]float64{}},
		{"appeared in court", "The driver appeared in court on Monday.", map[string]float64{}},
		{"the United States is not us", "The US and the United States Senate were not mentioned.", map[string]float64{}},
		{"critical minerals are not opinion", "The plant processes critical minerals and key metals.", map[string]float64{}},
		{"World War I", "The bridge was built after World War I by the province.", map[string]float64{}},
		{"political will", "The project lacked political will for a decade.", map[string]float64{}},
		{"perception is no hedge", "Residents could be seen cleaning mud from their homes.", map[string]float64{}},
		{"hearing is no hedge", "Neighbours could hear the blast across the river.", map[string]float64{}},
		{"a failure is a fact", "Rescuers could not reach two villages until Tuesday.", map[string]float64{}},
		{"natural disaster is a kind of event", "The flood was the region's worst natural disaster in a decade.", map[string]float64{}},
		{"disaster relief is a service", "The disaster relief agency opened two shelters.", map[string]float64{}},
		{"an ability to come is still a hedge", "The plan could be delayed by a year.", map[string]float64{"spec.hedge": w("spec.hedge")}},
		{"could see foresees", "The industry could see a revival next year.", map[string]float64{"spec.hedge": w("spec.hedge")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, _ := ruleHits(t, sc, c.sentence)
			got := map[string]float64{}
			for r, v := range hits {
				if strings.HasPrefix(r, "spec.") && r != ruleSpecSentence {
					got[r] = v
				}
			}
			require.Equal(t, ruleNames(c.want), ruleNames(got), "rules fired: %v", hits)
			for r, v := range c.want {
				assert.InDelta(t, v, got[r], 1e-9, r)
			}
		})
	}
}

func TestQuoteSpans(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He said “it could rain” and left.", []string{"“it could rain”"}},
		{`She said "yes" and "no".`, []string{`"yes"`, `"no"`}},
		{"“An open quote runs to the end of its paragraph\nNext paragraph.", []string{"“An open quote runs to the end of its paragraph"}},
		{"It’s an apostrophe, not a quote.", nil},
		{"«Bonjour» dit-il.", []string{"«Bonjour»"}},
	}
	for _, c := range cases {
		doc := inputOf("q", c.in).Doc
		var got []string
		for _, sp := range quoteSpans(doc) {
			got = append(got, doc.Slice(sp))
		}
		assert.Equal(t, c.want, got, c.in)
	}
}
