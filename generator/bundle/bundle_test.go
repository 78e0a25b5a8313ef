package bundle_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/bundle"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// leakSite has a marker word in everything a bundle of plan-a must leave
// out: an intern indsats, a kladde indsats, another plan, an intern story,
// a story of the other plan, a free page.
const leakSite = `
-- content/planer/plan-a/intern.md --
+++
title = "HEMMELIGINTERN"
indikatorer = ["9.b"]
intern = true
[[aktivitet]]
hvad = "HEMMELIGAKTIVITET"
hvornaar = "2022"
hvem = ["HEMMELIGROLLE"]
+++
HEMMELIGBRØDTEKST
-- content/planer/plan-a/kladde.md --
+++
title = "HEMMELIGKLADDE"
indikatorer = ["9.b"]
kladde = true
+++
-- content/planer/plan-b/_index.md --
+++
title = "HEMMELIGPLANB"
+++
-- content/planer/plan-b/x.md --
+++
title = "HEMMELIGANDENPLAN"
indikatorer = ["3.a"]
+++
-- content/historier/intern.md --
+++
title = "HEMMELIGHISTORIE"
dato = 2022-02-02
indsats = "plan-a/sygefravaer"
intern = true
+++
-- content/historier/b.md --
+++
title = "HEMMELIGBHISTORIE"
dato = 2022-02-02
indsats = "plan-b/x"
+++
-- content/historier/offentlig.md --
+++
title = "Offentlig historie"
dato = 2022-02-03
indsats = "plan-a/sygefravaer"
+++
-- content/sider/om.md --
+++
title = "HEMMELIGSIDE"
+++
`

func TestNothingInternLeaks(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	res, err := site.Bundle(sitetest.With(leakSite), handleplan.Theme, site.Options{Now: now, Drafts: true}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	z, err := bundle.Zip(res.Files, "plan-a", now)
	if err != nil {
		t.Fatal(err)
	}
	single, err := bundle.SingleFile(res.Files, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	var all strings.Builder
	for _, f := range r.File {
		if !strings.HasPrefix(f.Name, "plan-a/") {
			t.Errorf("entry %s is outside the one folder", f.Name)
		}
		rc, _ := f.Open()
		b := new(bytes.Buffer)
		b.ReadFrom(rc)
		rc.Close()
		all.WriteString(f.Name + "\n" + b.String())
	}
	all.Write(single)
	text := all.String()
	if n := strings.Count(text, "HEMMELIG"); n > 0 {
		i := strings.Index(text, "HEMMELIG")
		t.Errorf("%d traces of left-out content, e.g. …%s…", n, text[max(0, i-80):min(len(text), i+40)])
	}
	for _, want := range []string{"Sygefravær", "Offentlig historie", "plan-a/index.html", "plan-a/search-index.js", "Tilgængelighedserklæring"} {
		if !strings.Contains(text, want) {
			t.Errorf("bundle lacks %q", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	var zips, singles [][]byte
	for range 2 {
		res, err := site.Bundle(sitetest.With(leakSite), handleplan.Theme, site.Options{Now: now}, "plan-a")
		if err != nil {
			t.Fatal(err)
		}
		z, _ := bundle.Zip(res.Files, "plan-a", now)
		s, _ := bundle.SingleFile(res.Files, "plan-a")
		zips, singles = append(zips, z), append(singles, s)
	}
	if !bytes.Equal(zips[0], zips[1]) || !bytes.Equal(singles[0], singles[1]) {
		t.Error("two bundles of the same input differ")
	}
}

func TestUnknownPlan(t *testing.T) {
	_, err := site.Bundle(sitetest.With(leakSite), handleplan.Theme, site.Options{Now: time.Now()}, "plan-c")
	if err == nil || !strings.Contains(err.Error(), "plan-a") {
		t.Errorf("err = %v", err)
	}
}

func TestSingleFileSelfContained(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	res, _ := site.Bundle(sitetest.With(leakSite), handleplan.Theme, site.Options{Now: now}, "plan-a")
	s, _ := bundle.SingleFile(res.Files, "plan-a")
	html := string(s)
	for _, bad := range []string{`<script`, `<link rel="stylesheet"`, `src="../`, `href="../`, `.html"`} {
		if strings.Contains(html, bad) {
			i := strings.Index(html, bad)
			t.Errorf("single file holds %q: …%s…", bad, html[max(0, i-60):min(len(html), i+60)])
		}
	}
	if !strings.Contains(html, "<style>") || !strings.Contains(html, `href="#s1"`) {
		t.Error("single file lacks inlined CSS or in-page links")
	}
}
