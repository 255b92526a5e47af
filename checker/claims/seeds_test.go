package claims

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedDir = "../../fixtures/canada-korea-mou"

// seedBatch loads the seed batch with the off-topic paragraph of 002 (the
// one about the Ukrainian president) masked, as the off-topic stage will.
func seedBatch(t *testing.T, mask bool) []Input {
	batch := loadBatch(t, seedDir)
	require.Len(t, batch, 5)
	if mask {
		doc := batch[2].Doc
		p := paragraphStarting(t, doc, "Ukrainian President")
		batch[2].Skip = make([]bool, len(doc.Paragraphs))
		batch[2].Skip[p] = true
	}
	return batch
}

func TestSeedConflicts(t *testing.T) {
	x := testExtractor(t)
	for _, mask := range []bool{true, false} {
		t.Run(map[bool]string{true: "with off-topic mask", false: "without mask"}[mask], func(t *testing.T) {
			batch := seedBatch(t, mask)
			cs, ev := x.ExtractBatch(batch)
			assert.Equal(t, "sign", ev.Verb)
			// 000 is a rewrite of 002: one rewrite cluster.
			cmp := x.Compare(batch, cs, []int{0, 1, 0, 3, 4})
			require.Len(t, cmp.Conflicts, 3, dump(batch, cs, cmp))

			date := cmp.Conflicts[0]
			assert.Equal(t, KindDate, date.Kind)
			assert.Equal(t, "event.date", date.Slot)
			assert.Equal(t, "Signing day: 'Wednesday' (000, 002) vs 'January 29, 2026', a Thursday (001, 003)", date.Summary)
			require.Len(t, date.Sides, 2)
			assert.Equal(t, []int{0, 2}, date.Sides[0].Articles)
			assert.Equal(t, 1, date.Sides[0].IndependentSources, "000 and 002 are one source")
			assert.Equal(t, "weekday:wednesday", date.Sides[0].Normalized)
			assert.Equal(t, []int{1, 3}, date.Sides[1].Articles)
			assert.Equal(t, 2, date.Sides[1].IndependentSources)
			assert.Equal(t, "2026-01-29", date.Sides[1].Normalized)

			person := cmp.Conflicts[1]
			assert.Equal(t, KindPerson, person.Kind)
			assert.Equal(t, "event.signatory.south korea", person.Slot)
			require.Len(t, person.Sides, 2)
			assert.Equal(t, []int{1}, person.Sides[0].Articles)
			assert.Equal(t, "Kim Jung-kwan", person.Sides[0].Value)
			assert.Equal(t, []int{3}, person.Sides[1].Articles)
			assert.Contains(t, person.Sides[1].Value, "Presidential Special Envoy")
			assert.Contains(t, person.Summary, "Signatory for South Korea: 'Kim Jung-kwan, Minister of Trade, Industry and Energy' (001) vs 'Presidential Special Envoy")

			quote := cmp.Conflicts[2]
			assert.Equal(t, KindQuote, quote.Kind)
			assert.Equal(t, "Quote (press release): “the mobility of the future” (000) vs “future mobility” (001, 002)", quote.Summary)
			require.Len(t, quote.Sides, 2)
			assert.Equal(t, []int{0}, quote.Sides[0].Articles)
			assert.Equal(t, []int{1, 2}, quote.Sides[1].Articles)
			// From "the mobility of the future" to "future mobility".
			assert.Equal(t, []WordEdit{
				{OpDelete, "the"}, {OpInsert, "future"}, {OpEqual, "mobility"}, {OpDelete, "of the future"},
			}, quote.Diff)

			// Every side's evidence is a span whose text is the claim's value.
			for _, cf := range cmp.Conflicts {
				for _, sd := range cf.Sides {
					require.NotEmpty(t, sd.Claims)
					for _, i := range sd.Claims {
						c := cs[i]
						assert.Equal(t, c.Value, batch[c.Article].Doc.Slice(c.Span))
						assert.Contains(t, sd.Articles, c.Article)
					}
				}
			}

			// Not conflicts: the accent in Joly's name, dash variants, 004's
			// "late January 2026" (it fits both sides), Hodgson's trimmed quote.
			for _, cf := range cmp.Conflicts {
				assert.NotContains(t, cf.Summary, "Joly")
				assert.NotContains(t, cf.Summary, "late January")
				assert.NotEqual(t, KindRole, cf.Kind)
				assert.NotContains(t, cf.Slot, "canada")
			}
			joly := claimsWhere(cs, func(c Claim) bool { return c.Kind == KindPerson && strings.Contains(c.Value, "Joly") })
			require.Len(t, joly, 3, "000, 001 and 002 name her as signatory")
			for _, i := range joly {
				assert.Equal(t, "event.signatory.canada", cs[i].Slot)
				assert.Equal(t, 2, cmp.Support[i], "001 and the 000/002 cluster")
			}
			committee := claimsWhere(cs, func(c Claim) bool {
				return c.Kind == KindOrganisation && strings.Contains(c.Value, "Industrial Cooperation Committee")
			})
			require.Len(t, committee, 3, "000 and 002 write a hyphen, 001 an en dash")
			for _, i := range committee {
				assert.Equal(t, "organisation:canada-korea industrial cooperation committee", cs[i].Normalized)
				assert.Equal(t, 2, cmp.Support[i])
			}
			late := claimsWhere(cs, func(c Claim) bool { return c.Value == "late January 2026" })
			require.Len(t, late, 1)
			assert.Equal(t, FrameEvent, cs[late[0]].Frame)
			assert.Equal(t, 3, cmp.Support[late[0]], "001 and 003 state a day within it, 004 itself")

			// The Thursday in 002's Zelenskyy paragraph is never the event date.
			thursday := claimsWhere(cs, func(c Claim) bool { return c.Value == "Thursday" })
			if mask {
				assert.Empty(t, thursday, "the masked paragraph contributes no claims")
			} else {
				require.Len(t, thursday, 1)
				assert.Equal(t, FrameBackground, cs[thursday[0]].Frame)
				assert.Equal(t, "date", cs[thursday[0]].Slot)
			}
			// Background claims: the 2015 trade agreement, the 2040 forecast.
			for _, v := range []string{"2015", "2040"} {
				ids := claimsWhere(cs, func(c Claim) bool { return c.Kind == KindDate && c.Value == v })
				require.Len(t, ids, 1, v)
				assert.Equal(t, FrameBackground, cs[ids[0]].Frame, v)
			}
		})
	}
}

