// Package ignore names the files the generator and the watcher pass over:
// hidden files and the temporary files editors write while saving.
package ignore

import "strings"

// Name reports whether a file or folder name is hidden or an editor's
// temporary file: .x, x~, *.swp/*.swx (vim), 4913 (vim's write probe),
// #x# and .#x (Emacs), x___jb_tmp___ / x___jb_old___ (JetBrains), *.tmp,
// and Thumbs.db.
func Name(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") || strings.Contains(name, "___jb_") ||
		name == "4913" || strings.HasPrefix(name, "#") || name == "Thumbs.db"
}
