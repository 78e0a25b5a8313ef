package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// serve --open starts the browser the way each system has one.
func TestOpenCommand(t *testing.T) {
	url := "http://127.0.0.1:1313/soeg/?q=a&b=c"
	for _, c := range []struct {
		goos string
		want []string
	}{
		{"windows", []string{"rundll32", "url.dll,FileProtocolHandler", url}},
		{"darwin", []string{"open", url}},
		{"ios", []string{"open", url}},
		{"linux", []string{"xdg-open", url}},
		{"freebsd", []string{"xdg-open", url}},
		{"openbsd", []string{"xdg-open", url}},
		{"", []string{"xdg-open", url}},
	} {
		name, args := openCommand(c.goos, url)
		if got := append([]string{name}, args...); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.goos, got, c.want)
		}
	}
}

func TestWindowsLike(t *testing.T) {
	for _, c := range []struct {
		p     string
		other bool // on Linux or macOS
	}{
		{`C:\Users\leder\mit-sted`, true},
		{`c:\x`, true},
		{`D:`, true},
		{`D:public`, true},
		{`C:/Users/leder`, true},
		{`mit-sted\content`, true},
		{`\\server\share\site`, true},
		{`./mit-sted`, false},
		{`/home/leder/mit-sted`, false},
		{`mit-sted`, false},
		{`1:2`, false},
		{`æ:`, false},
		{``, false},
	} {
		if got := windowsLike("linux", c.p); got != c.other {
			t.Errorf("windowsLike(linux, %q) = %v", c.p, got)
		}
		if got := windowsLike("darwin", c.p); got != c.other {
			t.Errorf("windowsLike(darwin, %q) = %v", c.p, got)
		}
		if windowsLike("windows", c.p) {
			t.Errorf("windowsLike(windows, %q): every path is native there", c.p)
		}
	}
}

// Paths typed as on Windows give sane results on every system: an id
// with a backslash is read as PLAN\ID, and on another system a Windows
// path that does not exist is refused with a hint rather than made into
// a folder called "D:\public".
func TestWindowsPathsOnTheCommandLine(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	if code, _, stderr := runCLI(t, "init", "mit-sted"); code != exitOK {
		t.Fatal(stderr)
	}
	before := entries(t, work)

	// new indsats PLAN\ID, as a Windows user types it.
	code, stdout, stderr := runCLI(t, "new", "-s", "mit-sted", "indsats", `min-plan\sygefravær`)
	want := filepath.Join("mit-sted", "content", "planer", "min-plan", "sygefravaer.md")
	if code != exitOK || !strings.Contains(stdout, want) {
		t.Fatalf("new indsats min-plan\\sygefravær: %d %q %q, want %s", code, stdout, stderr, want)
	}
	if code, stdout, stderr := runCLI(t, "check", "--strict", "-s", "mit-sted", "--now", "2026-11-25"); code != exitOK {
		t.Errorf("the new indsats does not pass check --strict:\n%s%s", stdout, stderr)
	}
	// A backslash in --plan is not a folder: the id it would be.
	code, _, stderr = runCLI(t, "import", "-s", "mit-sted", "--plan", `min\plan`, filepath.Join(work, "..", "findes-ikke.docx"))
	if code != exitUsage || !strings.Contains(stderr, "min-plan") {
		t.Errorf("import --plan min\\plan: %d %q", code, stderr)
	}

	if runtime.GOOS == "windows" {
		// There these are native paths; the cases below are for the
		// other systems.
		return
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"site with a drive", []string{"build", "-s", `C:\Users\leder\mit-sted`}, "Windows-sti med drevbogstav"},
		{"output with a drive", []string{"build", "-s", "mit-sted", "-d", `D:\public`}, "Windows-sti med drevbogstav"},
		{"output with backslashes", []string{"build", "-s", "mit-sted", "-d", `ud\public`}, "fx ud/public"},
		{"check", []string{"check", "-s", `mit-sted\`}, "fx mit-sted/"},
		{"serve", []string{"serve", "-s", `C:\mit-sted`, "--port", "0"}, "Windows-sti"},
		{"bundle", []string{"bundle", "-s", "mit-sted", "--plan", "min-plan", "-o", `C:\Users\leder\plan.zip`}, "Windows-sti"},
		{"import", []string{"import", "-s", "mit-sted", `C:\Users\leder\Dokumenter\plan.docx`}, "Windows-sti"},
		{"import relative", []string{"import", "-s", "mit-sted", `Dokumenter\plan.docx`}, "fx Dokumenter/plan.docx"},
		{"new", []string{"new", "-s", `C:\mit-sted`, "side", "om"}, "Windows-sti"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != exitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("%q: %d %q, want %d and %q", c.args, code, stderr, exitUsage, c.want)
			}
		})
	}
	if after := entries(t, work); !slices.Equal(after, before) {
		t.Errorf("a refused path made something in the current folder: %q → %q", before, after)
	}

	// A file that is really called so on this system is the user's.
	odd := filepath.Join(work, `plan\2026.docx`)
	os.WriteFile(odd, []byte("ikke en docx"), 0o644)
	if code, _, stderr := runCLI(t, "import", "-s", "mit-sted", odd); code != exitUsage || !strings.Contains(stderr, "er ikke en Word-fil") {
		t.Errorf("an existing file with a backslash in its name: %d %q", code, stderr)
	}
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// File names as Windows and macOS users have them: æøå, precomposed or
// not, and CRLF line ends. The build names the file as it is on disk and
// suggests the id it accepts; CRLF content builds.
func TestDanishFileNamesAndCRLF(t *testing.T) {
	site := filepath.Join(t.TempDir(), "mit-sted")
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	dir := filepath.Join(site, "content", "planer", "min-plan")
	crlf := "+++\r\ntitle = \"Økonomi\"\r\nindikatorer = [\"9.b\"]\r\n\r\n[[aktivitet]]\r\nhvad = \"Budget\"\r\nhvornaar = \"1. kvartal 2027\"\r\n+++\r\nTekst med æøå.\r\n"
	os.WriteFile(filepath.Join(dir, "oekonomi.md"), []byte(crlf), 0o644)
	if code, stdout, stderr := runCLI(t, "check", "--strict", "-s", site, "--now", "2026-11-25"); code != exitOK {
		t.Fatalf("CRLF content does not pass check --strict:\n%s%s", stdout, stderr)
	}
	os.Remove(filepath.Join(dir, "oekonomi.md"))
	os.WriteFile(filepath.Join(dir, "økonomi.md"), []byte(crlf), 0o644)
	os.WriteFile(filepath.Join(dir, "pa\u030abud.md"), []byte(strings.ReplaceAll(crlf, "Økonomi", "Påbud")), 0o644)
	code, _, stderr := runCLI(t, "check", "-s", site, "--now", "2026-11-25")
	if code != exitContent {
		t.Fatalf("check: %d %s", code, stderr)
	}
	for _, want := range []string{
		"content/planer/min-plan/økonomi.md: error:", `til "oekonomi"`,
		"content/planer/min-plan/pa\u030abud.md: error:", `til "paabud"`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check lacks %q:\n%s", want, stderr)
		}
	}
}
