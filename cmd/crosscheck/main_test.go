package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck-news/crosscheck/checker/report"
)

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func decodeReport(t *testing.T, s string) report.Report {
	t.Helper()
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(s), &r), "stdout is not a JSON report: %.200s", s)
	return r
}

func TestCheckSeedBatchMatchesGolden(t *testing.T) {
	t.Chdir("../..")
	r := runCLI(t, "", "check", "fixtures/canada-korea-mou")
	require.Equal(t, exitOK, r.code, r.stderr)
	want, err := os.ReadFile("fixtures/golden/canada-korea-mou.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), r.stdout, "the CLI's JSON (not a terminal) must be the golden report")
	assert.Empty(t, r.stderr)
}

// TestMixedFolder is the acceptance case: a good article beside an
// empty, a binary, a Windows-1252 and a 12 MB file.
func TestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Café workers “won” – the strike ended on Monday.\n"))
	require.NoError(t, err)
	write("1_good.txt", []byte("The port strike ended on Monday after talks.\n"))
	write("2_empty.txt", nil)
	write("3_binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"))
	write("4_cp1252.txt", cp)
	write("5_huge.txt", bytes.Repeat([]byte("strike "), 12<<20/7+1))

	r := runCLI(t, "", "check", dir)
	assert.Equal(t, exitRejected, r.code)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Articles, 2)
	assert.Equal(t, "1_good", rep.Articles[0].ID)
	assert.Equal(t, "4_cp1252", rep.Articles[1].ID)
	assert.Equal(t, "Café workers “won” – the strike ended on Monday.\n", rep.Articles[1].Text)
	assert.Equal(t, "windows-1252", rep.Articles[1].Encoding)
	require.Len(t, rep.Warnings, 1)
	assert.Contains(t, rep.Warnings[0].Warning, "Windows-1252")
	require.Len(t, rep.Errors, 3)
	assert.Contains(t, rep.Errors[0].Error, "empty input")
	assert.Contains(t, rep.Errors[1].Error, "binary input")
	assert.Contains(t, rep.Errors[2].Error, "over the per-article limit of 10.0 MiB")
	for _, name := range []string{"2_empty.txt", "3_binary.txt", "5_huge.txt"} {
		assert.Contains(t, r.stderr, name)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("A short article about a court ruling.\n"), 0o644))

	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"no path", []string{"check"}, exitUsage, "no PATH given"},
		{"bad format", []string{"check", "--format", "xml", good}, exitUsage, `unknown --format "xml" (html, json, markdown, text)`},
		{"bad size", []string{"check", "--max-bytes", "lots", good}, exitUsage, "not a size"},
		{"unknown flag", []string{"check", "--nope", good}, exitUsage, "flag provided but not defined"},
		{"bad rules folder", []string{"check", "--rules", filepath.Join(dir, "none"), good}, exitUsage, "rules folder"},
		{"nothing readable", []string{"check", empty}, exitUsage, "no article could be read"},
		{"missing file", []string{"check", filepath.Join(dir, "missing.txt")}, exitUsage, "no such file"},
		{"one good", []string{"check", good}, exitOK, ""},
		{"size limit", []string{"check", "--max-bytes", "10B", good}, exitUsage, "over the per-article limit of 10 B"},
		{"version", []string{"version"}, exitOK, ""},
		{"help", []string{"help"}, exitOK, ""},
		{"check help", []string{"check", "-h"}, exitOK, "-max-bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", c.args...)
			assert.Equal(t, c.code, r.code, "stderr: %s", r.stderr)
			if c.err != "" {
				assert.Contains(t, r.stderr+r.stdout, c.err)
			}
		})
	}
}

func TestStdinJSONLines(t *testing.T) {
	in := `{"id":"a","text":"Court blocks strike\nThe court ruled on Monday.","outlet":"Wire"}` + "\n" +
		`{"id":"a","text":"Duplicate."}` + "\n"
	r := runCLI(t, in, "check", "-")
	assert.Equal(t, exitRejected, r.code)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Articles, 1)
	assert.Equal(t, "-:1", rep.Articles[0].Input)
	assert.Equal(t, "Wire", rep.Articles[0].Outlet)
	require.Len(t, rep.Errors, 1)
	assert.Equal(t, "-:2", rep.Errors[0].Input)
}

func TestOutFileAndTextFormat(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "report.json")
	r := runCLI(t, "", "check", "--out", out, "fixtures/canada-korea-mou")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 5, decodeReport(t, string(data)).Summary.Articles)

	r = runCLI(t, "", "check", "--format", "text", "fixtures/canada-korea-mou")
	require.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "crosscheck report: 5 articles, 0 rejected")
	assert.Contains(t, r.stdout, "dateline: Ottawa")
	assert.NotContains(t, r.stdout, "\x1b[", "no colour when not on a terminal")
}

func TestRulesCommand(t *testing.T) {
	r := runCLI(t, "", "rules")
	require.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "meta.copyright-outlet")
	assert.Contains(t, r.stdout, "metadata")

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.yaml"), []byte("pack: x\nrules:\n  - id: x.a\n    kind: pattern\n    description: d\n    patterns: ['(']\n"), 0o644))
	r = runCLI(t, "", "rules", "--rules", dir)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, filepath.Join(dir, "x.yaml")+":3")
	assert.Contains(t, r.stderr, "error parsing regexp")
}

