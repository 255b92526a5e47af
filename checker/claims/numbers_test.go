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
