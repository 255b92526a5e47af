package claims

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

func TestFindQuotes(t *testing.T) {
	cases := []struct {
		name, para string
		want       []string // the quoted words, marks left out
	}{
		{"curly double", `“We will act,” she said.`, []string{"We will act,"}},
		{"straight double", `He said "no comment" twice.`, []string{"no comment"}},
		{"single with apostrophe inside", `‘I don’t know,’ he said.`, []string{"I don’t know,"}},
		{"plural possessive inside single quotes",
			`‘It was a shame that the ball hit Stokes’ bat, but I hope it never happens again,’ added Williamson.`,
			[]string{"It was a shame that the ball hit Stokes’ bat, but I hope it never happens again,"}},
		{"possessive with no later mark closes", `‘the players’ union is angry`, []string{"the players"}},
		{"two quotes", `“One,” he said, “two.”`, []string{"One,", "two."}},
		{"open to the end", `“This runs on`, []string{"This runs on"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range findQuotes(tc.para, text.Span{Start: 0, End: len(tc.para)}) {
				got = append(got, tc.para[q.inner.Start:q.inner.End])
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRoleRanksTimesAndAcronyms(t *testing.T) {
	x := testExtractor(t)
	role := func(s string) string { return x.lex.canonicalRole(strings.Fields(text.Fold(s))) }
	cases := []struct {
		a, b       string
		compatible bool
	}{
		{"finance minister", "minister of finance", true},
		{"deputy finance minister", "finance minister", false},
		{"deputy finance minister", "deputy minister", true},
		{"vice-president", "president", false},
		{"United Nations Secretary-General", "UN Secretary General", true},
		{"U.N. Secretary-General", "United Nations Secretary-General", true},
		{"UN Secretary General", "Secretary-General", true},
		{"EU commissioner", "UN secretary general", false},
	}
	for _, tc := range cases {
		t.Run(tc.a+" / "+tc.b, func(t *testing.T) {
			assert.Equal(t, tc.compatible, rolesCompatible(role(tc.a), role(tc.b)), "%q vs %q", role(tc.a), role(tc.b))
		})
	}
	assert.Equal(t, "~former", roleTimes(role("former finance minister")))
	assert.Equal(t, "", roleTimes(role("finance minister")))
}

// One quotation given to two different named people is a disagreement
// about who said it; the same words given to one person are not, and two
// people who share a short stock phrase do not disagree.
func TestSpeakerConflicts(t *testing.T) {
	x := testExtractor(t)
	batch := batchOf(
		"The final was played on Sunday.\n“I don’t wish to nitpick, just hope it never happens in such moments again,” Simon Taufel said.\n“We are proud,” Ana Roux said.\n",
		"The final was played on Sunday.\n“I don’t wish to nitpick, but I just hope it never happens in such moments again,” said Kane Williamson.\n“We are proud,” Kane Williamson said.\n",
		"The final was played on Sunday.\n“I don’t wish to nitpick, just hope it never happens in such moments again,” said Simon Taufel.\n",
	)
	cs, _ := x.ExtractBatch(batch)
	cmp := x.Compare(batch, cs, nil)
	var speakers []Conflict
	for _, cf := range append(append([]Conflict(nil), cmp.Conflicts...), cmp.Differences...) {
		if strings.HasPrefix(cf.Slot, "speaker:") {
			speakers = append(speakers, cf)
		}
	}
	require.Len(t, speakers, 1, dump(batch, cs, cmp))
	cf := speakers[0]
	assert.Equal(t, KindPerson, cf.Kind)
	require.Len(t, cf.Sides, 2)
	assert.Equal(t, "Simon Taufel", cf.Sides[0].Value)
	assert.Equal(t, []int{0, 2}, cf.Sides[0].Articles)
	assert.Equal(t, "Kane Williamson", cf.Sides[1].Value)
	assert.Equal(t, []int{1}, cf.Sides[1].Articles)
	assert.Contains(t, cf.Summary, "Who said")
}

// Roles read around their titles: two titles joined by "and" are one
// person's, and a role does not reach back over another person's name.
func TestRolePhrases(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		sentence string
		person   string
		role     string // the role's comparison form
	}{
		{"The deal was signed on Sunday by Sorbeck chief executive Katrin Wöllner and Norisan chief executive Takumi Arakawa.",
			"takumi arakawa", "chief executive norisan"},
		{"The deal was signed on Sunday, said Takumi Arakawa, President and Chief Executive Officer of Norisan.",
			"takumi arakawa", "chief executive norisan president"},
		{"The chief executive of Kopano Ridge Minerals, Mandla Sithole, was arrested on Tuesday.",
			"mandla sithole", "chief executive kopano mineral ridge"},
	}
	for _, tc := range cases {
		t.Run(tc.sentence, func(t *testing.T) {
			batch := batchOf(tc.sentence)
			cs, _ := x.ExtractBatch(batch)
			var roles []string
			for _, c := range cs {
				if c.Kind == KindRole && c.Person == tc.person {
					roles = append(roles, c.Role)
				}
			}
			assert.Equal(t, []string{tc.role}, roles)
		})
	}
}

func TestFitsElision(t *testing.T) {
	words := func(s string) []string { return strings.Fields(s) }
	cases := []struct {
		name        string
		long, short string
		want        bool
	}{
		{"the words left out, with the words before the gap",
			"we built this terminal for the next thirty years … and every crane was chosen",
			"for the next thirty years not the next three", true},
		{"the words left out, with the words after the gap",
			"we built this terminal … and every crane was chosen with that in mind",
			"not the next three and every crane", true},
		{"too few words meet the gap",
			"we built this terminal … and every crane was chosen",
			"terminal for decades", false},
		{"the next words reworded are no filler",
			"the voters have spoken … i will not contest this result",
			"the voters have spoken i will now contest this result", false},
		{"no elision in the long quotation",
			"we built this terminal for the next thirty years",
			"for the next thirty years not the next three", false},
		{"a quotation elided itself is left to containsSeq",
			"the voters have spoken … i will not contest",
			"the voters have spoken … i will now contest", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, fitsElision(words(c.long), words(c.short)))
		})
	}
}

// A "he" after a quotation stands for the name the sentence before has for
// its subject, not for the last person given a title; "the Spaniard" is a
// description, never a name.
func TestPronounAndDescribedSpeakers(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		name, article, quote, slot string
	}{
		{"he after an untitled subject is not the coach named before",
			"Joaquín Arteaga lost the final on Sunday.\n\nArteaga's coach, Marcus Lindqvist, said his player was tired. \"Joaquín gave everything,\" Lindqvist said.\n\nArteaga himself refused to blame fatigue. \"He played the better tennis,\" he said.\n",
			"He played the better tennis", "quote:person:arteaga"},
		{"he after a surname subject is the person of that surname",
			"Chief executive Gordon Achterberg resigned on Tuesday. \"We regret it,\" board chair Lillian Osei said.\n\nIn a letter to the board, Achterberg said he was stepping aside. \"I accept the findings,\" he wrote.\n",
			"I accept the findings", "quote:person:gordon achterberg"},
		{"a courtesy title before the subject is no part of the name",
			"Professor Tomasz Kowalczyk opened the institute on Monday. \"It is open,\" said Principal Catriona Blair.\n\nProf Kowalczyk said the data would be free. \"Anyone can use it,\" he said.\n",
			"Anyone can use it", "quote:person:tomasz kowalczyk"},
		{"he after a subject the parse set beside a participle it took for the root",
			"Manchester Irwell sacked manager Graham Pellow on Monday.\n\n\"We have not taken this decision lightly,\" chairman Richard Ashworth said.\n\nIn a message published alongside the club statement, Pellow thanked the players, staff and supporters. \"I am proud of what we built together,\" he said.\n",
			"I am proud of what we built together", "quote:person:graham pellow"},
		{"he with the named speaker as the subject before",
			"Coach Marcus Lindqvist spoke on Sunday.\n\nLindqvist was calm. \"We lost,\" he said.\n",
			"We lost", "quote:person:marcus lindqvist"},
		{"the name before an aside between commas is the speaker",
			"England won the final on Sunday.\n\n\"It's a clear mistake, it's an error of judgment. They (England) should have been awarded five runs, not six,\" Taufel, who is part of cricket's law-making body, told foxsports.com.au.\n",
			"error of judgment", "quote:person:taufel"},
		{"an apposition opened by a determiner is an aside too",
			"England won the final on Sunday.\n\n\"It's a clear mistake, it's an error of judgment. They (England) should have been awarded five runs, not six,\" Taufel, a five-time ICC Umpire of the Year, told foxsports.com.au.\n",
			"error of judgment", "quote:person:taufel"},
		{"a capital opening the sentence before the name is no part of it",
			"England won the final on Sunday.\n\nLater Taufel, who is part of cricket's law-making body, told reporters: \"It's a clear mistake, it's an error of judgment.\"\n",
			"error of judgment", "quote:person:taufel"},
		{"a body named after a preposition before the aside is no speaker",
			"Hackers stole patient records on Tuesday.\n\nThe data belonged to clients of Nordvakt Security, the Oslo firm hired to investigate, said \"The systems have been rebuilt\".\n",
			"The systems have been rebuilt", "quote:?"},
		{"the sentence before a quotation of several sentences gives the he",
			"The director was suspended on Tuesday.\n\nMarek Zielinski, a spokesman for the hospital, said the wards were open. \"Patients should come to us,\" he said.\n\nWierzbicki responded with a short written statement in the evening. \"I respect the board's decision. My only concern now is the hospital,\" he wrote.\n",
			"I respect the board's decision", "quote:person:wierzbicki"},
		{"an Indian courtesy title is no part of the speaker's name",
			"The landslide hit Mankulam on Tuesday.\n\n\"We will pause the search at nightfall,\" said Shri Selvakumar.\n",
			"We will pause the search", "quote:person:selvakumar"},
		{"the Spaniard said names nobody",
			"Joaquín Arteaga lost the final on Sunday.\n\nArteaga, 24, was gracious. \"He played the better tennis,\" the Spaniard said.\n",
			"He played the better tennis", "quote:?"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			batch := batchOf(tc.article)
			cs, _ := x.ExtractBatch(batch)
			var slots []string
			for _, c := range cs {
				if c.Kind == KindQuote && strings.Contains(c.Value, tc.quote) {
					slots = append(slots, c.Slot)
				}
			}
			assert.Equal(t, []string{tc.slot}, slots)
		})
	}
}

