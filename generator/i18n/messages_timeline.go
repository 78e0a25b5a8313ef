package i18n

// timelineMessages are the timelines' and charts' texts.
var timelineMessages = map[string]Message{
	"timeline.quarter":             {"K%d", "Q%d"},
	"timeline.today":               {"i dag", "today"},
	"timeline.nodates":             {"Ingen af aktiviteterne har et tidsrum, der kan tegnes; se tabellen.", "None of the activities has a time frame that can be drawn; see the table."},
	"timeline.summary.one":         {"Tidslinje med %d aktivitet fra %s til %s. Tabellen herunder siger det samme i tekst.", "Timeline of %d activity from %s to %s. The table below says the same in text."},
	"timeline.summary.other":       {"Tidslinje med %d aktiviteter fra %s til %s. Tabellen herunder siger det samme i tekst.", "Timeline of %d activities from %s to %s. The table below says the same in text."},
	"timeline.summary.above.one":   {"Tidslinje med %d aktivitet fra %s til %s. Tabellen over aktiviteterne ovenfor siger det samme i tekst.", "Timeline of %d activity from %s to %s. The table of activities above says the same in text."},
	"timeline.summary.above.other": {"Tidslinje med %d aktiviteter fra %s til %s. Tabellen over aktiviteterne ovenfor siger det samme i tekst.", "Timeline of %d activities from %s to %s. The table of activities above says the same in text."},
	"timeline.astable":             {"Vis tidslinjen som tabel", "Show the timeline as a table"},
	"timeline.reading":             {"Læst som", "Read as"},
	"timeline.plan":                {"Tidslinje: %s", "Timeline: %s"},
	"timeline.indsats":             {"Tidslinje for %s", "Timeline of %s"},
	"timeline.role":                {"Tidslinje for %s", "Timeline for %s"},
	"timeline.title":               {"Tidslinje", "Timeline"},
	"timeline.key.bar":             {"periode", "period"},
	"timeline.key.ongoing":         {"løbende", "ongoing"},
	"timeline.key.deadline":        {"frist", "deadline"},
	"timeline.key.earliest":        {"tidligst fra", "not before"},
	"timeline.key.overdue":         {"overskredet", "overdue"},
	"timeline.key.today":           {"i dag", "today"},
	"timeline.intro":               {"Alle planers aktiviteter på én tidslinje pr. plan: bjælker er perioder, ruder er frister, pile er løbende arbejde, og den lodrette linje er i dag. Et udråbstegn betyder overskredet.", "Every plan's activities on one timeline per plan: bars are periods, diamonds are deadlines, arrows are ongoing work, and the vertical line is today. An exclamation mark means overdue."},
	"chart.target":                 {"mål %s", "target %s"},
	"chart.better.ned":             {"lavere er bedre", "lower is better"},
	"chart.better.op":              {"højere er bedre", "higher is better"},
	"chart.summary.one":            {"%[2]s: %[1]d måling fra %[3]s til %[4]s, seneste %[5]s.", "%[2]s: %[1]d measurement from %[3]s to %[4]s, latest %[5]s."},
	"chart.summary.other":          {"%[2]s: %[1]d målinger fra %[3]s til %[4]s, seneste %[5]s.", "%[2]s: %[1]d measurements from %[3]s to %[4]s, latest %[5]s."},
	"chart.met":                    {"Når målet", "Meets target"},
	"chart.yes":                    {"ja", "yes"},
	"chart.no":                     {"nej", "no"},
	"chart.astable":                {"Målingerne som tabel", "The measurements as a table"},
}

var _ = register(timelineMessages)
