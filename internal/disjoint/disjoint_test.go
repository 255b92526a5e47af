package disjoint

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSets(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		unions [][2]int
		roots  []int
	}{
		{"singletons", 3, nil, []int{0, 1, 2}},
		{"chain", 4, [][2]int{{3, 2}, {2, 1}}, []int{0, 1, 1, 1}},
		{"two groups", 5, [][2]int{{4, 0}, {1, 3}}, []int{0, 1, 2, 1, 0}},
		{"merge of groups keeps the smallest root", 6, [][2]int{{5, 4}, {3, 2}, {4, 2}, {1, 5}}, []int{0, 1, 1, 1, 1, 1}},
		{"repeated union", 2, [][2]int{{0, 1}, {1, 0}}, []int{0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.n)
			for _, u := range tc.unions {
				s.Union(u[0], u[1])
			}
			roots := make([]int, tc.n)
			for i := range roots {
				roots[i] = s.Find(i)
			}
			assert.Equal(t, tc.roots, roots)
		})
	}
}

func TestUnionReportsWhetherSetsWereApart(t *testing.T) {
	s := New(3)
	assert.True(t, s.Union(0, 1))
	assert.False(t, s.Union(1, 0))
	assert.True(t, s.Union(2, 1))
	assert.False(t, s.Union(0, 2))
}
