package i18n

// uiMessages are the texts of the site itself.
var uiMessages = map[string]Message{
	"nav.skip":     {"Gå til indhold", "Skip to content"},
	"nav.main":     {"Hovedmenu", "Main menu"},
	"nav.home":     {"Forside", "Home"},
	"nav.plans":    {"Planer", "Plans"},
	"nav.stories":  {"Gode historier", "Good stories"},
	"nav.crumbs":   {"Brødkrummer", "Breadcrumbs"},
	"nav.footer":   {"Sider", "Pages"},
	"nav.prevnext": {"Forrige og næste indsats", "Previous and next indsats"},
	"nav.prev":     {"Forrige indsats", "Previous indsats"},
	"nav.next":     {"Næste indsats", "Next indsats"},
	"footer.a11y":  {"Tilgængelighedserklæring", "Accessibility statement"},
	"footer.made":  {"Opdateret %s. Lavet med handleplan.", "Updated %s. Made with handleplan."},
	"404.title":    {"Siden findes ikke", "Page not found"},
	"404.text":     {"Siden er måske flyttet eller slettet.", "The page may have been moved or deleted."},
	"404.home":     {"Gå til forsiden", "Go to the home page"},

	"status.planlagt":     {"Planlagt", "Planned"},
	"status.i-gang":       {"I gang", "In progress"},
	"status.forsinket":    {"Forsinket", "Delayed"},
	"status.gennemfoert":  {"Gennemført", "Done"},
	"status.opgivet":      {"Opgivet", "Abandoned"},
	"status.overskredet":  {"Overskredet", "Overdue"},
	"hvornaar.none":       {"ikke angivet", "not given"},
	"period.unread.short": {"tidsrummet kunne ikke læses", "time frame not understood"},

	"front.plans":       {"Planer", "Plans"},
	"front.count":       {"%d indsatser", "%d indsatser"},
	"front.status":      {"Status", "Status"},
	"front.noplans":     {"Der er ingen planer endnu.", "There are no plans yet."},
	"front.deadlines":   {"Næste frister", "Next deadlines"},
	"front.nodeadlines": {"Ingen kommende frister.", "No upcoming deadlines."},
	"front.stories":     {"Gode historier", "Good stories"},

	"plan.tilbud":       {"Tilbud", "Offer"},
	"plan.tilsyn":       {"Tilsyn", "Inspectorate"},
	"plan.dato":         {"Dato", "Date"},
	"plan.periode":      {"Periode", "Period"},
	"plan.status":       {"Status", "Status"},
	"plan.caption":      {"Handleplan: %s", "Action plan: %s"},
	"col.tema":          {"Tema", "Theme"},
	"col.emne":          {"Emne", "Subject"},
	"col.maal":          {"Mål", "Goals"},
	"col.hvad":          {"Hvad", "What"},
	"col.hvornaar":      {"Hvornår", "When"},
	"col.dokumentation": {"Dokumentation", "Documentation"},
	"col.hvem":          {"Hvem", "Who"},
	"col.effekt":        {"Forventet effekt", "Expected effect"},
	"col.status":        {"Status", "Status"},
	"tag.intern":        {"Intern", "Internal"},
	"tag.kladde":        {"Kladde", "Draft"},

	"indsats.henstilling": {"Tilsynets henstilling", "The inspectorate's recommendation"},
	"indsats.aktiviteter": {"Aktiviteter", "Activities"},
	"indsats.maalinger":   {"Målinger", "Measurements"},
	"maaling.target":      {"mål: %v %s", "target: %v %s"},
	"maaling.when":        {"Tidspunkt", "Time"},
	"story.indsats":       {"Hører til indsatsen", "Belongs to the indsats"},

	"search.title":        {"Søg", "Search"},
	"search.label":        {"Søg i indsatser, historier og sider", "Search indsatser, stories and pages"},
	"search.help":         {"Resultaterne vises, mens du skriver. Brug pil ned for at gå til dem.", "Results appear as you type. Use arrow down to move to them."},
	"search.all":          {"Alt indhold", "All content"},
	"search.none":         {"Ingen resultater.", "No results."},
	"search.one":          {"1 resultat.", "1 result."},
	"search.many":         {"%d resultater.", "%d results."},
	"search.kind.indsats": {"Indsats", "Indsats"},
	"search.kind.plan":    {"Plan", "Plan"},
	"search.kind.story":   {"Historie", "Story"},
	"search.kind.page":    {"Side", "Page"},
	"nav.search":          {"Søg", "Search"},

	"kvalitet.noword":              {"ordlyd ikke angivet i modellen", "wording not given in the model"},
	"kvalitet.kriterium.indikator": {"kriterium %d, indikator %s", "criterion %d, indicator %s"},
}

// serveMessages are the dev server's texts in the browser.
var serveMessages = map[string]Message{
	"serve.overlay.title":  {"Sitet kan ikke bygges: %d fejl, %d advarsler", "The site cannot be built: %d errors, %d warnings"},
	"serve.overlay.note":   {"Du ser stadig den sidste version, der virkede. Ret filen og gem: siden opdateres af sig selv.", "You are still seeing the last version that worked. Fix the file and save: the page updates by itself."},
	"serve.overlay.nosite": {"Sitet er ikke bygget endnu. Ret filen og gem: siden opdateres af sig selv.", "The site has not been built yet. Fix the file and save: the page updates by itself."},
	"serve.nosite.title":   {"Sitet kan ikke bygges", "The site cannot be built"},
}

var _ = register(uiMessages)

var _ = register(serveMessages)
