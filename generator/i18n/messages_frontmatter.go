package i18n

// frontmatterMessages are the diagnostics about a file's form: front
// matter, TOML syntax, keys and types.
var frontmatterMessages = map[string]Message{
	"fm.toolarge":      {"filen er over %d MB; det er ikke en indholdsfil", "the file is over %d MB; it is not a content file"},
	"fm.toolarge.hint": {"del teksten op, eller flyt filen ud af content/", "split the text, or move the file out of content/"},
	"fm.empty":         {"filen er tom", "the file is empty"},
	"fm.example.hint":  {"en indholdsfil begynder med front matter, fx:\n\t+++\n\ttitle = \"Titel\"\n\t+++\n\tTekst …", "a content file starts with front matter, e.g.:\n\t+++\n\ttitle = \"Title\"\n\t+++\n\tText …"},
	"fm.binary":        {"filen indeholder binære data (NUL-tegn) og er ikke en tekstfil", "the file holds binary data (NUL bytes) and is not a text file"},
	"fm.utf8":          {"filen er ikke gemt som UTF-8: tegnet her kan ikke læses", "the file is not saved as UTF-8: the character here cannot be read"},
	"fm.utf8.hint":     {"gem filen som UTF-8 (i Notepad: Gem som → Kodning: UTF-8)", "save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"},
	"fm.yaml":          {"front matter er skrevet som YAML (---); handleplan læser TOML mellem +++", "the front matter is YAML (---); handleplan reads TOML between +++"},
	"fm.yaml.hint":     {"skift --- ud med +++ og skriv felterne som TOML: title = \"Titel\" i stedet for title: Titel", "replace --- with +++ and write the fields as TOML: title = \"Title\" instead of title: Title"},
	"fm.noopen":        {"filen begynder ikke med +++", "the file does not start with +++"},
	"fm.noclose":       {"front matter, der begynder her med +++, bliver aldrig afsluttet", "the front matter starting here with +++ is never closed"},
	"fm.noclose.hint":  {"tilføj en linje med +++ efter det sidste felt", "add a line with +++ after the last field"},
	"fm.unknownkey":    {"ukendt felt %q", "unknown field %q"},
	"fm.didyoumean":    {"mente du %q?", "did you mean %q?"},
	"fm.knownkeys":     {"kendte felter her: %s", "known fields here: %s"},
	"fm.type":          {"feltet %q skal være %s", "the field %q must be %s"},
	"fm.type.hint":     {"skriv fx %s", "write e.g. %s"},
	"fm.syntax":        {"fejl i front matter (TOML): %s", "error in the front matter (TOML): %s"},
	"fm.syntax.hint":   {"tjek linjen: tekst skal stå i anførselstegn (title = \"Titel\"), lister i [ ] med komma imellem", "check the line: text goes in quotes (title = \"Title\"), lists in [ ] with commas between"},

	"fm.kind.string":     {"en tekst i anførselstegn", "a text in quotes"},
	"fm.kind.bool":       {"true eller false", "true or false"},
	"fm.kind.int":        {"et helt tal", "a whole number"},
	"fm.kind.float":      {"et tal", "a number"},
	"fm.kind.list":       {"en liste af tekster", "a list of texts"},
	"fm.kind.stringlist": {"en tekst eller en liste af tekster", "a text or a list of texts"},
	"fm.kind.date":       {"en dato", "a date"},
	"fm.kind.points":     {"en liste af målepunkter", "a list of measurement points"},
	"fm.kind.point":      {"et målepunkt som [\"2022-03\", 7.1]", "a measurement point like [\"2022-03\", 7.1]"},
	"fm.kind.tables":     {"en tabel-liste ([[…]])", "an array of tables ([[…]])"},
	"fm.kind.table":      {"en tabel ([…])", "a table ([…])"},
	"fm.kind.other":      {"en anden type", "another type"},
}

var _ = register(frontmatterMessages)
