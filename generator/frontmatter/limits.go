package frontmatter

import (
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
)

// MaxDepth is the deepest nesting of arrays and inline tables a front
// matter may hold. The deepest the formats use is two (data = [["2022-01",
// 9.4]]); the TOML decoder recurses once per level and holds every level
// open, so a line of a million [ took a minute and 700 MB before it was
// refused.
const MaxDepth = 16

// TooDeep reports where a TOML source first nests arrays or inline
// tables deeper than MaxDepth, in one pass over it: the offset of the
// bracket that goes too deep, or -1. Brackets in strings and comments do
// not count, nor do those of [table] and [[array]] headers, which close on
// their own line.
func TooDeep(src []byte) int {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipQuoted(src, i)
		case '[', '{':
			depth++
			if depth > MaxDepth {
				return i
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return -1
}

// skipQuoted returns the offset of the last byte of the string that
// starts at src[i]: a basic or literal string, one-line or multi-line. A
// one-line string ends at the end of its line if it is not closed.
func skipQuoted(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j+2 < len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if src[j] == q && src[j+1] == q && src[j+2] == q {
				// A closing run may be up to five quotes long: the
				// last three close.
				for j+3 < len(src) && src[j+3] == q {
					j++
				}
				return j + 2
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			return j - 1
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j
		}
	}
	return len(src)
}

// checkLimits refuses, before decoding, a front matter the decoder would
// take more than linear time or memory on.
func checkLimits(f File, lang i18n.Lang) (diag.Diagnostic, bool) {
	off := TooDeep(f.FrontMatter)
	if off < 0 {
		return diag.Diagnostic{}, true
	}
	line, col := diag.LineCol(f.FrontMatter, off)
	return diag.Diagnostic{
		Pos:      diag.Pos{File: f.Path, Line: f.FMLine + line - 1, Col: col},
		Severity: diag.Error,
		Msg:      i18n.T(lang, "limit.depth", MaxDepth),
		Hint:     i18n.T(lang, "limit.depth.hint"),
	}, false
}
