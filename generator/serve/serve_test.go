package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
	"github.com/handleplan/handleplan/generator/watch"
)

// startSite writes the minimal test site to a temp folder and serves it
// with a real watcher, as `handleplan serve` does.
func startSite(t *testing.T) (dir string, ts *httptest.Server, srv *Server) {
	t.Helper()
	dir = t.TempDir()
	for name, f := range sitetest.Parse(sitetest.Minimal) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv = New(Options{Site: dir, Theme: handleplan.Theme,
		Build: site.Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)}})
	srv.Rebuild(nil)
	w, err := watch.New(dir, 50*time.Millisecond, srv.Rebuild, func(err error) { t.Log(err) })
	if err != nil {
		t.Fatal(err)
	}
	ts = httptest.NewServer(srv)
	t.Cleanup(func() { ts.Close(); w.Close() })
	return dir, ts, srv
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// patience is how long a test waits for the server to reach a state: far
// longer than a build takes under -race on a machine whose cores are all
// busy, so that a test fails only when the state never comes.
const patience = time.Minute

// eventually polls url until its body contains want.
func eventually(t *testing.T, url, want string, wantStatus int) {
	t.Helper()
	deadline := time.Now().Add(patience)
	var body string
	var code int
	for time.Now().Before(deadline) {
		code, body, _ = get(t, url)
		if code == wantStatus && strings.Contains(body, want) {
			return
		}
		time.Sleep(30 * time.Millisecond)
	}
	t.Fatalf("GET %s: status %d, body lacks %q:\n%.600s", url, code, want, body)
}

func TestServeBasics(t *testing.T) {
	_, ts, _ := startSite(t)
	code, body, h := get(t, ts.URL+"/")
	if code != 200 || !strings.Contains(body, "Plan A") || !strings.Contains(body, scriptTag) {
		t.Fatalf("front page: %d %.300s", code, body)
	}
	if ct := h.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	for p, ct := range map[string]string{"/assets/style.css": "text/css; charset=utf-8", "/assets/favicon.svg": "image/svg+xml",
		"/__handleplan/livereload.js": "text/javascript; charset=utf-8", "/planer/plan-a/": "text/html; charset=utf-8",
		"/planer/plan-a": "text/html; charset=utf-8"} {
		code, _, h := get(t, ts.URL+p)
		if code != 200 || h.Get("Content-Type") != ct {
			t.Errorf("GET %s: %d %q, want 200 %q", p, code, h.Get("Content-Type"), ct)
		}
	}
	code, body, _ = get(t, ts.URL+"/findes/ikke.html")
	if code != 404 || !strings.Contains(body, "Siden findes ikke") || !strings.Contains(body, `<base href="/">`) {
		t.Errorf("404: %d %.200s", code, body)
	}
}

func TestTraversal(t *testing.T) {
	dir, ts, _ := startSite(t)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "hemmelig.txt"), []byte("HEMMELIG"), 0o644)
	hostile := []string{
		"/../hemmelig.txt", "/..%2fhemmelig.txt", "/%2e%2e/hemmelig.txt", "/%2e%2e%2fhemmelig.txt",
		"/planer/..%5c..%5chemmelig.txt", "/..\\hemmelig.txt", "/%00", "/config.toml", "/content/planer/plan-a/_index.md",
		"//etc/passwd", "/C:/Windows/win.ini", "/planer/%2e%2e/%2e%2e/config.toml", "/.%2e/.%2e/hemmelig.txt",
	}
	for _, p := range hostile {
		// Send the raw path: http.Get would clean some of it.
		req, _ := http.NewRequest("GET", ts.URL, nil)
		req.URL.Opaque = p
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		// 403: "//etc/passwd" is sent with Host "etc", a name the
		// server does not answer for.
		if resp.StatusCode != 404 && resp.StatusCode != 400 && resp.StatusCode != 403 || strings.Contains(string(b), "HEMMELIG") || strings.Contains(string(b), "title =") {
			t.Errorf("GET %s: status %d, body %.100q", p, resp.StatusCode, b)
		}
	}
}

