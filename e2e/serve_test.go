package e2e

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/e2e/browser"
)

// handleplanBinary builds the real command once per test.
func handleplanBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "handleplan")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/handleplan")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// serveSite copies the demo site to a temp folder, starts `handleplan
// serve --port 0` on it and returns the folder and the server's URL.
func serveSite(t *testing.T, bin string) (string, string) {
	t.Helper()
	site := t.TempDir()
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	cfg, _ := os.ReadFile("../config.toml")
	os.WriteFile(filepath.Join(site, "config.toml"), cfg, 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", "-s", site, "--port", "0", "--now", "2026-11-25")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := urlRE.FindString(sc.Text()); u != "" {
				found <- u
			}
		}
	}()
	select {
	case u := <-found:
		return site, u
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not print its address")
	}
	return "", ""
}

func TestServeLiveReloadInBrowser(t *testing.T) {
	bin := handleplanBinary(t)
	site, base := serveSite(t, bin)
	b := browser.New(t)
	page := b.Open(t, base+"planer/eksempelhuset-2025/sygefravaer.html", 1200)
	if err := page.WaitText("Sygefravær", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(site, "content/planer/eksempelhuset-2025/sygefravaer.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// The event stream is connected before the first edit.
	waitFor(t, page, "the live-reload event stream connects", `document.documentElement.getAttribute("data-livereload") === "connected"`)

	// Edit the body: the open page shows the new text by itself.
	// The body starts after the closing +++.
	end := strings.Index(string(orig), "\n+++\n") + len("\n+++\n")
	edited := string(orig[:end]) + "LIVE-RETTELSE i brødteksten.\n\n" + string(orig[end:])
	os.WriteFile(file, []byte(edited), 0o644)
	if err := page.WaitText("LIVE-RETTELSE i brødteksten.", 10*time.Second); err != nil {
		t.Fatalf("the edit did not appear without a reload: %v", err)
	}

	// Break the front matter: an overlay names the file and line.
	broken := strings.Replace(edited, "title = ", "titel = ", 1)
	os.WriteFile(file, []byte(broken), 0o644)
	if err := page.WaitText("content/planer/eksempelhuset-2025/sygefravaer.md:", 10*time.Second); err != nil {
		t.Fatalf("no overlay with the file position: %v", err)
	}
	text, _ := page.Text()
	line := 0
	for i, l := range strings.Split(broken, "\n") {
		if strings.HasPrefix(l, "titel = ") {
			line = i + 1
		}
	}
	if !strings.Contains(text, "sygefravaer.md:"+strconv.Itoa(line)) || !strings.Contains(text, `"titel"`) || !strings.Contains(text, `"title"`) {
		t.Errorf("overlay lacks the position (line %d), the key or the hint:\n%.800s", line, text)
	}
	// The last good page is still under the overlay.
	if !strings.Contains(text, "LIVE-RETTELSE") {
		t.Error("the last good page is gone")
	}

	// Fix it: the overlay goes away and the page is back.
	os.WriteFile(file, orig, 0o644)
	deadline := time.Now().Add(10 * time.Second)
	for {
		text, _ = page.Text()
		if !strings.Contains(text, "LIVE-RETTELSE") && !strings.Contains(text, "sygefravaer.md:") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not recover:\n%.600s", text)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if errs := page.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
