// Package serve is the dev server: it builds the site into memory, serves
// it over HTTP, rebuilds when sources change, and tells open pages to
// reload over Server-Sent Events.
//
// Nothing is written to disk. A rebuild with errors keeps the last good
// site being served and shows every diagnostic in an overlay on every open
// page (and in the terminal); the fix removes the overlay. A build that
// succeeds with warnings lists them in a small panel on every open page,
// which the author may dismiss until the set of warnings changes. A change that
// touches only stylesheets swaps them without a reload. The live-reload
// script is injected only here, never into a build.
package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/urls"
)

//go:embed livereload.js
var liveReloadJS []byte

const (
	prefix      = "/__handleplan/"
	scriptTag   = `<script src="/__handleplan/livereload.js"></script>`
	eventsPath  = prefix + "events"
	scriptPath  = prefix + "livereload.js"
	warnPath    = prefix + "warnings.json"
	notFoundDoc = urls.NotFound
)

// Debounce is the quiet time the watcher waits for after a file event
// before it rebuilds. Editors save in bursts of events microseconds apart
// (vim: rename, create, write, chmod, remove; JetBrains: a temp file
// renamed over the original), so a short wait gathers a burst into one
// build and still leaves most of the 50 ms an edit may take to show.
const Debounce = 10 * time.Millisecond

// Options configure a Server.
type Options struct {
	// Site is the site folder on disk.
	Site string
	// Theme is the embedded default theme.
	Theme fs.FS
	// Build are the build options; Now is re-read from Today at every
	// rebuild when Today is set.
	Build site.Options
	Today func() time.Time
	// Log receives build reports and diagnostics (the terminal).
	Log io.Writer
	// Hosts are host names, besides the address the server listens on
	// and the loopback names, that requests may carry in their Host
	// header (`serve --host`). A name without a port allows the port the
	// server listens on.
	Hosts []string
}

// Server serves the last good build of a site from memory.
type Server struct {
	opts Options

	mu      sync.RWMutex
	files   map[string][]byte // output path → bytes
	diags   diag.List         // of the latest build
	lang    i18n.Lang
	buildID string
	builds  int

	buildMu sync.Mutex // one build at a time
	session *site.Session

	clientsMu sync.Mutex
	clients   map[chan event]struct{}

	closing   chan struct{} // closed by CloseEvents
	closeOnce sync.Once
}

type event struct {
	name string
	data []byte
}

// New returns a Server; call Rebuild before serving.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts, clients: map[chan event]struct{}{}, lang: i18n.Da, closing: make(chan struct{}),
		session: site.NewSession(os.DirFS(opts.Site), opts.Theme, opts.Build)}
}

