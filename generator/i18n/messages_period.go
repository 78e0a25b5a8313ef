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
	"period.noyear":             {"%q mangler et årstal, og planen har hverken dato eller periode at regne fra", "%q has no year, and the plan has neither a date nor a period to count from"},
	"period.noyear.hint":        {`skriv årstallet med, fx "marts 2022" eller "inden jul 2021"`, `write the year too, e.g. "marts 2022" or "inden jul 2021"`},
	"period.dropped":            {"ordet %q ændrer tidsrummet %q, men kan ikke læses sammen med det", "the word %q changes the time frame %q, but cannot be read with it"},
	"period.dropped.hint":       {`skriv tidsrummet alene i hvornaar, fx "efter sommerferien 2022", "tidligst marts 2022", "marts 2022 og frem", "inden jul 2021" eller "første halvdel af 2022", og resten i tidsnote = "…"`, `write the time frame alone in hvornaar, e.g. "efter sommerferien 2022", "tidligst marts 2022", "marts 2022 og frem", "inden jul 2021" or "første halvdel af 2022", and the rest in tidsnote = "…"`},
	"period.until":              {"%q kan betyde både til og med og til starten af tidsrummet", "%q can mean both through and up to the start of the time frame"},
	"period.until.hint":         {`skriv "til og med juni 2022" eller "inden juni 2022"`, `write "til og med juni 2022" (through) or "inden juni 2022" (before)`},
	"period.juldot":             {`%q kan være juli forkortet; "jul" læses som julen`, `%q may be July abbreviated; "jul" is read as Christmas`},
	"period.juldot.hint":        {`skriv "juli 2022" for måneden eller "jul 2022" for julen (24.-26.12.)`, `write "juli 2022" for the month or "jul 2022" for Christmas (24-26 Dec)`},
	"period.several":            {"teksten nævner flere tidspunkter (%q og %q)", "the text names several times (%q and %q)"},
	"period.several.hint":       {"del aktiviteten i to, eller skriv ét tidsrum i hvornaar og resten i tidsnote", "split the activity in two, or write one time frame in hvornaar and the rest in tidsnote"},
	"period.notaday":            {"kan ikke læse %q som en dato", "cannot read %q as a date"},
	"period.notaday.hint":       {"skriv fx 2022-03-01 eller 1.3.2022", "write e.g. 2022-03-01 or 1.3.2022"},
	"period.fmt.frist":          {"frist %s", "by %s"},
	"period.fmt.loebende":       {"løbende", "ongoing"},
	"period.fmt.loebende.fra":   {"løbende fra %s", "ongoing from %s"},
	"period.fmt.loebende.range": {"løbende %s", "ongoing %s"},
	"period.fmt.loebende.til":   {"løbende til %s", "ongoing until %s"},
	"period.fmt.tidligst":       {"tidligst %s", "not before %s"},
}

var _ = register(periodMessages)
