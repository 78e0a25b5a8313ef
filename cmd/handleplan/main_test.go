package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// repo is the repository root, which holds the demo site.
const repo = "../.."

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

// copySite copies the demo site (config.toml and content/) to a temp
// folder, so tests can break it.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	os.CopyFS(filepath.Join(dst, "content"), os.DirFS(filepath.Join(repo, "content")))
	b, err := os.ReadFile(filepath.Join(repo, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dst, "config.toml"), b, 0o644)
	return dst
}

func TestBuildDemo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI(t, "build", "-s", repo, "-d", out, "--now", "2026-11-25")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// The demo is Danish, so the CLI speaks Danish.
	if !strings.Contains(stdout, " sider, ") || !strings.Contains(stdout, "bemærk: ") {
		t.Errorf("stdout: %s", stdout)
	}
	files := snapshot(t, out)
	for _, want := range []string{"index.html", "planer/auning-allingaabro/index.html", "planer/torvevej-2017/index.html",
		"planer/eksempelhuset-2025/index.html", "404.html", "assets/style.css", "historier/eksempel-have.svg"} {
		if _, ok := files[filepath.FromSlash(want)]; !ok {
			t.Errorf("missing %s", want)
		}
	}
	// Both seed plans with their full text (a sample of sentences from
	// every column), and the example.
	// The words as a reader sees them, without the soft hyphens the build
	// puts into long words in table cells and headings.
	auning := strings.ReplaceAll(files[filepath.FromSlash("planer/auning-allingaabro/index.html")], "\u00ad", "")
	for _, s := range []string{"Organisation og ledelse", "kriterium 9, indikator 9.b og 9.c", "Sygefraværet skal reduceres til 5-6 procent.",
		"Trio-samarbejde genetableres", "Forløbet er opstartet og kører frem til sommeren 2022", "Konstitueret aftaleholder",
		"Borgerne oplever øget stabilitet og trivsel", "Indførelse af LA2 metode i botilbud", "kriterium 10, indikator 10.b"} {
		if !strings.Contains(auning, s) {
			t.Errorf("Auning plan lacks %q", s)
		}
	}
	torvevej := files[filepath.FromSlash("planer/torvevej-2017/index.html")] + files[filepath.FromSlash("planer/torvevej-2017/fastholdelse.html")]
	for _, s := range []string{"Rekruttering", "Fastholdelse", "under 15 %", "1.2.2018-31.12.2018", "Den gode og professionelle arbejdsplads"} {
		if !strings.Contains(torvevej, s) {
			t.Errorf("Torvevej plan lacks %q", s)
		}
	}
	draft := "Kompetenceudvikling i neuropædagogik" // the example's kladde indsats
	if b, err := os.ReadFile(filepath.Join(repo, "content/planer/eksempelhuset-2025/neuropaedagogik.md")); err != nil || !strings.Contains(string(b), draft) {
		t.Fatal("the draft fixture changed; update this test")
	}
	for p, body := range files {
		if strings.Contains(body, draft) {
			// The example's draft indsats must not be published.
			t.Errorf("%s holds text from a kladde", p)
		}
	}
}

func TestBuildTwiceIdentical(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	t.Setenv("SOURCE_DATE_EPOCH", "1764028800") // 2025-11-25
	for _, d := range []string{a, b} {
		if code, _, stderr := runCLI(t, "build", "-s", repo, "-d", d); code != exitOK {
			t.Fatal(stderr)
		}
	}
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) != len(sb) {
		t.Fatalf("%d files vs %d", len(sa), len(sb))
	}
	for k, v := range sa {
		if sb[k] != v {
			t.Errorf("%s differs between two builds", k)
		}
	}
}

