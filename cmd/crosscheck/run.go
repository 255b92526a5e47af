package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/crosscheck-news/crosscheck/checker"
)

// Exit codes.
const (
	exitOK       = 0
	exitGate     = 1
	exitUsage    = 2
	exitRejected = 3
)

const usage = `crosscheck checks a batch of news articles about one event.

Usage:
  crosscheck check [flags] PATH...   check a batch; PATH is a file, a folder
                                     (its .txt, .md, .html and .jsonl files),
                                     or - for JSON Lines on standard input
  crosscheck align [flags] A B       show whether B copies or rewrites A (or A B), side by side
  crosscheck serve [--addr HOST:PORT] serve the HTTP API (POST /v1/check, GET /healthz, …)
  crosscheck rules [--rules DIR]     list every rule with its id, pack and description
  crosscheck explain RULE-ID...      print everything about a rule
  crosscheck version                 print the version
  crosscheck help [COMMAND]          show help

Exit codes:
  0  the report was written and nothing failed
  1  a gate failed
  2  bad usage, or no article could be read
  3  the report was written, but some inputs were rejected

Run "crosscheck help check" for the flags of check.
`

// run is the whole program, callable from tests: it parses args, reads
// stdin when asked, writes to stdout and stderr, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "check":
		return runCheck(rest, stdin, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "align":
		return runAlign(rest, stdin, stdout, stderr)
	case "serve":
		return runServe(rest, stderr)
	case "explain":
		return runExplain(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "crosscheck %s\n", checker.Version)
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return run([]string{rest[0], "-h"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "crosscheck: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
