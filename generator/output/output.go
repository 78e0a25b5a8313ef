// Package output writes a built site to disk, atomically.
//
// The site is written into a fresh folder beside the target and swapped in
// with one atomic exchange of the two folders (renameat2 RENAME_EXCHANGE
// on Linux, renamex_np RENAME_SWAP on macOS), so a reader (or a web
// server) never sees half a site, the target path holds the old or the
// new site at every instant, even when the build is killed, and a failed
// write leaves the last good output as it was. Where the system or the
// file system cannot exchange, two renames do it, with a moment between
// them without a site at the path (see exchange). What an interrupted
// run leaves beside the target (".NAME.new-*" folders) the next run
// removes. Files whose
// bytes did not change are hard-linked from the previous output instead of
// written again, so their modification times stay put and a build with no
// change rewrites nothing.
//
// Because the swap replaces the target folder whole, the target is
// guarded: it may not be the site itself, a folder holding the site, the
// home folder or the root, and an existing folder is replaced only if a
// previous build left its marker file in it.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/urls"
)

// File is one output file: the type the stages make, which the writer
// takes.
type File = outfile.File

// Marker is the file a build leaves in its output so that a later build
// knows the folder is its own to replace.
const Marker = ".handleplan-output"

// ErrUnsafeTarget is wrapped by the errors Check returns.
var ErrUnsafeTarget = errors.New("unsafe output folder")

// UnsafeTargetError is the error Check returns for a folder it refuses:
// Key names the reason in the message catalog, Args its values, so the
// command line can say it in the site's language.
type UnsafeTargetError struct {
	Key  string
	Args []any
}

func (e *UnsafeTargetError) Error() string {
	return ErrUnsafeTarget.Error() + ": " + i18n.T(i18n.En, e.Key, e.Args...)
}

func (e *UnsafeTargetError) Unwrap() error { return ErrUnsafeTarget }

func unsafeTarget(key string, args ...any) error { return &UnsafeTargetError{Key: key, Args: args} }

// Check refuses output folders that a swap could destroy: the root, the
// home folder, the site folder or anything holding it, the content
// folder or anything inside the site's sources, and an existing non-empty
// folder without the marker.
func Check(target, site string) error {
	t, err := filepath.Abs(target)
	if err != nil {
		return err
	}
	s, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	t, s = evalLinks(t), evalLinks(s)
	if t == filepath.Dir(t) {
		return unsafeTarget("output.unsafe.root", target)
	}
	if home, err := os.UserHomeDir(); err == nil && t == evalLinks(home) {
		return unsafeTarget("output.unsafe.home", target)
	}
	if within(s, t) {
		return unsafeTarget("output.unsafe.holds", target)
	}
	if src := sourceFolder(t, s); src != "" {
		return unsafeTarget("output.unsafe.inside", target, src)
	}
	entries, err := os.ReadDir(t)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if st, serr := os.Stat(t); serr == nil && !st.IsDir() {
			return unsafeTarget("output.unsafe.file", target)
		}
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(t, Marker)); err != nil {
		return unsafeTarget("output.unsafe.foreign", target, Marker)
	}
	return nil
}

// SourceFolder returns the folder of the site's sources (content,
// layouts or assets) that target is or lies inside, symbolic links
// resolved, or "" when it lies outside them all. Check refuses such a
// target; a single output file (the bundle) must not go there either,
// where the next build would read it as a source.
func SourceFolder(target, site string) (string, error) {
	t, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	s, err := filepath.Abs(site)
	if err != nil {
		return "", err
	}
	return sourceFolder(evalLinks(t), evalLinks(s)), nil
}

// sourceFolder is SourceFolder of absolute paths with their links
// resolved.
func sourceFolder(t, s string) string {
	for _, src := range []string{"content", "layouts", "assets"} {
		if within(t, filepath.Join(s, src)) {
			return src
		}
	}
	return ""
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func evalLinks(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	// The target may not exist yet: resolve its parent.
	if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(r, filepath.Base(p))
	}
	return p
}

