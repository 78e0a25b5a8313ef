package e2e

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/e2e/browser"
)

// auningTitles are the plan's indsats titles, read from the content.
func auningTitles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../content/planer/auning-allingaabro/*.md")
	re := regexp.MustCompile(`(?m)^title = "(.*)"$`)
	var titles []string
	for _, f := range files {
		if strings.HasSuffix(f, "_index.md") {
			continue
		}
		b, _ := os.ReadFile(f)
		if m := re.FindSubmatch(b); m != nil {
			titles = append(titles, string(m[1]))
		}
	}
	if len(titles) < 7 {
		t.Fatalf("only %d titles", len(titles))
	}
	return titles
}

func unzip(t *testing.T, file, dir string) {
	t.Helper()
	r, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, f := range r.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		rc, _ := f.Open()
		w, _ := os.Create(p)
		io.Copy(w, rc)
		w.Close()
		rc.Close()
	}
}

// checkPrinted prints page to PDF (A4 landscape) and checks the page size
// and that every title is in the text.
func checkPrinted(t *testing.T, pg *browser.Page, titles []string, name string) {
	t.Helper()
	pdf, err := pg.PrintPDF(true)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), name+".pdf")
	os.WriteFile(f, pdf, 0o644)
	info, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		browser.Unavailable(t, "pdfinfo (poppler-utils) is missing: %v", err)
	}
	if !regexp.MustCompile(`Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)`).Match(info) {
		t.Errorf("%s: not A4 landscape:\n%s", name, info)
	}
	text, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := readable(string(text))
	for _, title := range titles {
		if !strings.Contains(flat, title) {
			t.Errorf("%s: the PDF lacks %q", name, title)
		}
	}
}

func TestBundleFromDisk(t *testing.T) {
	bin := handleplanBinary(t)
	dir := t.TempDir()
	zipFile := filepath.Join(dir, "auning.zip")
	single := filepath.Join(dir, "auning.html")
	for _, args := range [][]string{
		{"bundle", "-s", "..", "--plan", "auning-allingaabro", "-o", zipFile, "--now", "2026-11-25"},
		{"bundle", "-s", "..", "--plan", "auning-allingaabro", "-o", single, "--single-file", "--now", "2026-11-25"},
	} {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	// The same input gives the same bytes.
	again := filepath.Join(dir, "again.zip")
	exec.Command(bin, "bundle", "-s", "..", "--plan", "auning-allingaabro", "-o", again, "--now", "2026-11-25").Run()
	a, _ := os.ReadFile(zipFile)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two bundles differ")
	}

	unzipped := filepath.Join(dir, "ud")
	unzip(t, zipFile, unzipped)
	root := filepath.Join(unzipped, "auning-allingaabro")
	titles := auningTitles(t)
	br := browser.New(t)
	for _, c := range []struct {
		name, file, inside string
	}{
		{"zip", filepath.Join(root, "index.html"), "file://" + filepath.ToSlash(root) + "/"},
		{"single", single, "file://" + filepath.ToSlash(single)},
	} {
		pg := br.Open(t, "file://"+filepath.ToSlash(c.file), 1200)
		if errs := pg.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors: %v", c.name, errs)
		}
		for _, r := range pg.Requests() {
			if !strings.HasPrefix(r, c.inside) && !strings.HasPrefix(r, "data:") {
				t.Errorf("%s: a request leaves the bundle: %s", c.name, r)
			}
		}
		if v := pg.Axe(t); len(v) > 0 {
			t.Error(browser.FormatViolations(c.name, v))
		}
		checkPrinted(t, pg, titles, c.name)
	}
}
