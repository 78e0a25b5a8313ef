// Package sitetest builds whole sites in memory for tests, from one string
// in txtar form: a line "-- path --" starts each file, and the lines up to
// the next such line are its content.
//
//	-- config.toml --
//	title = "Test"
//	-- content/planer/a/_index.md --
//	+++
//	title = "A"
//	+++
package sitetest

import (
	"strings"
	"testing/fstest"
)

// Parse turns a txtar string into a file system. Text before the first
// file line is ignored, so a test may start its string with a comment.
func Parse(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(body.String()), Mode: 0o644}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return fsys
}

// Minimal is a valid site with one plan and one indsats, to extend in
// tests with a map of extra or replaced files.
const Minimal = `
-- config.toml --
title = "Testsite"
tilgaengelighed = "tilgaengelighed"
-- content/sider/tilgaengelighed.md --
+++
title = "Tilgængelighedserklæring"
+++
Erklæring.
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
tilbud = "Bostedet"
tilsyn = "Socialtilsyn Test"
dato = 2022-01-10
+++
Indledning.
-- content/planer/plan-a/sygefravaer.md --
+++
title = "Sygefravær"
indikatorer = ["9.c"]
maal = ["Sygefraværet skal ned"]
status = "i gang"

[[aktivitet]]
hvad = "Sygefraværssamtaler"
hvornaar = "1. kvartal 2022"
hvem = ["Afdelingsledelse"]
+++
Sygefraværet er højt.
`

// With returns Minimal with the files of extra added (or replacing).
func With(extra string) fstest.MapFS {
	fsys := Parse(Minimal)
	for k, v := range Parse(extra) {
		fsys[k] = v
	}
	return fsys
}
