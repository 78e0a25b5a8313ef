package serve

import (
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
)

// hostSite serves the minimal site from memory-built files with the given
// extra host names, and returns its URL and port.
func hostSite(t *testing.T, hosts ...string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, sitetest.Minimal)
	srv := New(Options{Site: dir, Theme: handleplan.Theme, Hosts: hosts,
		Build: site.Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)}})
	srv.Rebuild(nil)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	return ts.URL, port
}

// do sends a GET for path to the server at base with the Host header
// host and the given extra headers, and returns the status and at most
// the first 4 KB of the body.
func do(t *testing.T, base, host, path string, header ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	req.Host = host
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b := make([]byte, 4096)
	n, _ := io.ReadAtLeast(resp.Body, b, 1)
	return resp.StatusCode, string(b[:n])
}

// The server answers only for its own address, the loopback names and
// the names given with --host, each at its own port, so that a page of
// another site that rebinds its name to 127.0.0.1 cannot read the
// preview.
func TestHostHeader(t *testing.T) {
	base, port := hostSite(t, "preview.lan", "other.lan:8080")
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"localhost:" + port, true},
		{"LocalHost.:" + port, true},
		{"[::1]:" + port, true},
		{"preview.lan:" + port, true},
		{"other.lan:8080", true},
		{"evil.example:" + port, false},
		{"127.0.0.1.nip.io:" + port, false},
		{"localhost.evil.example:" + port, false},
		{"evil.example", false},
		{"localhost", false},
		{"localhost:1", false},
		{"preview.lan:8080", false},
		{"other.lan:" + port, false},
		{"[::1]", false},
		{"127.0.0.1:" + port + "@evil", false},
	} {
		code, body := do(t, base, tt.host, "/")
		switch {
		case tt.ok && (code != 200 || !strings.Contains(body, "Plan A")):
			t.Errorf("Host %q: %d, want the site", tt.host, code)
		case !tt.ok && (code != http.StatusForbidden || strings.Contains(body, "Plan A") || !strings.Contains(body, "--host")):
			t.Errorf("Host %q: %d %.100q, want 403 with a short message", tt.host, code, body)
		}
	}
	// The live-reload script and the event stream are the server's too.
	for _, p := range []string{scriptPath, eventsPath} {
		if code, _ := do(t, base, "evil.example:"+port, p); code != http.StatusForbidden {
			t.Errorf("GET %s with a foreign Host: %d", p, code)
		}
	}
}

// The event stream answers a request without Origin or from the site's
// own origin, and refuses every other origin.
func TestEventStreamOrigin(t *testing.T) {
	base, port := hostSite(t)
	host := "127.0.0.1:" + port
	for _, tt := range []struct {
		origin string
		ok     bool
	}{
		{"", true},
		{"http://127.0.0.1:" + port, true},
		{"http://evil.example", false},
		{"http://localhost:" + port, false},
		{"http://127.0.0.1:1", false},
		{"https://127.0.0.1:" + port, false},
		{"null", false},
	} {
		var hdr []string
		if tt.origin != "" {
			hdr = []string{"Origin", tt.origin}
		}
		code, body := do(t, base, host, eventsPath, hdr...)
		switch {
		case tt.ok && (code != 200 || !strings.Contains(body, "event: hello")):
			t.Errorf("Origin %q: %d %.100q, want the stream", tt.origin, code, body)
		case !tt.ok && (code != http.StatusForbidden || strings.Contains(body, "event:")):
			t.Errorf("Origin %q: %d %.100q, want 403", tt.origin, code, body)
		}
	}
}

// writeSite writes a txtar site to dir.
func writeSite(t *testing.T, dir, archive string) {
	t.Helper()
	for name, f := range sitetest.Parse(archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
