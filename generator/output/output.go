// Package output writes a built site to disk, atomically.
//
// The site is written into a fresh folder beside the target and swapped in
// with two renames, so a reader (or a web server) never sees half a site
// and a failed write leaves the last good output as it was. Files whose
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
)

// File is one output file.
type File struct {
	// Path is slash-separated and relative to the output root.
	Path string
	Data []byte
}

// Marker is the file a build leaves in its output so that a later build
// knows the folder is its own to replace.
const Marker = ".handleplan-output"

// ErrUnsafeTarget is wrapped by the errors Check returns.
var ErrUnsafeTarget = errors.New("unsafe output folder")

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
		return fmt.Errorf("%w: %s is the root of the file system", ErrUnsafeTarget, target)
	}
	if home, err := os.UserHomeDir(); err == nil && t == evalLinks(home) {
		return fmt.Errorf("%w: %s is the home folder", ErrUnsafeTarget, target)
	}
	if within(s, t) {
		return fmt.Errorf("%w: %s holds the site folder", ErrUnsafeTarget, target)
	}
	for _, src := range []string{"content", "layouts", "assets"} {
		if within(t, filepath.Join(s, src)) {
			return fmt.Errorf("%w: %s is inside the site's %s folder", ErrUnsafeTarget, target, src)
		}
	}
	entries, err := os.ReadDir(t)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if st, serr := os.Stat(t); serr == nil && !st.IsDir() {
			return fmt.Errorf("%w: %s is a file, not a folder", ErrUnsafeTarget, target)
		}
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(t, Marker)); err != nil {
		return fmt.Errorf("%w: %s is not empty and was not made by handleplan (no %s in it)", ErrUnsafeTarget, target, Marker)
	}
	return nil
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

// ValidPath reports whether an output path is safe to join to the target:
// relative, clean, no "..", no backslash, no drive letter.
func ValidPath(p string) bool {
	return fs.ValidPath(p) && p != "." && !strings.ContainsAny(p, `\:`)
}

// Stats says what Write did.
type Stats struct {
	Written, Unchanged, Removed int
}

// Write replaces target with files. It calls Check first.
func Write(target, site string, files []File) (Stats, error) {
	var st Stats
	if err := Check(target, site); err != nil {
		return st, err
	}
	for _, f := range files {
		if !ValidPath(f.Path) {
			return st, fmt.Errorf("refusing output path %q outside the output folder", f.Path)
		}
	}
	target = filepath.Clean(target)
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return st, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".new-")
	if err != nil {
		return st, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return st, err
	}
	dirs := map[string]bool{}
	for _, f := range files {
		dst := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if d := path.Dir(f.Path); !dirs[d] {
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return st, err
			}
			dirs[d] = true
		}
		old := filepath.Join(target, filepath.FromSlash(f.Path))
		if same(old, f.Data) && os.Link(old, dst) == nil {
			st.Unchanged++
			continue
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			return st, err
		}
		st.Written++
	}
	// The marker too is linked when unchanged, so that a build with no
	// change leaves every modification time as it was.
	marker := []byte("This folder is written by handleplan build and replaced whole by the next build.\n")
	if old := filepath.Join(target, Marker); !same(old, marker) || os.Link(old, filepath.Join(tmp, Marker)) != nil {
		if err := os.WriteFile(filepath.Join(tmp, Marker), marker, 0o644); err != nil {
			return st, err
		}
	}
	// Count what the swap drops.
	have := map[string]bool{Marker: true}
	for _, f := range files {
		have[f.Path] = true
	}
	filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if rel, err := filepath.Rel(target, p); err == nil && !have[filepath.ToSlash(rel)] {
				st.Removed++
			}
		}
		return nil
	})

	// Swap: target → old, tmp → target, then drop old.
	old := ""
	if _, err := os.Stat(target); err == nil {
		old = tmp + ".old"
		if err := os.Rename(target, old); err != nil {
			return st, err
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		if old != "" {
			os.Rename(old, target)
		}
		return st, err
	}
	ok = true
	if old != "" {
		os.RemoveAll(old)
	}
	return st, nil
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
