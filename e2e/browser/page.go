package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Page is one loaded page in its own tab. It keeps recording what the page
// does until the test ends.
type Page struct {
	url string
	ctx context.Context // the tab

	mu       sync.Mutex
	errs     []string                     // console errors, exceptions, browser log errors
	requests []string                     // every URL requested, in order
	failed   []string                     // "URL: reason" of each failed request
	pending  map[network.RequestID]string // request id → URL, to name failures
}

// Open loads url (file:// or http://) in a new tab whose viewport is width CSS
// pixels wide and 900 high, and waits for the load event. The tab closes when
// the test ends. A page that does not load within 30 s fails the test.
func (b *Browser) Open(t testing.TB, url string, width int) *Page {
	t.Helper()
	p := &Page{url: url, pending: map[network.RequestID]string{}}
	// WithListener sees every event of the tab from its first message on,
	// in order, so nothing of the load is missed.
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(p.record))
	t.Cleanup(cancel)
	p.ctx = ctx

	// The first Do creates the tab and binds it to the context it gets, so
	// it gets ctx itself and the timeout comes from a timer.
	timer := time.AfterFunc(stepTimeout, cancel)
	err := chromedp.Do(ctx)
	if !timer.Stop() {
		err = fmt.Errorf("no answer within %v (%v)", stepTimeout, err)
	}
	if err != nil {
		t.Fatalf("browser: open a tab for %s: %v%s", url, err, b.output.unless(err))
	}
	err = p.do("open", chromedp.EmulateViewport(int64(width), viewportHeight),
		// A headless tab is not always the focused window; without this,
		// focus (and so :focus-visible) does not behave as for a reader.
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled,
				emulation.SetFocusEmulationEnabledParams{Enabled: true})
			return err
		}),
		chromedp.Navigate(url))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// EmulateMedia makes the page's CSS media type media ("print", "screen"),
// as print preview does for "print", without printing.
func (p *Page) EmulateMedia(media string) error {
	return p.do("emulate "+media+" media on", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

// Resize makes the page's viewport width CSS pixels wide (and 900 high),
// as a reader turning a tablet would, without loading it again.
func (p *Page) Resize(width int) error {
	return p.do("resize", chromedp.EmulateViewport(int64(width), viewportHeight))
}

// URL returns the URL the page was opened with.
func (p *Page) URL() string { return p.url }

// record runs on the tab's event loop for every event, so it only copies.
func (p *Page) record(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p.errs = append(p.errs, "console."+string(ev.Type)+": "+argsText(ev.Args)+stackPlace(ev.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		p.errs = append(p.errs, "uncaught exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		// Chromium's own messages: failed loads, CSP and mixed content.
		if e := ev.Entry; e != nil && e.Level == log.EntryLevelError {
			msg := string(e.Source) + ": " + e.Text
			if e.URL != "" && !strings.Contains(e.Text, e.URL) {
				msg += " (" + e.URL + ")"
			}
			p.errs = append(p.errs, msg)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			p.requests = append(p.requests, ev.Request.URL)
			p.pending[ev.RequestID] = ev.Request.URL
		}
	case *network.EventLoadingFinished:
		delete(p.pending, ev.RequestID)
	case *network.EventLoadingFailed:
		url := p.pending[ev.RequestID]
		delete(p.pending, ev.RequestID)
		// A canceled request is one the page no longer wanted (it navigated
		// away, or closed an event stream): not a failure of the page.
		if ev.Canceled {
			return
		}
		reason := ev.ErrorText
		if ev.BlockedReason != "" {
			reason += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		p.failed = append(p.failed, url+": "+reason)
	}
}

// argsText renders console arguments as the DevTools console shows them,
// closely enough for a failure message.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var s string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal(a.Value, &s) == nil:
		case a.Description != "":
			s = a.Description
		case len(a.Value) > 0:
			s = string(a.Value)
		default:
			s = string(a.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// stackPlace returns " (url:line)" for the top of a stack, if there is one.
func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	msg := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		// The description holds the message and the stack; the first line
		// is the message.
		first, _, _ := strings.Cut(d.Exception.Description, "\n")
		msg += " " + first
	}
	place := d.URL
	if place == "" && d.StackTrace != nil && len(d.StackTrace.CallFrames) > 0 {
		place = d.StackTrace.CallFrames[0].URL
	}
	if place != "" {
		msg += fmt.Sprintf(" (%s:%d)", place, d.LineNumber+1)
	}
	return msg
}

// ConsoleErrors returns what the page reported as an error so far: calls of
// console.error and console.assert, uncaught exceptions and unhandled
// rejections, and Chromium's own error messages, among them "Failed to load
// resource" for every request that failed (a missing file under file://
// included).
func (p *Page) ConsoleErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errs...)
}

// Requests returns the URL of every request the page made so far, the page
// itself first, in the order they were sent.
func (p *Page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// FailedRequests returns "URL: reason" for each request that failed so far,
// such as a missing file ("net::ERR_FILE_NOT_FOUND") or a request that would
// have left the machine. Requests the page canceled itself are left out.
func (p *Page) FailedRequests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.failed...)
}

// do runs steps on the page within the step timeout.
func (p *Page) do(what string, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	return p.wrap(what, ctx, chromedp.Do(ctx, steps...))
}

// run runs one action on the page within the step timeout and returns its
// value.
func run[T any](p *Page, what string, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	return v, p.wrap(what, ctx, err)
}

// wrap names the step and the page in err, and says so when the step ran out
// of time.
func (p *Page) wrap(what string, ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("browser: %s %s: no answer within %v: %w", what, p.url, stepTimeout, err)
	}
	return fmt.Errorf("browser: %s %s: %w", what, p.url, err)
}

