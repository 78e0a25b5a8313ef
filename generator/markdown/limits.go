package markdown

import "bytes"

// Limits on what goldmark is given. goldmark's time is linear in most
// Markdown but not in all: it matches each closing emphasis mark against
// the open ones before it, copies a paragraph's lines once per link
// reference definition it takes out, scans the rest of a line for the
// end of each link destination, and walks every open container on each
// line. Measured on the demo machine, 400 KB of "*a_ " took over a minute,
// 2.4 MB of reference definitions 12 s, and 4 MB of nested list items 50
// s. The limits below keep the extra work of any text under about the
// work of reading it.
//
// The counts are taken on the source, line by line, before goldmark sees
// it, and they count more than goldmark does (a mark in a code block
// counts too), never less.
const (
	// MaxNesting is the deepest nesting of block quotes and lists a
	// line may open: each >, each list marker and every two columns of
	// indentation count one level.
	MaxNesting = 32
	// MaxWork bounds, over a whole text, the sum for each paragraph (a
	// run of lines without an empty line) of marks² + scanners × length:
	// marks are runs of *, _ and ~ and each [ and ]; scanners are each
	// [, ], < and run of `; length is the paragraph's in bytes. About
	// 10⁸ is a second of goldmark's work.
	MaxWork = 50_000_000
	// MaxCells is the most table cells a text may make. A row with
	// fewer cells than the header is filled up with empty ones, so a
	// header of 1,000 columns and 4,000 lines of "x" made 4 million
	// cells (1 GB) from 12 KB.
	MaxCells = 100_000
)

// Limit says which limit a text passes and where.
type Limit int

// The limits a text can pass.
const (
	WithinLimits Limit = iota
	TooDeep            // nesting deeper than MaxNesting
	TooHeavy           // marks and length over MaxWork
	TooManyCells       // tables with more than MaxCells cells
)

// Check reports the first limit src passes, and the offset in src where
// it was passed: the start of the line nested too deep, of the paragraph
// whose marks went over MaxWork, or of the table whose cells went over
// MaxCells. It takes time linear in len(src).
func Check(src []byte) (Limit, int) {
	lim, off, _ := check(src)
	return lim, off
}

// check is Check, and also says how much of MaxWork src took.
func check(src []byte) (lim Limit, off int, work int64) {
	var marks, scanners, length int64
	para := -1 // start of the current paragraph, -1 between paragraphs
	// Tables: the columns of the one being read (0 outside a table), the
	// cells of all so far, and where the line before this one started.
	var cols, cells int64
	prev, table := 0, 0
	end := func() bool {
		work += marks*marks + scanners*length
		marks, scanners, length = 0, 0, 0
		return work > MaxWork
	}
	for start := 0; start < len(src); {
		stop := start
		for stop < len(src) && src[stop] != '\n' {
			stop++
		}
		line := src[start:stop]
		next := min(stop+1, len(src))
		if blank(line) {
			if para >= 0 && end() {
				return TooHeavy, para, work
			}
			para, cols = -1, 0
			start = next
			continue
		}
		levels, inner := nesting(line)
		if levels > MaxNesting {
			return TooDeep, start, work
		}
		if para < 0 {
			para = start
		}
		if n := delimiterRow(line[inner:]); n > 0 && start != para {
			// The line before is the header.
			cols, table = n, prev
			cells += n
		}
		if cols > 0 {
			cells += max(cols, int64(bytes.Count(line, []byte("|")))+1)
			if cells > MaxCells {
				return TooManyCells, table, work
			}
		}
		prev = start
		length += int64(next - start)
		for i := 0; i < len(line); i++ {
			switch c := line[i]; c {
			case '*', '_', '~', '`':
				for i+1 < len(line) && line[i+1] == c {
					i++
				}
				if c == '`' {
					scanners++
				} else {
					marks++
				}
			case '[', ']':
				marks++
				scanners++
			case '<':
				scanners++
			}
		}
		// Checked as the paragraph grows, so that one paragraph as
		// long as the file stops early too.
		if work+marks*marks+scanners*length > MaxWork {
			return TooHeavy, para, work
		}
		start = next
	}
	if para >= 0 && end() {
		return TooHeavy, para, work
	}
	return WithinLimits, 0, work
}

// blank reports whether a line holds only spaces and tabs.
func blank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// delimiterRow returns the number of columns if line is the delimiter
// row of a table ("|---|:-:|"), else 0.
func delimiterRow(line []byte) int64 {
	var cols int64
	pipe, in := false, false
	for _, c := range line {
		switch c {
		case '|':
			pipe, in = true, false
		case '-', ':':
			if !in {
				cols++
				in = true
			}
		case ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if !pipe {
		return 0
	}
	return cols
}

// nesting counts the levels of block quotes and lists a line may open:
// one for each > and list marker at its start, and one for every two
// columns of indentation among them; and where the rest of the line
// starts.
func nesting(line []byte) (levels, rest int) {
	cols := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4 - cols%4
			i++
		case c == '>':
			levels++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			levels++
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				levels++
				i = j + 1
				continue
			}
			return levels + cols/2, i
		default:
			return levels + cols/2, i
		}
	}
	return levels + cols/2, len(line)
}
