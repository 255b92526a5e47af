package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck/checker"
)

// progressBar draws one line on a terminal showing how far a check has got.
// It stays silent for the first moment, so quick batches print nothing.
type progressBar struct {
	w     io.Writer
	delay time.Duration
	start time.Time

	mu      sync.Mutex
	last    checker.Progress
	shown   bool
	drawn   time.Time
	stopped bool
}

func newProgressBar(w io.Writer, delay time.Duration) *progressBar {
	return &progressBar{w: w, delay: delay, start: time.Now()}
}

// update records progress and redraws at most ten times a second.
func (p *progressBar) update(pr checker.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.last = pr
	now := time.Now()
	if now.Sub(p.start) < p.delay || now.Sub(p.drawn) < 100*time.Millisecond && pr.Done != pr.Total {
		return
	}
	p.drawn, p.shown = now, true
	const width = 30
	filled := 0
	if pr.Total > 0 {
		filled = width * pr.Done / pr.Total
	}
	fmt.Fprintf(p.w, "\r%-10s [%s%s] %d/%d", pr.Stage, strings.Repeat("#", filled), strings.Repeat(" ", width-filled), pr.Done, pr.Total)
}

// finish clears the bar's line if it was ever drawn.
func (p *progressBar) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 60))
	}
}
