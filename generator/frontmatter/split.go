// Package frontmatter reads a content file: TOML front matter between two
// lines of +++, then a Markdown body.
//
// Files written on Windows work: a UTF-8 byte-order mark is dropped and
// CRLF (or a lone CR) ends a line like LF. Line numbers are kept exactly:
// the body keeps its lines, and every diagnostic names the line and column
// of the file on disk. Decoding is strict: an unknown key is an error with
// the nearest known key as hint, a value of the wrong type names the key
// and the type expected.
//
// Every file is read in time linear in its size: front matter nested
// deeper than MaxDepth and a body over the limits of markdown.Check are
// refused before a decoder or Markdown sees them.
package frontmatter

import (
	"bytes"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/markdown"
)

// MaxSize is the largest file read; larger ones get one diagnostic.
const MaxSize = 10 << 20

// File is one content file split into front matter and body.
type File struct {
	// Path is slash-separated, relative to the site folder.
	Path string
	// Src is the file as read, BOM and CRLF included.
	Src []byte
	// FrontMatter is the TOML between the +++ lines, BOM removed and line
	// endings made LF.
	FrontMatter []byte
	// FMLine is the line of Src where FrontMatter starts.
	FMLine int
	// Body is the Markdown after the closing +++, LF line endings; its
	// line n is line BodyLine+n-1 of Src.
	Body []byte
	// BodyLine is the line of Src where Body starts.
	BodyLine int
}

var bom = []byte("\ufeff")

// normalize drops a BOM and makes every line ending LF, keeping the number
// of lines.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// Whole treats a whole file as TOML, for config.toml and quality models.
func Whole(path string, src []byte) File {
	return File{Path: path, Src: src, FrontMatter: normalize(src), FMLine: 1, BodyLine: 0}
}

// Split separates the front matter from the body. It reports an empty
// file, a binary or non-UTF-8 file, a file over MaxSize, YAML front
// matter, a missing opening or closing +++, a body over the limits of
// markdown.Check — each as one diagnostic.
func Split(path string, src []byte, lang i18n.Lang) (File, diag.List) {
	var diags diag.List
	f := File{Path: path, Src: src}
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	fail := func(line, col int, msg, hint string) (File, diag.List) {
		diags.Add(diag.Diagnostic{Pos: diag.Pos{File: path, Line: line, Col: col}, Severity: diag.Error, Msg: msg, Hint: hint})
		return f, diags
	}
	switch {
	case len(src) > MaxSize:
		return fail(0, 0, t("fm.toolarge", MaxSize>>20), t("fm.toolarge.hint"))
	case len(bytes.TrimSpace(bytes.TrimPrefix(src, bom))) == 0:
		return fail(1, 1, t("fm.empty"), t("fm.example.hint"))
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, _ := diag.LineCol(src, i)
		return fail(l, 0, t("fm.binary"), "")
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		l, c := diag.LineCol(src, i)
		return fail(l, c, t("fm.utf8"), t("fm.utf8.hint"))
	}
	norm := normalize(src)
	lines := bytes.SplitAfter(norm, []byte("\n"))
	first := string(bytes.TrimRight(lines[0], " \t\n"))
	switch first {
	case "+++":
	case "---":
		return fail(1, 1, t("fm.yaml"), t("fm.yaml.hint"))
	default:
		return fail(1, 1, t("fm.noopen"), t("fm.example.hint"))
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], " \t\n")) == "+++" {
			end = i
			break
		}
	}
	if end < 0 {
		return fail(1, 1, t("fm.noclose"), t("fm.noclose.hint"))
	}
	// The lines are consecutive pieces of norm: slice it, don't copy.
	off := func(i int) int {
		n := 0
		for _, l := range lines[:i] {
			n += len(l)
		}
		return n
	}
	fmStart, fmEnd := off(1), off(end)
	f.FrontMatter = norm[fmStart:fmEnd:fmEnd]
	f.FMLine = 2
	f.Body = norm[fmEnd+len(lines[end]):]
	f.BodyLine = end + 2
	if lim, off := markdown.Check(f.Body); lim != markdown.WithinLimits {
		l, c := diag.LineCol(f.Body, off)
		switch lim {
		case markdown.TooDeep:
			return fail(f.BodyLine+l-1, c, t("limit.nesting", markdown.MaxNesting), t("limit.nesting.hint"))
		case markdown.TooManyCells:
			return fail(f.BodyLine+l-1, c, t("limit.cells", markdown.MaxCells), t("limit.cells.hint"))
		}
		return fail(f.BodyLine+l-1, c, t("limit.marks"), t("limit.marks.hint"))
	}
	return f, diags
}
