package markdown

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
)

// Limit says which limit a text passes and where.
type Limit int

// The limits a text can pass.
const (
	WithinLimits Limit = iota
	TooDeep            // nesting deeper than MaxNesting
	TooHeavy           // marks and length over MaxWork
)

// Check reports the first limit src passes, and the offset in src where
// it was passed: the start of the line nested too deep, or the start of
// the paragraph whose marks went over MaxWork. It takes time linear in
// len(src).
func Check(src []byte) (Limit, int) {
	lim, off, _ := check(src)
	return lim, off
}

// check is Check, and also says how much of MaxWork src took.
func check(src []byte) (lim Limit, off int, work int64) {
	var marks, scanners, length int64
	para := -1 // start of the current paragraph, -1 between paragraphs
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
			para = -1
			start = next
			continue
		}
		if nesting(line) > MaxNesting {
			return TooDeep, start, work
		}
		if para < 0 {
			para = start
		}
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

// nesting counts the levels of block quotes and lists a line may open:
// one for each > and list marker at its start, and one for every two
// columns of indentation among them.
func nesting(line []byte) int {
	levels, cols := 0, 0
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
			return levels + cols/2
		default:
			return levels + cols/2
		}
	}
	return levels + cols/2
}