// Stats says what Write did.
type Stats struct {
	Written, Unchanged, Removed int
}

// Write replaces target with files. It calls Check first.
func Write(target, site string, files []File) (Stats, error) {
	w, err := Begin(target, site)
	if err != nil {
		return Stats{}, err
	}
	for _, f := range files {
		w.Put(f.Path, f.Data)
	}
	return w.Commit()
}

// Writer writes a new output folder beside the target, one file at a
// time and from any number of goroutines, so that a build need not hold
// its whole output in memory; Commit swaps it in, Abort throws it away.
type Writer struct {
	target, tmp string
	dirs        sync.Map // folders made in tmp
	mu          sync.Mutex
	have        map[string]bool // paths put
	err         error           // the first error
	written     atomic.Int64
	unchanged   atomic.Int64
}

// Begin checks target (see Check) and starts a new output folder beside
// it.
func Begin(target, site string) (*Writer, error) {
	if err := Check(target, site); err != nil {
		return nil, err
	}
	target = filepath.Clean(target)
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(target)
	tmp, err := os.MkdirTemp(parent, tempPrefix(target))
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{target: target, tmp: tmp, have: map[string]bool{Marker: true}}, nil
}

// Put writes one file: hard-linked from the last output when its bytes
// are the same, so that its modification time stays. Errors are kept for
// Commit; after one, Put does nothing.
func (w *Writer) Put(p string, data []byte) {
	w.mu.Lock()
	failed := w.err != nil
	if !failed && !urls.ValidPath(p) {
		w.err = fmt.Errorf("refusing output path %q outside the output folder", p)
		failed = true
	}
	if !failed && w.have[p] {
		w.err = fmt.Errorf("two files for output path %q", p)
		failed = true
	}
	w.have[p] = true
	w.mu.Unlock()
	if failed {
		return
	}
	if err := w.put(p, data); err != nil {
		w.mu.Lock()
		if w.err == nil {
			w.err = err
		}
		w.mu.Unlock()
	}
}

// Keep puts the last output's file at p into the new output as it is,
// hard-linked, without reading it, when its size and modification time
// (Unix nanoseconds) are still size and mtime: what the build cache
// recorded when the file was written, so that a page whose inputs did
// not change need not be drawn. It reports whether it did; when not, it
// has put nothing, and the caller puts the page's bytes.
func (w *Writer) Keep(p string, size, mtime int64) bool {
	if !urls.ValidPath(p) {
		return false
	}
	if !cache.Same(w.target, p, cache.Entry{Size: size, ModTime: mtime}) {
		return false
	}
	w.mu.Lock()
	if w.err != nil || w.have[p] {
		w.mu.Unlock()
		return false
	}
	w.have[p] = true
	w.mu.Unlock()
	dst := filepath.Join(w.tmp, filepath.FromSlash(p))
	err := w.mkdir(p, dst)
	if err == nil {
		err = os.Link(filepath.Join(w.target, filepath.FromSlash(p)), dst)
	}
	if err != nil {
		w.mu.Lock()
		delete(w.have, p)
		w.mu.Unlock()
		return false
	}
	w.unchanged.Add(1)
	return true
}

// mkdir makes the folder of output path p, at dst in the new folder.
func (w *Writer) mkdir(p, dst string) error {
	if d := path.Dir(p); d != "." {
		if _, made := w.dirs.Load(d); !made {
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			w.dirs.Store(d, true)
		}
	}
	return nil
}

