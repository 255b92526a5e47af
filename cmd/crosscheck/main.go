// Command crosscheck reads a batch of news articles about one event and
// reports which articles rewrite others, where the sources contradict each
// other, and how much of each source is boilerplate, off-topic spill or
// speculation.
//
// Usage:
//
//	crosscheck check [flags] PATH...   check a batch (files, folders, or - for JSON Lines on stdin)
//	crosscheck align [flags] A B       align two articles side by side, with the changes marked
//	crosscheck serve [--addr ADDR]     serve the HTTP API
//	crosscheck rules [--rules DIR]     list every rule with its id, pack and description
//	crosscheck version                 print the version
//
// Exit codes: 0 the report was written and nothing failed; 1 a gate failed;
// 2 bad usage, or no article could be read; 3 the report was written but
// some inputs were rejected.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
