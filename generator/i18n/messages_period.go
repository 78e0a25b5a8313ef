package i18n

// periodMessages are about reading time frames (package period).
var periodMessages = map[string]Message{
	"period.empty":              {"tidsrummet er tomt", "the time frame is empty"},
	"period.empty.hint":         {`skriv fx "1. kvartal 2022" eller "løbende"`, `write e.g. "1. kvartal 2022" or "løbende"`},
	"period.unreadable":         {"kan ikke læse tidsrummet %q", "cannot read the time frame %q"},
	"period.unreadable.hint":    {`skriv fx "1. kvartal 2022", "marts 2022", "1.2.2022-31.12.2022", "inden udgangen af 2021" eller "løbende"; en bemærkning uden tid skrives som tidsnote = "…"`, `write e.g. "1. kvartal 2022", "marts 2022", "1.2.2022-31.12.2022", "inden udgangen af 2021" or "løbende"; a remark without a time goes in tidsnote = "…"`},
	"period.impossible":         {"datoen i %q findes ikke", "the date in %q does not exist"},
	"period.impossible.hint":    {"tjek dag og måned: fx har februar 28 dage (29 i skudår)", "check day and month: February has 28 days (29 in leap years)"},
	"period.noweek":             {"uge %d findes ikke i %d", "week %d does not exist in %d"},
	"period.noweek.hint":        {"et år har 52 eller 53 uger (ISO-uger)", "a year has 52 or 53 weeks (ISO weeks)"},
	"period.reversed":           {"tidsrummet slutter (%[2]s) før det begynder (%[1]s)", "the time frame ends (%[2]s) before it begins (%[1]s)"},
	"period.reversed.hint":      {"skriv den tidligste dato først, fx 1.2.2018-31.12.2018", "write the earlier date first, e.g. 1.2.2018-31.12.2018"},
	"period.winter":             {"vinteren i %q skal gå fra et år til det næste", "the winter in %q must run from one year into the next"},
	"period.winter.hint":        {`skriv fx "vinteren 2022/23"`, `write e.g. "vinteren 2022/23"`},
	"period.nodato":             {"%q regnes fra planens dato, men planen har ingen dato", "%q counts from the plan's date, but the plan has no date"},
	"period.nodato.hint":        {"skriv dato = 2022-01-15 i planens _index.md", "write dato = 2022-01-15 in the plan's _index.md"},
	"period.noyear":             {"%q mangler et årstal, og planen har hverken periode eller dato", "%q has no year, and the plan has neither period nor date"},
	"period.noyear.hint":        {`skriv årstallet med, fx "marts 2022"`, `write the year too, e.g. "marts 2022"`},
	"period.yearfromplan":       {"tidsrummet har intet årstal; %d er taget fra planen", "the time frame has no year; %d is taken from the plan"},
	"period.yearfromplan.hint":  {"skriv årstallet med, så læsningen er sikker", "write the year, so the reading is certain"},
	"period.several":            {"teksten nævner flere tidspunkter (%q og %q)", "the text names several times (%q and %q)"},
	"period.several.hint":       {"del aktiviteten i to, eller skriv ét tidsrum i hvornaar og resten i tidsnote", "split the activity in two, or write one time frame in hvornaar and the rest in tidsnote"},
	"period.notaday":            {"kan ikke læse %q som en dato", "cannot read %q as a date"},
	"period.notaday.hint":       {"skriv fx 2022-03-01 eller 1.3.2022", "write e.g. 2022-03-01 or 1.3.2022"},
	"period.noplanperiod":       {`"løbende" følger planens periode, men planen har ingen periode`, `"løbende" follows the plan's period, but the plan has none`},
	"period.noplanperiod.hint":  {`skriv periode = "2022" i planens _index.md, eller "løbende i 2022"`, `write periode = "2022" in the plan's _index.md, or "løbende i 2022"`},
	"period.fmt.frist":          {"frist %s", "by %s"},
	"period.fmt.loebende":       {"løbende", "ongoing"},
	"period.fmt.loebende.fra":   {"løbende fra %s", "ongoing from %s"},
	"period.fmt.loebende.range": {"løbende %s", "ongoing %s"},
}

var _ = register(periodMessages)
