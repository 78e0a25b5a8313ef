package urls

import "testing"

// TestRoundTrip makes every kind of path and reads it back: what Parse
// says of a path is what it was made from.
func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		path string
		want Parsed
	}{
		{Home, Parsed{Kind: KindHome}},
		{NotFound, Parsed{Kind: KindNotFound}},
		{Temaer, Parsed{Kind: KindTemaer}},
		{Roller, Parsed{Kind: KindRoller}},
		{Stories, Parsed{Kind: KindStories}},
		{Timeline, Parsed{Kind: KindTimeline}},
		{Search, Parsed{Kind: KindSearch}},
		{Feed, Parsed{Kind: KindFeed}},
		{Sitemap, Parsed{Kind: KindSitemap}},
		{SearchIndex, Parsed{Kind: KindSearchIndex}},
		{Plan("auning-2021"), Parsed{Kind: KindPlan, Plan: "auning-2021"}},
		{Indsats("auning-2021", "sygefravaer"), Parsed{Kind: KindIndsats, Plan: "auning-2021", ID: "sygefravaer"}},
		{Indsats("p", "index-2"), Parsed{Kind: KindIndsats, Plan: "p", ID: "index-2"}},
		{Story("en-god-dag"), Parsed{Kind: KindStory, ID: "en-god-dag"}},
		{Side("tilgaengelighed"), Parsed{Kind: KindSide, ID: "tilgaengelighed"}},
		{Role("bostedet/afdelingsleder-2"), Parsed{Kind: KindRole, ID: "bostedet/afdelingsleder-2"}},
		{Status(Overdue), Parsed{Kind: KindStatus, ID: Overdue}},
		{Status("i-gang"), Parsed{Kind: KindStatus, ID: "i-gang"}},
		{Tema(9, "Sundhed og trivsel"), Parsed{Kind: KindTema, Nr: 9}},
		{Tema(0, "Økonomi og budget"), Parsed{Kind: KindTema, ID: "oekonomi-og-budget"}},
		{"assets/style.css", Parsed{Kind: KindOther}},
		{"planer/x/y/z.html", Parsed{Kind: KindOther}},
		{"historier/index.html", Parsed{Kind: KindStories}},
		{"temaer/09.html", Parsed{Kind: KindTema, ID: "09"}},
		{"andet/x.html", Parsed{Kind: KindOther}},
		// A long list's later pages are pages of the same list.
		{PagePath(Status("i-gang"), 2), Parsed{Kind: KindStatus, ID: "i-gang", Page: 2}},
		{PagePath(Role("bostedet/leder"), 12), Parsed{Kind: KindRole, ID: "bostedet/leder", Page: 12}},
		{PagePath(Status("i-gang"), 1), Parsed{Kind: KindStatus, ID: "i-gang"}},
		{"status/i-gang.side-1.html", Parsed{Kind: KindStatus, ID: "i-gang.side-1"}},
		{"status/i-gang.side-02.html", Parsed{Kind: KindStatus, ID: "i-gang.side-02"}},
		{"andet/x.side-2.html", Parsed{Kind: KindOther}},
	} {
		if got := Parse(c.path); got != c.want {
			t.Errorf("Parse(%q) = %+v, want %+v", c.path, got, c.want)
		}
	}
}

func TestRel(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"index.html", "planer/a/index.html", "planer/a/index.html"},
		{"planer/a/b.html", "index.html", "../../index.html"},
		{"planer/a/b.html", "planer/a/index.html", "index.html"},
		{"planer/a/b.html", "planer/c/index.html", "../c/index.html"},
		{"hvem/x.html", "temaer/9.html#indikator-9-b", "../temaer/9.html#indikator-9-b"},
	} {
		if got := Rel(c.from, c.to); got != c.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
	if got := Root("planer/a/b.html"); got != "../../" {
		t.Errorf("Root = %q", got)
	}
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Økonomi og budget", "oekonomi-og-budget"},
		{"  Sygefravær!! ", "sygefravaer"},
		{"Café Müller", "cafe-muller"},
		{"---", ""},
		{"påbud", "paabud"},
		{"pa\u030abud", "paabud"}, // å decomposed, as macOS names files
		{"PA\u030aBUD", "paabud"},
		{"cafe\u0301", "cafe"},
		{`planer\min-plan`, "planer-min-plan"},
	} {
		got := Slug(c.in)
		if got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
		if got != "" && !ValidID(got) {
			t.Errorf("Slug(%q) = %q, not a valid id", c.in, got)
		}
	}
	for _, bad := range []string{"", "-a", "A", "æ", "a b", "a.b"} {
		if ValidID(bad) {
			t.Errorf("ValidID(%q) = true", bad)
		}
	}
}

func TestIndikator(t *testing.T) {
	if got := Indikator(9, "9.b"); got != "temaer/9.html#indikator-9-b" {
		t.Errorf("Indikator = %q", got)
	}
}

func TestValidPath(t *testing.T) {
	for p, want := range map[string]bool{
		"index.html": true, "planer/x/y.html": true, ".": false, "": false,
		"../x": false, "/x": false, `a\b`: false, "c:x": false, "a//b": false,
	} {
		if got := ValidPath(p); got != want {
			t.Errorf("ValidPath(%q) = %v, want %v", p, got, want)
		}
	}
}
