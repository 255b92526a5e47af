// Package workpool runs independent pieces of work on a bounded number of
// goroutines. Every stage of crosscheck spreads its per-article work this
// way; the result must not depend on how many goroutines there are, so the
// work items write only to their own slots.
package workpool

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// PanicError reports a panic inside a work item, which Run turns into an
// error rather than let it end the process (a server must outlive one bad
// request).
type PanicError struct {
	// Item is the index of the work item that panicked.
	Item int
	// Value is what the item panicked with.
	Value any
}

// Error describes the panic.
func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error: work item %d panicked: %v", e.Item, e.Value)
}

// Run calls fn(0) … fn(n-1) on up to workers goroutines (0 or less means one
// per CPU) and waits for them. It stops handing out work once ctx is done
// and then returns ctx's error; items already handed out finish. A panic in
// fn stops the hand-out too and comes back as a *PanicError.
func Run(ctx context.Context, n, workers int, fn func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var (
		mu       sync.Mutex
		panicked *PanicError
	)
	call := func(i int) (ok bool) {
		defer func() {
			if p := recover(); p != nil {
				mu.Lock()
				if panicked == nil {
					panicked = &PanicError{Item: i, Value: p}
				}
				mu.Unlock()
				ok = false
			}
		}()
		fn(i)
		return true
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return panicked != nil
	}
	if workers <= 1 {
		for i := range n {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !call(i) {
				return panicked
			}
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
				call(i)
			}
		}()
	}
	var err error
feed:
	for i := range n {
		// Checked first: select picks at random among ready cases, and a
		// done context must stop the hand-out.
		if err = ctx.Err(); err != nil || failed() {
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
	if panicked != nil {
		return panicked
	}
	return err
}
