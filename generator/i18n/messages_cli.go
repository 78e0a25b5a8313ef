package i18n

// cliMessages are what the command line says to the person running it.
var cliMessages = map[string]Message{
	"cli.usage": {"brug: %s", "usage: %s"},
	// Counts, singular and plural (i18n.TN).
	"count.errors.one":     {"%d fejl", "%d error"},
	"count.errors.other":   {"%d fejl", "%d errors"},
	"count.warnings.one":   {"%d advarsel", "%d warning"},
	"count.warnings.other": {"%d advarsler", "%d warnings"},
	"count.plans.one":      {"%d plan", "%d plan"},
	"count.plans.other":    {"%d planer", "%d plans"},
	"count.stories.one":    {"%d historie", "%d story"},
	"count.stories.other":  {"%d historier", "%d stories"},
	"count.sider.one":      {"%d side", "%d page"},
	"count.sider.other":    {"%d sider", "%d pages"},
	"count.pages.one":      {"%d side", "%d page"},
	"count.pages.other":    {"%d sider", "%d pages"},
	"count.files.one":      {"%d fil", "%d file"},
	"count.files.other":    {"%d filer", "%d files"},
	"cli.unknowncmd":       {"ukendt kommando %q", "unknown command %q"},
	"cli.summary":          {"%s, %s", "%s, %s"},
	"cli.check.ok":         {"ok: %s, %s, %s, %s", "ok: %s, %s, %s, %s"},
	"cli.build.done":       {"%s, %s i %s (%d skrevet, %d uændret, %d fjernet) på %s", "%s, %s in %s (%d written, %d unchanged, %d removed) in %s"},
	"cli.build.nothing":    {"build: intet er skrevet; %s er uændret", "build: nothing written; %s is unchanged"},
	"cli.build.nobaseurl":  {"bemærk: config.toml har ingen baseURL, så der laves intet Atom-feed (historier.xml) og intet sitemap.xml: begge kræver absolutte links", "note: no baseURL in config.toml, so no Atom feed (historier.xml) and no sitemap.xml: both need absolute links"},
	"cli.new.created":      {"oprettet: %s", "created: %s"},
	"cli.new.kind":         {"ukendt slags %q: skriv plan, indsats, historie eller side", "unknown kind %q: write plan, indsats, historie or side"},
	"cli.new.indsats":      {"skriv indsatsen som PLAN/ID, fx min-plan/sygefravaer", "write the indsats as PLAN/ID, e.g. my-plan/sick-leave"},
	"cli.new.empty":        {"%q giver ikke et brugbart id: brug bogstaver eller tal", "%q gives no usable id: use letters or digits"},
	"cli.new.noplan":       {"planen %q findes ikke: lav den først med handleplan new plan %s", "the plan %q does not exist: make it first with handleplan new plan %s"},
	"cli.new.id":           {"bemærk: id'et %q skrives %q (kun a-z, 0-9 og -); titlen beholder det, du skrev", "note: the id %q is written %q (only a-z, 0-9 and -); the title keeps what you wrote"},
	"cli.new.exists":       {"%s findes allerede; intet er skrevet", "%s exists already; nothing written"},
	"cli.init.exists":      {"%s har allerede %s; init skriver kun i en ny eller tom mappe", "%s has %s already; init writes only into a new or empty folder"},
	"cli.init.done":        {"nyt websted i %s: læs LÆSMIG.md, og start med: handleplan serve -s %s", "new site in %s: read LÆSMIG.md, and start with: handleplan serve -s %s"},
}

var _ = register(cliMessages)
