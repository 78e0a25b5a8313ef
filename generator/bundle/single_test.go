package bundle_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/bundle"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// attacks is raw HTML that would run code, each in mixed case or
// encoded as an attacker writes it.
const attacks = `
<SCRIPT>alert("a1")</SCRIPT>
<ScRiPt src="x.js"></sCrIpT>
<img src="billede.png" OnError="alert('a2')" alt="x">
<p><a href="JaVaScRiPt:alert('a3')">a3</a>
<a href=" &#x6A;ava&#x73;cript:alert('a4')">a4</a>
<a href="java&#x09;script:alert('a5')">a5</a>
<a href="VBScript:MsgBox('a6')">a6</a>
<a href="DATA:text/html;base64,PHNjcmlwdD5hbGVydCgnYTcnKTwvc2NyaXB0Pg==">a7</a></p>
<form action="javascript:alert('a8')"><button formaction="javascript:alert('a9')">a9</button></form>
<svg><a xlink:href="javascript:alert('a10')"><text>a10</text></a><script>alert('a11')</script></svg>
<svg><a href="javascript:alert('a12')"><text>a12</text></a><set attributeName="href" to="javascript:alert('a13')"/><animate attributeName="onclick" to="alert('a14')"/></svg>
<iframe src="javascript:alert('a15')"></iframe><iframe srcdoc="<script>alert('a16')</script>"></iframe>
<div onMouseOver="alert('a17')" ONCLICK="alert('a18')">a17</div>
<object data="javascript:alert('a19')"></object><embed src="javascript:alert('a20')">
<meta http-equiv="refresh" content="0;url=javascript:alert('a21')">
<math><mtext><table><mglyph><style><img src=x onerror="alert('a22')"></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=alert('a23')>"></noscript>
<template><img src=x onerror="alert('a24')"></template>
<details open ontoggle="alert('a25')">a25</details>
<img src="DaTa:text/html,alert('a26')" alt="y">
<a href="#anker">til anker</a> <span id="anker">HARMLØS TEKST</span>
`

// A site that allows raw HTML still gets a single file that runs
// nothing: no script element, no event handler, no javascript:,
// vbscript: or data:text/html URL, and no frame or form.
func TestSingleFileRunsNothing(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	fsys := sitetest.With(`
-- config.toml --
title = "Testsite"
tilgaengelighed = "tilgaengelighed"
tillad_html = true
-- content/planer/plan-a/angreb.md --
+++
title = "Angreb"
indikatorer = ["9.b"]
+++
` + attacks + `
-- content/historier/angreb.md --
+++
title = "Angrebshistorie"
dato = 2022-02-03
indsats = "plan-a/angreb"
+++
` + attacks)
	res, err := site.Bundle(fsys, handleplan.Theme, site.Options{Now: now}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	// The attacks reach the pages, as the site allows.
	for _, f := range res.Files {
		if f.Path == "planer/plan-a/angreb.html" && !strings.Contains(string(f.Data), "OnError=") && !strings.Contains(string(f.Data), "onerror=") {
			t.Fatalf("the page lacks the raw HTML: %.2000s", f.Data)
		}
	}
	single, err := bundle.SingleFile(res.Files, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	s := string(single)
	if !strings.Contains(s, "HARMLØS TEKST") || !strings.Contains(s, "a17") {
		t.Fatalf("single file lacks the page's harmless text")
	}
	if strings.Count(s, `href="#s1-anker"`) == 0 || strings.Count(s, `id="s1-anker"`) == 0 {
		t.Errorf("an in-page anchor of the page is not rewritten")
	}
	for _, bad := range []string{"alert", "MsgBox", "javascript", "vbscript"} {
		if i := strings.Index(strings.ToLower(s), strings.ToLower(bad)); i >= 0 {
			t.Errorf("single file holds %q: …%s…", bad, s[max(0, i-120):min(len(s), i+60)])
		}
	}
	doc, err := html.Parse(bytes.NewReader(single))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch strings.ToLower(n.Data) {
		case "script", "iframe", "object", "embed", "form", "noscript", "template", "set", "animate":
			t.Errorf("single file holds a <%s> element", n.Data)
		case "meta":
			for _, a := range n.Attr {
				if a.Key == "http-equiv" {
					t.Error("single file holds a <meta http-equiv>")
				}
			}
		}
		for _, a := range n.Attr {
			k, v := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(k, "on") || k == "action" || k == "formaction" || k == "srcdoc" ||
				(k == "href" || k == "src") && strings.HasPrefix(v, "data:") && !strings.HasPrefix(v, "data:image/") {
				t.Errorf("single file holds <%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
}

// A site's own baseof.html may write the stylesheet and icon links with
// their attributes in any order: the single file still inlines both.
func TestSingleFileOwnLayout(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	base, err := fs.ReadFile(handleplan.Theme, "layouts/baseof.html")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.NewReplacer(
		`<link rel="stylesheet" href="{{asset . "style.css"}}">`, `<LINK HREF="{{asset . "style.css"}}" media="all" Rel="Stylesheet">`,
		`<link rel="icon" href="{{asset . "favicon.svg"}}" type="image/svg+xml">`, `<link type="image/svg+xml" href='{{asset . "favicon.svg"}}' rel="shortcut icon">`,
	).Replace(string(base))
	if own == string(base) {
		t.Fatal("the theme's baseof.html no longer has the links this test reorders")
	}
	fsys := sitetest.With("")
	fsys["layouts/baseof.html"] = &fstest.MapFile{Data: []byte(own)}
	res, err := site.Bundle(fsys, handleplan.Theme, site.Options{Now: now}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	var css string
	for _, f := range res.Files {
		if f.Path == "assets/style.css" {
			css = string(f.Data)
		}
	}
	single, err := bundle.SingleFile(res.Files, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	s := string(single)
	if len(css) < 100 || !strings.Contains(s, "<style>"+css[:100]) {
		t.Error("the stylesheet is not inlined")
	}
	if strings.Contains(strings.ToLower(s), "<link href") || strings.Contains(s, "style.css") {
		t.Error("the stylesheet link is still there")
	}
	if !strings.Contains(s, `<link rel="icon" href="data:image/svg+xml;base64,`) {
		t.Error("the icon is not inlined")
	}
}
