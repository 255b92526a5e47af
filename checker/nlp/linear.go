package nlp

import (
	"cmp"
	"slices"
)

// linear is a trained multi-class linear model over hashed features, in the
// compact read-only form the model file holds: for each feature a short
// list of (class, weight) pairs, the weights quantised to at most 16 bits.
//
// A feature's pairs sit in ent as a count followed by the packed pairs
// (class<<16 | uint16(weight)); slots is an open-addressing table from the
// feature's 32-bit key to the position of its count, so one look-up costs
// one probe of slots (usually a single cache line) and one read of ent.
type linear struct {
	nclass int
	nfeat  int
	scale  float32  // weight units per quantised step
	slots  []uint64 // key<<32 | (position in ent + 1); 0 is an empty slot
	mask   uint32
	ent    []uint32
}

// rowLen extracts the number of pairs from an entry of lookup's result.
const rowLen = 0xFFFFFFFF

// lookup returns found, overwritten with where the weights of each known
// feature of feats are in m.ent: start<<32 | count. Finding all the weights
// before adding any up keeps the look-ups independent of each other, so the
// processor overlaps their cache misses, those of the slots and those of
// the first cache line of each feature's weights (read here for the count).
func (m *linear) lookup(feats []uint64, found []uint64) []uint64 {
	slots, mask := m.slots, m.mask
	found = found[:0]
	if len(slots) == 0 {
		return found
	}
	for _, f := range feats {
		k := key32(f)
		p := k & mask
		for {
			s := slots[p]
			if uint32(s>>32) == k && s != 0 {
				at := uint32(s) - 1
				found = append(found, uint64(at+1)<<32|uint64(m.ent[at]))
				break
			}
			if s == 0 {
				break
			}
			p = (p + 1) & mask
		}
	}
	return found
}

// scoreRange adds to scores[c-lo] the weights of classes lo <= c < hi of the
// features found by lookup. A feature's classes are in increasing order, so
// the loop stops at the first class past the range.
func (m *linear) scoreRange(found []uint64, scores *[256]int32, lo, hi int) {
	ent := m.ent
	l, h := uint32(lo), uint32(hi)
	for _, r := range found {
		for _, e := range ent[r>>32 : r>>32+r&rowLen] {
			c := e >> 16
			if c < l {
				continue
			}
			if c >= h {
				break
			}
			scores[uint8(c-l)] += int32(int16(uint16(e)))
		}
	}
}

// scoreAll adds to scores the weights of every class of the features found
// by lookup. Indexing a 256-entry array with a byte needs no bounds check,
// which matters in this, the tagger's innermost loop (scoreRange does the
// same for the parser).
func (m *linear) scoreAll(found []uint64, scores *[256]int32) {
	ent := m.ent
	for _, r := range found {
		for _, e := range ent[r>>32 : r>>32+r&rowLen] {
			scores[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
}

// linearBuilder assembles a linear model from features given in strictly
// increasing key order.
type linearBuilder struct {
	nclass int
	scale  float32
	keys   []uint32
	at     []uint32
	ent    []uint32
}

// add appends feature key with its classes (increasing) and weights.
func (b *linearBuilder) add(key uint32, cls []uint8, wt []int16) {
	b.keys = append(b.keys, key)
	b.at = append(b.at, uint32(len(b.ent)))
	b.ent = append(b.ent, uint32(len(cls)))
	for i, c := range cls {
		b.ent = append(b.ent, uint32(c)<<16|uint32(uint16(wt[i])))
	}
}

// build makes the look-up table: a power of two at least twice the number
// of features, so probes stay short.
func (b *linearBuilder) build() linear {
	size := 16
	for size < 2*len(b.keys) {
		size <<= 1
	}
	m := linear{nclass: b.nclass, nfeat: len(b.keys), scale: b.scale, slots: make([]uint64, size), mask: uint32(size - 1), ent: b.ent}
	for i, k := range b.keys {
		p := k & m.mask
		for m.slots[p] != 0 {
			p = (p + 1) & m.mask
		}
		m.slots[p] = uint64(k)<<32 | uint64(b.at[i]+1)
	}
	return m
}

// each calls fn for every feature of m in increasing key order, with its
// classes and weights (the slices are reused between calls).
func (m *linear) each(fn func(key uint32, cls []uint8, wt []int16)) {
	type kv struct{ key, at uint32 }
	list := make([]kv, 0, m.nfeat)
	for _, s := range m.slots {
		if s != 0 {
			list = append(list, kv{uint32(s >> 32), uint32(s) - 1})
		}
	}
	slices.SortFunc(list, func(a, b kv) int { return cmp.Compare(a.key, b.key) })
	var cls []uint8
	var wt []int16
	for _, e := range list {
		n := m.ent[e.at]
		cls, wt = cls[:0], wt[:0]
		for _, x := range m.ent[e.at+1 : e.at+1+n] {
			cls = append(cls, uint8(x>>16))
			wt = append(wt, int16(uint16(x)))
		}
		fn(e.key, cls, wt)
	}
}
