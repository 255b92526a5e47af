package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/crosscheck-news/crosscheck/checker"
)

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	quiet := newProgressBar(&buf, time.Hour)
	quiet.update(checker.Progress{Stage: "segment", Done: 1, Total: 2})
	quiet.finish()
	assert.Empty(t, buf.String(), "nothing is drawn before the delay")

	bar := newProgressBar(&buf, 0)
	bar.update(checker.Progress{Stage: "segment", Done: 5, Total: 10})
	assert.Contains(t, buf.String(), "\rsegment    [###############               ] 5/10")
	bar.finish()
	assert.True(t, bytes.HasSuffix(buf.Bytes(), []byte("\r")), "the line is cleared at the end")
	n := buf.Len()
	bar.update(checker.Progress{Stage: "segment", Done: 10, Total: 10})
	assert.Equal(t, n, buf.Len(), "nothing is drawn after finish")
}

func TestCheckReportsProgress(t *testing.T) {
	t.Chdir("../..")
	arts, _, err := checker.LoadPaths([]string{"fixtures/canada-korea-mou"}, nil, checker.LoadOptions{})
	assert.NoError(t, err)
	var seen []checker.Progress
	_, err = checker.Check(t.Context(), arts, checker.Options{Workers: 1, Progress: func(p checker.Progress) { seen = append(seen, p) }})
	assert.NoError(t, err)
	assert.Contains(t, seen, checker.Progress{Stage: "segment", Done: 0, Total: 5})
	assert.Contains(t, seen, checker.Progress{Stage: "segment", Done: 5, Total: 5})
}