func (w *Writer) put(p string, data []byte) error {
	dst := filepath.Join(w.tmp, filepath.FromSlash(p))
	if err := w.mkdir(p, dst); err != nil {
		return err
	}
	old := filepath.Join(w.target, filepath.FromSlash(p))
	if same(old, data) && os.Link(old, dst) == nil {
		w.unchanged.Add(1)
		return nil
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	w.written.Add(1)
	return nil
}

// Unchanged reports whether the folder target holds exactly the files
// in files and the marker, each file still of the size and modification
// time recorded (cache.Same), nothing else but folders, and nothing an
// interrupted build left beside it: then a build that would keep every
// file leaves the folder as it is, without a new folder, links or a
// swap. It reads no file.
func Unchanged(target string, files map[string]cache.Entry) bool {
	if len(files) == 0 {
		return false
	}
	// What an interrupted build left beside the folder is removed by
	// the next build that writes (Begin): not by one that leaves it be.
	target = filepath.Clean(target)
	entries, _ := os.ReadDir(filepath.Dir(target))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix(target)) {
			return false
		}
	}
	seen, marker := 0, false
	err := filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(target, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == Marker && d.Type().IsRegular() {
			marker = true
			return nil
		}
		e, ok := files[rel]
		if !ok || !cache.Same(target, rel, e) {
			return errChanged
		}
		seen++
		return nil
	})
	return err == nil && marker && seen == len(files)
}

var errChanged = errors.New("the output folder changed")

// Abort removes what was written; the target stays as it was.
func (w *Writer) Abort() { os.RemoveAll(w.tmp) }

// Commit swaps the new folder in place of the target, or, after an error
// in Put, aborts and returns it.
func (w *Writer) Commit() (Stats, error) {
	st := Stats{Written: int(w.written.Load()), Unchanged: int(w.unchanged.Load())}
	if w.err != nil {
		w.Abort()
		return st, w.err
	}
	target, tmp := w.target, w.tmp
	// The marker too is linked when unchanged, so that a build with no
	// change leaves every modification time as it was.
	marker := []byte("This folder is written by handleplan build and replaced whole by the next build.\n")
	if old := filepath.Join(target, Marker); !same(old, marker) || os.Link(old, filepath.Join(tmp, Marker)) != nil {
		if err := os.WriteFile(filepath.Join(tmp, Marker), marker, 0o644); err != nil {
			w.Abort()
			return st, err
		}
	}
	// Count what the swap drops.
	filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if rel, err := filepath.Rel(target, p); err == nil && !w.have[filepath.ToSlash(rel)] {
				st.Removed++
			}
		}
		return nil
	})

	if err := swap(tmp, target); err != nil {
		w.Abort()
		return st, err
	}
	return st, nil
}

// errExchange: the system or file system cannot exchange two folders in
// one step.
var errExchange = errors.New("no atomic exchange of folders here")

// swap puts the folder tmp in place of target and removes the old
// target. The first build has no old folder: one rename, atomic. Later
// ones exchange the two folders in one step where the system can (then
// tmp holds the old site, removed after), and otherwise move the old
// site aside first.
func swap(tmp, target string) error {
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, target)
	}
	err := tryExchange(tmp, target)
	if err == nil {
		os.RemoveAll(tmp)
		return nil
	}
	if !errors.Is(err, errExchange) {
		return err
	}
	old := tmp + oldSuffix
	if err := os.Rename(target, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Rename(old, target)
		return err
	}
	os.RemoveAll(old)
	return nil
}

// tryExchange is exchange; tests replace it to take the fallback.
var tryExchange = exchange

// oldSuffix ends the name of an old site moved aside by swap's fallback.
const oldSuffix = ".old"

// tempPrefix is how the names of the new folders beside target start;
// os.MkdirTemp ends them with digits.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".new-" }

// removeLeftovers removes what interrupted runs left beside target: new
// folders (".NAME.new-" and digits) and old sites moved aside (the same
// and ".old"), only those names, nothing else. When target itself is
// missing and an old site lies aside (a run killed between the
// fallback's two renames), that old site is put back first.
func removeLeftovers(target string) {
	parent, prefix := filepath.Dir(target), tempPrefix(target)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	_, err = os.Lstat(target)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		digits, old := strings.CutSuffix(rest, oldSuffix)
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if old && missing && os.Rename(p, target) == nil {
			missing = false
			continue
		}
		os.RemoveAll(p)
	}
}

// same reports whether the file at p holds exactly data.
func same(p string, data []byte) bool {
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	b, err := os.ReadFile(p)
	return err == nil && bytes.Equal(b, data)
}