// Rebuild builds the site and, if it succeeds, serves the new files and
// tells the open pages. changed names the site-relative sources that
// changed; nil means a first build. An edit to content redraws only the
// pages that show it (see site.Session), and only the open pages among
// them reload.
func (s *Server) Rebuild(changed []string) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	now := s.opts.Build.Now
	if s.opts.Today != nil {
		now = s.opts.Today()
	}
	upd := s.session.Build(changed, now)
	s.addSource(upd.Diags)
	// The terminal speaks the site's language, like the overlay; s.lang
	// is written only here, under buildMu.
	lang := s.lang
	if upd.Lang != "" {
		lang = upd.Lang
	}
	if len(changed) > 0 {
		names := make([]string, len(changed))
		for i, c := range changed {
			names[i] = diag.SafePath(c)
		}
		fmt.Fprintln(s.opts.Log, "\n"+i18n.T(lang, "cli.serve.changed", start.Format("15:04:05"), strings.Join(names, ", ")))
	}
	upd.Diags.Print(s.opts.Log)

	s.mu.Lock()
	hadErrors := s.diags.HasErrors()
	s.diags = upd.Diags
	if upd.Lang != "" {
		// Even a failed build has read config.toml: the overlay speaks
		// the site's language.
		s.lang = upd.Lang
	}
	if upd.Diags.HasErrors() {
		s.mu.Unlock()
		e, _ := upd.Diags.Count()
		fmt.Fprintln(s.opts.Log, i18n.T(lang, "cli.serve.failed", i18n.TN(lang, "count.errors", e)))
		s.broadcast(event{"errors", s.errorsJSON()})
		return
	}
	var kind string
	var reload []string // the pages to reload; nil: all
	if upd.How == "full" {
		kind = changeKind(s.files, upd.Files)
		s.files = upd.Files
	} else {
		for _, p := range upd.Removed {
			delete(s.files, p)
		}
		for p, b := range upd.Changed {
			s.files[p] = b
		}
		for _, p := range append(upd.ChangedPaths(), upd.Removed...) {
			switch {
			case path.Ext(p) == ".html":
				reload = append(reload, p)
			case p == searchIndex || strings.HasPrefix(p, search.ShardDir):
				reload = append(reload, searchPage)
			default:
				// A feed or sitemap: no open page shows it.
			}
		}
		if len(reload) > 0 {
			kind = "reload"
			sort.Strings(reload)
		}
	}
	if kind != "" {
		s.builds++
		s.buildID = strconv.FormatInt(start.UnixNano(), 36) + "-" + strconv.Itoa(s.builds)
	}
	id := s.buildID
	s.mu.Unlock()
	if upd.How == "full" {
		fmt.Fprintln(s.opts.Log, i18n.T(lang, "cli.serve.built", i18n.TN(lang, "count.pages", upd.Pages), time.Since(start).Round(time.Millisecond)))
	} else {
		fmt.Fprintln(s.opts.Log, i18n.T(lang, "cli.serve.redrew", upd.Drawn, i18n.TN(lang, "count.pages", upd.Pages), time.Since(start).Round(time.Microsecond)))
	}
	// Before any reload: the pages that stay get the new set now, the
	// pages that reload get it when they connect again.
	s.broadcast(event{"warnings", s.warningsJSON()})
	data, _ := json.Marshal(map[string]any{"build": id})
	switch {
	case kind == "" && hadErrors:
		s.broadcast(event{"ok", data})
	case kind == "":
		// Nothing any page shows changed.
	case kind == "css":
		s.broadcast(event{"css", data})
	case reload != nil:
		data, _ = json.Marshal(map[string]any{"build": id, "pages": reload})
		s.broadcast(event{"reload", data})
	default:
		s.broadcast(event{"reload", data})
	}
	if upd.SearchPending {
		// The edited page is out; now the search index.
		s.finishSearch()
	}
}

// finishSearch brings the search index up to date after an update that
// left it for later, and reloads an open search page.
func (s *Server) finishSearch() {
	upd := s.session.FinishSearch()
	if upd.Diags.HasErrors() {
		// The CPR guard stopped the search index.
		upd.Diags.Print(s.opts.Log)
		s.mu.Lock()
		s.diags = upd.Diags
		s.mu.Unlock()
		s.broadcast(event{"errors", s.errorsJSON()})
		return
	}
	if len(upd.Changed) == 0 && len(upd.Removed) == 0 {
		return
	}
	s.mu.Lock()
	for p, data := range upd.Changed {
		s.files[p] = data
	}
	for _, p := range upd.Removed {
		delete(s.files, p)
	}
	s.builds++
	s.buildID = strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(s.builds)
	id := s.buildID
	s.mu.Unlock()
	msg, _ := json.Marshal(map[string]any{"build": id, "pages": []string{searchPage}})
	s.broadcast(event{"reload", msg})
}

// The search index, and the page that loads it.
const (
	searchIndex = urls.SearchIndex
	searchPage  = urls.Search
)

var assetVersion = regexp.MustCompile(`\?v=[0-9a-f]{8}`)

