// Package corpus writes large, realistic sites for benchmarks: n
// indsatser across n/20 plans, about 5 KB of Danish Markdown each (with
// tables and lists), activities with the time frames the period reader
// knows, measurements, indikatorer from the real quality model, and n/10
// stories. The same seed gives the same site, byte for byte.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var words = strings.Fields(`medarbejderne borgerne trivsel sygefravær personalegennemstrømning ledelsen
arbejdsmiljø samarbejde dokumentation indsatsplaner opfølgning rekruttering introduktion kompetencer
neuropædagogik supervision refleksion struktur forudsigelighed hverdagen aftaler møder arbejdsplan
bemanding vagtplan ønsker fleksibel opgaven målene tilsynet kvalitetsmodellen henstilling faglighed
tilgang anerkendende metode evaluering udvikling relationer fællesskab netværk sundhed kost motion
søvn medicin pårørende beboerråd husmøde aktiviteter værksted køkken have udflugt kultur organisering
ansvar gennemsigtighed kommunikation information data måling resultat effekt forbedring læring`)

var periods = []string{"1. kvartal %d", "2. kvartal %d", "inden udgangen af %d", "løbende i %d", "medio %d",
	"ultimo %d", "primo %d", "%d", "foråret %d", "efteråret %d", "1. halvår %d", "2. halvår %d",
	"senest 1.3.%d", "marts %d", "uge 12 %d", "1.2.%d-31.12.%d"}

var roles = []string{"Afdelingsledelse", "Forstander", "Kontaktpersoner", "Konstitueret aftaleholder",
	"Tillidsvalgte", "Arbejdsmiljørepræsentant", "Pædagogisk leder", "Sygeplejerske"}

var statuses = []string{"planlagt", "i gang", "i gang", "gennemført", "forsinket", "opgivet"}

type gen struct{ r *rand.Rand }

func (g gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g gen) sentence(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = g.pick(words)
	}
	r := []rune(strings.Join(w, " "))
	return strings.ToUpper(string(r[:1])) + string(r[1:]) + "."
}

func (g gen) paragraph() string {
	var s []string
	for range 4 + g.r.IntN(4) {
		s = append(s, g.sentence(8+g.r.IntN(10)))
	}
	return strings.Join(s, " ")
}

func (g gen) period(year int) string {
	p := g.pick(periods)
	if strings.Count(p, "%d") == 2 {
		return fmt.Sprintf(p, year, year)
	}
	return fmt.Sprintf(p, year)
}

// indikatorer are the ids the default model's data knows (see
// generator/kvalitet/tilbud-2017.toml), so the corpus builds without
// warnings.
var indikatorer = []string{"3.b", "5.a", "8.a", "8.b", "8.c", "9.a", "9.b", "9.c", "10.b", "11.a", "11.b", "11.c"}

func q(s string) string { return fmt.Sprintf("%q", s) }

func list(items []string) string {
	var q2 []string
	for _, i := range items {
		q2 = append(q2, q(i))
	}
	return "[" + strings.Join(q2, ", ") + "]"
}

// Indsats returns the text of indsats number i (for edits in benchmarks).
func (g gen) indsats(i, year int) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\norden = %d\n", q(fmt.Sprintf("Indsats %d: %s og %s", i, g.pick(words), g.pick(words))), i)
	fmt.Fprintf(&b, "indikatorer = %s\n", list([]string{g.pick(indikatorer)}))
	fmt.Fprintf(&b, "henstilling = %s\n", q(g.sentence(20)))
	fmt.Fprintf(&b, "maal = %s\n", list([]string{g.sentence(12), g.sentence(10)}))
	fmt.Fprintf(&b, "dokumentation = %s\n", list([]string{g.sentence(14)}))
	fmt.Fprintf(&b, "hvem = %s\n", list([]string{g.pick(roles), g.pick(roles)}))
	fmt.Fprintf(&b, "effekt = %s\n", list([]string{g.sentence(12)}))
	fmt.Fprintf(&b, "status = %s\n", q(g.pick(statuses)))
	for range 3 + g.r.IntN(3) {
		fmt.Fprintf(&b, "\n[[aktivitet]]\nhvad = %s\nhvornaar = %s\nhvem = %s\n", q(g.sentence(12)), q(g.period(year+g.r.IntN(2))), list([]string{g.pick(roles)}))
	}
	if g.r.IntN(4) == 0 {
		b.WriteString("\n[[maaling]]\nnavn = \"Sygefravær\"\nenhed = \"%\"\nmaal = 6\nretning = \"ned\"\ndata = [")
		for m := 1; m <= 12; m++ {
			if m > 1 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "[\"%d-%02d\", %.1f]", year, m, 5+g.r.Float64()*5)
		}
		b.WriteString("]\n")
	}
	b.WriteString("+++\n")
	// About 5 KB of body: paragraphs, a list and a table.
	for b.Len() < 4200 {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n- %s\n- %s\n- %s\n", strings.TrimSuffix(g.sentence(3), "."), g.paragraph(), g.sentence(6), g.sentence(7), g.sentence(5))
	}
	b.WriteString("\n| Tiltag | Ansvarlig | Frist |\n|---|---|---|\n")
	for range 4 {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", strings.TrimSuffix(g.sentence(4), "."), g.pick(roles), g.period(year))
	}
	return b.String()
}

// Write writes a site with n indsatser into dir (which must not exist or
// be empty).
func Write(dir string, n int, seed uint64) error {
	g := gen{rand.New(rand.NewPCG(seed, 2))}
	write := func(p, s string) error {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(s), 0o644)
	}
	if err := write("config.toml", "title = \"Handleplaner (benchmark)\"\nlanguage = \"da\"\ntilgaengelighed = \"tilgaengelighed\"\n"); err != nil {
		return err
	}
	if err := write("content/sider/tilgaengelighed.md", "+++\ntitle = \"Tilgængelighedserklæring\"\n+++\nErklæring.\n"); err != nil {
		return err
	}
	plans := max(n/20, 1)
	for p := range plans {
		year := 2020 + p%5
		if err := write(fmt.Sprintf("content/planer/plan-%04d/_index.md", p),
			fmt.Sprintf("+++\ntitle = \"Handleplan %d\"\ntilbud = \"Tilbud %d\"\ntilsyn = \"Socialtilsyn Midt\"\ndato = %d-01-15\nperiode = \"%d\"\n+++\n%s\n", p, p, year, year, g.paragraph())); err != nil {
			return err
		}
	}
	for i := range n {
		p := i % plans
		if err := write(fmt.Sprintf("content/planer/plan-%04d/indsats-%05d.md", p, i), g.indsats(i, 2020+p%5)); err != nil {
			return err
		}
	}
	for s := range max(n/10, 1) {
		i := g.r.IntN(n)
		if err := write(fmt.Sprintf("content/historier/historie-%05d.md", s),
			fmt.Sprintf("+++\ntitle = %s\ndato = 2022-%02d-%02d\nindsats = \"plan-%04d/indsats-%05d\"\nforfatter = %s\n+++\n%s\n\n%s\n",
				q("Historie: "+g.sentence(5)), 1+g.r.IntN(12), 1+g.r.IntN(28), i%plans, i, q(g.pick(roles)), g.paragraph(), g.paragraph())); err != nil {
			return err
		}
	}
	return nil
}
