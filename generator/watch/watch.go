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

// Debouncer gathers paths and fires once the stream has been quiet for
// the delay. Fire receives the sorted, unique paths.
type Debouncer struct {
	delay time.Duration
	fire  func([]string)

	mu    sync.Mutex
	timer *time.Timer
	paths map[string]bool
}

// NewDebouncer returns a Debouncer that calls fire after delay of quiet.
func NewDebouncer(delay time.Duration, fire func([]string)) *Debouncer {
	return &Debouncer{delay: delay, fire: fire, paths: map[string]bool{}}
}

// Add records a changed path and restarts the quiet period.
func (d *Debouncer) Add(p string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.paths[p] = true
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, d.flush)
}

func (d *Debouncer) flush() {
	d.mu.Lock()
	paths := make([]string, 0, len(d.paths))
	for p := range d.paths {
		paths = append(paths, p)
	}
	d.paths = map[string]bool{}
	d.mu.Unlock()
	if len(paths) == 0 {
		return
	}
	sort.Strings(paths)
	d.fire(paths)
}

// Stop cancels a pending batch.
func (d *Debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
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
