package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/urls"
)

// Scaffolds: every key of the format, the optional ones commented out, so
// an author sees what can be written without opening the manual. Each is
// a format string taking the title, today's date, this year and the
// next, by index.
var scaffolds = map[string]string{
	"indsats": `+++
title = %[1]q
# orden = 1                        # rækkefølge i planens tabel
indikatorer = ["9.c"]              # fx ["9.b", "9.c"]; se kvalitetsmodellen
# tema = "Økonomi"                 # kun hvis ingen indikator passer
henstilling = ""                   # tilsynets henstilling
maal = [
  "Skriv målet her",
]
dokumentation = []
hvem = []                          # fx ["Afdelingsledelse"]
effekt = []
# status = "planlagt"              # planlagt, i gang, gennemført, forsinket, opgivet
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
title = %[1]q
tilbud = ""                        # tilbuddets navn
tilsyn = ""                        # fx "Socialtilsyn Midt"
dato = %[2]s                  # planens dato
periode = "%[3]d-%[4]d"              # fx "2026", "2026-2027", "1. halvår 2026"
+++
En kort indledning til planen.
`,
	"historie": `+++
title = %[1]q
dato = %[2]s
# indsats = "plan-id/indsats-id"
# forfatter = ""
# billede = "billede.jpg"          # et billede ved siden af denne fil
# billede_tekst = ""               # hvad billedet viser, for skærmlæsere
+++
Fortæl historien her.
`,
	"side": `+++
title = %[1]q
# orden = 1                        # rækkefølge i sidefoden
+++
Skriv siden her.
`,
}

const newUsage = "handleplan new [-s SITE] plan ID | indsats PLAN/ID | historie ID | side ID"

// runNew writes one scaffold under SITE/content/, where the build will
// find it. An id that is not one the build accepts (spaces, æøå, capitals)
// becomes the ASCII id it would suggest, with a note, and the title is
// made from the name as written.
func runNew(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	flags := newFlagSet("new", argsLang(args), stderr, &sf)
	pos, ok := parse(flags, args)
	if !ok {
		return exitUsage
	}
	lang := cliLang(sf.site)
	if len(pos) != 2 {
		fmt.Fprintln(stderr, i18n.T(lang, "cli.usage", newUsage))
		return exitUsage
	}
	now, err := today(lang, sf.now)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return exitUsage
	}
	p, err := newFile(sf.site, pos[0], pos[1], now, lang, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "new:", osMessage(lang, err))
		return exitUsage
	}
	fmt.Fprintln(stdout, i18n.T(lang, "cli.new.created", p))
	return exitOK
}

// newFile writes the scaffold of kind for name under site and returns
// its path. Notes about the id go to notes.
func newFile(site, kind, name string, now time.Time, lang i18n.Lang, notes io.Writer) (string, error) {
	tmpl, ok := scaffolds[kind]
	if !ok {
		return "", errors.New(i18n.T(lang, "cli.new.kind", kind))
	}
	name = strings.TrimSuffix(strings.TrimSpace(name), ".md")
	var plan string
	if kind == "indsats" {
		var found bool
		// PLAN\ID as typed on Windows, where \ separates folders.
		plan, name, found = strings.Cut(strings.ReplaceAll(name, `\`, "/"), "/")
		if !found || plan == "" || name == "" {
			return "", errors.New(i18n.T(lang, "cli.new.indsats"))
		}
		plan = newID(plan, lang, notes)
	}
	id := newID(name, lang, notes)
	if id == "" {
		return "", errors.New(i18n.T(lang, "cli.new.empty", name))
	}
	var rel []string
	switch kind {
	case "plan":
		rel = []string{"planer", id, "_index.md"}
	case "indsats":
		if _, err := os.Stat(filepath.Join(site, content.Dir, "planer", plan, "_index.md")); err != nil {
			return "", errors.New(i18n.T(lang, "cli.new.noplan", plan, plan))
		}
		rel = []string{"planer", plan, id + ".md"}
	case "historie":
		rel = []string{"historier", id + ".md"}
	case "side":
		rel = []string{"sider", id + ".md"}
	}
	p := filepath.Join(append([]string{site, content.Dir}, rel...)...)
	text := fmt.Sprintf(tmpl, titleFrom(name), now.Format("2006-01-02"), now.Year(), now.Year()+1)
	if err := writeNew(p, text, lang); err != nil {
		return "", err
	}
	return p, nil
}

// newID returns the id the build accepts for name, and says so when it
// differs from what was written.
func newID(name string, lang i18n.Lang, notes io.Writer) string {
	if urls.ValidID(name) {
		return name
	}
	id := urls.Slug(name)
	if id != "" {
		fmt.Fprintln(notes, i18n.T(lang, "cli.new.id", name, id))
	}
	return id
}

// titleFrom makes a title from a name as written: dashes become spaces
// and the first letter a capital, rune-wise so "økonomi" is "Økonomi".
func titleFrom(name string) string {
	if urls.ValidID(name) {
		name = strings.ReplaceAll(name, "-", " ")
	}
	r, n := utf8.DecodeRuneInString(name)
	if r == utf8.RuneError {
		return name
	}
	return string(unicode.ToUpper(r)) + name[n:]
}

// writeNew writes text into a new file at p, never over an existing one.
func writeNew(p, text string, lang i18n.Lang) error {
	if _, err := os.Lstat(p); err == nil {
		return errors.New(i18n.T(lang, "cli.new.exists", p))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	return f.Close()
}
