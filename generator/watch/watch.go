// Package watch tells the dev server when the site's sources changed.
//
// It watches content/, layouts/, assets/ and config.toml with fsnotify,
// adds every folder recursively and new folders as they appear, drops
// removed ones, ignores CHMOD-only events and editors' temporary files
// (vim's 4913 and *.swp, *~, .#*, JetBrains' ___jb_tmp___), and coalesces
// a burst of events (an editor's save is often rename + create + write)
// into one batch after a quiet period.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/handleplan/handleplan/generator/ignore"
)

// Sources are the paths under a site that a build reads.
var Sources = []string{"content", "layouts", "assets", "config.toml"}

// Relevant reports whether an event on the site-relative path p with op
// may change the site.
func Relevant(p string, op fsnotify.Op) bool {
	if op == fsnotify.Chmod {
		return false
	}
	p = filepath.ToSlash(p)
	for _, part := range strings.Split(p, "/") {
		if ignore.Name(part) {
			return false
		}
	}
	for _, s := range Sources {
		if p == s || strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}

// Debouncer gathers changed paths into one pending set that a single
// goroutine drains: once the stream has been quiet for the delay, it calls
// fire with the sorted, unique paths and waits for it to return. Paths
// that arrive meanwhile wait in the set, so at most one fire runs and one
// more is pending however long a build takes: a burst during a 6 s build
// becomes one more build, not one per event.
type Debouncer struct {
	delay time.Duration
	fire  func([]string)

	mu    sync.Mutex
	paths map[string]bool

	kick chan struct{} // a path was added (capacity 1: kicks merge)
	quit chan struct{}
	once sync.Once
	done chan struct{}
}

// NewDebouncer starts a Debouncer that calls fire after delay of quiet.
func NewDebouncer(delay time.Duration, fire func([]string)) *Debouncer {
	d := &Debouncer{delay: delay, fire: fire, paths: map[string]bool{},
		kick: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go d.loop()
	return d
}

// Add records a changed path and restarts the quiet period. It never
// blocks, even while fire runs.
func (d *Debouncer) Add(p string) {
	d.mu.Lock()
	d.paths[p] = true
	d.mu.Unlock()
	select {
	case d.kick <- struct{}{}:
	default:
	}
}

func (d *Debouncer) loop() {
	defer close(d.done)
	for {
		select {
		case <-d.quit:
			return
		case <-d.kick:
		}
		// Wait for the delay with no new path.
		t := time.NewTimer(d.delay)
		for quiet := false; !quiet; {
			select {
			case <-d.quit:
				t.Stop()
				return
			case <-d.kick:
				t.Reset(d.delay)
			case <-t.C:
				quiet = true
			}
		}
		if paths := d.take(); len(paths) > 0 {
			d.fire(paths)
		}
	}
}

// take empties the pending set and returns its paths, sorted.
func (d *Debouncer) take() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	paths := make([]string, 0, len(d.paths))
	for p := range d.paths {
		paths = append(paths, p)
	}
	d.paths = map[string]bool{}
	sort.Strings(paths)
	return paths
}

// Stop drops what is pending and ends the loop once a fire in progress
// has returned. It does not wait for that.
func (d *Debouncer) Stop() {
	d.once.Do(func() { close(d.quit) })
}

// Watcher watches one site folder.
type Watcher struct {
	site string
	w    *fsnotify.Watcher
	deb  *Debouncer
	errs func(error)
	done chan struct{}
}

// New starts watching site. changed is called with the site-relative
// paths of each debounced batch; errs with watcher errors (the watch goes
// on).
func New(site string, delay time.Duration, changed func([]string), errs func(error)) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{site: site, w: fw, deb: NewDebouncer(delay, changed), errs: errs, done: make(chan struct{})}
	// The site folder itself: to see config.toml and the source folders
	// being created or replaced.
	if err := fw.Add(site); err != nil {
		fw.Close()
		return nil, err
	}
	for _, s := range Sources {
		w.addTree(filepath.Join(site, s))
	}
	go w.loop()
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *Watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignore.Name(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.w.Add(p); err != nil && w.errs != nil {
				w.errs(err)
			}
		}
		return nil
	})
}

func (w *Watcher) loop() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			if w.errs != nil {
				w.errs(err)
			}
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event) {
	rel, err := filepath.Rel(w.site, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && Relevant(rel, ev.Op) {
			// A new folder (or one renamed into place): watch it and
			// everything already in it, which may have been created
			// before the watch was added.
			w.addTree(ev.Name)
			filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if r, err := filepath.Rel(w.site, p); err == nil && Relevant(r, fsnotify.Create) {
						w.deb.Add(filepath.ToSlash(r))
					}
				}
				return nil
			})
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// fsnotify drops watches of removed folders itself; removing an
		// unknown path is harmless.
		if err := w.w.Remove(ev.Name); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) && w.errs != nil {
			w.errs(err)
		}
	}
	if Relevant(rel, ev.Op) {
		w.deb.Add(filepath.ToSlash(rel))
	}
}

// Close stops watching.
func (w *Watcher) Close() error {
	w.deb.Stop()
	err := w.w.Close()
	<-w.done
	return err
}