// One speaker's quotation that opens with the same words in two articles
// and goes on otherwise is one quotation told two ways; quotations of one
// speaker that share fewer opening words are two.
func TestQuotesSharingTheirOpening(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		name, a, b string
		conflicts  int
	}{
		{"six opening words alike, then a change of meaning",
			`"The review's findings are hard to read, but they are fair, and I accept them in full," Kereama said.`,
			`"The review's findings are hard to read, and in places unfair, but I accept them," Kereama said.`, 1},
		{"six opening words alike, but few of them content words",
			`"We want to thank all the firefighters who came from three towns," Kereama said.`,
			`"We want to thank all the volunteers who cooked for the crews," Kereama said.`, 0},
		{"two quotations that open alike for a few words",
			`"The review's findings are what we feared for years," Kereama said.`,
			`"The review's findings will change how we work," Kereama said.`, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			batch := batchOf(
				"Police Commissioner Andrew Kereama resigned on Thursday.\n"+tc.a+"\n",
				"Police Commissioner Andrew Kereama resigned on Thursday.\n"+tc.b+"\n",
			)
			cs, _ := x.ExtractBatch(batch)
			cmp := x.Compare(batch, cs, nil)
			n := 0
			for _, cf := range append(cmp.Conflicts, cmp.Differences...) {
				if cf.Kind == KindQuote {
					n++
				}
			}
			assert.Equal(t, tc.conflicts, n, dump(batch, cs, cmp))
		})
	}
}
