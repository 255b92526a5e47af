package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/checker/timex"
)

// TestNumberExpressionGuards checks the cheap tests readNumber makes
// before its expressions: wherever an expression matches a token, its
// test passes, so matchIf finds what the expression finds.
func TestNumberExpressionGuards(t *testing.T) {
	norms := []string{"threefold", "6-fold", "10fold", "fold", "foldx", "5m", "1.2bn", "5", "m5", "2.5", "1,500", "sixfold", "x-fold", "٣m"}
	for _, in := range syntheticBatch(t, 16) {
		for _, tok := range in.Doc.Tokens {
			norms = append(norms, tok.Norm)
		}
	}
	for _, tok := range text.Parse("It rose 4.5bn and sixfold, a 6-fold jump, to 20m, then 3.2k and tenfold.").Tokens {
		norms = append(norms, tok.Norm)
	}
	folds, scaled := 0, 0
	for _, n := range norms {
		wantFold := foldWord.FindStringSubmatch(n)
		require.Equal(t, wantFold, matchIf(endsInFold(n), foldWord, n), n)
		wantScaled := scaledNumber.FindStringSubmatch(n)
		require.Equal(t, wantScaled, matchIf(startsWithDigit(n), scaledNumber, n), n)
		if wantFold != nil {
			folds++
		}
		if wantScaled != nil {
			scaled++
		}
	}
	assert.GreaterOrEqual(t, folds, 4)
	assert.GreaterOrEqual(t, scaled, 4)
}

// TestMayStartNumberGuard checks the first test extractNumbers makes
// before reading a number: every token readNumber or readElliptical reads
// a number from passes it, on the fixture batches and on sentences written
// to hold every kind of figure.
func TestMayStartNumberGuard(t *testing.T) {
	x := testExtractor(t)
	batch := append(syntheticBatch(t, 16), loadBatch(t, "../../fixtures/earthquake")...)
	batch = append(batch, loadBatch(t, "../../fixtures/rate-decision")...)
	batch = append(batch, newInput("z_1", timex.Date{},
		"A 6.4-magnitude quake and a magnitude 6.1 tremor killed at least 12 people and injured dozens, while three were missing.",
		"Four of the seven members backed it; hundreds of homes and 5 of the 9 seats, a threefold rise, twice, $4bn, 40 per cent."))
	read, skipped := 0, 0
	for _, in := range batch {
		a := x.newArticle(in, Event{}, x.articleLemmas(in))
		for s := range in.Doc.Sentences {
			toks := in.Doc.SentenceTokens(s)
			for i, tok := range toks {
				_, ok1 := a.readNumber(toks, i)
				_, ok2 := a.readElliptical(toks, i, "people")
				if ok1 || ok2 {
					read++
					require.True(t, a.mayStartNumber(tok), "%q in %q", tok.Norm, in.Doc.Slice(in.Doc.Sentences[s].Span))
				} else if !a.mayStartNumber(tok) {
					skipped++
				}
			}
		}
	}
	assert.Greater(t, read, 50)
	assert.Greater(t, skipped, 1000)
}

