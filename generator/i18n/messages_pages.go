package i18n

// pagesMessages are the texts of lists split over several pages.
var pagesMessages = map[string]Message{
	"pager.title":             {"%s, side %d af %d", "%s, page %d of %d"},
	"pager.page":              {"Side %d", "Page %d"},
	"pager.nav":               {"Sider", "Pages"},
	"pager.of":                {"Side %d af %d", "Page %d of %d"},
	"timeline.across.intro":   {"Der er for mange aktiviteter til én side. Tabellen viser hver plan med antal og tidsrum; planens navn fører til dens tidslinje.", "There are too many activities for one page. The table shows each plan with its counts and time span; the plan's name leads to its timeline."},
	"timeline.across.caption": {"Planerne på tidslinjen", "The plans on the timeline"},
	"timeline.col.plan":       {"Plan", "Plan"},
	"timeline.col.tilbud":     {"Tilbud", "Tilbud"},
	"timeline.col.indsatser":  {"Indsatser", "Indsatser"},
	"timeline.col.akt":        {"Aktiviteter", "Activities"},
	"timeline.col.from":       {"Fra", "From"},
	"timeline.col.to":         {"Til", "To"},
	"timeline.col.overdue":    {"Overskredne aktiviteter", "Overdue activities"},
	"search.all.plans":        {"Planerne; hver plan viser sine indsatser.", "The plans; each plan lists its indsatser."},
	"search.all.stories":      {"Alle gode historier", "All good stories"},
	"temaer.compact":          {"%d indsatser, med titel alene; status står på hver indsats' side og på siderne pr. status.", "%d indsatser, by title alone; the status is on each indsats' page and on the pages per status."},
}

var _ = register(pagesMessages)
