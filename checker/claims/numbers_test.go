package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
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