// changeKind compares two builds: "" nothing changed, "css" only
// stylesheets changed, "reload" anything else.
func changeKind(old, cur map[string][]byte) string {
	if old == nil {
		return "reload"
	}
	kind := ""
	for p, b := range cur {
		ob, ok := old[p]
		switch {
		case !ok:
			return "reload"
		case bytes.Equal(ob, b):
		case path.Ext(p) == ".css":
			kind = "css"
		case path.Ext(p) == ".html" && bytes.Equal(assetVersion.ReplaceAll(ob, nil), assetVersion.ReplaceAll(b, nil)):
			// Pages link stylesheets with a content hash, so a CSS
			// change changes every page in that hash alone.
			kind = "css"
		default:
			return "reload"
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			return "reload"
		}
	}
	return kind
}

// addSource fills in the offending source line of each diagnostic.
func (s *Server) addSource(diags diag.List) {
	cache := map[string][]byte{}
	for i, d := range diags {
		if d.Pos.Line == 0 || d.Pos.File == "" || d.Source != "" {
			continue
		}
		src, ok := cache[d.Pos.File]
		if !ok {
			src, _ = os.ReadFile(filepath.Join(s.opts.Site, filepath.FromSlash(d.Pos.File)))
			cache[d.Pos.File] = src
		}
		diags[i].Source = diag.SourceLine(src, d.Pos.Line)
	}
}

type jsonDiag struct {
	Pos      string `json:"pos"`
	Severity string `json:"severity"`
	Msg      string `json:"msg"`
	Hint     string `json:"hint,omitempty"`
	Source   string `json:"source,omitempty"`
}

// warningsJSON is the warnings panel's data: the warnings of the last
// build, made Safe as in the overlay, and a key that names this set of
// warnings, so a page remembers a dismissal until the set changes. No
// warnings, or a failed build (the overlay shows everything then), give
// an empty list, which removes the panel.
func (s *Server) warningsJSON() []byte {
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := []jsonDiag{}
	if !s.diags.HasErrors() {
		for _, d := range s.diags.Safe() {
			if d.Severity != diag.Warning {
				continue
			}
			list = append(list, jsonDiag{Pos: d.Pos.String(), Severity: d.Severity.String(), Msg: d.Msg, Hint: d.Hint})
		}
	}
	key := ""
	if len(list) > 0 {
		b, _ := json.Marshal(list)
		sum := sha256.Sum256(b)
		key = hex.EncodeToString(sum[:8])
	}
	b, _ := json.Marshal(map[string]any{
		"key":         key,
		"title":       i18n.T(s.lang, "serve.warnings.title", i18n.TN(s.lang, "count.warnings", len(list))),
		"note":        i18n.T(s.lang, "serve.warnings.note"),
		"dismiss":     i18n.T(s.lang, "serve.warnings.dismiss"),
		"diagnostics": list,
	})
	return b
}

// errorsJSON is the overlay's data. It takes s.mu itself, so a caller
// must not hold it: sync.RWMutex is not reentrant, and a read lock asked
// for under the write lock never comes.
func (s *Server) errorsJSON() []byte {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var list []jsonDiag
	// Safe: the overlay goes to every open tab; no CPR-like number in
	// a message or a source line leaves the program unmasked.
	for _, d := range s.diags.Safe() {
		list = append(list, jsonDiag{d.Pos.String(), d.Severity.String(), d.Msg, d.Hint, d.Source})
	}
	e, w := s.diags.Count()
	note := i18n.T(s.lang, "serve.overlay.note")
	if s.files == nil {
		note = i18n.T(s.lang, "serve.overlay.nosite")
	}
	b, _ := json.Marshal(map[string]any{
		"title":       i18n.T(s.lang, "serve.overlay.title", i18n.TN(s.lang, "count.errors", e), i18n.TN(s.lang, "count.warnings", w)),
		"note":        note,
		"diagnostics": list,
	})
	return b
}

