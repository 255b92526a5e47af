package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		_, _ = io.WriteString(w, "finished")
	})
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	served := make(chan error, 1)
	go func() { served <- serve(ctx, slow, ln, time.Minute, &logs) }()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(data)
	}()
	<-started
	cancel() // shut down while the request is in flight
	assert.Equal(t, "finished", <-got, "the request in flight completes")
	require.NoError(t, <-served)
	assert.Contains(t, logs.String(), "serving on http://127.0.0.1:")
	assert.Contains(t, logs.String(), "shutting down")

	_, err = http.Get("http://" + ln.Addr().String() + "/")
	assert.Error(t, err, "no longer listening")
}

func TestServeFlags(t *testing.T) {
	r := runCLI(t, "", "serve", "extra")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "unexpected arguments")
	r = runCLI(t, "", "serve", "--addr", "256.0.0.1:bad")
	assert.Equal(t, exitUsage, r.code)
	r = runCLI(t, "", "serve", "-h")
	assert.Equal(t, exitOK, r.code)
	assert.True(t, strings.Contains(r.stderr, "POST /v1/check"))
}
