// Package rules holds crosscheck's built-in rule packs as data: YAML packs
// and plain-text word lists, grouped by language. The files are embedded in
// the binary; checker/ruleset parses and compiles them, and a user directory
// given with --rules can add packs or override rules by id.
//
// This package is deliberately tiny: go:embed can only reach files that sit
// beside a Go file, so the data lives here and the logic lives in checker/.
package rules

import "embed"

// FS holds every built-in pack and word list, under one folder per language
// (for example "en/boilerplate.yaml", "en/hedges.txt").
//
//go:embed en
var FS embed.FS
