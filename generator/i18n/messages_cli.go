package i18n

// cliMessages are what the command line says to the person running it.
var cliMessages = map[string]Message{
	"cli.usage":       {"brug: %s", "usage: %s"},
	"cli.new.created": {"oprettet: %s", "created: %s"},
	"cli.new.kind":    {"ukendt slags %q: skriv plan, indsats, historie eller side", "unknown kind %q: write plan, indsats, historie or side"},
	"cli.new.indsats": {"skriv indsatsen som PLAN/ID, fx min-plan/sygefravaer", "write the indsats as PLAN/ID, e.g. my-plan/sick-leave"},
	"cli.new.empty":   {"%q giver ikke et brugbart id: brug bogstaver eller tal", "%q gives no usable id: use letters or digits"},
	"cli.new.noplan":  {"planen %q findes ikke: lav den først med handleplan new plan %s", "the plan %q does not exist: make it first with handleplan new plan %s"},
	"cli.new.id":      {"bemærk: id'et %q skrives %q (kun a-z, 0-9 og -); titlen beholder det, du skrev", "note: the id %q is written %q (only a-z, 0-9 and -); the title keeps what you wrote"},
	"cli.new.exists":  {"%s findes allerede; intet er skrevet", "%s exists already; nothing written"},
	"cli.init.exists": {"%s har allerede %s; init skriver kun i en ny eller tom mappe", "%s has %s already; init writes only into a new or empty folder"},
	"cli.init.done":   {"nyt websted i %s: læs LÆSMIG.md, og start med: handleplan serve -s %s", "new site in %s: read LÆSMIG.md, and start with: handleplan serve -s %s"},
}

var _ = register(cliMessages)
