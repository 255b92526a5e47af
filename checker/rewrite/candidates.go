package rewrite

import (
	"context"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
	"math"
	"slices"
)

// bandEntry says that sentence sent of article art falls in an LSH bucket.
type bandEntry struct {
	bucket uint64
	art    int32
	sent   int32
}

// pairHit records that sentence sa of article a and sentence sb of article
// b share a bucket; pair packs a<<32 | b with a < b.
type pairHit struct {
	pair   uint64
	sa, sb int32
}

// candidates returns the article pairs (i < j, sorted) worth aligning. Small
// batches try every pair. Larger ones sketch each sentence's content words
// with MinHash, cut the sketch into bands (locality-sensitive hashing), and
// keep the pairs of articles that have enough distinct sentences sharing a
// band bucket (lsh-min-collisions, and lsh-min-share of the shorter one); a rewrite keeps most of its source's content words
// sentence by sentence, so its sentences land in the source's buckets, while
// independent reports of one event share words but rarely whole sentences.
// Buckets shared by very many articles hold boilerplate and are skipped.
func (c *config) candidates(ctx context.Context, preps []*prepared, workers int) ([][2]int, error) {
	n := len(preps)
	if n <= c.allPairsMax {
		var out [][2]int
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				out = append(out, [2]int{i, j})
			}
		}
		return out, nil
	}

	perArticle := make([][]bandEntry, n)
	sketched := make([]int, n) // sentences sketched per article
	err := workpool.Run(ctx, n, workers, func(i int) {
		perArticle[i], sketched[i] = c.sketchArticle(preps[i], int32(i))
	})
	if err != nil {
		return nil, err
	}
	total := 0
	for _, e := range perArticle {
		total += len(e)
	}
	entries := make([]bandEntry, 0, total)
	for i := range perArticle {
		entries = append(entries, perArticle[i]...)
		perArticle[i] = nil
	}
	slices.SortFunc(entries, func(x, y bandEntry) int {
		if x.bucket != y.bucket {
			if x.bucket < y.bucket {
				return -1
			}
			return 1
		}
		return int(x.art - y.art)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var hits []pairHit
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].bucket == entries[lo].bucket {
			hi++
		}
		group := entries[lo:hi]
		lo = hi
		if len(group) < 2 || int(group[len(group)-1].art-group[0].art) == 0 {
			continue
		}
		distinct := 1
		for k := 1; k < len(group); k++ {
			if group[k].art != group[k-1].art {
				distinct++
			}
		}
		if distinct > c.lshBucketMax {
			continue // boilerplate shared by too many articles
		}
		for x := 0; x < len(group); x++ {
			for y := x + 1; y < len(group); y++ {
				if group[x].art == group[y].art {
					continue
				}
				hits = append(hits, pairHit{pair: uint64(group[x].art)<<32 | uint64(group[y].art), sa: group[x].sent, sb: group[y].sent})
			}
		}
	}
	entries = nil
	slices.SortFunc(hits, func(x, y pairHit) int {
		switch {
		case x.pair != y.pair:
			if x.pair < y.pair {
				return -1
			}
			return 1
		case x.sa != y.sa:
			return int(x.sa - y.sa)
		}
		return int(x.sb - y.sb)
	})

	var out [][2]int
	var bs []int32
	for lo := 0; lo < len(hits); {
		hi := lo + 1
		for hi < len(hits) && hits[hi].pair == hits[lo].pair {
			hi++
		}
		group := hits[lo:hi]
		lo = hi
		a, b := int(group[0].pair>>32), int(group[0].pair&0xffffffff)
		short := min(sketched[a], sketched[b])
		need := max(min(c.lshMinCollisions, short), int(math.Ceil(c.lshMinShare*float64(short))))
		distinctA := 1
		for k := 1; k < len(group); k++ {
			if group[k].sa != group[k-1].sa {
				distinctA++
			}
		}
		if distinctA < need {
			continue
		}
		bs = bs[:0]
		for _, h := range group {
			bs = append(bs, h.sb)
		}
		slices.Sort(bs)
		distinctB := len(slices.Compact(bs))
		if distinctB >= need {
			out = append(out, [2]int{a, b})
		}
	}
	return out, nil
}

// sketchArticle returns the band buckets of an article's sentences (each
// bucket at most once per article) and how many sentences it sketched.
func (c *config) sketchArticle(p *prepared, art int32) ([]bandEntry, int) {
	k := c.lshBands * c.lshRows
	mins := make([]uint64, k)
	var keys []uint64
	var out []bandEntry
	seen := map[uint64]bool{}
	sketched := 0
	for si, s := range p.sents {
		keys = keys[:0]
		for _, w := range p.words[s.first:s.end] {
			if !w.is(flagFunction) {
				keys = append(keys, w.key)
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if len(keys) < c.sketchMinWords {
			continue
		}
		sketched++
		for h := range mins {
			mins[h] = ^uint64(0)
		}
		for _, key := range keys {
			for h := range mins {
				if v := mix64(key ^ minhashSeeds[h]); v < mins[h] {
					mins[h] = v
				}
			}
		}
		for band := 0; band < c.lshBands; band++ {
			bucket := mix64(uint64(band+1) * 0x9e3779b97f4a7c15)
			for r := 0; r < c.lshRows; r++ {
				bucket = mix64(bucket ^ mins[band*c.lshRows+r])
			}
			if seen[bucket] {
				continue
			}
			seen[bucket] = true
			out = append(out, bandEntry{bucket: bucket, art: art, sent: int32(si)})
		}
	}
	return out, sketched
}

// minhashSeeds are the fixed seeds of the MinHash functions: the i-th
// function is mix64(key ^ minhashSeeds[i]).
var minhashSeeds = func() [256]uint64 {
	var s [256]uint64
	x := uint64(0x243f6a8885a308d3) // digits of pi: any fixed value works
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()
