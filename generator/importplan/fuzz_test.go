package importplan

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/handleplan/handleplan/generator/docx"
)

// FuzzImport fills the template's table with fuzzed cell text: Convert must
// not panic, and every file it writes must have front matter that TOML
// reads.
func FuzzImport(f *testing.F) {
	f.Add("Henstilling om x|indikator 9.b", "Emne\n**fed**", "marts 2026|løbende", "a|b")
	f.Add("kriterium 99, indikator 99.z", "# \"quote\" \\ [x]", "1. ikke liste", "")
	f.Fuzz(func(t *testing.T, tema, emne, hvornaar, hvad string) {
		cell := func(s string) string {
			var b strings.Builder
			b.WriteString("<w:tc>")
			for _, p := range strings.Split(s, "|") {
				b.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
				xmlEscape(&b, p)
				b.WriteString("</w:t></w:r></w:p>")
			}
			b.WriteString("</w:tc>")
			return b.String()
		}
		var x strings.Builder
		x.WriteString(`<w:document xmlns:w="w"><w:body><w:tbl><w:tr>`)
		for _, h := range []string{"Tema", "Emne", "Mål", "Hvad", "Hvornår", "Dokumentation", "Hvem", "Forventet effekt"} {
			x.WriteString(cell(h))
		}
		x.WriteString("</w:tr><w:tr>")
		for _, c := range []string{tema, emne, emne, hvad, hvornaar, hvad, tema, hvornaar} {
			x.WriteString(cell(c))
		}
		x.WriteString("</w:tr></w:tbl></w:body></w:document>")
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(x.String()))
		zw.Close()
		doc, err := docx.Read(buf.Bytes())
		if err != nil {
			return
		}
		res, err := Convert(doc, Options{Name: "plan"})
		if err != nil {
			return
		}
		for _, file := range res.Files {
			s := string(file.Data)
			fm, _, ok := strings.Cut(strings.TrimPrefix(s, "+++\n"), "+++\n")
			if !ok {
				t.Fatalf("%s: no front matter end:\n%s", file.Name, s)
			}
			var v map[string]any
			if _, err := toml.Decode(fm, &v); err != nil {
				t.Fatalf("%s: %v\n%s", file.Name, err, fm)
			}
		}
	})
}

func xmlEscape(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '>':
			b.WriteString("&gt;")
		case r == 0xFFFD || r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			// not allowed in XML
		default:
			b.WriteRune(r)
		}
	}
}