func (s *Server) broadcast(ev event) {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a stuck client misses an event rather than blocking builds
		}
	}
}

// ServeHTTP serves the site, the live-reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r) {
		// A page on another site that the editor visits may resolve
		// its own name to this machine (DNS rebinding) and read the
		// preview through the browser; such a request names that site
		// in its Host header.
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		name, _, _ := splitHost(r.Host)
		if name == "" {
			name = "NAVN"
		}
		_, port, _ := localAddr(r)
		http.Error(w, i18n.T(lang, "serve.host", "http://localhost:"+port+"/", name), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveReloadJS)
		return
	case warnPath:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(s.warningsJSON())
		return
	}
	p, ok := cleanPath(r.URL)
	if !ok {
		s.notFound(w)
		return
	}
	s.mu.RLock()
	files := s.files
	p, data, found := lookup(files, p)
	s.mu.RUnlock()
	if files == nil {
		s.noSite(w)
		return
	}
	if !found {
		s.notFound(w)
		return
	}
	s.write(w, r, p, data, http.StatusOK)
}

// lookup finds output path p in files, or the folder p's index.html
// (/planer/x → planer/x/index.html), as static servers do. It returns
// the path it found.
func lookup(files map[string][]byte, p string) (string, []byte, bool) {
	if data, ok := files[p]; ok {
		return p, data, true
	}
	if strings.HasSuffix(p, ".html") {
		return p, nil, false
	}
	index := p + "/index.html"
	if data, ok := files[index]; ok {
		return index, data, true
	}
	return p, nil, false
}

// cleanPath turns a request path into an output path, refusing anything
// that could name a file outside the site: "..", backslashes, NUL, and
// their encoded forms (already decoded by net/url in URL.Path).
func cleanPath(u *url.URL) (string, bool) {
	raw := u.EscapedPath()
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return "", false
	}
	p, err := url.PathUnescape(raw)
	if err != nil || strings.ContainsAny(p, "\\\x00") || strings.Contains(p, ":") {
		return "", false
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || part == "." {
			return "", false
		}
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return urls.Home, true
	}
	if strings.HasSuffix(raw, "/") {
		p += "/index.html"
	}
	return p, true
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, p string, data []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(p))
	switch path.Ext(p) {
	case ".html":
		ct = "text/html; charset=utf-8"
		data = inject(data)
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".svg":
		ct = "image/svg+xml"
	case ".xml":
		ct = "application/xml; charset=utf-8"
	case ".json":
		ct = "application/json"
	case ".webp":
		ct = "image/webp"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the live-reload script before </body>.
func inject(page []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	out := make([]byte, 0, len(page)+len(scriptTag))
	if i < 0 {
		return append(append(out, page...), scriptTag...)
	}
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	return append(out, page[i:]...)
}

func (s *Server) notFound(w http.ResponseWriter) {
	s.mu.RLock()
	data, ok := s.files[notFoundDoc]
	s.mu.RUnlock()
	if !ok {
		data = []byte("<!doctype html><title>404</title><h1>404</h1>")
	}
	// The 404 page answers at any depth; its relative links are written
	// for the site's root.
	data = bytes.Replace(data, []byte("<head>"), []byte(`<head><base href="/">`), 1)
	s.write(w, &http.Request{Method: http.MethodGet}, notFoundDoc, data, http.StatusNotFound)
}

// noSite answers while no build has succeeded yet: a page that shows the
// errors and reloads once the site builds.
func (s *Server) noSite(w http.ResponseWriter) {
	s.mu.RLock()
	lang := s.lang
	s.mu.RUnlock()
	page := fmt.Sprintf(`<!doctype html><html lang="%s"><meta charset="utf-8"><title>%s</title><body><h1>%s</h1></body></html>`,
		lang, i18n.T(lang, "serve.nosite.title"), i18n.T(lang, "serve.nosite.title"))
	s.write(w, &http.Request{Method: http.MethodGet}, urls.Home, []byte(page), http.StatusServiceUnavailable)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r) {
		// The page script connects from the site itself, and a
		// same-origin EventSource sends no Origin or its own.
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		http.Error(w, i18n.T(lang, "serve.origin"), http.StatusForbidden)
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("Connection", "keep-alive")
	c := make(chan event, 8)
	s.clientsMu.Lock()
	s.clients[c] = struct{}{}
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()

	s.mu.RLock()
	id := s.buildID
	failed := s.diags.HasErrors()
	s.mu.RUnlock()
	hello, _ := json.Marshal(map[string]string{"build": id})
	send(w, event{"hello", hello})
	if failed {
		send(w, event{"errors", s.errorsJSON()})
	} else {
		send(w, event{"warnings", s.warningsJSON()})
	}
	fl.Flush()
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case ev := <-c:
			send(w, ev)
			fl.Flush()
		case <-ping.C:
			io.WriteString(w, ": ping\n\n")
			fl.Flush()
		}
	}
}