func TestEditBreakFix(t *testing.T) {
	dir, ts, _ := startSite(t)
	file := filepath.Join(dir, "content/planer/plan-a/sygefravaer.md")
	page := ts.URL + "/planer/plan-a/sygefravaer.html"
	orig, _ := os.ReadFile(file)

	// Edit the body: the page shows the new text.
	os.WriteFile(file, []byte(strings.Replace(string(orig), "Sygefraværet er højt.", "Sygefraværet er faldet.", 1)), 0o644)
	eventually(t, page, "Sygefraværet er faldet.", 200)

	// Break the front matter: the last good page is still served, and the
	// event stream carries the diagnostic with its position. The watcher
	// may see the write in two steps (the file emptied, then written), so
	// an errors event about the empty file may come first: wait for the
	// one about the file as written.
	events := subscribe(t, ts.URL)
	os.WriteFile(file, []byte("+++\ntitle = \"X\"\nmal = [\"a\"]\n+++\nNy tekst\n"), 0o644)
	events.nextWith(t, "errors", "content/planer/plan-a/sygefravaer.md:3", "maal")
	if _, body, _ := get(t, page); !strings.Contains(body, "Sygefraværet er faldet.") {
		t.Error("the last good page is not served while the build fails")
	}
	// A new page load also gets the errors.
	late := subscribe(t, ts.URL)
	late.nextWith(t, "errors", "content/planer/plan-a/sygefravaer.md:3", "maal")

	// Fix it: the page reloads with the new text.
	os.WriteFile(file, orig, 0o644)
	events.next(t, "reload")
	eventually(t, page, "Sygefraværet er højt.", 200)

	// Rename-over-save of a new file, and a deletion.
	tmp := filepath.Join(dir, "content/planer/plan-a/ny.md.tmp")
	os.WriteFile(tmp, []byte("+++\ntitle = \"Ny indsats\"\nindikatorer = [\"9.b\"]\n+++\n"), 0o644)
	os.Rename(tmp, filepath.Join(dir, "content/planer/plan-a/ny.md"))
	eventually(t, ts.URL+"/planer/plan-a/ny.html", "Ny indsats", 200)
	os.Remove(filepath.Join(dir, "content/planer/plan-a/ny.md"))
	eventually(t, ts.URL+"/planer/plan-a/ny.html", "", 404)

	// A CSS-only change swaps the stylesheet without a reload.
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "assets/style.css"), []byte("body{color:red}"), 0o644)
	events.next(t, "css")

	// Deleting the whole content folder does not stop the server. The
	// watcher may see the deletion in steps, and a step may build (a site
	// without this indsats), so the last good site is any of them: its
	// front page is there.
	os.RemoveAll(filepath.Join(dir, "content"))
	events.next(t, "errors")
	if code, _, _ := get(t, ts.URL+"/"); code != 200 {
		t.Errorf("after deleting content/, the last good front page gives %d", code)
	}
}

type stream struct {
	lines chan string
}

func subscribe(t *testing.T, base string) *stream {
	t.Helper()
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	s := &stream{lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var name string
		for sc.Scan() {
			l := sc.Text()
			switch {
			case strings.HasPrefix(l, "event: "):
				name = strings.TrimPrefix(l, "event: ")
			case strings.HasPrefix(l, "data: "):
				s.lines <- name + " " + strings.TrimPrefix(l, "data: ")
			}
		}
		close(s.lines)
	}()
	return s
}

// next waits for an event of the given name and returns its data.
func (s *stream) next(t *testing.T, name string) string {
	t.Helper()
	return s.nextWith(t, name)
}

