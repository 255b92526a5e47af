package claims

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// testGroup describes a value group for the side pickers: it has a
// value range, the articles that give it (its weight is their number) and
// a topic (groups of different topics are not related).
type testGroup struct {
	low, high float64
	articles  []int
	topic     string
}

// relationsOf reads the relations of test groups.
func relationsOf(gs []testGroup) groupRelations {
	return groupRelations{
		n: len(gs),
		compatible: func(a, b int) bool {
			return gs[a].low <= gs[b].high && gs[b].low <= gs[a].high
		},
		related: func(a, b int) bool { return gs[a].topic == "" || gs[b].topic == "" || gs[a].topic == gs[b].topic },
		share: func(a, b int) bool {
			for _, x := range gs[a].articles {
				for _, y := range gs[b].articles {
					if x == y {
						return true
					}
				}
			}
			return false
		},
		weight: func(a int) int { return len(gs[a].articles) },
	}
}

func TestPickSides(t *testing.T) {
	tests := []struct {
		name   string
		groups []testGroup
		want   [][][]int
	}{
		{"agreeing values", []testGroup{{214, 214, []int{0}, ""}, {214, 214, []int{1}, ""}}, nil},
		{"one disagreement", []testGroup{{214, 214, []int{0, 1}, ""}, {268, 268, []int{2}, ""}}, [][][]int{{{0}, {1}}}},
		{
			"values one article gives together stand apart",
			[]testGroup{{214, 214, []int{0}, "fri"}, {187, 187, []int{0}, "sat"}, {268, 268, []int{1}, "fri"}, {160, 160, []int{1}, "sat"}},
			[][][]int{{{0}, {2}}, {{1}, {3}}},
		},
		{
			"a value opposed to both joins as a third side",
			[]testGroup{{187, 187, []int{0}, ""}, {214, 214, []int{1, 2}, ""}, {268, 268, []int{3}, ""}},
			[][][]int{{{0}, {1}, {2}}},
		},
		{
			"the pair with the most sources first",
			[]testGroup{{187, 187, []int{0}, ""}, {214, 214, []int{1, 2}, ""}, {268, 268, []int{0, 3}, ""}},
			[][][]int{{{1}, {2}}},
		},
		{
			"a bound joins the side it fits, a vague value none",
			[]testGroup{{214, 214, []int{0}, ""}, {268, 268, []int{1}, ""}, {200, 250, []int{2}, ""}, {200, 999, []int{3}, ""}},
			[][][]int{{{0, 2}, {1}}},
		},
		{
			"one article's two values never stand on opposite sides",
			[]testGroup{{214, 214, []int{0, 1}, ""}, {268, 268, []int{2}, ""}, {205, 215, []int{3}, ""}, {265, 275, []int{3}, ""}},
			[][][]int{{{0, 2}, {1}}},
		},
		{
			"nor on one side when they disagree",
			[]testGroup{{200, 1e9, []int{0, 1}, ""}, {150, 150, []int{2}, ""}, {214, 214, []int{3}, ""}, {268, 268, []int{3}, ""}},
			[][][]int{{{0, 2}, {1}}},
		},
		{
			"at most four sides",
			[]testGroup{{1, 1, []int{0}, ""}, {2, 2, []int{1}, ""}, {3, 3, []int{2}, ""}, {4, 4, []int{3}, ""}, {5, 5, []int{4}, ""}},
			[][][]int{{{0}, {1}, {2}, {3}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, pickSides(relationsOf(tc.groups)))
		})
	}
}

func TestMergeSides(t *testing.T) {
	tests := []struct {
		name   string
		groups []testGroup
		want   [][][]int
	}{
		{"one disagreement", []testGroup{{1, 1, []int{0, 1}, ""}, {2, 2, []int{2}, ""}}, [][][]int{{{0}, {1}}}},
		{
			"an article giving two values merges them",
			[]testGroup{{1, 1, []int{0}, ""}, {2, 2, []int{0}, ""}, {3, 3, []int{1}, ""}},
			[][][]int{{{0, 1}, {2}}},
		},
		{
			"everything merged is no disagreement",
			[]testGroup{{1, 1, []int{0}, ""}, {2, 2, []int{0}, ""}, {1, 1, []int{1}, ""}, {2, 2, []int{1}, ""}},
			nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, mergeSides(relationsOf(tc.groups)))
		})
	}
}