func send(w io.Writer, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

// CloseEvents ends every open event stream, now and from now on. An
// event stream never ends by itself, so http.Server.Shutdown would wait
// for it until its deadline: register this with RegisterOnShutdown.
func (s *Server) CloseEvents() {
	s.closeOnce.Do(func() { close(s.closing) })
}

// Clients reports how many pages are listening, for tests.
func (s *Server) Clients() int {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	return len(s.clients)
}

// hostAllowed reports whether r's Host header names this server: the
// address the connection came in on, localhost, 127.0.0.1 or [::1], or a
// name in Options.Hosts; each with the port the connection came in on.
func (s *Server) hostAllowed(r *http.Request) bool {
	host, port, ok := splitHost(r.Host)
	if !ok {
		return false
	}
	lhost, lport, ok := localAddr(r)
	if !ok {
		return false
	}
	if port == "" {
		port = "80"
	}
	for _, h := range s.opts.Hosts {
		name, p, ok := splitHost(h)
		if !ok || name != host {
			continue
		}
		if p == port || (p == "" && port == lport) {
			return true
		}
	}
	if port != lport {
		return false
	}
	switch host {
	case "localhost", "127.0.0.1", "::1", strings.ToLower(lhost):
		return true
	}
	return false
}

// localAddr is the address the request's connection came in on.
func localAddr(r *http.Request) (host, port string, ok bool) {
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if local == nil {
		return "", "", false
	}
	host, port, err := net.SplitHostPort(local.String())
	return host, port, err == nil
}

// splitHost splits a Host header or a --host value into a lower-case
// name without a trailing dot (IPv6 without brackets) and a port, which
// may be empty.
func splitHost(hostport string) (host, port string, ok bool) {
	hostport = strings.ToLower(hostport)
	if hostport == "" || strings.ContainsAny(hostport, " /\\@?#") {
		return "", "", false
	}
	host = hostport
	if strings.HasPrefix(hostport, "[") || strings.Count(hostport, ":") == 1 {
		if h, p, err := net.SplitHostPort(hostport); err == nil {
			host, port = h, p
		} else if !strings.HasPrefix(hostport, "[") || !strings.HasSuffix(hostport, "]") {
			return "", "", false
		} else {
			host = hostport[1 : len(hostport)-1]
		}
	}
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return "", "", false
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", "", false
		}
	}
	return host, port, true
}

// sameOrigin reports whether origin is the origin of the request's own
// site (r's Host has been checked already).
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Path != "" || u.User != nil {
		return false
	}
	oh, op, ok := splitHost(u.Host)
	if !ok {
		return false
	}
	rh, rp, _ := splitHost(r.Host)
	if op == "" {
		op = "80"
	}
	if rp == "" {
		rp = "80"
	}
	return oh == rh && op == rp
}
