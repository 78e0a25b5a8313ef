package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/search"
)

// copyDemo copies the demo site (config.toml, with a baseURL, and
// content/) into a temp folder.
func copyDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	// With a baseURL, so that the feed and the sitemap are built too.
	cfg = append([]byte("baseURL = \"https://example.org/handleplaner/\"\n"), cfg...)
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// markdownFiles lists the Markdown files under dir/content.
func markdownFiles(dir string) []string {
	var files []string
	fs.WalkDir(os.DirFS(dir), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	return files
}

// startSession copies the demo and builds it in a new session.
func startSession(t *testing.T) (string, *Session, served, time.Time) {
	dir := copyDemo(t)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := NewSession(os.DirFS(dir), handleplan.Theme, Options{})
	var got served
	got.apply(t, s.Build(nil, now), s)
	return dir, s, got, now
}

// served follows a session's updates the way the dev server does.
type served map[string][]byte

// apply takes in an update of session, and finishes the search index
// when the update left it pending.
func (s *served) apply(t *testing.T, u Update, session *Session) {
	t.Helper()
	if u.Diags.HasErrors() {
		t.Fatalf("build failed:\n%v", u.Diags)
	}
	if u.How == "full" {
		*s = u.Files
		return
	}
	for p, b := range u.Changed {
		(*s)[p] = b
	}
	for _, p := range u.Removed {
		delete(*s, p)
	}
	if u.SearchPending {
		s.apply(t, session.FinishSearch(), session)
	}
}

// sameAsFull fails unless what the session serves is byte for byte what
// a full build of the disk gives; it returns that build.
func sameAsFull(t *testing.T, dir string, now time.Time, got served, what string) Result {
	t.Helper()
	res := Build(os.DirFS(dir), handleplan.Theme, Options{Now: now})
	if res.Diags.HasErrors() {
		t.Fatalf("%s: full build failed:\n%v", what, res.Diags)
	}
	want := map[string][]byte{}
	for _, f := range res.Files {
		want[f.Path] = f.Data
	}
	var diffs []string
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			diffs = append(diffs, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, p+" (extra)")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("%s: the incremental output differs from a full build in %d files: %v", what, len(diffs), diffs)
	}
	return res
}

