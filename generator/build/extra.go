package build

import (
	"handleplan/generator/model"
	"handleplan/generator/output"
	"handleplan/generator/pages"
)

// extraFiles are the output files that are not pages drawn by a layout:
// the Atom feed of the stories and the sitemap.
func extraFiles(site *model.Site, ps []*pages.Page) []output.File {
	return nil
}
