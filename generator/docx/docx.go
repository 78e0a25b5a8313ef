// Package docx reads the text and tables of a Word document (.docx).
//
// It reads only what an action plan needs from WordprocessingML: the
// paragraphs and tables of the body (w:p, w:tbl, w:tr, w:tc), merged cells
// (w:gridSpan, w:vMerge), list paragraphs (w:numPr, directly or through the
// paragraph's style), line breaks and tabs, and bold and italic runs. Read
// is a pure function from the file's bytes to a Document, so it is tested
// without a disk.
//
// A .docx is untrusted input: Read caps the number of zip entries and the
// uncompressed size of every part it reads, refuses any DTD or entity
// declaration, limits table nesting, and tells an encrypted document or an
// old binary .doc (both are OLE compound files) from a file that is simply
// not a docx. It uses archive/zip and encoding/xml only.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what Read accepts.
const (
	// MaxEntries is the most zip entries a document may have; a Word
	// document has a few dozen.
	MaxEntries = 2000
	// MaxPartSize is the largest uncompressed part read (document.xml,
	// styles.xml, numbering.xml).
	MaxPartSize = 50 << 20
	// MaxNesting is the deepest nesting of tables inside table cells.
	MaxNesting = 20
	// MaxColumns is the widest grid a table may span; wider spans are cut.
	MaxColumns = 64
)

// The errors Read returns; test with errors.Is.
var (
	ErrNotZip      = errors.New("docx: not a zip file")
	ErrEncrypted   = errors.New("docx: the document is password-protected (encrypted)")
	ErrLegacyDoc   = errors.New("docx: an old binary Word document (.doc), not a .docx")
	ErrNoDocument  = errors.New("docx: the zip holds no word/document.xml")
	ErrTooLarge    = errors.New("docx: a part is larger than the limit")
	ErrTooManyFile = errors.New("docx: the zip holds too many entries")
	ErrDTD         = errors.New("docx: the XML declares a DTD or entities")
	ErrMalformed   = errors.New("docx: the XML cannot be read")
)

// Document is the body of a Word document, in order.
type Document struct {
	Blocks []Block
}

// Block is one top-level paragraph or table: exactly one field is set.
type Block struct {
	Para  *Para
	Table *Table
}

// ListKind says whether a paragraph is a list item, and of which kind.
type ListKind int

// The list kinds.
const (
	NoList ListKind = iota
	Bullet
	Numbered
)

// Para is one paragraph: its runs of text, its style id and its list kind.
// A line break inside the paragraph is a run whose Text is "\n".
type Para struct {
	Style string
	List  ListKind
	Level int
	Runs  []Run
}

// Run is a stretch of text with one formatting.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Merge is a cell's part in a vertical merge.
type Merge int

// The vertical merge states of a cell.
const (
	NoMerge Merge = iota
	MergeStart
	MergeContinue
)

// Cell is one w:tc: its paragraphs, how many grid columns it spans and its
// part in a vertical merge. Paragraphs of tables nested in the cell are
// flattened into Paras.
type Cell struct {
	Paras []*Para
	Span  int
	Merge Merge
}

// Row is one w:tr. Before is the number of grid columns skipped before the
// first cell (w:gridBefore).
type Row struct {
	Before int
	Cells  []*Cell
}

// Table is one w:tbl.
type Table struct {
	Rows []*Row
}