// nextWith waits for an event of the given name whose data contains every
// string in want, skipping the others, and returns its data.
func (s *stream) nextWith(t *testing.T, name string, want ...string) string {
	t.Helper()
	timeout := time.After(patience)
	var last string
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				t.Fatalf("event stream closed waiting for %s %q", name, want)
			}
			data, found := strings.CutPrefix(l, name+" ")
			if !found {
				continue
			}
			last = data
			if containsAll(data, want) {
				return data
			}
		case <-timeout:
			t.Fatalf("no %s event with %q; the last was: %.600s", name, want, last)
		}
	}
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

func TestChangeKind(t *testing.T) {
	a := map[string][]byte{"index.html": []byte(`<link href="assets/style.css?v=0011aabb">x`), "assets/style.css": []byte("a")}
	b := map[string][]byte{"index.html": []byte(`<link href="assets/style.css?v=ffee0011">x`), "assets/style.css": []byte("b")}
	c := map[string][]byte{"index.html": []byte(`<link href="assets/style.css?v=ffee0011">y`), "assets/style.css": []byte("b")}
	if k := changeKind(a, a); k != "" {
		t.Errorf("same: %q", k)
	}
	if k := changeKind(a, b); k != "css" {
		t.Errorf("css only: %q", k)
	}
	if k := changeKind(a, c); k != "reload" {
		t.Errorf("page text: %q", k)
	}
	if k := changeKind(nil, a); k != "reload" {
		t.Errorf("first: %q", k)
	}
}

// A site that fails its first build still gets its overlay in the
// language its config.toml names.
func TestOverlayLanguageOnFailedFirstBuild(t *testing.T) {
	dir := t.TempDir()
	for name, f := range sitetest.Parse(sitetest.Minimal) {
		data := f.Data
		if name == "config.toml" {
			data = append([]byte("language = \"en\"\n"), data...)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "content/sider/brudt.md"), []byte("+++\ntitle = \n+++\n"), 0o644)
	srv := New(Options{Site: dir, Theme: handleplan.Theme, Build: site.Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)}})
	srv.Rebuild(nil)
	if got := string(srv.errorsJSON()); !strings.Contains(got, "The site cannot be built") {
		t.Errorf("overlay = %s", got)
	}
}

// TestShutdownEndsEventStreams: with CloseEvents registered, Shutdown
// returns as soon as the open event streams are ended, instead of waiting
// for its deadline (Ctrl-C took 2 s with a page open).
func TestShutdownEndsEventStreams(t *testing.T) {
	_, _, srv := startSite(t)
	hs := &http.Server{Handler: srv}
	hs.RegisterOnShutdown(srv.CloseEvents)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	resp, err := http.Get("http://" + ln.Addr().String() + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("event stream: %s", resp.Status)
	}
	deadline := time.Now().Add(30 * time.Second)
	for srv.Clients() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the event stream never opened")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// A deadline far longer than a busy machine needs: Shutdown must end
	// because the stream ended, which the returned error tells.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown waited for its deadline: %v", err)
	}
}

// The overlay goes to every open tab: the message and the offending line
// show a CPR-like number masked.
func TestOverlayMasksCPR(t *testing.T) {
	dir := t.TempDir()
	for name, f := range sitetest.Parse(sitetest.Minimal) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "content/planer/plan-a/x.md"),
		[]byte("+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\nstatus = \"010203-1234\"\n+++\nBorger 0102&#48;31234.\n"), 0o644)
	srv := New(Options{Site: dir, Theme: handleplan.Theme, Build: site.Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)}})
	srv.Rebuild(nil)
	got := string(srv.errorsJSON())
	if !strings.Contains(got, "01xxxx-xxxx") || !strings.Contains(got, `"source"`) {
		t.Fatalf("overlay lacks the masked number or the source line: %s", got)
	}
	for _, n := range []string{"0203-1234", "&#48;31234", "031234"} {
		if strings.Contains(got, n) {
			t.Errorf("overlay shows %q: %s", n, got)
		}
	}
}
