package main

import (
	"os"
	"runtime"
	"strings"

	"github.com/handleplan/handleplan/generator/i18n"
)

// Paths a user types (-s, -d, -o, the file to import) are OS paths: they
// are used with path/filepath here, at the edge, and never reach the
// engine, which reads the site through fs.FS with slash paths.
//
// A Windows path given on another system (copied from a colleague's
// guide, say "C:\Users\leder\mit-sted" or "planer\min-plan") is a valid
// file name there: -d would make a folder called "C:\Users\…" in the
// current folder. Such a path that does not exist is refused instead,
// with a hint.

// windowsLike reports whether p, on the system goos, looks like a path
// written for Windows: a drive letter ("C:", "c:\x") or a backslash. On
// Windows every path may look so.
func windowsLike(goos, p string) bool {
	if goos == "windows" {
		return false
	}
	drive := len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z')
	return drive || strings.Contains(p, `\`)
}

// checkUserPath refuses a path that looks like a Windows path on another
// system and does not exist; an existing file of that name is the user's.
// The error says nothing itself: the caller says pathHint in its language.
func checkUserPath(p string) error {
	if !windowsLike(runtime.GOOS, p) {
		return nil
	}
	if _, err := os.Lstat(p); err == nil {
		return nil
	}
	return windowsPathError{}
}

// windowsPathError is checkUserPath's refusal; the flag package passes on
// only its text, which flagError recognises.
type windowsPathError struct{}

func (windowsPathError) Error() string { return "a Windows path that does not exist here" }

// pathHint says in lang what to write instead of the Windows-like path p.
func pathHint(lang i18n.Lang, p string) string {
	if len(p) >= 2 && p[1] == ':' {
		return i18n.T(lang, "cli.path.drive", p)
	}
	return i18n.T(lang, "cli.path.backslash", p, strings.ReplaceAll(p, `\`, "/"))
}

// pathFlag is a string flag holding an OS path, checked by checkUserPath
// as it is parsed.
type pathFlag string

func (f *pathFlag) String() string { return string(*f) }

func (f *pathFlag) Set(v string) error {
	if err := checkUserPath(v); err != nil {
		return err
	}
	*f = pathFlag(v)
	return nil
}
