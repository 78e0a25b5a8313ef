package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/urls"
)

func TestFiles(t *testing.T) {
	site := &model.Site{Now: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	site.Config.Title = "Bostedet"
	site.Stories = []*model.Story{{ID: "en-god-dag", Title: "En god dag", Forfatter: "Anna",
		Dato: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), Body: "<p>Vi gik en tur.</p>"}}
	ps := []*pages.Page{{Path: urls.Home}, {Path: urls.Story("en-god-dag")}, {Path: urls.NotFound}}

	if got := Files(site, ps); got != nil {
		t.Fatalf("without baseURL: %v files, want none", len(got))
	}
	site.Config.BaseURL = "https://intra.example/plan/"
	files := Files(site, ps)
	if len(files) != 2 || files[0].Path != urls.Feed || files[1].Path != urls.Sitemap {
		t.Fatalf("files: %+v", files)
	}
	atom := string(files[0].Data)
	for _, want := range []string{
		`<id>https://intra.example/plan/historier/en-god-dag.html</id>`,
		`<link href="https://intra.example/plan/historier.xml" rel="self"></link>`,
		`<updated>2024-03-02T00:00:00Z</updated>`,
		`<name>Anna</name>`,
		`<summary>Vi gik en tur.</summary>`,
	} {
		if !strings.Contains(atom, want) {
			t.Errorf("feed lacks %s:\n%s", want, atom)
		}
	}
	sitemap := string(files[1].Data)
	if !strings.Contains(sitemap, "<loc>https://intra.example/plan/historier/en-god-dag.html</loc>") ||
		strings.Contains(sitemap, urls.NotFound) {
		t.Errorf("sitemap:\n%s", sitemap)
	}
}
