package frontmatter

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/diag"
)

// Positions maps key paths of a front matter to where their values stand
// in the file on disk. They are found when first asked for: only a file
// with a problem to report needs them.
type Positions struct {
	file   string
	fmLine int
	src    *File // the file to scan; nil once scanned
	once   sync.Once
	// at maps "aktivitet.2.hvornaar" or "maal.1" to a position.
	at map[string]diag.Pos
	// plain maps a path without array-of-tables indexes
	// ("aktivitet.hvornar") to every place it occurs, for keys the
	// decoder reports without an index.
	plain map[string][]diag.Pos
	// undecoded is set when the front matter could not be decoded at
	// all (bad TOML, or a value of the wrong type): every field is empty.
	undecoded bool
}

// Undecoded reports whether the front matter could not be decoded at all,
// so that every field was left empty.
func (p *Positions) Undecoded() bool { return p != nil && p.undecoded }

// Pos returns the position of the value at path: strings are keys, ints
// are indexes of arrays of tables or array elements. It falls back to the
// nearest enclosing key, then to the start of the front matter.
func (p *Positions) Pos(path ...any) diag.Pos {
	if p == nil {
		return diag.Pos{}
	}
	p.load()
	parts := make([]string, len(path))
	for i, x := range path {
		switch x := x.(type) {
		case string:
			parts[i] = x
		case int:
			parts[i] = strconv.Itoa(x)
		}
	}
	for n := len(parts); n > 0; n-- {
		if pos, ok := p.at[strings.Join(parts[:n], ".")]; ok {
			return pos
		}
	}
	return diag.Pos{File: p.file, Line: p.fmLine}
}

// lazyPositions returns the positions of f's values, to be scanned when
// first asked for.
func lazyPositions(f File) *Positions {
	return &Positions{file: f.Path, fmLine: f.FMLine, src: &f}
}

func (p *Positions) load() {
	p.once.Do(func() {
		if p.src != nil {
			q := scan(*p.src)
			p.at, p.plain, p.src = q.at, q.plain, nil
		}
	})
}

// places lists every place a key path without array indexes occurs.
func (p *Positions) places(plain string) []diag.Pos {
	p.load()
	return p.plain[plain]
}

// scan reads the front matter line by line, tracking [table] and
// [[array]] headers, key = value lines, multi-line strings and arrays, and
// records where each value and each top-level array element starts.
func scan(f File) *Positions {
	p := &Positions{file: f.Path, fmLine: f.FMLine, at: map[string]diag.Pos{}, plain: map[string][]diag.Pos{}}
	var table []string        // current table path with indexes
	var plainTable []string   // the same without indexes
	count := map[string]int{} // array-of-tables path → entries so far
	lines := strings.Split(string(f.FrontMatter), "\n")
	// Columns count runes. Positions on a line are asked for from left to
	// right, so the count goes on from the last one: a line of 200,000
	// array elements is counted once, not once per element.
	var at struct{ line, byteCol, col int }
	pos := func(i, byteCol int) diag.Pos {
		if at.line != i || at.byteCol > byteCol {
			at.line, at.byteCol, at.col = i, 0, 0
		}
		at.col += utf8.RuneCountInString(lines[i][at.byteCol:byteCol])
		at.byteCol = byteCol
		return diag.Pos{File: f.Path, Line: f.FMLine + i, Col: at.col + 1}
	}
	// Inside a multi-line value: the closing delimiter and, for arrays,
	// the key and element count.
	var st scanState
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if st.active() {
			st.feed(line, i, 0, p, pos)
			continue
		}
		trim := strings.TrimSpace(line)
		if trim == "" || trim[0] == '#' {
			continue
		}
		if strings.HasPrefix(trim, "[[") {
			name := splitKey(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(stripComment(trim), "[["), "]]")))
			// Indexes of the enclosing arrays come from the current table.
			base := prefixWithIndexes(table, plainTable, name, count)
			key := strings.Join(base, ".")
			n := count[key]
			count[key] = n + 1
			table = append(base, strconv.Itoa(n))
			plainTable = name
			p.at[strings.Join(table, ".")] = pos(i, strings.Index(line, "[["))
			continue
		}
		if trim[0] == '[' {
			name := splitKey(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(stripComment(trim), "["), "]")))
			table = prefixWithIndexes(table, plainTable, name, count)
			plainTable = name
			p.at[strings.Join(table, ".")] = pos(i, strings.Index(line, "["))
			continue
		}
		eq := keyEnd(line)
		if eq < 0 {
			continue
		}
		k := splitKey(strings.TrimSpace(line[:eq]))
		full := strings.Join(append(append([]string{}, table...), k...), ".")
		plain := strings.Join(append(append([]string{}, plainTable...), k...), ".")
		vstart := eq + 1
		for vstart < len(line) && (line[vstart] == ' ' || line[vstart] == '\t') {
			vstart++
		}
		vp := pos(i, min(vstart, len(line)))
		p.at[full] = vp
		p.plain[plain] = append(p.plain[plain], vp)
		st = scanState{key: full}
		st.feed(line, i, vstart, p, pos)
	}
	return p
}

