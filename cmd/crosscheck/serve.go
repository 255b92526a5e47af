package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
	"github.com/crosscheck-news/crosscheck/checker/server"
)

// shutdownGrace is how long in-flight requests get to finish on shutdown.
const shutdownGrace = 15 * time.Second

func runServe(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	var rulesDirs multiFlag
	fs.Var(&rulesDirs, "rules", "folder of rule packs that add to or override the built-in rules (repeatable)")
	maxBody := byteSize(64 << 20)
	fs.Var(&maxBody, "max-body", "largest request body accepted")
	maxArticle := byteSize(10 << 20)
	fs.Var(&maxArticle, "max-bytes", "per-article size limit")
	maxArticles := fs.Int("max-articles", 1000, "most articles accepted in one request")
	timeout := fs.Duration("timeout", 60*time.Second, "longest time spent on one request")
	concurrent := fs.Int("concurrent", 0, "checks run at once (default: one per CPU); others wait within their timeout")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: crosscheck serve [flags]\n\n"+
			"Serves the HTTP API: POST /v1/check, POST /v1/align, GET /v1/schema, GET /healthz.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "crosscheck serve: unexpected arguments %v\n", fs.Args())
		return exitUsage
	}
	set, err := ruleset.Load(rulesDirs...)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		return exitUsage
	}
	srv, err := server.New(server.Config{
		Rules: set, MaxBodyBytes: int64(maxBody), MaxArticleBytes: int64(maxArticle),
		MaxArticles: *maxArticles, Timeout: *timeout, MaxConcurrent: *concurrent,
	})
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, srv.Handler(), ln, *timeout, stderr); err != nil {
		fmt.Fprintf(stderr, "crosscheck serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// serve answers on ln until ctx is done, then shuts down gracefully,
// letting requests in flight finish.
func serve(ctx context.Context, h http.Handler, ln net.Listener, timeout time.Duration, stderr io.Writer) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       timeout,
		WriteTimeout:      timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Fprintf(stderr, "crosscheck: serving on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "crosscheck: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
