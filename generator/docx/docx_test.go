package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipOf makes a zip of the given files, in memory.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		// Stored, not deflated: the big test parts are written fast.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	zw.Close()
	return buf.Bytes()
}

// rawZip makes a zip whose word/document.xml is data as it stands, under
// compression method m, with a CRC-32 that does not match.
func rawZip(t testing.TB, m uint16, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: m, CRC32: 1,
		CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	zw.Close()
	return buf.Bytes()
}

const wns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wns + `><w:body>` + xml + `</w:body></w:document>`
}

func cellText(c *Cell) string {
	var parts []string
	for _, p := range c.Paras {
		parts = append(parts, p.Text())
	}
	return strings.Join(parts, "|")
}

func TestBasicFixture(t *testing.T) {
	doc, err := Read(fixture(t, "basic.docx"))
	if err != nil {
		t.Fatal(err)
	}
	var tables []*Table
	var before []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		} else if len(tables) == 0 {
			before = append(before, b.Para.Text())
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	if got := strings.Join(before, "|"); got != "Handleplan for Bostedet Engen|Dato: 15.03.2026|Planen svarer på tilsynets rapport fra februar." {
		t.Errorf("text before the table: %q", got)
	}
	if doc.Blocks[0].Para.Style != "Heading1" {
		t.Errorf("heading style %q", doc.Blocks[0].Para.Style)
	}
	g := tables[0].Grid()
	if len(g) != 4 || len(g[0]) != 8 {
		t.Fatalf("grid %dx%d, want 4x8", len(g), len(g[0]))
	}
	// The Tema cell is merged over rows 2 and 3: the same cell in both.
	if g[2][0] != g[3][0] || !strings.Contains(cellText(g[3][0]), "Henstilling") {
		t.Errorf("merged Tema cell not repeated: %q / %q", cellText(g[2][0]), cellText(g[3][0]))
	}
	if got := cellText(g[2][4]); got != "marts 2026\nløbende" {
		t.Errorf("line break: %q", got)
	}
	maal := g[2][2].Paras
	if len(maal) != 2 || maal[0].List != Bullet {
		t.Errorf("bullet list: %+v", maal)
	}
	if hvad := g[2][3].Paras; len(hvad) != 2 || hvad[0].List != Numbered {
		t.Errorf("numbered list: %+v", hvad)
	}
	emne := g[2][1].Paras
	if got := emne[0].Lines()[0].Markdown(); got != "**Sygefravær**" {
		t.Errorf("bold: %q", got)
	}
	if got := emne[1].Lines()[0].Markdown(); got != "Fraværet er *for højt* i dag." {
		t.Errorf("italic: %q", got)
	}
}

func TestMarkdown(t *testing.T) {
	for _, c := range []struct {
		line Line
		want string
	}{
		{Line{{Text: "a "}, {Text: "b ", Bold: true}, {Text: "c"}}, "a **b** c"},
		{Line{{Text: "x", Bold: true}, {Text: "y", Bold: true}}, "**xy**"},
		{Line{{Text: "2*3 <b> [x]"}}, `2\*3 \<b> \[x\]`},
		{Line{{Text: "# ikke overskrift"}}, `\# ikke overskrift`},
		{Line{{Text: "1. ikke liste"}}, `1\. ikke liste`},
		{Line{{Text: "- ikke liste"}}, `\- ikke liste`},
		{Line{{Text: "  ", Italic: true}}, ""},
		{Line{{Text: "a", Bold: true, Italic: true}}, "***a***"},
	} {
		if got := c.line.Markdown(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.line, got, c.want)
		}
	}
}

func TestGridSpanAndMerge(t *testing.T) {
	x := body(`<w:tbl>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>AB</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>B2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
</w:tbl>`)
	doc, err := Read(zipOf(t, "word/document.xml", x))
	if err != nil {
		t.Fatal(err)
	}
	g := doc.Blocks[0].Table.Grid()
	if cellText(g[0][0]) != "AB" || g[0][1] != g[0][0] || cellText(g[0][2]) != "C" {
		t.Errorf("row 0: %v", g[0])
	}
	if g[1][0] != nil || cellText(g[1][1]) != "B2" || g[1][2] != g[0][2] {
		t.Errorf("row 1: %v", g[1])
	}
}

