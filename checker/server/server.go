// Package server is crosscheck's HTTP service: a newsroom pipeline or a
// scraper posts a batch of articles and gets the report back.
//
//	POST /v1/check   {"articles": [{"id": "…", "text": "…", …}, …]}  → the report (JSON)
//	POST /v1/align   {"articles": [{…}, {…}]}                          → whether one rewrites the other, and how
//	GET  /v1/schema  the JSON Schema of the report
//	GET  /healthz    {"status": "ok"}
//
// Requests are limited in body size, batch size and time; errors come back
// as {"error": "…"} with a 4xx or 5xx status. A Server is safe for
// concurrent use.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"time"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/checker/ingest"
	"github.com/crosscheck-news/crosscheck/checker/report"
	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

// Config holds the server's limits. Zero fields take the defaults given.
type Config struct {
	// Rules is the rule set; nil means the built-in rules.
	Rules *ruleset.Set
	// MaxBodyBytes limits a request body; default 64 MiB.
	MaxBodyBytes int64
	// MaxArticles limits the articles in one request; default 1,000.
	MaxArticles int
	// MaxArticleBytes limits one article's text; default 10 MiB.
	MaxArticleBytes int64
	// Timeout bounds the work on one request; default 60 s.
	Timeout time.Duration
	// MaxConcurrent bounds the checks running at once; further requests
	// wait for a place until their timeout. Default: one per CPU.
	MaxConcurrent int
	// Workers is the goroutines each check may use; default 1, since
	// concurrent requests already spread over the CPUs.
	Workers int
}

// Server answers crosscheck's HTTP API.
type Server struct {
	cfg     Config
	checker *checker.Checker
	slots   chan struct{}
	mux     *http.ServeMux
}

// New returns a Server with cfg's limits, filling in defaults.
func New(cfg Config) (*Server, error) {
	if cfg.Rules == nil {
		set, err := ruleset.Default()
		if err != nil {
			return nil, err
		}
		cfg.Rules = set
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 64 << 20
	}
	if cfg.MaxArticles <= 0 {
		cfg.MaxArticles = 1000
	}
	if cfg.MaxArticleBytes <= 0 {
		cfg.MaxArticleBytes = ingest.DefaultMaxBytes
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	c, err := checker.New(cfg.Rules)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, checker: c, slots: make(chan struct{}, cfg.MaxConcurrent), mux: http.NewServeMux()}
	s.mux.HandleFunc("POST /v1/check", s.check)
	s.mux.HandleFunc("POST /v1/align", s.align)
	s.mux.HandleFunc("GET /v1/schema", s.schema)
	s.mux.HandleFunc("GET /healthz", s.health)
	return s, nil
}

// Handler returns the http.Handler serving the API.
func (s *Server) Handler() http.Handler { return s.mux }

// checkRequest is the body of POST /v1/check.
type checkRequest struct {
	Articles []json.RawMessage `json:"articles"`
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	// The slot is taken before the body is read, so the limit on checks at
	// once also bounds the memory of bodies being decoded; the time limit
	// runs from here.
	ctx, release, ok := s.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	var req checkRequest
	if !s.readJSON(w, r, &req) {
		return
	}
	if req.Articles == nil {
		writeError(w, http.StatusBadRequest, `the body needs an "articles" list`)
		return
	}
	if len(req.Articles) == 0 {
		writeError(w, http.StatusBadRequest, `the "articles" list is empty`)
		return
	}
	if len(req.Articles) > s.cfg.MaxArticles {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%d articles is over the limit of %d per request", len(req.Articles), s.cfg.MaxArticles))
		return
	}
	arts, rejected, err := s.parseArticles(req.Articles)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	rep, err := s.checker.Check(ctx, arts, checker.Options{
		Workers: s.cfg.Workers, MaxBytes: s.cfg.MaxArticleBytes, Rejected: rejected,
	})
	if err != nil {
		s.writeContextError(w, ctx, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = rep.WriteJSON(w)
}

// align answers POST /v1/align: two articles in, a checker.PairResult out.
func (s *Server) align(w http.ResponseWriter, r *http.Request) {
	ctx, release, ok := s.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	var req checkRequest
	if !s.readJSON(w, r, &req) {
		return
	}
	if len(req.Articles) != 2 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf(`the "articles" list must hold exactly two articles, not %d`, len(req.Articles)))
		return
	}
	arts, rejected, err := s.parseArticles(req.Articles)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	if len(rejected) > 0 {
		writeError(w, http.StatusBadRequest, rejected[0].Error())
		return
	}
	res, err := s.checker.Align(ctx, arts[0], arts[1])
	if err != nil {
		s.writeContextError(w, ctx, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// parseArticles reads request records as the JSON Lines loader does; each
// is named "articles[N]" in the report.
func (s *Server) parseArticles(raw []json.RawMessage) ([]checker.Article, []*checker.InputError, error) {
	l, err := ingest.NewLoader(ingest.Options{MaxBytes: s.cfg.MaxArticleBytes, Rules: s.cfg.Rules})
	if err != nil {
		return nil, nil, err
	}
	var arts []checker.Article
	var rejected []*checker.InputError
	for i, rec := range raw {
		input := fmt.Sprintf("articles[%d]", i)
		a, err := l.ParseRecord(rec, input)
		if err != nil {
			rejected = append(rejected, &checker.InputError{Input: input, Err: err})
			continue
		}
		arts = append(arts, a)
	}
	return arts, rejected, nil
}

func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over the limit of %s", ingest.HumanBytes(s.cfg.MaxBodyBytes)))
		case errors.Is(err, io.EOF):
			writeError(w, http.StatusBadRequest, "the body is empty")
		default:
			writeError(w, http.StatusBadRequest, "the body is not valid JSON: "+err.Error())
		}
		return false
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "the body holds more than one JSON value")
		return false
	}
	return true
}

func (s *Server) acquire(w http.ResponseWriter, r *http.Request) (context.Context, func(), bool) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	select {
	case s.slots <- struct{}{}:
		return ctx, func() { <-s.slots; cancel() }, true
	case <-ctx.Done():
		cancel()
		writeError(w, http.StatusServiceUnavailable, "the server is busy; try again later")
		return nil, nil, false
	}
}

func (s *Server) writeContextError(w http.ResponseWriter, ctx context.Context, err error) {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		writeError(w, http.StatusGatewayTimeout, fmt.Sprintf("the check took longer than %s", s.cfg.Timeout))
		return
	}
	if ctx.Err() != nil {
		return // the client went away
	}
	writeError(w, http.StatusInternalServerError, err.Error())
}

func (s *Server) schema(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/schema+json")
	_, _ = w.Write(report.Schema)
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": checker.Version})
}

// writeJSON writes v as a JSON response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