// bodyEdit rewrites the body of a Markdown file and keeps its front
// matter byte for byte.
func bodyEdit(t *testing.T, file, add string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(src, []byte(add)...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bodyStart puts text at the start of the body of a Markdown file.
func bodyStart(t *testing.T, file, add string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(src[3:], []byte("+++\n"))
	if i < 0 {
		t.Fatalf("%s: no closing +++", file)
	}
	i += 3 + 4
	edited := append(append(append([]byte{}, src[:i]...), add...), src[i:]...)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every content file of the demo, its body edited: the session redraws
// only some pages, and the result is what a full build gives. That holds
// only if every page's Deps names every file whose text it shows.
func TestSessionBodyEditsMatchFullBuild(t *testing.T) {
	dir, s, got, now := startSession(t)
	total := len(got)
	files := markdownFiles(dir)
	if len(files) < 15 {
		t.Fatalf("only %d content files", len(files))
	}
	for n, p := range files {
		if n%2 == 0 {
			bodyEdit(t, filepath.Join(dir, p), "\n\nEn ny sætning om *trivsel* og sygefravær, tilføjet i "+p+".\n")
		} else {
			// At the start, where summaries (search, the feed) see it.
			bodyStart(t, filepath.Join(dir, p), "Først en ny sætning om kost.\n\n")
		}
		u := s.Build([]string{p}, now)
		got.apply(t, u, s)
		if u.How != "text" {
			t.Errorf("%s: a body edit took a %s build", p, u.How)
		}
		if u.Drawn >= total/2 {
			t.Errorf("%s: a body edit drew %d pages", p, u.Drawn)
		}
		sameAsFull(t, dir, now, got, p)
	}

	// A second edit of the same file starts from the first.
	p := "content/planer/eksempelhuset-2025/sygefravaer.md"
	bodyEdit(t, filepath.Join(dir, p), "\nOg en til.\n")
	u := s.Build([]string{p}, now)
	if f := s.FinishSearch(); f.Changed["search-index.js"] == nil || !onlySearch(f.ChangedPaths()) {
		t.Errorf("second edit: FinishSearch changed %v", f.ChangedPaths())
	} else {
		got.apply(t, f, s)
	}
	got.apply(t, u, s)
	if u.How != "text" || len(u.Changed) == 0 {
		t.Errorf("second edit: built %q, changed %v", u.How, u.ChangedPaths())
	}
	if slices.ContainsFunc(u.ChangedPaths(), isSearchFile) || !u.SearchPending {
		t.Errorf("second edit: the search index was not left for later: %v", u.ChangedPaths())
	}
	sameAsFull(t, dir, now, got, "second edit")

	// Saving without a change changes nothing.
	u = s.Build([]string{p}, now)
	if u.How != "text" || len(u.Changed) != 0 {
		t.Errorf("unchanged save: built %q, changed %v", u.How, u.ChangedPaths())
	}
}

// What the fast path must leave to a full build.
func TestSessionFallsBackToFullBuild(t *testing.T) {
	dir, s, got, now := startSession(t)
	ind := "content/planer/eksempelhuset-2025/sygefravaer.md"
	path := filepath.Join(dir, ind)
	orig, _ := os.ReadFile(path)

	steps := []struct {
		name   string
		do     func()
		paths  []string
		how    string
		errors bool
	}{
		{"front matter edited", func() {
			os.WriteFile(path, bytes.Replace(orig, []byte(`title = "`), []byte(`title = "Nyt: `), 1), 0o644)
		}, []string{ind}, "content", false},
		{"body edit after it", func() { bodyEdit(t, path, "\nMere.\n") }, []string{ind}, "text", false},
		{"two files at once", func() { bodyEdit(t, path, "\nx\n") }, []string{ind, "content/sider/om.md"}, "content", false},
		{"a CPR number in the body", func() { bodyEdit(t, path, "\nBorger 010190-1234.\n") }, []string{ind}, "content", true},
		// After a failed build the state is not the disk's: full again,
		// even for a body edit.
		{"fixed", func() { os.WriteFile(path, orig, 0o644) }, []string{ind}, "full", false},
		{"broken front matter", func() { os.WriteFile(path, []byte("+++\ntitle = \n+++\n"), 0o644) }, []string{ind}, "content", true},
		{"fixed again", func() { os.WriteFile(path, orig, 0o644) }, []string{ind}, "full", false},
		{"new file", func() {
			os.WriteFile(filepath.Join(dir, "content/sider/ny.md"), []byte("+++\ntitle = \"Ny\"\n+++\nTekst.\n"), 0o644)
		}, []string{"content/sider/ny.md"}, "content", false},
		{"file removed", func() { os.Remove(filepath.Join(dir, "content/sider/ny.md")) }, []string{"content/sider/ny.md"}, "content", false},
		{"a file gone that never was read", func() {}, []string{"content/sider/gammel.md"}, "content", false},
		{"a misplaced file", func() {
			os.WriteFile(filepath.Join(dir, "content/sted.md"), []byte("+++\ntitle = \"x\"\n+++\n"), 0o644)
		}, []string{"content/sted.md"}, "full", true},
		{"removed again", func() { os.Remove(filepath.Join(dir, "content/sted.md")) }, []string{"content/sted.md"}, "full", false},
		{"an image", func() {}, []string{"content/historier/eksempel-have.svg"}, "full", false},
		{"a folder removed", func() {}, []string{"content/planer/gone"}, "full", false},
		{"config", func() {}, []string{"config.toml"}, "full", false},
		{"a layout", func() {}, []string{"layouts/indsats.html"}, "full", false},
	}
	for _, st := range steps {
		st.do()
		u := s.Build(st.paths, now)
		if u.How != st.how {
			t.Errorf("%s: built %q, want %q", st.name, u.How, st.how)
		}
		if u.Diags.HasErrors() != st.errors {
			t.Fatalf("%s: errors = %v:\n%v", st.name, u.Diags.HasErrors(), u.Diags)
		}
		if st.errors {
			continue
		}
		got.apply(t, u, s)
		sameAsFull(t, dir, now, got, st.name)
	}

	// A new day is a full build: what is overdue may have changed.
	bodyEdit(t, path, "\nI morgen.\n")
	if u := s.Build([]string{ind}, now.AddDate(0, 0, 1)); u.How != "full" {
		t.Error("a new day took the fast path")
	}
}

// Edits to front matter, files added and removed: the session reads only
// those files and draws only the pages that may show them, and the result
// is what a full build gives.
func TestSessionContentEditsMatchFullBuild(t *testing.T) {
	dir, s, got, now := startSession(t)
	total := len(got)
	files := markdownFiles(dir)
	rewrite := func(p, old, new string) {
		t.Helper()
		src, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(old)) {
			t.Fatalf("%s has no %q", p, old)
		}
		os.WriteFile(filepath.Join(dir, p), bytes.Replace(src, []byte(old), []byte(new), 1), 0o644)
	}
	step := func(what string, paths ...string) Update {
		t.Helper()
		u := s.Build(paths, now)
		if u.How != "content" {
			t.Errorf("%s: built %q, want \"content\"", what, u.How)
		}
		got.apply(t, u, s)
		sameAsFull(t, dir, now, got, what)
		return u
	}

	// Every file's title, changed and changed back. An indsats' title
	// is what it shows itself: its model is updated in place.
	inPlace := 0
	for _, p := range files {
		before := s.inPlace
		rewrite(p, `title = "`, `title = "Ændret `)
		u := step(p+": title", p)
		wide, named := 0, 0
		for _, pg := range s.st.pages {
			if pg.Wide() {
				wide++
			} else if slices.Contains(pg.Deps, p) {
				named++
			}
		}
		// An indsats shows on its page, its neighbours', its plan's, its
		// stories', its roles' and its status's (pages whose Deps name
		// it), besides the pages that gather from the whole site.
		if strings.Contains(p, "/planer/") && !strings.HasSuffix(p, "_index.md") && u.Drawn > wide+named {
			t.Errorf("%s: a new title drew %d of %d pages (%d gather from the whole site, %d name the file)", p, u.Drawn, total, wide, named)
		}
		rewrite(p, `title = "Ændret `, `title = "`)
		step(p+": title back", p)
		inPlace += s.inPlace - before
	}
	if inPlace == 0 {
		t.Error("no indsats title edit updated the model in place")
	}

	// A title edit leaves the search index, and which page shows which
	// file, for FinishSearch; a body edit right after it, before that,
	// finishes them first.
	ind := "content/planer/eksempelhuset-2025/sygefravaer.md"
	rewrite(ind, `title = "`, `title = "Ændret `)
	first := s.Build([]string{ind}, now)
	if first.How != "content" || !first.SearchPending || slices.ContainsFunc(first.ChangedPaths(), isSearchFile) {
		t.Errorf("a title edit: built %q, search pending %v, changed %v", first.How, first.SearchPending, first.ChangedPaths())
	}
	first.SearchPending = false // not finished: the next Build must
	got.apply(t, first, s)
	bodyEdit(t, filepath.Join(dir, ind), "\n\nEn sætning efter den nye titel.\n")
	if u := s.Build([]string{ind}, now); u.How != "text" || !slices.ContainsFunc(u.ChangedPaths(), isSearchFile) {
		t.Errorf("a body edit after a title edit: built %q, changed %v", u.How, u.ChangedPaths())
	} else {
		got.apply(t, u, s)
	}
	sameAsFull(t, dir, now, got, "a body edit right after a title edit")

	inPlaceStep := func(what string, want bool) {
		t.Helper()
		before := s.inPlace
		step(what, ind)
		if got := s.inPlace > before; got != want {
			t.Errorf("%s: the model updated in place %v, want %v", what, got, want)
		}
	}
	rewrite(ind, `status = "i gang"`, `status = "gennemført"`)
	inPlaceStep("status", true)
	rewrite(ind, `hvem = ["Forstander", "Afdelingsleder",`, `hvem = ["En helt ny rolle", "Forstander", "Afdelingsleder",`)
	inPlaceStep("a new role", false)
	rewrite(ind, `orden = 1`, `orden = 99`)
	inPlaceStep("orden: to the end of the plan", false)
	rewrite(ind, `indikatorer = ["9.c"]`, `indikatorer = ["9.c", "1.a"]`)
	inPlaceStep("another indikator", false)

	story := "content/historier/fredagscafeen.md"
	rewrite(story, `indsats = "eksempelhuset-2025/beboernes-trivsel"`, `indsats = "eksempelhuset-2025/sygefravaer"`)
	step("a story linked elsewhere", story)
	rewrite(story, `dato = 2025-05-23`, `dato = 2019-01-01`)
	step("a story's date", story)

	nyt := "content/planer/eksempelhuset-2025/ny-indsats.md"
	os.WriteFile(filepath.Join(dir, nyt), []byte("+++\ntitle = \"En ny indsats\"\nindikatorer = [\"9.c\"]\nhvem = [\"Forstander\"]\n\n[[aktivitet]]\nhvad = \"Noget\"\nhvornaar = \"2. kvartal 2026\"\n+++\nTekst.\n"), 0o644)
	step("a new indsats", nyt)
	os.Remove(filepath.Join(dir, nyt))
	step("the new indsats removed", nyt)
	os.Remove(filepath.Join(dir, story))
	step("a story removed", story)

	side := "content/sider/ekstra.md"
	os.WriteFile(filepath.Join(dir, side), []byte("+++\ntitle = \"Ekstra\"\norden = 0\n+++\nSide.\n"), 0o644)
	if u := step("a new free page (in every footer)", side); u.Drawn != len(got)-countNonPages(got) {
		t.Errorf("a new free page drew %d pages, want every one", u.Drawn)
	}
}

func countNonPages(files served) int {
	n := 0
	for p := range files {
		if !strings.HasSuffix(p, ".html") {
			n++
		}
	}
	return n
}

// onlySearch reports whether every path is one of the search index's
// files.
func onlySearch(paths []string) bool {
	return !slices.ContainsFunc(paths, func(p string) bool { return !isSearchFile(p) })
}

// isSearchFile reports whether p is one of the search index's files: the
// manifest and its pieces.
func isSearchFile(p string) bool {
	return p == "search-index.js" || strings.HasPrefix(p, search.ShardDir)
}

// An edit of what one indsats shows itself (its texts, times, statuses,
// measurements) updates the model in place (model.Site.UpdateIndsats);
// one that may change more, or that the build has something to say
// of, builds the model again. Either way the output is a full build's.
func TestSessionUpdatesAnIndsatsInPlace(t *testing.T) {
	dir, s, got, now := startSession(t)
	p := "content/planer/eksempelhuset-2025/sygefravaer.md"
	for _, e := range []struct {
		what     string
		old, new string
		inPlace  bool
		body     string // added to the text
	}{
		{"henstilling", `nedbringer det høje sygefravær.`, `nedbringer det meget høje sygefravær.`, true, ""},
		{"a mål", `"Sygefraværet er højst 6 % ved udgangen af 2026.",`, `"Sygefraværet er højst 5 % ved udgangen af 2026.",`, true, ""},
		{"another mål", `"Alle medarbejdere med langvarigt fravær`, `"Et nyt mål.", "Alle medarbejdere med langvarigt fravær`, true, ""},
		{"an activity's hvad", `hvad = "Temadag om arbejdsmiljø`, `hvad = "Heldagsmøde om arbejdsmiljø`, true, ""},
		{"an activity's time", `hvornaar = "ultimo 2026"`, `hvornaar = "medio 2026"`, true, ""},
		{"an activity's status", `status = "planlagt"`, `status = "i gang"`, true, ""},
		{"a time that cannot be read", `hvornaar = "medio 2026"`, `hvornaar = "engang"`, false, ""},
		{"read again", `hvornaar = "engang"`, `hvornaar = "ultimo 2026"`, false, ""},
		{"a follow-up", `målet på højst 6 % er næsten nået.`, `målet er nået.`, true, ""},
		{"a measurement", `["2026-10", 6.2]`, `["2026-10", 5.9]`, true, ""},
		{"a target", "maal = 6\n", "maal = 5\n", true, ""},
		{"dokumentation", `"Status drøftes på hvert møde i MED-udvalget.",`, `"Status drøftes hver måned.",`, true, ""},
		{"effekt", `"Færre vikarer og flere kendte ansigter for beboerne.",`, `"Færre vikarer.",`, true, ""},
		{"a link to a file that is not there", `"Færre vikarer.",`, `"Færre vikarer, se [notatet](notat.pdf).",`, true, ""},
		{"the link gone again", `"Færre vikarer, se [notatet](notat.pdf).",`, `"Færre vikarer.",`, true, ""},
		{"a link to another page", `"Færre vikarer.",`, `"Færre vikarer, se [trivsel](beboernes-trivsel.md).",`, true, ""},
		{"the indsats' status", `status = "i gang"` + "\ngrundlag", `status = "forsinket"` + "\ngrundlag", true, ""},
		{"a tema", `indikatorer = ["9.c"]`, `indikatorer = ["9.c"]` + "\ntema = \"Økonomi\"", false, ""},
		{"an activity more", "[[opfoelgning]]", "[[aktivitet]]\nhvad = \"Ny\"\nhvornaar = \"2026\"\n\n[[opfoelgning]]", false, ""},
		{"an activity's roles", `hvem = ["Arbejdsmiljørepræsentant"]`, `hvem = ["Forstander"]`, false, ""},
		{"the title", "title = \"Sygefravær i personalegruppen\"\n", "title = \"Sygefravær\"\n", true, ""},
		{"the title and the body at once", `title = "Sygefravær"`, `title = "Sygefraværet"`, false, "\nEn ny linje.\n"},
		{"a title with a CPR-like number", `title = "Sygefraværet"`, `title = "Sygefravær 010203-1234"`, false, ""},
	} {
		path := filepath.Join(dir, p)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte(e.old)) {
			t.Fatalf("%s: %s has no %q", e.what, p, e.old)
		}
		os.WriteFile(path, append(bytes.Replace(src, []byte(e.old), []byte(e.new), 1), e.body...), 0o644)
		before := s.inPlace
		u := s.Build([]string{p}, now)
		if e.what == "a title with a CPR-like number" {
			if !u.Diags.HasErrors() || s.inPlace != before {
				t.Errorf("%s: errors %v, in place %v", e.what, u.Diags.HasErrors(), s.inPlace != before)
			}
			continue
		}
		if u.How != "content" {
			t.Errorf("%s: built %q, want \"content\"", e.what, u.How)
		}
		if inPlace := s.inPlace > before; inPlace != e.inPlace {
			t.Errorf("%s: the model updated in place %v, want %v", e.what, inPlace, e.inPlace)
		}
		got.apply(t, u, s)
		if full := sameAsFull(t, dir, now, got, e.what); fmt.Sprint(u.Diags) != fmt.Sprint(full.Diags) {
			t.Errorf("%s: the Session says\n%v\na full build says\n%v", e.what, u.Diags, full.Diags)
		}
	}
}
