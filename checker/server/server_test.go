package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crosscheck-news/crosscheck/checker"
	"github.com/crosscheck-news/crosscheck/checker/report"
)

func start(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	s, err := New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(data)
}

// seedRequest builds a /v1/check body from the seed batch files.
func seedRequest(t *testing.T) string { return seedRequestTB(t) }

func seedRequestTB(t testing.TB) string {
	t.Helper()
	files, err := filepath.Glob("../../fixtures/canada-korea-mou/*.txt")
	require.NoError(t, err)
	var arts []map[string]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		arts = append(arts, map[string]string{"id": strings.TrimSuffix(filepath.Base(f), ".txt"), "text": string(data)})
	}
	body, err := json.Marshal(map[string]any{"articles": arts})
	require.NoError(t, err)
	return string(body)
}

// withoutInputs blanks the fields that name where articles came from,
// which differ between files and HTTP records, and the format, which is
// "jsonl" for a record.
func withoutInputs(t *testing.T, data []byte) report.Report {
	t.Helper()
	var r report.Report
	require.NoError(t, json.Unmarshal(data, &r))
	for i := range r.Articles {
		r.Articles[i].Input, r.Articles[i].Format = "", ""
	}
	return r
}

func TestCheckMatchesCLIReport(t *testing.T) {
	ts := start(t, Config{})
	code, body := post(t, ts.URL+"/v1/check", seedRequest(t))
	require.Equal(t, http.StatusOK, code, body)
	got := withoutInputs(t, []byte(body))

	arts, rejected, err := checker.LoadPaths([]string{"../../fixtures/canada-korea-mou"}, nil, checker.LoadOptions{})
	require.NoError(t, err)
	rep, err := checker.Check(context.Background(), arts, checker.Options{Rejected: rejected})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, rep.WriteJSON(&buf))
	want := withoutInputs(t, buf.Bytes())
	assert.Equal(t, want, got)
	assert.Equal(t, "articles[0]", gotInput(t, body))
}

func gotInput(t *testing.T, body string) string {
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	return r.Articles[0].Input
}

func TestHealthAndSchema(t *testing.T) {
	ts := start(t, Config{})
	resp, err := http.Get(ts.URL + "/healthz")
	require.NoError(t, err)
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(data), `"status":"ok"`)

	resp, err = http.Get(ts.URL + "/v1/schema")
	require.NoError(t, err)
	data, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/schema+json", resp.Header.Get("Content-Type"))
	assert.Equal(t, string(report.Schema), string(data))
}

func TestBadRequests(t *testing.T) {
	ts := start(t, Config{MaxBodyBytes: 2000, MaxArticles: 2})
	cases := []struct {
		name, body string
		code       int
		err        string
	}{
		{"empty body", "", http.StatusBadRequest, "body is empty"},
		{"not json", "{nope", http.StatusBadRequest, "not valid JSON"},
		{"no articles field", `{"items": []}`, http.StatusBadRequest, `needs an \"articles\" list`},
		{"empty list", `{"articles": []}`, http.StatusBadRequest, "is empty"},
		{"two values", `{"articles": [{"id":"a","text":"x"}]} {}`, http.StatusBadRequest, "more than one JSON value"},
		{"too many articles", `{"articles": [{"id":"a","text":"x"},{"id":"b","text":"y"},{"id":"c","text":"z"}]}`, http.StatusRequestEntityTooLarge, "over the limit of 2"},
		{"body too large", `{"articles": [{"id":"a","text":"` + strings.Repeat("x", 3000) + `"}]}`, http.StatusRequestEntityTooLarge, "over the limit of 2.0 KiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, body := post(t, ts.URL+"/v1/check", c.body)
			assert.Equal(t, c.code, code, body)
			assert.Contains(t, body, c.err)
		})
	}
	resp, err := http.Get(ts.URL + "/v1/check")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

func TestRejectedRecordsAreReported(t *testing.T) {
	ts := start(t, Config{})
	code, body := post(t, ts.URL+"/v1/check", `{"articles": [{"id":"a","text":"The strike ended."},{"id":"a","text":"Again."},{"text":"no id"}]}`)
	require.Equal(t, http.StatusOK, code)
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	require.Len(t, r.Articles, 1)
	require.Len(t, r.Errors, 2)
	assert.Equal(t, "articles[1]", r.Errors[0].Input)
	assert.Contains(t, r.Errors[0].Error, "duplicate article id")
	assert.Equal(t, "articles[2]", r.Errors[1].Input)
}

func TestConcurrentRequests(t *testing.T) {
	ts := start(t, Config{MaxConcurrent: 2})
	req := seedRequest(t)
	_, first := post(t, ts.URL+"/v1/check", req)
	var wg sync.WaitGroup
	results := make(chan string, 12)
	for range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Post(ts.URL+"/v1/check", "application/json", strings.NewReader(req))
			if err != nil {
				results <- err.Error()
				return
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			results <- string(data)
		}()
	}
	wg.Wait()
	close(results)
	for r := range results {
		assert.Equal(t, first, r)
	}
}

func TestTimeout(t *testing.T) {
	ts := start(t, Config{Timeout: time.Nanosecond})
	code, body := post(t, ts.URL+"/v1/check", seedRequest(t))
	assert.Contains(t, []int{http.StatusServiceUnavailable, http.StatusGatewayTimeout}, code, body)
	assert.Contains(t, body, `"error"`)
}

func TestAlignEndpoint(t *testing.T) {
	ts := start(t, Config{})
	var req struct {
		Articles []map[string]string `json:"articles"`
	}
	require.NoError(t, json.Unmarshal([]byte(seedRequest(t)), &req))
	pick := func(prefixes ...string) string {
		var arts []map[string]string
		for _, p := range prefixes {
			for _, a := range req.Articles {
				if strings.HasPrefix(a["id"], p) {
					arts = append(arts, a)
				}
			}
		}
		body, err := json.Marshal(map[string]any{"articles": arts})
		require.NoError(t, err)
		return string(body)
	}
	code, body := post(t, ts.URL+"/v1/align", pick("000", "002"))
	require.Equal(t, http.StatusOK, code, body)
	var res checker.PairResult
	require.NoError(t, json.Unmarshal([]byte(body), &res))
	assert.True(t, res.Pair)
	assert.Equal(t, "002_c518c56dac84cf69", res.Original.ID)
	assert.Equal(t, "000_5ac3630139ee311e", res.Rewrite.ID)
	assert.Equal(t, "known", res.Direction)
	assert.NotEmpty(t, res.Alignment.Pairs)

	code, body = post(t, ts.URL+"/v1/align", pick("001", "002"))
	require.Equal(t, http.StatusOK, code, body)
	require.NoError(t, json.Unmarshal([]byte(body), &res))
	assert.False(t, res.Pair)

	code, body = post(t, ts.URL+"/v1/align", pick("001"))
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, body, "exactly two articles")
	code, body = post(t, ts.URL+"/v1/align", `{"articles": [{"id":"a","text":"x"},{"id":"a","text":"y"}]}`)
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, body, "duplicate article id")
}