func TestSeedDeterministic(t *testing.T) {
	x := testExtractor(t)
	batch := seedBatch(t, true)
	cs1, _ := x.ExtractBatch(batch)
	cmp1 := x.Compare(batch, cs1, nil)
	for range 3 {
		cs2, _ := x.ExtractBatch(batch)
		assert.Equal(t, cs1, cs2)
		assert.Equal(t, cmp1, x.Compare(batch, cs2, nil))
	}
}

func claimsWhere(cs []Claim, keep func(Claim) bool) []int {
	var out []int
	for i, c := range cs {
		if keep(c) {
			out = append(out, i)
		}
	}
	return out
}

// TestExtractAllMatchesExtractBatch checks that spreading extraction over
// goroutines changes nothing, and that cancellation stops it.
func TestExtractAllMatchesExtractBatch(t *testing.T) {
	x := testExtractor(t)
	for _, dir := range []string{"../../fixtures/canada-korea-mou", "../../fixtures/port-strike", "../../fixtures/court-ruling",
		"../../fixtures/rate-decision", "../../fixtures/ferry-capsize"} {
		batch := loadBatch(t, dir)
		want, wantEv := x.ExtractBatch(batch)
		for _, workers := range []int{1, 3, 0} {
			got, ev, err := x.ExtractAll(context.Background(), batch, workers)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s with %d workers", dir, workers)
			require.Equal(t, wantEv, ev)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := x.ExtractAll(ctx, loadBatch(t, "../../fixtures/canada-korea-mou"), 2)
	require.ErrorIs(t, err, context.Canceled)
}
