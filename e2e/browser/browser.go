// Package browser is the harness of the end-to-end tests: it drives one real
// headless Chromium per test through chromedp, and checks pages the way a
// reader and the tilsyn meet them.
//
// A test asks for a browser, opens the built pages (file:// for the report
// bundle, http:// for the dev server) at a viewport width, and asserts on what
// the page did:
//
//	b := browser.New(t)
//	p := b.Open(t, "file://"+path, 320)
//	if errs := p.ConsoleErrors(); len(errs) > 0 { ... }
//	if vs := p.Axe(t); len(vs) > 0 { t.Error(browser.FormatViolations("planer/x/index.html", vs)) }
//
// Every page records its console errors, uncaught exceptions, and every
// request it makes (and which of them failed), so a test can prove that a
// bundle opened from disk asks for nothing outside itself.
//
// The browser never reaches the network: a request to anything but loopback
// fails at once, and is recorded, instead of leaving the machine or hanging
// the test.
//
// Chromium is found by [Require]. Without it the browser tests skip, except
// when the environment says CI=true: there they fail, because a CI that skips
// its browser tests proves nothing. The accessibility check uses axe-core from
// node_modules (npm ci in the repository root), under the same rule.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// stepTimeout bounds every single step: starting the browser, loading a page,
// one evaluation, one axe run, one PDF. No test waits longer on the browser.
const stepTimeout = 30 * time.Second

// Viewport height of every page; only the width varies between checks.
const viewportHeight = 900

// candidates are the names and paths of a Chromium, in order of preference.
// Debian's /usr/bin/chromium is a shell launcher that adds flags of its own
// (and, on some machines, prints a shell error while it reads /dev/shm); the
// binary behind it is started directly when it is there.
var candidates = []string{
	"/usr/lib/chromium/chromium",
	"chromium",
	"chromium-browser",
	"google-chrome",
	"google-chrome-stable",
	"headless-shell",
	"headless_shell",
}

// Require returns the path of the Chromium binary. When there is none it skips
// the test, or fails it when the environment variable CI is "true": browser
// tests must run in CI.
func Require(t testing.TB) string {
	t.Helper()
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	unavailable(t, "no Chromium found (tried %s); install the Debian package chromium",
		strings.Join(candidates, ", "))
	return ""
}

// unavailable skips the test for a missing tool, or fails it in CI.
func unavailable(t testing.TB, format string, args ...any) { Unavailable(t, format, args...) }

// Unavailable skips the test for a missing tool, or fails it in CI, and
// records the skip for SkipSummary: a skipped check must not look like a
// pass.
func Unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if inCI() {
		t.Fatalf("browser: "+format+" (CI=true: browser tests must not skip)", args...)
		return
	}
	skipsMu.Lock()
	skips = append(skips, t.Name()+": "+fmt.Sprintf(format, args...))
	skipsMu.Unlock()
	t.Skipf("browser: "+format, args...)
}

var (
	skipsMu sync.Mutex
	skips   []string
)

// SkipSummary is one line naming how many browser and PDF checks were
// skipped for a missing tool, and why (the first reason), or "" when none
// was. The e2e packages print it after their tests, so that `go test`
// saying ok is not read as "the browser checks passed".
func SkipSummary() string {
	skipsMu.Lock()
	defer skipsMu.Unlock()
	if len(skips) == 0 {
		return ""
	}
	return fmt.Sprintf("SKIPPED: %d browser/PDF checks did not run (first: %s); install chromium, poppler-utils, firefox-esr and run npm ci, or set CI=true to make this fail", len(skips), skips[0])
}

// PrintSkipSummary prints SkipSummary, if there is one, where the person
// running the tests sees it: `go test ./...` shows a passing package's
// output only with -v, so the line goes to the terminal when there is
// one, and to standard output as well (for -v and for logs).
func PrintSkipSummary() {
	s := SkipSummary()
	if s == "" {
		return
	}
	fmt.Println(s)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprintln(tty, s)
		tty.Close()
	}
}

func inCI() bool { return os.Getenv("CI") == "true" }

// Browser is one headless Chromium process, owned by one test.
type Browser struct {
	ctx    context.Context // the browser's first context; tabs derive from it
	output *capBuffer      // Chromium's stdout and stderr, for failure messages
}

// New starts a headless Chromium for the test, with a fresh temporary profile,
// and stops it when the test ends.
func New(t testing.TB) *Browser {
	t.Helper()
	path := Require(t)

	out := &capBuffer{max: 64 << 10}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// No request may leave the machine, and none may wait on the
		// network: every host but loopback fails to resolve at once. The
		// rules apply to IP literals too (127.0.0.2 does not resolve).
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]"),
		chromedp.CombinedOutput(out),
		// No UserDataDir option: chromedp then makes a fresh temporary
		// profile directory and removes it when the browser has exited.
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser() // kills the process and waits for it
		cancelAlloc()   // waits until the profile directory is removed
	})

	// The first Do binds the browser's life to the context it gets, so it
	// gets ctx itself and the timeout comes from a timer instead.
	timer := time.AfterFunc(stepTimeout, cancelBrowser)
	err := chromedp.Do(ctx)
	if !timer.Stop() {
		err = fmt.Errorf("no answer within %v (%v)", stepTimeout, err)
	}
	if err != nil {
		t.Fatalf("browser: start %s: %v%s", path, err, out.unless(err))
	}
	return &Browser{ctx: ctx, output: out}
}

// capBuffer keeps the last max bytes written to it: Chromium is chatty (on a
// machine without D-Bus, dozens of lines about it), and the line that says why
// it stopped comes last.
type capBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (b *capBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.max; over > 0 {
		b.buf = append(b.buf[:0], b.buf[over:]...)
	}
	return len(p), nil
}

// unless returns the last lines of the output as a suffix for the message of
// err, unless err already ends with them (chromedp quotes the output of a
// browser that failed to start).
func (b *capBuffer) unless(err error) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := strings.TrimSpace(string(b.buf))
	if out == "" || strings.HasSuffix(strings.TrimSpace(err.Error()), out) {
		return ""
	}
	lines := strings.Split(out, "\n")
	return "\nChromium's last output:\n" + strings.Join(lines[max(0, len(lines)-20):], "\n")
}
