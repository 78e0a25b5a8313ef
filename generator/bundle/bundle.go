// Package bundle packs a built plan report for Socialtilsynet into one zip
// file: a single folder with index.html at its top, every link relative,
// so the reviewer unzips it and opens index.html from disk with no server
// and no network.
//
// The zip is deterministic: entries sorted by path, every time stamp set
// to "today" (the build's fixed date), no extra fields, so the same input
// gives the same bytes.
//
// Writing never destroys: a bundle is written only as a new file or over
// a file that is itself a bundle made by this tool, which it tells by a
// mark every bundle carries (the zip's comment, a <meta> tag in the
// single HTML file); see CheckTarget.
package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/urls"
)

// Zip packs files under folder/ in a zip archive.
func Zip(files []outfile.File, folder string, stamp time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	// zip stores local time without a zone; UTC midnight keeps it fixed.
	stamp = time.Date(stamp.Year(), stamp.Month(), stamp.Day(), 0, 0, 0, 0, time.UTC)
	if _, err := w.CreateHeader(&zip.FileHeader{Name: folder + "/", Method: zip.Store, Modified: stamp}); err != nil {
		return nil, err
	}
	for _, f := range files {
		if !urls.ValidPath(f.Path) {
			return nil, fmt.Errorf("refusing path %q in a bundle", f.Path)
		}
		h := &zip.FileHeader{Name: folder + "/" + f.Path, Method: zip.Deflate, Modified: stamp}
		h.SetMode(0o644)
		fw, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := w.SetComment(zipComment); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipComment marks a zip as a bundle made by handleplan.
const zipComment = "handleplan bundle"

// htmlMark marks a single HTML file as a bundle made by handleplan; it
// goes right after <head>, so it is found in the file's first bytes.
const htmlMark = `<meta name="generator" content="handleplan bundle">`

// MarkHTML puts the mark of a handleplan bundle into a single-file
// bundle (SingleFile's result), right after its <head>.
func MarkHTML(data []byte) []byte {
	i := bytes.Index(data, []byte("<head>"))
	if i < 0 {
		return data
	}
	i += len("<head>")
	out := make([]byte, 0, len(data)+len(htmlMark))
	out = append(out, data[:i]...)
	out = append(out, htmlMark...)
	return append(out, data[i:]...)
}

// The refusals of CheckTarget.
var (
	// ErrNotBundle: the file exists and is not a bundle made by
	// handleplan.
	ErrNotBundle = errors.New("the file exists and is not a bundle made by handleplan")
	// ErrNoFolder: the folder to write into does not exist.
	ErrNoFolder = errors.New("the folder does not exist")
	// ErrFolder: the path names a folder.
	ErrFolder = errors.New("the path is a folder")
)

// CheckTarget reports whether a bundle may be written at path: a file
// that does not exist yet in a folder that does, or a file that is
// itself a bundle made by handleplan (a zip with its comment, or an HTML
// file with its mark). It reads the existing file to tell.
func CheckTarget(path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ErrNoFolder
	}
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		return ErrFolder
	}
	if !st.Mode().IsRegular() || !isBundle(path) {
		return ErrNotBundle
	}
	return nil
}

// isBundle reports whether the file at path is a bundle made by
// handleplan.
func isBundle(path string) bool {
	if r, err := zip.OpenReader(path); err == nil {
		defer r.Close()
		return r.Comment == zipComment
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(htmlMark))
}

// tempPrefix is how the name of WriteFile's temporary file beside path
// starts; os.CreateTemp ends it with digits.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// RemoveLeftovers removes the temporary files that an interrupted
// WriteFile of path left beside it: only files named exactly as WriteFile
// names them (".NAME.tmp-" and digits), nothing else.
func RemoveLeftovers(path string) {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && rest != "" && strings.Trim(rest, "0123456789") == "" && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// WriteFile replaces path with data atomically: a temporary file beside
// it, then a rename, so a reader never sees half a bundle.
func WriteFile(path string, data []byte) error {
	RemoveLeftovers(path)
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