// Eval evaluates the JavaScript expression js in the page, waits for it when
// it is a promise, and decodes its JSON value into out (which may be nil to
// ignore the value).
func (p *Page) Eval(js string, out any) error {
	raw, err := run(p, "eval on", chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil || out == nil {
		return err
	}
	if len(raw) == 0 {
		return fmt.Errorf("browser: eval on %s: %.60q evaluates to undefined", p.url, js)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("browser: eval on %s: decode %.60q: %w", p.url, js, err)
	}
	return nil
}

// Text returns the page's visible text, document.body.innerText.
func (p *Page) Text() (string, error) {
	return run(p, "read the text of", chromedp.Evaluate[string](
		`document.body ? document.body.innerText : ""`))
}

// HorizontalOverflow reports whether the page is wider than its viewport, so
// that a reader must scroll sideways (WCAG 1.4.10 Reflow, at 320 px).
func (p *Page) HorizontalOverflow() (bool, error) {
	return run(p, "measure", chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
}

// PrintPDF prints the page as Chromium's print preview would on A4 paper
// (portrait, or landscape), with backgrounds, honoring the page's own @page
// size where it gives one.
func (p *Page) PrintPDF(landscape bool) ([]byte, error) {
	opts := []chromedp.PDFOption{
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
	}
	if landscape {
		opts = append(opts, chromedp.PDFLandscape())
	}
	return run(p, "print", chromedp.PrintToPDF(opts...))
}

// Screenshot writes a PNG of the whole page (not only the viewport) to path,
// creating its directory.
func (p *Page) Screenshot(path string) error {
	png, err := run(p, "screenshot", chromedp.FullScreenshot(100))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("browser: screenshot %s: %w", p.url, err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return fmt.Errorf("browser: screenshot %s: %w", p.url, err)
	}
	return nil
}

// WaitText polls the page's text until it contains substr, for at most
// timeout. Errors while it polls (the page may be reloading) are retried.
func (p *Page) WaitText(substr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var text string
	var lastErr error
	for {
		ctx, cancel := context.WithTimeout(p.ctx, min(stepTimeout, max(time.Until(deadline), 100*time.Millisecond)))
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		cancel()
		if err == nil {
			if strings.Contains(s, substr) {
				return nil
			}
			text, lastErr = s, nil
		} else {
			lastErr = err
		}
		if p.ctx.Err() != nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if lastErr != nil {
		return fmt.Errorf("browser: %s: text %q did not appear within %v (last error: %v)", p.url, substr, timeout, lastErr)
	}
	return fmt.Errorf("browser: %s: text %q did not appear within %v; the page shows: %s", p.url, substr, timeout, clip(text, 300))
}

// clip shortens s to at most n bytes for a message, on a rune boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
