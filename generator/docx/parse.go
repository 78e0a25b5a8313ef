package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// styles holds what the list kind of a paragraph depends on besides the
// paragraph itself: the numbering definitions and the styles that number
// their paragraphs (python-docx's "List Bullet" does it that way).
type styles struct {
	nums  map[string]ListKind // numId → kind of its first level
	lists map[string]ListKind // styleId → kind
}

func (s *styles) readNumbering(b []byte) error {
	var n struct {
		Abstract []struct {
			ID  string `xml:"abstractNumId,attr"`
			Lvl []struct {
				Ilvl string `xml:"ilvl,attr"`
				Fmt  struct {
					Val string `xml:"val,attr"`
				} `xml:"numFmt"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Num []struct {
			ID       string `xml:"numId,attr"`
			Abstract struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("%w: numbering.xml: %v", ErrMalformed, err)
	}
	abs := map[string]ListKind{}
	for _, a := range n.Abstract {
		k := Bullet
		for _, l := range a.Lvl {
			if l.Ilvl == "0" && l.Fmt.Val != "" && l.Fmt.Val != "bullet" && l.Fmt.Val != "none" {
				k = Numbered
			}
		}
		abs[a.ID] = k
	}
	for _, m := range n.Num {
		if k, ok := abs[m.Abstract.Val]; ok {
			s.nums[m.ID] = k
		}
	}
	return nil
}

func (s *styles) readStyles(b []byte) error {
	var st struct {
		Style []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			NumID *struct {
				Val string `xml:"val,attr"`
			} `xml:"pPr>numPr>numId"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("%w: styles.xml: %v", ErrMalformed, err)
	}
	for _, x := range st.Style {
		if x.NumID != nil && x.NumID.Val != "0" {
			k, ok := s.nums[x.NumID.Val]
			if !ok {
				k = kindByName(x.Name.Val)
			}
			if k == NoList {
				k = Bullet
			}
			s.lists[x.ID] = k
			continue
		}
		if k := kindByName(x.Name.Val); k != NoList {
			s.lists[x.ID] = k
		}
	}
	return nil
}

// kindByName guesses a list style from its name, for styles that number
// through a definition Read does not follow.
func kindByName(name string) ListKind {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "list bullet"), strings.Contains(n, "punktopstilling"):
		return Bullet
	case strings.Contains(n, "list number"), strings.Contains(n, "talopstilling"):
		return Numbered
	}
	return NoList
}

// parser walks the tokens of document.xml.
type parser struct {
	dec *xml.Decoder
	st  *styles
}

func parseDocument(b []byte, st *styles) (*Document, error) {
	p := &parser{dec: xml.NewDecoder(bytes.NewReader(b)), st: st}
	doc := &Document{}
	for {
		tok, err := p.next()
		if err == io.EOF {
			return doc, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "p":
			para, err := p.para()
			if err != nil {
				return nil, err
			}
			doc.Blocks = append(doc.Blocks, Block{Para: para})
		case se.Name.Local == "tbl":
			t, err := p.table(1)
			if err != nil {
				return nil, err
			}
			doc.Blocks = append(doc.Blocks, Block{Table: t})
		case skipped(se.Name.Local):
			if err := p.dec.Skip(); err != nil {
				return nil, p.wrap(err)
			}
		}
	}
}

// skipped names elements whose text is not the document's running text:
// drawings and text boxes, deleted text, and the fallback copy of
// alternate content.
func skipped(local string) bool {
	switch local {
	case "Fallback", "drawing", "pict", "txbxContent", "del", "moveFrom", "object":
		return true
	}
	return false
}

func (p *parser) next() (xml.Token, error) {
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, p.wrap(err)
	}
	if _, ok := tok.(xml.Directive); ok {
		return nil, ErrDTD
	}
	return tok, nil
}

func (p *parser) wrap(err error) error {
	if errors.Is(err, ErrDTD) {
		return err
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%w: %v", ErrMalformed, err)
}

// untilEnd reads the rest of the element whose start was just read,
// calling f for every start element inside it (but not inside skipped
// ones; f reports whether it read the element to its end), end for every end element and text for character data.
func (p *parser) untilEnd(f func(se xml.StartElement) (bool, error), end func(xml.EndElement), text func(string)) error {
	depth := 1
	for depth > 0 {
		tok, err := p.next()
		if err != nil {
			return p.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipped(t.Name.Local) {
				if err := p.dec.Skip(); err != nil {
					return p.wrap(err)
				}
				continue
			}
			consumed, err := f(t)
			if err != nil {
				return err
			}
			if !consumed {
				depth++
			}
		case xml.EndElement:
			depth--
			if end != nil && depth > 0 {
				end(t)
			}
		case xml.CharData:
			if text != nil {
				text(string(t))
			}
		}
	}
	return nil
}

func val(se xml.StartElement) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == "val" {
			return a.Value, true
		}
	}
	return "", false
}

