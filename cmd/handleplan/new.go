package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Scaffolds: every key of the format, the optional ones commented out, so
// an author sees what can be written without opening the manual.
var scaffolds = map[string]string{
	"indsats": `+++
title = "%s"
# orden = 1                        # rækkefølge i planens tabel
indikatorer = ["9.b"]              # fx ["9.b", "9.c"]
# tema = "Økonomi"                 # kun hvis ingen indikator passer
henstilling = ""                   # tilsynets henstilling
maal = [
  "Skriv målet her",
]
dokumentation = []
hvem = []                          # fx ["Afdelingsledelse"]
effekt = []
status = "planlagt"                # planlagt, i gang, gennemført, forsinket, opgivet
# intern = true                    # kun på intranettet, aldrig i tilsynets bundt
# kladde = true                    # udelades, indtil det er klar

[[aktivitet]]
hvad = "Beskriv aktiviteten"
hvornaar = "løbende"               # fx "1. kvartal 2022", "inden udgangen af 2021", "løbende"
hvem = []

# [[maaling]]
# navn = "Sygefravær"
# enhed = "%%"
# maal = 6
# retning = "ned"                  # "op" eller "ned": hvilken vej er bedre
# data = [["2022-01", 9.4]]
+++
Hvad skal ændres, og hvorfor?
`,
	"plan": `+++
title = "%s"
tilbud = ""
tilsyn = ""                        # fx "Socialtilsyn Midt"
# dato = 2022-01-15
# periode = "2022"
+++
En kort indledning til planen.
`,
	"historie": `+++
title = "%s"
dato = %s
# indsats = "plan-id/indsats-id"
# forfatter = ""
# billede = "billede.jpg"          # et billede ved siden af denne fil
# billede_tekst = ""               # hvad billedet viser, for skærmlæsere
+++
Fortæl historien her.
`,
}

func runNew(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("new", stderr, nil)
	pos, ok := parse(flags, args)
	if !ok {
		return exitUsage
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, "usage: handleplan new indsats|plan|historie PATH")
		return exitUsage
	}
	kind, p := pos[0], pos[1]
	tmpl, ok := scaffolds[kind]
	if !ok {
		fmt.Fprintf(stderr, "new: unknown kind %q: write indsats, plan or historie\n", kind)
		return exitUsage
	}
	if kind == "plan" && !strings.HasSuffix(p, ".md") {
		p = filepath.Join(p, "_index.md")
	}
	if !strings.HasSuffix(p, ".md") {
		p += ".md"
	}
	name := strings.TrimSuffix(filepath.Base(p), ".md")
	if name == "_index" {
		name = filepath.Base(filepath.Dir(p))
	}
	title := strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "-", " ")
	var text string
	if kind == "historie" {
		now, err := today("")
		if err != nil {
			fmt.Fprintln(stderr, "new:", err)
			return exitUsage
		}
		text = fmt.Sprintf(tmpl, title, now.Format("2006-01-02"))
	} else {
		text = fmt.Sprintf(tmpl, title)
	}
	if _, err := os.Stat(p); err == nil {
		fmt.Fprintf(stderr, "new: %s exists already; nothing written\n", p)
		return exitUsage
	} else if !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(stderr, "new:", err)
		return exitUsage
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return exitUsage
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return exitUsage
	}
	defer f.Close()
	if _, err := io.WriteString(f, text); err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "created", p)
	return exitOK
}