// prefixWithIndexes gives a header path the indexes of the arrays of
// tables it lies in: [[tema.kriterium]] inside the third [[tema]] is
// tema.2.kriterium.
func prefixWithIndexes(table, plainTable, name []string, count map[string]int) []string {
	var out []string
	for i, part := range name {
		out = append(out, part)
		key := strings.Join(out, ".")
		if i < len(name)-1 {
			if n, ok := count[key]; ok && n > 0 {
				out = append(out, strconv.Itoa(n-1))
			}
		}
	}
	return out
}

type scanState struct {
	key     string
	depth   int    // bracket depth of an array value
	str     string // the open multi-line string delimiter, or ""
	elem    int    // next array element index
	inValue bool
}

func (s *scanState) active() bool { return s.key != "" && (s.depth > 0 || s.str != "") }

// feed scans one line of a value from byte offset from, recording the
// start of each top-level array element.
func (s *scanState) feed(line string, i, from int, p *Positions, pos func(int, int) diag.Pos) {
	for j := from; j < len(line); j++ {
		c := line[j]
		if s.str != "" {
			if strings.HasPrefix(line[j:], s.str) {
				j += len(s.str) - 1
				s.str = ""
			} else if c == '\\' && s.str == `"""` {
				j++
			}
			continue
		}
		if s.depth == 1 && !s.inValue && c != ' ' && c != '\t' && c != ',' && c != ']' && c != '#' {
			p.at[s.key+"."+strconv.Itoa(s.elem)] = pos(i, j)
			s.elem++
			s.inValue = true
		}
		switch {
		case c == '#':
			return
		case strings.HasPrefix(line[j:], `"""`) || strings.HasPrefix(line[j:], `'''`):
			s.str = line[j : j+3]
			j += 2
		case c == '"':
			j = skipString(line, j, '"')
		case c == '\'':
			j = skipString(line, j, '\'')
		case c == '[' || c == '{':
			s.depth++
		case c == ']' || c == '}':
			s.depth--
			if s.depth == 1 || s.depth == 0 {
				s.inValue = s.depth == 1 && s.inValue
			}
		case c == ',' && s.depth == 1:
			s.inValue = false
		}
	}
	if s.depth <= 0 && s.str == "" {
		s.key = ""
	}
}

// skipString returns the index of the closing quote of a one-line string
// starting at j.
func skipString(line string, j int, q byte) int {
	for k := j + 1; k < len(line); k++ {
		if q == '"' && line[k] == '\\' {
			k++
			continue
		}
		if line[k] == q {
			return k
		}
	}
	return len(line)
}

// keyEnd returns the index of the '=' after a key, outside quotes, or -1.
func keyEnd(line string) int {
	for j := 0; j < len(line); j++ {
		switch line[j] {
		case '"', '\'':
			j = skipString(line, j, line[j])
		case '=':
			return j
		case '#', '[':
			return -1
		}
	}
	return -1
}

// splitKey splits a dotted key, unquoting quoted parts; a dot inside
// quotes ("Konst. aftaleholder") does not split.
func splitKey(k string) []string {
	var parts []string
	start := 0
	for j := 0; j < len(k); j++ {
		switch k[j] {
		case '"', '\'':
			j = skipString(k, j, k[j])
		case '.':
			parts = append(parts, k[start:j])
			start = j + 1
		}
	}
	parts = append(parts, k[start:])
	var out []string
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if u, err := strconv.Unquote(part); err == nil {
			part = u
		} else {
			part = strings.Trim(part, `'`)
		}
		out = append(out, part)
	}
	return out
}

func stripComment(s string) string {
	if i := strings.LastIndex(s, "#"); i > strings.LastIndex(s, "]") {
		return strings.TrimSpace(s[:i])
	}
	return s
}