// on reports whether a toggle property such as <w:b/> is switched on.
func on(se xml.StartElement) bool {
	v, ok := val(se)
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// para reads one w:p after its start element.
func (p *parser) para() (*Para, error) {
	para := &Para{}
	var numID string
	hasNum := false
	inPPr, inRPr, inT := 0, false, false
	var cur Run
	err := p.untilEnd(func(se xml.StartElement) (bool, error) {
		switch se.Name.Local {
		case "pPr":
			inPPr = 1
		case "pStyle":
			if inPPr > 0 {
				para.Style, _ = val(se)
			}
		case "numId":
			if inPPr > 0 {
				numID, _ = val(se)
				hasNum = true
			}
		case "ilvl":
			if inPPr > 0 {
				v, _ := val(se)
				para.Level, _ = strconv.Atoi(v)
			}
		case "r":
			inPPr = 0
			cur = Run{}
		case "rPr":
			inRPr = inPPr == 0
		case "b":
			if inRPr {
				cur.Bold = on(se)
			}
		case "i":
			if inRPr {
				cur.Italic = on(se)
			}
		case "t":
			inT = true
		case "br", "cr":
			para.Runs = append(para.Runs, Run{Text: "\n"})
		case "tab":
			if inPPr == 0 {
				para.Runs = append(para.Runs, Run{Text: " ", Bold: cur.Bold, Italic: cur.Italic})
			}
		case "noBreakHyphen":
			para.Runs = append(para.Runs, Run{Text: "-", Bold: cur.Bold, Italic: cur.Italic})
		}
		return false, nil
	}, func(ee xml.EndElement) {
		switch ee.Name.Local {
		case "t":
			inT = false
		case "rPr":
			inRPr = false
		case "pPr":
			inPPr = 0
		}
	}, func(s string) {
		if inT {
			para.Runs = append(para.Runs, Run{Text: s, Bold: cur.Bold, Italic: cur.Italic})
		}
	})
	if err != nil {
		return nil, err
	}
	switch {
	case hasNum && numID != "0":
		k, ok := p.st.nums[numID]
		if !ok {
			k = Bullet
		}
		para.List = k
	case hasNum:
	default:
		para.List = p.st.lists[para.Style]
	}
	return para, nil
}

// table reads one w:tbl after its start element; depth counts the tables
// it lies in, itself included.
func (p *parser) table(depth int) (*Table, error) {
	if depth > MaxNesting {
		return nil, fmt.Errorf("%w: tables nested more than %d deep", ErrMalformed, MaxNesting)
	}
	t := &Table{}
	var row *Row
	var cell *Cell
	inTcPr := false
	f := func(se xml.StartElement) (bool, error) {
		switch se.Name.Local {
		case "tr":
			row = &Row{}
			t.Rows = append(t.Rows, row)
			cell = nil
		case "gridBefore":
			if row != nil && cell == nil {
				v, _ := val(se)
				n, _ := strconv.Atoi(v)
				row.Before = min(max(n, 0), MaxColumns)
			}
		case "tc":
			if row == nil {
				row = &Row{}
				t.Rows = append(t.Rows, row)
			}
			cell = &Cell{Span: 1}
			row.Cells = append(row.Cells, cell)
		case "tcPr":
			inTcPr = true
		case "gridSpan":
			if cell != nil && inTcPr {
				v, _ := val(se)
				n, _ := strconv.Atoi(v)
				cell.Span = min(max(n, 1), MaxColumns)
			}
		case "vMerge":
			if cell != nil && inTcPr {
				if v, _ := val(se); v == "restart" {
					cell.Merge = MergeStart
				} else {
					cell.Merge = MergeContinue
				}
			}
		case "p":
			para, err := p.para()
			if err != nil {
				return true, err
			}
			if cell != nil {
				cell.Paras = append(cell.Paras, para)
			}
			return true, nil
		case "tbl":
			inner, err := p.table(depth + 1)
			if err != nil {
				return true, err
			}
			// A table inside a cell: its text joins the cell's.
			for _, r := range inner.Rows {
				for _, c := range r.Cells {
					if cell != nil {
						cell.Paras = append(cell.Paras, c.Paras...)
					}
				}
			}
			return true, nil
		}
		return false, nil
	}
	err := p.untilEnd(f, func(ee xml.EndElement) {
		if ee.Name.Local == "tcPr" {
			inTcPr = false
		}
	}, nil)
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Grid lays the table out on its column grid: out[r][c] is the cell that
// covers column c of row r, with a cell spanning several columns in each
// of them and a vertically merged cell in every row it covers (the cell
// that starts the merge). A column no cell covers is nil.
func (t *Table) Grid() [][]*Cell {
	out := make([][]*Cell, len(t.Rows))
	for r, row := range t.Rows {
		col := row.Before
		var line []*Cell
		for range col {
			line = append(line, nil)
		}
		for _, c := range row.Cells {
			owner := c
			if c.Merge == MergeContinue && r > 0 && col < len(out[r-1]) && out[r-1][col] != nil {
				owner = out[r-1][col]
			}
			for range c.Span {
				if len(line) >= MaxColumns {
					break
				}
				line = append(line, owner)
			}
			col += c.Span
		}
		out[r] = line
	}
	return out
}
