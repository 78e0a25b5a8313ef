package pages

import "handleplan/generator/model"

// navPages lists the pages staff browse by: the quality model's temaer,
// the roles (hvem), the stories, and the pages per status.
func navPages(site *model.Site, home Crumb) []*Page {
	return nil
}
