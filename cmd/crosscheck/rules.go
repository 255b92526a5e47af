package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/crosscheck-news/crosscheck/checker/ruleset"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dirs multiFlag
	fs.Var(&dirs, "rules", "folder of rule packs that add to or override the built-in rules (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: crosscheck rules [--rules DIR]\n\nLists every rule with its id, pack, kind and description.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	set, err := ruleset.Load(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck rules: %v\n", err)
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPACK\tKIND\tDESCRIPTION")
	for _, r := range set.Rules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Pack, r.Kind, r.Description)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "crosscheck rules: %v\n", err)
		return exitUsage
	}
	return exitOK
}
