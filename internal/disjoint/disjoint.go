// Package disjoint is a union–find over the integers 0..n-1, shared by the
// stages that group articles, claims and quotes into connected components.
package disjoint

// Sets partitions 0..n-1 into disjoint sets. The root of a set is always
// its smallest member, so results do not depend on the order of unions.
// A Sets is not safe for concurrent use.
type Sets struct{ parent []int }

// New returns n singleton sets.
func New(n int) *Sets {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	return &Sets{parent: parent}
}

// Find returns the root of the set holding x, halving the path as it goes.
func (s *Sets) Find(x int) int {
	for s.parent[x] != x {
		s.parent[x] = s.parent[s.parent[x]]
		x = s.parent[x]
	}
	return x
}

// Union joins the sets of a and b and reports whether they were apart.
func (s *Sets) Union(a, b int) bool {
	ra, rb := s.Find(a), s.Find(b)
	if ra == rb {
		return false
	}
	s.parent[max(ra, rb)] = min(ra, rb)
	return true
}