func TestSkipsNonText(t *testing.T) {
	x := body(`<w:p><w:r><w:t xml:space="preserve">a </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:tab/><w:t>b</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>c</w:t></w:r></w:p>`)
	doc, err := Read(zipOf(t, "word/document.xml", x))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Blocks[0].Para.Lines()[0].Markdown(); got != "a bc" {
		t.Errorf("got %q", got)
	}
}

func TestErrors(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...)
	enc := append(append([]byte{}, ole...), utf16("EncryptionInfo")...)
	many := make([]string, 0, 2*(MaxEntries+1))
	for i := range MaxEntries + 1 {
		many = append(many, "f"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+"/"+strings.Repeat("y", i/26), "")
	}
	big := zipOf(t, "word/document.xml", body(`<w:p><w:r><w:t>`+strings.Repeat("a", MaxPartSize)+`</w:t></w:r></w:p>`))
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"text", []byte("hello"), ErrNotZip},
		{"empty", nil, ErrNotZip},
		{"broken zip", []byte("PK\x03\x04garbage"), ErrNotZip},
		{"doc", ole, ErrLegacyDoc},
		{"encrypted", enc, ErrEncrypted},
		{"no document", zipOf(t, "word/styles.xml", "<w:styles "+wns+"/>"), ErrNoDocument},
		{"doctype", zipOf(t, "word/document.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document `+wns+`/>`), ErrDTD},
		{"entity in styles", zipOf(t, "word/document.xml", body(""), "word/styles.xml", `<!ENTITY a "b">`), ErrDTD},
		{"malformed", zipOf(t, "word/document.xml", `<w:document `+wns+`><w:body><w:p>`), ErrMalformed},
		{"too large", big, ErrTooLarge},
		{"too many entries", zipOf(t, many...), ErrTooManyFile},
		{"unknown compression", rawZip(t, 99, []byte(body(""))), ErrMalformed},
		{"bad checksum", rawZip(t, zip.Store, []byte(body(""))), ErrMalformed},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestNesting(t *testing.T) {
	x := body(strings.Repeat(`<w:tbl><w:tr><w:tc>`, MaxNesting+1) + strings.Repeat(`</w:tc></w:tr></w:tbl>`, MaxNesting+1))
	if _, err := Read(zipOf(t, "word/document.xml", x)); !errors.Is(err, ErrMalformed) {
		t.Errorf("deep nesting: %v", err)
	}
	x = body(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ude</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inde</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`)
	doc, err := Read(zipOf(t, "word/document.xml", x))
	if err != nil {
		t.Fatal(err)
	}
	if got := cellText(doc.Blocks[0].Table.Rows[0].Cells[0]); got != "ude|inde" {
		t.Errorf("nested table text: %q", got)
	}
}

func FuzzDocx(f *testing.F) {
	// Small zipped XML seeds: the python-docx fixtures carry a 200 kB
	// styles.xml that would slow every run.
	f.Add(zipOf(f, "word/document.xml", body(`<w:p><w:pPr><w:pStyle w:val="L"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>`),
		"word/styles.xml", `<w:styles `+wns+`><w:style w:styleId="L"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
		"word/numbering.xml", `<w:numbering `+wns+`><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
	for _, x := range []string{
		body(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`),
		body(`<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:br/><w:t>x</w:t></w:r></w:p>`),
		body(`<w:tbl><w:tc><w:p><w:p></w:p></w:p></w:tc></w:tbl>`),
	} {
		f.Add(zipOf(f, "word/document.xml", x))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Table != nil {
				for _, row := range b.Table.Grid() {
					if len(row) > MaxColumns {
						t.Fatalf("row of %d columns", len(row))
					}
				}
			}
			if b.Para != nil {
				for _, l := range b.Para.Lines() {
					l.Markdown()
				}
			}
		}
	})
}

// FuzzDocumentXML puts the input into a zip as word/document.xml, so the
// fuzzer works on the XML parser rather than on the zip format.
func FuzzDocumentXML(f *testing.F) {
	for _, x := range []string{
		body(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t><w:br/><w:tab/></w:r></w:p>`),
		body(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>`),
		body(`<w:p><mc:AlternateContent xmlns:mc="m"><mc:Fallback><w:t>x</w:t></mc:Fallback></mc:AlternateContent></w:p>`),
	} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x string) {
		doc, err := Read(zipOf(t, "word/document.xml", x))
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Table != nil {
				b.Table.Grid()
			}
		}
	})
}
