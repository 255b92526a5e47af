package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck-news/crosscheck/checker/text"
)

// TestNamesOnlyOtherYears: a sentence that dates itself in another year than
// the article's tells another occasion; one that names the article's year,
// or no year, does not.
func TestNamesOnlyOtherYears(t *testing.T) {
	cases := []struct {
		sentence string
		want     bool
	}{
		{"He was director of highways from 2016 until his arrest on Sept. 14, 2022.", true},
		{"He was arrested in 2022 and jailed on Thursday, 12 March 2026.", false},
		{"He was jailed for seven years on Thursday.", false},
		{"The council approved 2,500 homes.", false},
	}
	for _, c := range cases {
		doc := text.Parse(c.sentence)
		assert.Equal(t, c.want, namesOnlyOtherYears(doc.SentenceTokens(0), 2026), c.sentence)
	}
}
