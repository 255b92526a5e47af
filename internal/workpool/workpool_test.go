package workpool

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunCallsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 3, 100} {
		for _, n := range []int{0, 1, 7, 1000} {
			seen := make([]int32, n)
			require.NoError(t, Run(context.Background(), n, workers, func(i int) { atomic.AddInt32(&seen[i], 1) }))
			for i, c := range seen {
				assert.EqualValues(t, 1, c, "index %d with n=%d workers=%d", i, n, workers)
			}
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, workers := range []int{1, 4} {
		var calls atomic.Int32
		err := Run(ctx, 100, workers, func(int) { calls.Add(1) })
		assert.ErrorIs(t, err, context.Canceled)
		assert.Zero(t, calls.Load(), "nothing is handed out after cancellation")
	}

	ctx, cancel = context.WithCancel(context.Background())
	var calls atomic.Int32
	err := Run(ctx, 1000, 2, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, calls.Load(), int32(1000))
}

func TestRunTurnsAPanicIntoAnError(t *testing.T) {
	for _, workers := range []int{1, 3} {
		err := Run(context.Background(), 50, workers, func(i int) {
			if i == 7 {
				panic("bad input")
			}
		})
		var pe *PanicError
		require.ErrorAs(t, err, &pe, "workers=%d", workers)
		assert.Equal(t, 7, pe.Item)
		assert.Equal(t, "bad input", pe.Value)
		assert.Contains(t, err.Error(), "work item 7 panicked: bad input")
	}
}