// TestNumberForms reads the figures of single sentences: parts of a group,
// measures written before their number or joined by a hyphen, vague
// numbers, counts whose noun the sentence has just given, and the state of
// counted people, each in comparison form, in text order.
func TestNumberForms(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The decision was backed by five of the seven members of the committee.", []string{"member:5 of 7"}},
		{"Four of the seven committee members supported it, while three, among them the deputy, opposed it.", []string{"member:4 of 7", "member:3"}},
		{"Two members voted against.", []string{"member:2"}},
		{"A 6.4-magnitude quake hit the coast.", []string{"magnitude:6.4"}},
		{"A magnitude 6.1 earthquake struck.", []string{"magnitude:6.1"}},
		{"The fire burned a 10-kilometre strip of forest.", []string{"kilometre:10"}},
		{"It made landfall as a Category 4 storm.", []string{"category:4"}},
		{"The quake struck, killing at least 12 people and injuring more than 80, officials said.", []string{"people dead:>=12", "people injured:>80"}},
		{"It left 15 people dead and dozens injured.", []string{"people dead:15", "people injured:24..99"}},
		{"A quake kills at least 12 in the province.", []string{"people dead:>=12"}},
		{"Twelve people were killed and 40 were arrested.", []string{"people dead:12", "people arrested:40"}},
		{"The storm caused 12 deaths.", []string{"people dead:12"}},
		{"Tens of thousands of people marched.", []string{"people:20000..99999"}},
		{"Hundreds of homes were damaged.", []string{"home damaged:200..999"}},
		{"The company said 3,000 residents had been moved.", []string{"resident:3000"}},
		{"The wildfire forced 3,000 to flee homes.", nil},
		{"Okafor, 64, said the seven members met.", []string{"member:7"}},
		{"Rovers won 2-1 in front of 61,000 supporters.", []string{"tally:2-1", "fan:61000"}},
		{"The plan buys 36 battery-electric buses and 12 coaches for four branches.", []string{"bus:36", "coach:12", "branch:4"}},
		{"The storm struck on Friday, killing four people and forcing about 2,300 from their homes.", []string{"people dead:4", "people:~2300"}},
		{"The flood left thousands out of their homes.", nil},
		{"Thousands of the residents left their homes.", []string{"resident:2000..9999"}},
		{"The bank raised its rate to 4.25 per cent, up to 5 per cent next year.", []string{"percent:4.25", "percent:<=5"}},
		{"Investigators say R480 million was siphoned from the company.", []string{"money:rand:480000000"}},
		{"The mayor signed a ₱148-million contract.", []string{"money:peso:148000000"}},
		{"A $2.5-billion deal was agreed.", []string{"money:dollar:2500000000"}},
		{"The final lasted four hours and 38 minutes.", []string{"minute:278"}},
		{"Solovan needed 4 hours 53 minutes to win.", []string{"minute:293"}},
		{"The outage lasted about 4 hours.", []string{"hour:~4"}},
		{"The R2 road and the A4 were closed, with 30 trucks stuck.", []string{"vehicle:30"}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			in := newInput("a_1", timex.Date{}, tc.sentence)
			var got []string
			for _, c := range x.Extract(in, Event{}) {
				if c.Kind == KindNumber {
					got = append(got, c.Normalized)
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestApproximateFigureSlack checks how far "about" stretches a figure:
// a tenth of it, but no more than five steps of its last written digit, so
// a figure written to a tenth or to the unit stays near what it says.
func TestApproximateFigureSlack(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		sentence  string
		low, high float64
	}{
		{"The river was expected to peak at about 21.5 metres.", 21, 22},
		{"About 1,200 people were evacuated.", 1080, 1320},
		{"About 18,400 litres leaked.", 17900, 18900},
		{"About 92,000 patients were affected.", 87000, 97000},
		{"About 20 people were hurt.", 18, 22},
		{"Exactly 21.5 metres of water stood in the street.", 21.45, 21.55},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			in := newInput("a_1", timex.Date{}, tc.sentence)
			var got []Claim
			for _, c := range x.Extract(in, Event{}) {
				if c.Kind == KindNumber {
					got = append(got, c)
				}
			}
			require.Len(t, got, 1)
			assert.InDelta(t, tc.low, got[0].Low, 1e-9)
			assert.InDelta(t, tc.high, got[0].High, 1e-9)
		})
	}
}

func TestWrittenStep(t *testing.T) {
	for digits, want := range map[string]float64{"21.5": 0.1, "18400": 100, "7": 1, "92000": 1000, "3.25": 0.01, "0": 1} {
		assert.InDelta(t, want, writtenStep(digits), 1e-12, digits)
	}
}