func TestGates(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("The court ruled on Monday that the strike was legal.\n"), 0o644))
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	policy := filepath.Join(dir, "policy.yaml")
	require.NoError(t, os.WriteFile(policy, []byte("fail_on:\n  - rejected\n"), 0o644))

	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"clean article passes conflict gate", []string{"check", "--fail-on", "conflict,rewrite", good}, exitOK, ""},
		{"rejected gate", []string{"check", "--fail-on", "rejected", good, empty}, exitGate, "gate failed: rejected: 1 inputs rejected: " + empty},
		{"rejected without gate", []string{"check", good, empty}, exitRejected, ""},
		{"policy file", []string{"check", "--policy", policy, good, empty}, exitGate, "gate failed: rejected"},
		{"bad condition", []string{"check", "--fail-on", "tone>1", good}, exitUsage, "--fail-on: bad condition"},
		{"missing policy", []string{"check", "--policy", filepath.Join(dir, "none.yaml"), good}, exitUsage, "--policy"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", c.args...)
			assert.Equal(t, c.code, r.code, r.stderr)
			if c.err != "" {
				assert.Contains(t, r.stderr, c.err)
			}
			if c.code != exitUsage {
				assert.NotEmpty(t, r.stdout, "the report is written even when a gate fails")
			}
		})
	}
}

// TestRulesCatalogueIsCurrent keeps RULES.md in step with the packs.
func TestRulesCatalogueIsCurrent(t *testing.T) {
	t.Chdir("../..")
	r := runCLI(t, "", "rules", "--format", "markdown")
	require.Equal(t, exitOK, r.code, r.stderr)
	want, err := os.ReadFile("RULES.md")
	require.NoError(t, err)
	assert.Equal(t, string(want), r.stdout, "RULES.md is stale: run go run ./cmd/crosscheck rules --format markdown > RULES.md")
}

func TestExplain(t *testing.T) {
	r := runCLI(t, "", "explain", "meta.copyright-outlet")
	require.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "meta.copyright-outlet (pattern rule in pack metadata, defined at rules/en/metadata.yaml:")
	assert.Contains(t, r.stdout, "pattern: ")
	// A rule with parameters shows them, so a user can see every number
	// the rule applies.
	r = runCLI(t, "", "explain", "bp.nav-run")
	require.Equal(t, exitOK, r.code)
	assert.Contains(t, r.stdout, "params: max_words 6, min_run 3")
	r = runCLI(t, "", "explain", "no.such-rule")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `no rule "no.such-rule"`)
	r = runCLI(t, "", "explain")
	assert.Equal(t, exitUsage, r.code)
}

// TestSeedGates is the acceptance case for gates: the seed batch
// fails on conflict and names it; a clean single article passes every gate.
func TestSeedGates(t *testing.T) {
	t.Chdir("../..")
	r := runCLI(t, "", "check", "--fail-on", "conflict", "fixtures/canada-korea-mou")
	assert.Equal(t, exitGate, r.code)
	assert.Contains(t, r.stderr, "crosscheck: gate failed: conflict: 3 conflicts: Signing day: 'Wednesday' (000, 002) vs 'January 29, 2026', a Thursday (001, 003)")
	assert.Equal(t, 1, strings.Count(r.stderr, "gate failed"), "one line per failing condition")
	assert.Equal(t, 3, decodeReport(t, r.stdout).Summary.Conflicts, "the report is still written")

	r = runCLI(t, "", "check", "--fail-on", "speculation>0.5,reliability<0.5,rewrite", "fixtures/canada-korea-mou")
	assert.Equal(t, exitGate, r.code)
	assert.Contains(t, r.stderr, "gate failed: speculation>0.5: 003_830d61da78a87c22 (0.55), 004_284b1d540ec6d9e4 (0.53)")
	assert.Contains(t, r.stderr, "gate failed: reliability<0.5: 000_5ac3630139ee311e")
	assert.Contains(t, r.stderr, "gate failed: rewrite: 1 rewrite pairs: 000_5ac3630139ee311e rewrites 002_c518c56dac84cf69")

	clean := filepath.Join(t.TempDir(), "clean.txt")
	require.NoError(t, os.WriteFile(clean, []byte("The city council approved the budget on Tuesday by a vote of 7 to 2.\n"+
		"The plan sets aside $4 million for road repairs, Mayor Ana Ruiz said in a statement.\n"+
		"Work on the first roads will start in June, according to the city's transport department.\n"), 0o644))
	r = runCLI(t, "", "check", "--fail-on", "conflict,rewrite,rejected,boilerplate>0.3,speculation>0.5,off_topic>0.2,reliability<0.6", clean)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stderr)
}

func TestOutFileIsReadableAndSizeLimits(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "r.json")
	r := runCLI(t, "", "check", "--out", out, "fixtures/court-ruling")
	require.Equal(t, exitOK, r.code, r.stderr)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())

	r = runCLI(t, "", "check", "--max-bytes", "99999999999999g", "fixtures/court-ruling")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "too large")
}
