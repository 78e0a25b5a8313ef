// Package bundle packs a built plan report for Socialtilsynet into one zip
// file: a single folder with index.html at its top, every link relative,
// so the reviewer unzips it and opens index.html from disk with no server
// and no network.
//
// The zip is deterministic: entries sorted by path, every time stamp set
// to "today" (the build's fixed date), no extra fields, so the same input
// gives the same bytes.
package bundle

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/handleplan/handleplan/generator/output"
)

// Zip packs files under folder/ in a zip archive.
func Zip(files []output.File, folder string, stamp time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	// zip stores local time without a zone; UTC midnight keeps it fixed.
	stamp = time.Date(stamp.Year(), stamp.Month(), stamp.Day(), 0, 0, 0, 0, time.UTC)
	if _, err := w.CreateHeader(&zip.FileHeader{Name: folder + "/", Method: zip.Store, Modified: stamp}); err != nil {
		return nil, err
	}
	for _, f := range files {
		if !output.ValidPath(f.Path) {
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
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteFile replaces path with data atomically: a temporary file beside
// it, then a rename, so a reader never sees half a bundle.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-")
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