// Read reads the body of the .docx in data.
func Read(data []byte) (*Document, error) {
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		// An OLE compound file: Office stores an encrypted .docx in one,
		// with an "EncryptionInfo" stream; otherwise it is a .doc.
		if bytes.Contains(data, utf16("EncryptionInfo")) || bytes.Contains(data, utf16("EncryptedPackage")) {
			return nil, ErrEncrypted
		}
		return nil, ErrLegacyDoc
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, ErrNotZip
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	if len(zr.File) > MaxEntries {
		return nil, fmt.Errorf("%w: %d (at most %d)", ErrTooManyFile, len(zr.File), MaxEntries)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(f.Name)] = f
	}
	main, ok := parts["word/document.xml"]
	if !ok {
		return nil, ErrNoDocument
	}
	st := &styles{lists: map[string]ListKind{}, nums: map[string]ListKind{}}
	if f, ok := parts["word/numbering.xml"]; ok {
		b, err := readPart(f)
		if err != nil {
			return nil, err
		}
		if err := st.readNumbering(b); err != nil {
			return nil, err
		}
	}
	if f, ok := parts["word/styles.xml"]; ok {
		b, err := readPart(f)
		if err != nil {
			return nil, err
		}
		if err := st.readStyles(b); err != nil {
			return nil, err
		}
	}
	b, err := readPart(main)
	if err != nil {
		return nil, err
	}
	return parseDocument(b, st)
}

// readPart reads one zip entry, never more than MaxPartSize bytes of it,
// whatever its header claims.
func readPart(f *zip.File) ([]byte, error) {
	// The file is a zip (Read has opened it): a part that cannot be
	// unpacked (a compression method no Word uses, a bad checksum) is
	// a damaged document, not "not a Word file".
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.Name, err)
	}
	if len(b) > MaxPartSize {
		return nil, fmt.Errorf("%w: %s (at most %d MB)", ErrTooLarge, f.Name, MaxPartSize>>20)
	}
	if err := checkNoDTD(b); err != nil {
		return nil, fmt.Errorf("%w (%s)", err, f.Name)
	}
	return b, nil
}

// checkNoDTD refuses a part that declares a DTD or entities. encoding/xml
// would not expand them, but no Word document has them, so their presence
// means a crafted file.
func checkNoDTD(b []byte) error {
	if bytes.Contains(b, []byte("<!DOCTYPE")) || bytes.Contains(b, []byte("<!ENTITY")) ||
		bytes.Contains(b, []byte("<!doctype")) || bytes.Contains(b, []byte("<!entity")) {
		return ErrDTD
	}
	return nil
}

func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// Text returns the paragraph's plain text; line breaks stay "\n".
func (p *Para) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Lines splits the paragraph at its line breaks.
func (p *Para) Lines() []Line {
	var out []Line
	var cur Line
	for _, r := range p.Runs {
		parts := strings.Split(r.Text, "\n")
		for i, s := range parts {
			if i > 0 {
				out = append(out, cur)
				cur = nil
			}
			if s != "" {
				cur = append(cur, Run{Text: s, Bold: r.Bold, Italic: r.Italic})
			}
		}
	}
	return append(out, cur)
}

// Line is one line of a paragraph.
type Line []Run

// Plain returns the line's text, trimmed, with runs of spaces made one.
func (l Line) Plain() string {
	var b strings.Builder
	for _, r := range l {
		b.WriteString(r.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Markdown returns the line as inline Markdown: bold as **…**, italic as
// *…*, and the characters Markdown would read as markup escaped.
func (l Line) Markdown() string {
	// Merge neighbouring runs of the same formatting, so "**a****b**"
	// never appears.
	var merged []Run
	for _, r := range l {
		if n := len(merged); n > 0 && merged[n-1].Bold == r.Bold && merged[n-1].Italic == r.Italic {
			merged[n-1].Text += r.Text
			continue
		}
		merged = append(merged, r)
	}
	var b strings.Builder
	for _, r := range merged {
		text := escape(r.Text)
		mark := ""
		switch {
		case r.Bold && r.Italic:
			mark = "***"
		case r.Bold:
			mark = "**"
		case r.Italic:
			mark = "*"
		}
		core := strings.TrimSpace(text)
		if mark == "" || core == "" {
			b.WriteString(text)
			continue
		}
		// Emphasis must hug its text: spaces go outside the markers.
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		b.WriteString(lead + mark + core + mark + trail)
	}
	return escapeStart(strings.Join(strings.Fields(b.String()), " "))
}

// escapeStart keeps a line that begins like a heading, a quote or a list
// item from being read as one.
func escapeStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '>', '=', '|':
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`)

func escape(s string) string { return mdEscaper.Replace(s) }
