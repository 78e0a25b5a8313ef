// Package diag holds the diagnostics that every stage of the generator
// collects instead of stopping at the first problem.
//
// A Diagnostic names a position in a file on disk (1-based line and column,
// counted in the original file, front matter and BOM included), a severity,
// a message for the content author and an optional hint that says what to
// write instead. Messages are already translated when they are added; see
// package i18n.
package diag

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/cpr"
)

// Severity tells errors, which stop a build, from warnings, which do not
// (unless the caller asks for strictness).
type Severity int

const (
	// Warning is reported but does not fail a build.
	Warning Severity = iota
	// Error fails the build; nothing is written.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a position in a source file. Line and Col are 1-based; 0 means
// unknown. File is slash-separated and relative to the site folder.
type Pos struct {
	File string
	Line int
	Col  int
}

// String is the position as editors read it: file:line:col. A file name
// that holds a control character (a newline, an escape sequence for the
// terminal, a bidi override) is quoted as Go quotes a string, so that it
// can neither break the line nor change what the terminal shows.
func (p Pos) String() string {
	file := p.File
	if hasControl(file) {
		file = strconv.Quote(file)
	}
	switch {
	case p.File == "":
		return "config"
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// SafePath returns a file name as it may be printed outside a
// diagnostic: CPR-like numbers masked, quoted when it holds a control
// character.
func SafePath(p string) string {
	p = cpr.Mask(p)
	if hasControl(p) {
		return strconv.Quote(p)
	}
	return p
}

// hasControl reports whether s holds a control or format character, or
// bytes that are not UTF-8.
func hasControl(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Hint     string
	// Source is the offending line of the file, when known; the dev server
	// shows it under the message.
	Source string
}

// Safe returns d as it may leave the program, to a terminal or a browser:
// every CPR-like number in its file name, message, hint and source line
// masked (see cpr.Mask). Messages quote what the author wrote — a TOML
// decoder's "invalid datetime", an unknown status or key, the offending
// line — so no stage has to remember to mask; everything that prints
// diagnostics (Print, String, the dev server's overlay) goes through
// here.
func (d Diagnostic) Safe() Diagnostic {
	d.Pos.File = cpr.Mask(d.Pos.File)
	d.Msg = cpr.Mask(d.Msg)
	d.Hint = cpr.Mask(d.Hint)
	d.Source = cpr.Mask(d.Source)
	return d
}

// Safe returns a copy of l with every diagnostic made Safe.
func (l List) Safe() List {
	out := make(List, len(l))
	for i, d := range l {
		out[i] = d.Safe()
	}
	return out
}

// String formats d as Print does, made Safe.
func (d Diagnostic) String() string {
	d = d.Safe()
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
	if d.Hint != "" {
		s += "\n\t" + d.Hint
	}
	return s
}

// List collects diagnostics. The zero value is ready to use. A List is not
// safe for concurrent use; parallel stages collect into one List per item
// and Merge them in index order.
type List []Diagnostic

// Add appends d.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf adds an error at pos with a hint (which may be empty).
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at pos with a hint (which may be empty).
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Merge appends all of other.
func (l *List) Merge(other List) { *l = append(*l, other...) }

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Strict returns a copy of l in which every warning is an error.
func (l List) Strict() List {
	out := make(List, len(l))
	for i, d := range l {
		d.Severity = Error
		out[i] = d
	}
	return out
}

// Sort orders the list by file, line, column and then message, so output
// never depends on the order in which parallel work finished.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
}

// Print writes the list, sorted, one diagnostic per line in the form
// editors understand (file:line:col: error: message), each hint indented on
// the line after; every diagnostic made Safe.
func (l List) Print(w io.Writer) {
	s := make(List, len(l))
	copy(s, l)
	s.Sort()
	var b strings.Builder
	for _, d := range s {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

// LineCol converts a byte offset in src into a 1-based line and column.
// The column counts runes, not bytes, so æøå count as one each.
func LineCol(src []byte, off int) (line, col int) {
	c := Counter{Src: src}
	return c.At(off)
}

// Counter finds the lines and columns of many offsets in one source, in
// time linear in the source when the offsets come in increasing order
// (a file with thousands of findings must not cost thousands of scans
// from its start).
type Counter struct {
	Src       []byte
	off       int
	line, col int
}

// At returns the 1-based line and column (in runes) of byte offset off.
func (c *Counter) At(off int) (line, col int) {
	if off > len(c.Src) {
		off = len(c.Src)
	}
	if c.line == 0 || off < c.off {
		c.off, c.line, c.col = 0, 1, 1
	}
	for _, r := range string(c.Src[c.off:off]) {
		if r == '\n' {
			c.line++
			c.col = 1
		} else {
			c.col++
		}
	}
	c.off = off
	return c.line, c.col
}

// SourceLine returns line n (1-based) of src without its line ending, or ""
// when there is no such line.
func SourceLine(src []byte, n int) string {
	if n < 1 {
		return ""
	}
	src = src[LineStart(src, n):]
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}

// LineStart is the byte offset in src where line n (1-based) starts, or
// len(src) when src has fewer lines.
func LineStart(src []byte, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return len(src)
		}
		off += j + 1
	}
	return off
}
