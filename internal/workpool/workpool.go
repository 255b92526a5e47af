// Package workpool runs independent pieces of work on a bounded number of
// goroutines. Every stage of crosscheck spreads its per-article work this
// way; the result must not depend on how many goroutines there are, so the
// work items write only to their own slots.
package workpool

import (
	"context"
	"runtime"
	"sync"
)

// Run calls fn(0) … fn(n-1) on up to workers goroutines (0 or less means one
// per CPU) and waits for them. It stops handing out work once ctx is done
// and then returns ctx's error; items already handed out finish.
func Run(ctx context.Context, n, workers int, fn func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			if err := ctx.Err(); err != nil {
				return err
			}
			fn(i)
		}
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
feed:
	for i := range n {
		// Checked first: select picks at random among ready cases, and a
		// done context must stop the hand-out.
		if err = ctx.Err(); err != nil {
			break
		}
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}