// TestFailedBuildKeepsOutput: a build with errors exits 1, prints
// file:line:col, and leaves the last good output byte for byte.
func TestFailedBuildKeepsOutput(t *testing.T) {
	site := copySite(t)
	out := filepath.Join(site, "public")
	if code, _, stderr := runCLI(t, "build", "-s", site, "--now", "2026-11-25"); code != exitOK {
		t.Fatal(stderr)
	}
	before := snapshot(t, out)
	bad := map[string]string{
		"unknown key":  "+++\ntitle = \"X\"\nmal = [\"a\"]\n+++\n",
		"yaml":         "---\ntitle: X\n---\n",
		"unclosed":     "+++\ntitle = \"X\"\n",
		"empty":        "",
		"invalid utf8": "+++\ntitle = \"Sygefrav\xe6r\"\n+++\n",
		"cpr":          "+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n+++\nBorger 0102801234.\n",
	}
	file := filepath.Join(site, "content/planer/eksempelhuset-2025/ny.md")
	for name, src := range bad {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(file, []byte(src), 0o644)
			code, _, stderr := runCLI(t, "build", "-s", site, "--now", "2026-11-25")
			if code != exitContent {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, "content/planer/eksempelhuset-2025/ny.md:") || !strings.Contains(stderr, ": error: ") {
				t.Errorf("stderr lacks file:line: error:\n%s", stderr)
			}
			after := snapshot(t, out)
			if len(after) != len(before) {
				t.Fatalf("output changed: %d files, was %d", len(after), len(before))
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("%s changed", k)
				}
			}
			// Nothing beside it either: no half-written new folder.
			entries, _ := os.ReadDir(site)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") {
					t.Errorf("left behind: %s", e.Name())
				}
			}
			// And a new output folder is not even made.
			fresh := filepath.Join(t.TempDir(), "ny", "ud")
			if code, _, _ := runCLI(t, "build", "-s", site, "-d", fresh, "--now", "2026-11-25"); code != exitContent {
				t.Errorf("-d %s: exit %d, want 1", fresh, code)
			}
			if _, err := os.Stat(filepath.Dir(fresh)); !os.IsNotExist(err) {
				t.Errorf("a failed build made %s", filepath.Dir(fresh))
			}
		})
	}
}

func TestOutputGuards(t *testing.T) {
	site := copySite(t)
	home, _ := os.UserHomeDir()
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "mine.txt"), []byte("x"), 0o644)
	for _, d := range []string{site, filepath.Join(site, "content"), "/", home, filepath.Dir(site), foreign} {
		code, _, stderr := runCLI(t, "build", "-s", site, "-d", d, "--now", "2026-11-25")
		if code != exitUsage {
			t.Errorf("-d %s: exit %d, want 2 (%s)", d, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(foreign, "mine.txt")); err != nil {
		t.Error("a foreign folder was touched")
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"build", "--nope"}, {"build", "extra"}, {"build", "--now", "25.11.2026"},
		{"build", "-s", "/no/such/site"}, {"new"}, {"new", "ting", "x.md"}, {"period"}, {"check", "-s"}} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "handleplan build") {
		t.Error("help")
	}
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "handleplan ") {
		t.Error("version")
	}
}

func TestCheck(t *testing.T) {
	if code, out, stderr := runCLI(t, "check", "-s", repo, "--now", "2026-11-25"); code != exitOK || !strings.Contains(out, "ok:") {
		t.Errorf("check: %d %s %s", code, out, stderr)
	}
}

