package bundle

import (
	"testing"

	"github.com/handleplan/handleplan/generator/outfile"
)

func TestCheckInert(t *testing.T) {
	for _, tt := range []struct {
		doc string
		ok  bool
	}{
		{`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:image/svg+xml;base64,AA=="><style>a{}</style></head><body><a href="#s1">x</a><img src="data:image/png;base64,AA==" alt=""><a href="https://example.org/">y</a></body></html>`, true},
		{`<p onclick="x()">`, false},
		{`<script>x()</script>`, false},
		{`<svg><script>x()</script></svg>`, false},
		{`<a href=" JavaScript:x()">`, false},
		{`<a href="data:text/html,x">`, false},
		{`<img src="data:text/html,x">`, false},
		{`<iframe></iframe>`, false},
		{`<meta http-equiv="refresh" content="0">`, false},
		{`<link rel="stylesheet" href="x.css">`, false},
		{`<form><button formaction="x">`, false},
	} {
		if err := checkInert([]byte(tt.doc)); (err == nil) != tt.ok {
			t.Errorf("checkInert(%q) = %v", tt.doc, err)
		}
	}
}

// FuzzSingleFile feeds any markup to the single file as the body of a
// page: it never panics, and whatever it returns runs nothing (SingleFile
// refuses a file that checkInert rejects, so an error here is a gap in
// the filter).
func FuzzSingleFile(f *testing.F) {
	for _, s := range []string{
		`<SCRIPT>alert(1)</SCRIPT>`, `<img src=x OnError=alert(1)>`, `<a href="JaVaScRiPt:alert(1)">x</a>`,
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>`,
		`<table><a href="javascript:x"><td>`, `<select><template><style><img src=x onerror=alert(1)>`,
		`<a href="#x" id="x">y</a><img src="../b.png">`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		page := func(main string) []byte {
			return []byte(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>T</title>` +
				`<link rel="stylesheet" href="assets/style.css"></head><body><a class="skip" href="#main">Spring</a><main id="main">` +
				main + `</main></body></html>`)
		}
		files := []outfile.File{
			{Path: "assets/style.css", Data: []byte("body{}")},
			{Path: "index.html", Data: page(`<a href="planer/p/x.html">x</a>` + body)},
			{Path: "planer/p/x.html", Data: page(body)},
		}
		if _, err := SingleFile(files, "p"); err != nil {
			t.Fatal(err)
		}
	})
}
