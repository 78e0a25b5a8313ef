package i18n

// kvalitetMessages are about the quality model: its files, the versions a
// plan answers to, indikatorer, the tema pages, and roles.
var kvalitetMessages = map[string]Message{
	"kvalitet.list.and": {" og ", " and "},
	// The model file (docs/kvalitetsmodel.md).
	"kvalitet.file.model":                {"kvalitetsmodellen mangler \"model\": id'et for den model, filen er en version af", "the quality model has no \"model\": the id of the model the file is a version of"},
	"kvalitet.file.model.hint":           {"skriv fx model = \"tilbud\" øverst i filen", "write e.g. model = \"tilbud\" at the top of the file"},
	"kvalitet.file.id":                   {"kvalitetsmodellen mangler \"id\": versionens id", "the quality model has no \"id\": the version's id"},
	"kvalitet.file.id.hint":              {"skriv fx id = \"tilbud-2017\"; samme id som en indbygget version erstatter den", "write e.g. id = \"tilbud-2017\"; the id of an embedded version replaces it"},
	"kvalitet.file.navn":                 {"kvalitetsmodellen mangler \"navn\"", "the quality model has no \"navn\""},
	"kvalitet.file.navn.hint":            {"skriv fx navn = \"Kvalitetsmodel for tilbud\"", "write e.g. navn = \"Kvalitetsmodel for tilbud\""},
	"kvalitet.file.dates":                {"gyldig_til (%s) ligger før gyldig_fra (%s)", "gyldig_til (%s) is before gyldig_fra (%s)"},
	"kvalitet.file.dates.hint":           {"gyldig_til er versionens sidste gyldige dag; byt om på datoerne", "gyldig_til is the version's last day in force; swap the dates"},
	"kvalitet.file.titel":                {"kilden %q mangler en titel", "the source %q has no titel"},
	"kvalitet.file.titel.hint":           {"skriv fx titel = \"Lov om socialtilsyn § 6\" under [kilder.<id>]", "write e.g. titel = \"Lov om socialtilsyn § 6\" under [kilder.<id>]"},
	"kvalitet.file.url":                  {"kildens url %q er ikke en hel webadresse", "the source's url %q is not a complete web address"},
	"kvalitet.file.url.hint":             {"skriv adressen med https://, eller udelad url", "write the address with https://, or leave url out"},
	"kvalitet.file.nokilde":              {"ingen kilde: hvert tema, kriterium og indikator skal nævne sin kilde", "no source: every tema, kriterium and indikator must name its source"},
	"kvalitet.file.nokilde.hint":         {"skriv kilde = \"<id>\" med id'et på en af filens [kilder.<id>], her eller på et niveau over (versionen, temaet, kriteriet)", "write kilde = \"<id>\" with the id of one of the file's [kilder.<id>], here or on a level above (the version, the tema, the kriterium)"},
	"kvalitet.file.kilde":                {"kilden %q er ikke beskrevet i filen", "the source %q is not described in the file"},
	"kvalitet.file.kilde.hint":           {"beskriv den under [kilder.<id>] med titel og url; filens kilder: %s", "describe it under [kilder.<id>] with titel and url; the file's sources: %s"},
	"kvalitet.file.didyoumean":           {"mente du %q?", "did you mean %q?"},
	"kvalitet.file.nr.hint":              {"numrene er positive og bruges én gang hver; kriterierne nummereres hen over hele modellen", "numbers are positive and used once each; kriterier are numbered across the whole model"},
	"kvalitet.file.tema.nr":              {"temanummeret %d er ugyldigt eller bruges to gange", "the tema number %d is invalid or used twice"},
	"kvalitet.file.tema.navn":            {"tema %d mangler et navn", "tema %d has no name"},
	"kvalitet.file.tema.navn.hint":       {"skriv temaets navn, som loven skriver det, fx navn = \"Organisation og ledelse\"", "write the tema's name as the law writes it, e.g. navn = \"Organisation og ledelse\""},
	"kvalitet.file.kriterium.nr":         {"kriterienummeret %d er ugyldigt eller bruges to gange", "the kriterium number %d is invalid or used twice"},
	"kvalitet.file.alle":                 {"kriterium %d siger alle_indikatorer = true, men har ingen indikatorer", "kriterium %d says alle_indikatorer = true but has no indikatorer"},
	"kvalitet.file.alle.hint":            {"list kriteriets indikatorer, eller fjern alle_indikatorer", "list the kriterium's indikatorer, or remove alle_indikatorer"},
	"kvalitet.file.indikator":            {"indikatoren %q passer ikke under kriterium %d", "the indikator %q does not fit under kriterium %d"},
	"kvalitet.file.indikator.hint":       {"en indikator skrives <kriterium>.<bogstav> og står under sit kriterium, fx \"%d.a\"", "an indikator is written <kriterium>.<letter> and stands under its kriterium, e.g. \"%d.a\""},
	"kvalitet.file.indikator.twice":      {"indikatoren %q står to gange", "the indikator %q appears twice"},
	"kvalitet.file.indikator.twice.hint": {"fjern den ene", "remove one of them"},
	"kvalitet.file.overlap":              {"versionerne %s og %s af kvalitetsmodellen %q gælder begge på samme dag", "the versions %s and %s of the quality model %q are both in force on one day"},
	"kvalitet.file.overlap.hint":         {"sæt gyldig_til på den ældste (%s) til dagen før den nyes gyldig_fra", "set gyldig_til on the older one (%s) to the day before the newer one's gyldig_fra"},

	// config.toml.
	"config.pin":            {"kvalitetsmodellens version %q findes ikke", "the quality model version %q does not exist"},
	"config.pin.hint":       {"kendte versioner: %s", "known versions: %s"},
	"config.pin.twice":      {"to versioner af kvalitetsmodellen %q er fastlåst", "two versions of the quality model %q are pinned"},
	"config.pin.twice.hint": {"fastlås én version pr. model", "pin one version per model"},

	// Plans and indsatser.
	"content.model.notinforce":         {"ingen version af kvalitetsmodellen %q gjaldt %s; planen bruger %s (gyldig %s)", "no version of the quality model %q was in force on %s; the plan uses %s (in force %s)"},
	"content.model.notinforce.hint":    {"ret planens dato, eller vælg versionen med kvalitetsmodel = \"<version>\" i planen; versioner: %s", "correct the plan's date, or choose the version with kvalitetsmodel = \"<version>\" in the plan; versions: %s"},
	"content.indikator.unknown":        {"indikatoren %q findes ikke i %s", "the indikator %q is not in %s"},
	"content.indikator.unknown.hint":   {"gyldige indikatorer i nærheden: %s", "valid indikatorer nearby: %s"},
	"content.indikator.partial":        {"indikatoren %q er ikke blandt de kendte indikatorer for kriterium %d i %s, og ikke alle kriteriets indikatorer er indlæst, så id'et kan ikke kontrolleres", "the indikator %q is not among the known indikatorer of kriterium %d in %s, and not all the kriterium's indikatorer are loaded, so the id cannot be checked"},
	"content.indikator.partial.hint":   {"tjek id'et i tilsynsrapporten; kendte indikatorer under kriteriet: %s; et site med hele modellen nævner sin fil i config.toml som kvalitetsmodel = \"fil.toml\"", "check the id in the tilsyn's report; known indikatorer under the kriterium: %s; a site with the full model names its file in config.toml as kvalitetsmodel = \"file.toml\""},
	"content.indikator.notloaded":      {"indikatoren %q kan ikke kontrolleres: indholdet af %s er ikke indlæst", "the indikator %q cannot be checked: the contents of %s are not loaded"},
	"content.indikator.notloaded.hint": {"læg versionens temaer, kriterier og indikatorer i en fil og nævn den i config.toml som kvalitetsmodel = \"fil.toml\" (se docs/kvalitetsmodel.md)", "put the version's temaer, kriterier and indikatorer in a file and name it in config.toml as kvalitetsmodel = \"file.toml\" (see docs/kvalitetsmodel.md)"},
	"content.roller.empty":             {"rollen %q peger på en tom tekst", "the role %q points at an empty text"},
	"content.roller.empty.hint":        {"skriv den stavemåde, rollen skal samles under, fx \"Konst. aftaleholder\" = \"Konstitueret aftaleholder\"", "write the spelling the role is gathered under, e.g. \"Konst. aftaleholder\" = \"Konstitueret aftaleholder\""},
	"content.roller.chain":             {"rollen %q peger på %q, som selv er en anden stavemåde", "the role %q points at %q, which is itself a variant spelling"},
	"content.roller.chain.hint":        {"lad begge stavemåder pege direkte på den samme rolle", "let both spellings point straight at the same role"},
	"content.roller.unused":            {"stavemåden %q bruges ikke i planen", "the spelling %q is not used in the plan"},
	"content.roller.unused.hint":       {"ret stavemåden, så den er som i planens hvem-felter, eller fjern linjen", "correct the spelling to match the plan's hvem fields, or remove the line"},

	// Pages.
	"kvalitet.version":   {"%s, udgaven fra %s", "%s, the version of %s"},
	"kvalitet.noordlyd":  {"Officiel ordlyd ikke indlæst", "Official wording not loaded"},
	"kvalitet.source":    {"Kilde", "Source"},
	"kvalitet.emne":      {"vedrører %s", "concerns %s"},
	"kvalitet.emne.line": {"Vedrører %s", "Concerns %s"},
	"kvalitet.notloaded": {"Temaer, kriterier og indikatorer for denne udgave er ikke indlæst.", "The temaer, kriterier and indikatorer of this version are not loaded."},
	"kvalitet.partial":   {"Ikke alle kriteriets indikatorer er indlæst.", "Not all of the kriterium's indikatorer are loaded."},
	"kvalitet.unlisted":  {"nævnt i en plan, ikke blandt de indlæste indikatorer", "named in a plan, not among the loaded indikatorer"},
	"roller.of":          {"%s hos %s", "%s at %s"},
	"roller.spellings":   {"Skrevet i planen som: %s", "Written in the plan as: %s"},
}

var _ = register(kvalitetMessages)