func TestNewScaffoldsCheck(t *testing.T) {
	site := t.TempDir()
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{
		{"new", "-s", site, "plan", "ny-plan"},
		{"new", "-s", site, "indsats", "ny-plan/foerste-indsats"},
		{"new", "-s", site, "indsats", "ny-plan/Økonomi og budget.md"},
		{"new", "-s", site, "historie", "ny-historie"},
		{"new", "-s", site, "side", "økonomi"},
	} {
		if code, _, stderr := runCLI(t, args...); code != exitOK {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	for _, want := range []struct{ path, title string }{
		{"content/planer/ny-plan/_index.md", `title = "Ny plan"`},
		{"content/planer/ny-plan/oekonomi-og-budget.md", `title = "Økonomi og budget"`},
		{"content/sider/oekonomi.md", `title = "Økonomi"`},
		{"content/historier/ny-historie.md", `title = "Ny historie"`},
	} {
		data, err := os.ReadFile(filepath.Join(site, want.path))
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) || !strings.Contains(string(data), want.title+"\n") {
			t.Errorf("%s: want %s in valid UTF-8, got\n%s", want.path, want.title, data)
		}
		if strings.Contains(string(data), "%!") {
			t.Errorf("%s: a format verb went wrong:\n%s", want.path, data)
		}
	}
	if code, _, _ := runCLI(t, "new", "-s", site, "indsats", "ny-plan/foerste-indsats"); code != exitUsage {
		t.Error("new overwrote an existing file")
	}
	if code, _, stderr := runCLI(t, "new", "-s", site, "indsats", "ingen-plan/x"); code != exitUsage || !strings.Contains(stderr, "handleplan new plan ingen-plan") {
		t.Errorf("an indsats in a missing plan: %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "new", "-s", site, "side", "!!!"); code != exitUsage {
		t.Error("an id of no letters was accepted")
	}
	code, _, stderr := runCLI(t, "check", "--strict", "-s", site, "--now", "2026-11-25")
	if code != exitOK {
		t.Errorf("scaffolded files do not pass check --strict:\n%s", stderr)
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nyt sted")
	if code, out, stderr := runCLI(t, "init", dir); code != exitOK || !strings.Contains(out, "LÆSMIG.md") {
		t.Fatalf("init: %d %s %s", code, out, stderr)
	}
	for _, f := range []string{"config.toml", "LÆSMIG.md", "content/_index.md", "content/sider/tilgaengelighed.md",
		"content/planer/min-plan/_index.md", "content/planer/min-plan/foerste-indsats.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := runCLI(t, "check", "--strict", "-s", dir); code != exitOK {
		t.Errorf("a new site does not pass check --strict:\n%s", stderr)
	}
	if code, _, stderr := runCLI(t, "build", "-s", dir); code != exitOK {
		t.Errorf("a new site does not build:\n%s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	if code, _, _ := runCLI(t, "init", dir); code != exitUsage {
		t.Error("init over an existing site")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "config.toml")); string(after) != string(before) {
		t.Error("init changed an existing config.toml")
	}
}

func TestExport(t *testing.T) {
	code, out, stderr := runCLI(t, "export", "-s", repo, "--now", "2026-11-25")
	if code != exitOK {
		t.Fatal(stderr)
	}
	var site struct {
		Plans []struct {
			ID        string
			Indsatser []struct {
				ID, Status  string
				Temaer      []string
				Indikatorer []string
				Aktiviteter []struct {
					Hvad, Hvornaar string
					Start, Slut    *string
					Kind           *string
				}
			}
		}
		Historier []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &site); err != nil {
		t.Fatal(err)
	}
	if len(site.Plans) != 4 || len(site.Historier) == 0 {
		t.Fatalf("plans %d, stories %d", len(site.Plans), len(site.Historier))
	}
	found := false
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			for _, a := range i.Aktiviteter {
				if strings.Contains(a.Hvornaar, "1. kvartal 2022") && a.Start != nil && *a.Start == "2022-01-01" && *a.Slut == "2022-03-31" && *a.Kind == "periode" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Error("export lacks the reading of '1. kvartal 2022'")
	}
}

// TestExportReport: a status nobody wrote is null, not "planlagt"; the
// plan's report, its closing, the påbud and the follow-ups are exported;
// overdue is judged as of status_pr.
func TestExportReport(t *testing.T) {
	code, out, stderr := runCLI(t, "export", "-s", repo, "--now", "2026-11-25")
	if code != exitOK {
		t.Fatal(stderr)
	}
	var site struct {
		StatusPr string `json:"status_pr"`
		Plans    []struct {
			ID               string
			Lukket           bool
			Afsluttet        *string
			Godkendt         *string
			GodkendtAf       string   `json:"godkendt_af"`
			Tilsynsbesoeg    []string `json:"tilsynsbesoeg"`
			RapportDato      *string  `json:"rapport_dato"`
			RapportReference string   `json:"rapport_reference"`
			RapportLink      string   `json:"rapport_link"`
			TilbudsportalID  string   `json:"tilbudsportal_id"`
			Indsatser        []struct {
				ID            string
				Status        *string
				Overskredet   bool
				FristPasseret bool    `json:"frist_passeret"`
				Grundlag      *string `json:"grundlag"`
				PaabudFrist   *string `json:"paabud_frist"`
				Opfoelgning   []struct {
					Dato *string
					Fund string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &site); err != nil {
		t.Fatal(err)
	}
	if site.StatusPr != "2026-11-25" {
		t.Errorf("status_pr = %q", site.StatusPr)
	}
	plans := map[string]int{}
	for n, p := range site.Plans {
		plans[p.ID] = n
	}
	torvevej := site.Plans[plans["torvevej-2017"]]
	for _, i := range torvevej.Indsatser {
		if i.Status != nil || i.Overskredet || !i.FristPasseret {
			t.Errorf("torvevej %s: status %v, overskredet %v, frist_passeret %v; want null, false, true", i.ID, i.Status, i.Overskredet, i.FristPasseret)
		}
	}
	ex := site.Plans[plans["eksempelhuset-2025"]]
	if ex.Lukket || ex.Afsluttet != nil || ex.Godkendt == nil || *ex.Godkendt != "2025-03-20" || ex.GodkendtAf == "" ||
		strings.Join(ex.Tilsynsbesoeg, ",") != "2024-11-12,2024-11-26" || ex.RapportDato == nil || ex.RapportReference == "" ||
		!strings.HasPrefix(ex.RapportLink, "https://") || ex.TilbudsportalID == "" {
		t.Errorf("eksempelhuset's report: %+v", ex)
	}
	var paabud, opf bool
	for _, i := range ex.Indsatser {
		if i.Grundlag != nil && *i.Grundlag == "påbud" && i.PaabudFrist != nil && *i.PaabudFrist == "2026-12-31" {
			paabud = true
		}
		for _, o := range i.Opfoelgning {
			opf = opf || (o.Dato != nil && o.Fund != "")
		}
	}
	if !paabud || !opf {
		t.Errorf("export lacks the påbud (%v) or a follow-up (%v)", paabud, opf)
	}
}

func TestPeriodCommand(t *testing.T) {
	code, out, _ := runCLI(t, "period", "--json", "1. kvartal 2022")
	if code != 0 || out != `{"start":"2022-01-01","slut":"2022-03-31","kind":"periode"}`+"\n" {
		t.Errorf("period --json: %d %q", code, out)
	}
	code, _, stderr := runCLI(t, "period", "31.2.2022")
	if code != exitContent || !strings.Contains(stderr, "findes ikke") {
		t.Errorf("impossible date: %d %q", code, stderr)
	}
	code, out, _ = runCLI(t, "period", "--ref", "2022-01-15", "start", "nu", "og", "løbende")
	if code != 0 || !strings.Contains(out, "15.1.2022") {
		t.Errorf("--ref: %d %q", code, out)
	}
	// Without a year: the first such time on or after --ref (issue 14).
	code, out, _ = runCLI(t, "period", "--json", "--ref", "2022-04-02", "senest 1. april")
	if code != 0 || out != `{"start":null,"slut":"2023-04-01","kind":"frist"}`+"\n" {
		t.Errorf("yearless after --ref: %d %q", code, out)
	}
	code, _, stderr = runCLI(t, "period", "inden jul")
	if code != exitContent || !strings.Contains(stderr, "mangler et årstal") || !strings.Contains(stderr, "inden jul 2021") {
		t.Errorf("yearless without --ref: %d %q", code, stderr)
	}
	code, out, _ = runCLI(t, "period", "--json", "efter sommerferien 2022")
	if code != 0 || out != `{"start":"2022-08-08","slut":null,"kind":"tidligst"}`+"\n" {
		t.Errorf("tidligst: %d %q", code, out)
	}
}

func TestBundleCommand(t *testing.T) {
	site := copySite(t)
	out := filepath.Join(t.TempDir(), "b.zip")
	if code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", out, "--now", "2026-11-25"); code != exitOK {
		t.Fatalf("bundle: %d %s", code, stderr)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatal("no zip")
	}
	// Replaced atomically: no temporary file left beside it.
	runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", out, "--now", "2026-11-25")
	if left, _ := filepath.Glob(out + ".tmp-*"); len(left) > 0 {
		t.Errorf("temp files left: %v", left)
	}
	code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "findes-ikke", "-o", out)
	if code != exitUsage || !strings.Contains(stderr, "auning-allingaabro") {
		t.Errorf("unknown plan: %d %s", code, stderr)
	}
	for _, args := range [][]string{
		{"bundle", "-s", site, "--plan", "torvevej-2017", "-o", filepath.Join(site, "content", "x.zip")},
		{"bundle", "-s", site, "--plan", "torvevej-2017", "--drafts"},
		{"bundle", "-s", site},
	} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// Content that fails the CPR guard gives no bundle.
	os.WriteFile(filepath.Join(site, "content/planer/torvevej-2017/cpr.md"), []byte("+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n+++\n010280-1234\n"), 0o644)
	bad := filepath.Join(t.TempDir(), "bad.zip")
	if code, _, _ := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", bad); code != exitContent {
		t.Errorf("CPR: exit %d, want 1", code)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a bundle was written from content that fails the CPR guard")
	}
}
