package rewrite

import (
	"context"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker/text"
	"github.com/crosscheck-news/crosscheck/internal/benchcorpus"
	"github.com/crosscheck-news/crosscheck/internal/workpool"
)

// TestCountEchoesMatchesReference checks the echo counter that counts each
// wording once against the first one, which counted every passage side on
// its own, on generated batches whose planted rewrites share many swaps.
func TestCountEchoesMatchesReference(t *testing.T) {
	d := newDetector(t)
	c := d.cfg
	for _, n := range []int{60, 400} {
		opts := benchcorpus.DefaultOptions(n)
		opts.RewriteShare = 0.2
		corpus := benchcorpus.Generate(opts)
		in := make([]Input, len(corpus.Articles))
		for i, a := range corpus.Articles {
			in[i] = Input{ID: a.ID, Doc: text.Parse(a.Text)}
		}
		ctx := context.Background()
		preps, err := c.prepareAll(ctx, in, 2)
		require.NoError(t, err)
		cands, err := c.candidates(ctx, preps, 2)
		require.NoError(t, err)
		var pairs []*verified
		for _, cd := range cands {
			if v := c.verify(preps, cd[0], cd[1]); v != nil {
				pairs = append(pairs, v)
			}
		}
		require.NotEmpty(t, pairs)
		cluster := clusters(len(in), pairs)
		for _, v := range pairs {
			v.cluster = cluster[v.a]
		}
		require.NoError(t, c.countEchoes(ctx, preps, cluster, pairs, 2))
		fast := make([][][2]int, len(pairs))
		for k, v := range pairs {
			fast[k] = slices.Clone(v.echo)
			v.echo = nil
		}
		require.NoError(t, c.countEchoesReference(ctx, preps, cluster, pairs, 2))
		echoes := 0
		for k, v := range pairs {
			require.Equal(t, v.echo, fast[k], "pair %d–%d", v.a, v.b)
			for _, e := range v.echo {
				echoes += e[0] + e[1]
			}
		}
		require.Positive(t, echoes, "the batch must exercise echoes")
	}
}

// countEchoesReference is the first countEchoes, kept to check the
// faster one against: it counts, for every changed passage of every pair, how many
// articles outside the pair's cluster use each side's wording (its words
// in order, compared on their stems). Each article is scanned once: every
// window of each length a phrase has is hashed and looked up.
func (c *config) countEchoesReference(ctx context.Context, preps []*prepared, cluster []int, pairs []*verified, workers int) error {
	type phrase struct {
		keys    []uint64
		cluster int
	}
	var phrases []phrase
	byHash := map[uint64][]int32{}
	var lengths [maxEchoWords + 1]bool
	for _, v := range pairs {
		for _, cd := range v.diffs {
			for _, ch := range cd.changes {
				for s := range 2 {
					id := int32(len(phrases))
					phrases = append(phrases, phrase{ch.keys[s], v.cluster})
					if l := len(ch.keys[s]); l <= maxEchoWords {
						lengths[l] = true
						h := phraseHash(ch.keys[s])
						byHash[h] = append(byHash[h], id)
					}
				}
			}
		}
	}
	// A bit per hash value (modulo the filter size) skips most windows
	// without a map lookup.
	const filterMask = 1<<20 - 1
	filter := make([]uint64, (filterMask+1)/64)
	for h := range byHash {
		filter[h&filterMask>>6] |= 1 << (h & 63)
	}
	// Articles are scanned in contiguous chunks, one per goroutine, each
	// with its own counts and a stamp per phrase so that an article counts
	// once however often it repeats the phrase.
	chunks := max(1, min(workers, len(preps)))
	if workers <= 0 {
		chunks = max(1, min(runtime.GOMAXPROCS(0), len(preps)))
	}
	partial := make([][]int32, chunks)
	err := workpool.Run(ctx, chunks, chunks, func(ch int) {
		counts := make([]int32, len(phrases))
		stamp := make([]int32, len(phrases))
		var seq []uint64
		for i := ch * len(preps) / chunks; i < (ch+1)*len(preps)/chunks; i++ {
			if ctx.Err() != nil {
				return
			}
			p := preps[i]
			seq = seq[:0]
			for _, w := range p.words {
				seq = append(seq, w.key)
			}
			for pos := range seq {
				h := uint64(0)
				for l := 1; l <= maxEchoWords && pos+l <= len(seq); l++ {
					h = mix64(h ^ seq[pos+l-1])
					if !lengths[l] {
						continue
					}
					fh := mix64(h ^ uint64(l))
					if filter[fh&filterMask>>6]&(1<<(fh&63)) == 0 {
						continue
					}
					for _, id := range byHash[fh] {
						ph := phrases[id]
						if stamp[id] != int32(i+1) && ph.cluster != cluster[i] && slices.Equal(seq[pos:pos+l], ph.keys) {
							stamp[id] = int32(i + 1)
							counts[id]++
						}
					}
				}
			}
		}
		partial[ch] = counts
	})
	if err != nil {
		return err
	}
	counts := make([]int, len(phrases))
	for _, part := range partial {
		for id, n := range part {
			counts[id] += int(n)
		}
	}
	id := 0
	for _, v := range pairs {
		for _, cd := range v.diffs {
			for range cd.changes {
				v.echo = append(v.echo, [2]int{counts[id], counts[id+1]})
				id += 2
			}
		}
	}
	return nil
}
