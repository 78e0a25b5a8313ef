package period

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

// ref2022 is a plan dated 15 January 2022 running through 2022.
var ref2022 = Ref{Dato: day(2022, 1, 15), PlanStart: day(2022, 1, 1), PlanSlut: day(2022, 12, 31)}

// More plan dates, for texts without a year.
var (
	refApril      = Ref{Dato: day(2022, 4, 2)}
	refApril1     = Ref{Dato: day(2022, 4, 1)}
	refJune       = Ref{Dato: day(2022, 6, 1)}
	refDec25      = Ref{Dato: day(2022, 12, 25)}
	refDec27      = Ref{Dato: day(2022, 12, 27)}
	refPeriodOnly = Ref{PlanStart: day(2018, 2, 1), PlanSlut: day(2018, 12, 31)} // Torvevej without its dato
)

type pcase struct {
	text       string
	start, end string // "" = unknown
	kind       Kind
	err        string // catalog key of the expected error
	warn       string // catalog key of an expected warning
	ref        *Ref
}

var cases = []pcase{
	// Years, quarters, halves.
	{text: "2022", start: "2022-01-01", end: "2022-12-31", kind: Periode},
	{text: " 2022. ", start: "2022-01-01", end: "2022-12-31", kind: Periode},
	{text: "1. kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "2. kvartal 2022", start: "2022-04-01", end: "2022-06-30", kind: Periode},
	{text: "3. kvartal 2022", start: "2022-07-01", end: "2022-09-30", kind: Periode},
	{text: "4. kvartal 2022", start: "2022-10-01", end: "2022-12-31", kind: Periode},
	{text: "1. kvt. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.kvt. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1 kvt 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1. KVARTAL 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "Q1 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "q4 2022", start: "2022-10-01", end: "2022-12-31", kind: Periode},
	{text: "Q22022", start: "2022-04-01", end: "2022-06-30", kind: Periode},
	{text: "første kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "andet kvartal 2023", start: "2023-04-01", end: "2023-06-30", kind: Periode},
	{text: "fjerde kvartal 2023", start: "2023-10-01", end: "2023-12-31", kind: Periode},
	{text: "1. halvår 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "2. halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	{text: "andet halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	// Months.
	{text: "december 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "dec. 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "Dec 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "2021-12", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "februar 2024", start: "2024-02-01", end: "2024-02-29", kind: Periode},
	{text: "februar 2023", start: "2023-02-01", end: "2023-02-28", kind: Periode},
	{text: "feb. 2100", start: "2100-02-01", end: "2100-02-28", kind: Periode},
	{text: "sept. 2022", start: "2022-09-01", end: "2022-09-30", kind: Periode},
	{text: "okt 2022", start: "2022-10-01", end: "2022-10-31", kind: Periode},
	{text: "maj 2022", start: "2022-05-01", end: "2022-05-31", kind: Periode},
	{text: "juni 2022", start: "2022-06-01", end: "2022-06-30", kind: Periode},
	{text: "2022-13", err: "period.impossible"},
	// ISO weeks.
	{text: "uge 12 2022", start: "2022-03-21", end: "2022-03-27", kind: Periode},
	{text: "Uge 1 2021", start: "2021-01-04", end: "2021-01-10", kind: Periode},
	{text: "uge 1 2020", start: "2019-12-30", end: "2020-01-05", kind: Periode},
	{text: "uge 53 2020", start: "2020-12-28", end: "2021-01-03", kind: Periode},
	{text: "uge 53 2021", err: "period.noweek"},
	{text: "uge 0 2022", err: "period.noweek"},
	{text: "uge 52, 2022", start: "2022-12-26", end: "2023-01-01", kind: Periode},
	// Days.
	{text: "1.2.2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "01.02.2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1/2 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1/2-2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1. februar 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1 februar 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1. feb. 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "2018-02-01", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "29.2.2024", start: "2024-02-29", end: "2024-02-29", kind: Periode},
	{text: "29.2.2000", start: "2000-02-29", end: "2000-02-29", kind: Periode},
	{text: "29.2.2023", err: "period.impossible"},
	{text: "29.2.1900", err: "period.impossible"},
	{text: "31.2.2022", err: "period.impossible"},
	{text: "31.4.2022", err: "period.impossible"},
	{text: "32.1.2022", err: "period.impossible"},
	{text: "0.1.2022", err: "period.impossible"},
	{text: "1.13.2022", err: "period.impossible"},
	{text: "2022-02-30", err: "period.impossible"},
	{text: "31/6 2022", err: "period.impossible"},
	{text: "1.2.22", start: "2022-02-01", end: "2022-02-01", kind: Periode},
	// Ranges.
	{text: "1.2.2018-31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 - 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 – 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018—31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 til 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "fra 1.2.2018 til 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "Perioden strækker sig fra 1.2.2018-31.12.2018.", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "januar-marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "januar – marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "jan.-mar. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.-31.12.2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "1.-32.12.2021", err: "period.impossible"},
	{text: "2021-2022", start: "2021-01-01", end: "2022-12-31", kind: Periode},
	{text: "2025-2026", start: "2025-01-01", end: "2026-12-31", kind: Periode},
	{text: "Q1-Q2 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "1. kvartal 2022 - 2. kvartal 2023", start: "2022-01-01", end: "2023-06-30", kind: Periode},
	{text: "marts 2022 til juni 2022", start: "2022-03-01", end: "2022-06-30", kind: Periode},
	{text: "fra marts 2025 til september 2026", start: "2025-03-01", end: "2026-09-30", kind: Periode},
	{text: "uge 10-12 2022", start: "2022-03-07", end: "2022-03-27", kind: Periode},
	{text: "7.4.2025-11.4.2025", start: "2025-04-07", end: "2025-04-11", kind: Periode},
	{text: "1/2-15/3 2022", start: "2022-02-01", end: "2022-03-15", kind: Periode},
	{text: "31.12.2018-1.2.2018", err: "period.reversed"},
	{text: "2023-2022", err: "period.reversed"},
	{text: "december-januar 2022", err: "period.reversed"},
	// primo / medio / ultimo.
	{text: "primo 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "medio 2022", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "ultimo 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "ultimo 2021", start: "2021-11-01", end: "2021-12-31", kind: Periode},
	{text: "primo 2024", start: "2024-01-01", end: "2024-02-29", kind: Periode},
	{text: "primo marts 2022", start: "2022-03-01", end: "2022-03-10", kind: Periode},
	{text: "medio marts 2022", start: "2022-03-11", end: "2022-03-20", kind: Periode},
	{text: "ultimo marts 2022", start: "2022-03-21", end: "2022-03-31", kind: Periode},
	{text: "ultimo februar 2024", start: "2024-02-21", end: "2024-02-29", kind: Periode},
	{text: "ultimo feb. 2023", start: "2023-02-21", end: "2023-02-28", kind: Periode},
	{text: "start 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "starten af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "begyndelsen af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "i begyndelsen af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "midten af 2022", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "slutningen af 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "i slutningen af 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "start december 2021", start: "2021-12-01", kind: Loebende},
	{text: "primo-medio 2022", start: "2022-01-01", end: "2022-07-31", kind: Periode},
	// Seasons.
	{text: "foråret 2022", start: "2022-03-01", end: "2022-05-31", kind: Periode},
	{text: "sommeren 2022", start: "2022-06-01", end: "2022-08-31", kind: Periode},
	{text: "efteråret 2022", start: "2022-09-01", end: "2022-11-30", kind: Periode},
	{text: "Foråret 2018", start: "2018-03-01", end: "2018-05-31", kind: Periode},
	{text: "vinteren 2022/23", start: "2022-12-01", end: "2023-02-28", kind: Periode},
	{text: "vinteren 2023/24", start: "2023-12-01", end: "2024-02-29", kind: Periode},
	{text: "vinteren 2022/2023", start: "2022-12-01", end: "2023-02-28", kind: Periode},
	{text: "vinteren 2099/00", start: "2099-12-01", end: "2100-02-28", kind: Periode},
	{text: "vinteren 2026/27", start: "2026-12-01", end: "2027-02-28", kind: Periode},
	{text: "vinteren 2022/24", err: "period.winter"},
	// Deadlines.
	{text: "inden udgangen af 2021", end: "2021-12-31", kind: Frist},
	{text: "Inden udgangen af 2021.", end: "2021-12-31", kind: Frist},
	{text: "inden udgangen 2022", end: "2022-12-31", kind: Frist},
	{text: "inden udgangen af 1. kvartal 2022", end: "2022-03-31", kind: Frist},
	{text: "ved udgangen af 2018", end: "2018-12-31", kind: Frist},
	{text: "senest 1.3.2022", end: "2022-03-01", kind: Frist},
	{text: "senest marts 2022", end: "2022-03-31", kind: Frist},
	{text: "senest 1.9.2025", end: "2025-09-01", kind: Frist},
	{text: "inden 1. april 2022", end: "2022-03-31", kind: Frist},
	{text: "inden 1.1.2023", end: "2022-12-31", kind: Frist},
	{text: "før 1. april 2022", end: "2022-03-31", kind: Frist},
	{text: "inden 2023", end: "2022-12-31", kind: Frist},
	{text: "frem til sommeren 2022", end: "2022-05-31", kind: Loebende},
	{text: "indtil 31.12.2022", end: "2022-12-31", kind: Loebende},
	{text: "til og med juni 2022", end: "2022-06-30", kind: Loebende},
	{text: "inden 31.2.2022", err: "period.impossible"},
	// Ongoing.
	{text: "løbende", start: "2022-01-01", end: "2022-12-31", kind: Loebende, ref: &ref2022},
	{text: "Løbende.", start: "2022-01-01", end: "2022-12-31", kind: Loebende, ref: &ref2022},
	{text: "løbende", kind: Loebende}, // a plan without a period: no warning the author cannot act on
	{text: "løbende i 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende i hele 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende gennem 2. halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Loebende},
	{text: "start nu og løbende", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	{text: "Start nu og løbende", kind: Loebende}, // a plan without a date (Auning)
	{text: "fra nu", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	{text: "fra marts 2022", start: "2022-03-01", kind: Loebende},
	{text: "fra 1.3.2022 og løbende", start: "2022-03-01", kind: Loebende},
	{text: "fra uge 12 2022 og fremover", start: "2022-03-21", kind: Loebende},
	// Without a year: the first such time that does not end before the
	// plan's date (15.1.2022), else the start of its period; with neither,
	// refused with a hint to write the year.
	{text: "marts", start: "2022-03-01", end: "2022-03-31", kind: Periode, ref: &ref2022},
	{text: "1/2", start: "2022-02-01", end: "2022-02-01", kind: Periode, ref: &ref2022},
	{text: "1. kvartal", start: "2022-01-01", end: "2022-03-31", kind: Periode, ref: &ref2022},
	{text: "uge 12", start: "2022-03-21", end: "2022-03-27", kind: Periode, ref: &ref2022},
	{text: "i uge 12", start: "2022-03-21", end: "2022-03-27", kind: Periode, ref: &ref2022},
	{text: "foråret", start: "2022-03-01", end: "2022-05-31", kind: Periode, ref: &ref2022},
	{text: "januar", start: "2022-01-01", end: "2022-01-31", kind: Periode, ref: &ref2022},
	{text: "1/1", start: "2023-01-01", end: "2023-01-01", kind: Periode, ref: &ref2022},
	{text: "15/1", start: "2022-01-15", end: "2022-01-15", kind: Periode, ref: &ref2022},
	{text: "senest 1. april", end: "2022-04-01", kind: Frist, ref: &ref2022},
	{text: "senest 1. april", end: "2023-04-01", kind: Frist, ref: &refApril},
	{text: "senest 1. april", end: "2022-04-01", kind: Frist, ref: &refApril1},
	{text: "ultimo maj", start: "2022-05-21", end: "2022-05-31", kind: Periode, ref: &ref2022},
	{text: "ultimo maj", start: "2023-05-21", end: "2023-05-31", kind: Periode, ref: &refJune},
	{text: "i uge 12", start: "2023-03-20", end: "2023-03-26", kind: Periode, ref: &refApril},
	{text: "inden jul", end: "2022-12-24", kind: Frist, ref: &ref2022},
	{text: "inden jul", end: "2022-12-24", kind: Frist, ref: &refDec25},
	{text: "inden jul", end: "2023-12-24", kind: Frist, ref: &refDec27},
	{text: "efter sommerferien", start: "2022-08-08", kind: Tidligst, ref: &ref2022},
	{text: "inden påske", end: "2022-04-13", kind: Frist, ref: &ref2022},
	{text: "uge 1", start: "2025-12-29", end: "2026-01-04", kind: Periode, ref: &Ref{Dato: day(2025, 12, 30)}},
	{text: "uge 53", start: "2026-12-28", end: "2027-01-03", kind: Periode, ref: &ref2022},
	{text: "uge 53", start: "2020-12-28", end: "2021-01-03", kind: Periode, ref: &Ref{Dato: day(2021, 1, 2)}},
	{text: "29/2", start: "2024-02-29", end: "2024-02-29", kind: Periode, ref: &ref2022},
	{text: "Temadag i uge 53", start: "2026-12-28", end: "2027-01-03", kind: Periode, ref: &ref2022},
	{text: "31/2", err: "period.impossible", ref: &ref2022},
	{text: "marts-juni", start: "2022-03-01", end: "2022-06-30", kind: Periode, ref: &ref2022},
	{text: "fra marts", start: "2022-03-01", kind: Loebende, ref: &ref2022},
	{text: "første halvdel af marts", start: "2022-03-01", end: "2022-03-15", kind: Periode, ref: &ref2022},
	{text: "marts", start: "2018-03-01", end: "2018-03-31", kind: Periode, ref: &refPeriodOnly},
	{text: "inden jul", end: "2018-12-24", kind: Frist, ref: &refPeriodOnly},
	{text: "marts", err: "period.noyear"},
	{text: "1/2", err: "period.noyear"},
	{text: "senest 1. april", err: "period.noyear"},
	{text: "inden jul", err: "period.noyear"},
	{text: "Afsluttes inden jul", err: "period.noyear"},
	{text: "Afsluttes inden jul", end: "2022-12-24", kind: Frist, ref: &ref2022},
	// A year written is never moved, even when it lies before the plan.
	{text: "inden jul 2021", end: "2021-12-24", kind: Frist, ref: &ref2022},
	// Sentences as written in the seed plans (Auning/Allingåbro).
	{text: "Interne trivselssamtaler er opstartet og forventes gennemført inden udgangen af 2021", end: "2021-12-31", kind: Frist},
	{text: "Eksterne trivselssamtaler gennemføres første gang i 1. kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "TRIO opstartes inden udgangen af 1. kvartal 2022", end: "2022-03-31", kind: Frist},
	{text: "MUS/GRUS gennemføres start 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "LMU start december 2021", start: "2021-12-01", kind: Loebende},
	{text: "Udarbejdelse af vejledninger, arbejdsgangsbeskrivelser mv. sker løbende i 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "Forløbet er opstartet og kører frem til sommeren 2022", end: "2022-05-31", kind: Loebende},
	{text: "Udarbejdelse af overblik, beregninger mv. er påbegyndt og forventes afsluttet i 1. kvartal 2022.", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "Trivselssamtaler afsluttes ultimo 2021", start: "2021-11-01", end: "2021-12-31", kind: Periode},
	{text: "Organisationsforandringen forventes gennemført medio 2022.", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "Gennemført inden udgangen 2022", end: "2022-12-31", kind: Frist},
	{text: "Start nu og løbende", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	// A number outside the time frame might belong to it: not guessed at.
	{text: "2. trivselsmåling ved CRESEA ultimo 2022", err: "period.unreadable"},
	{text: "uge 10 og 12 2022", err: "period.unreadable"},
	// Torvevej.
	{text: "Der er derudover, i foråret 2018, planlagt særlig understøtning", start: "2018-03-01", end: "2018-05-31", kind: Periode},
	// Not readable, or not guessed at.
	{text: "Sygefraværssamtaler gennemføres…", err: "period.unreadable"},
	{text: "Kursusaktivitet gennemføres som planlagt", err: "period.unreadable"},
	{text: "snarest", err: "period.unreadable"},
	{text: "hurtigst muligt", err: "period.unreadable"},
	{text: "", err: "period.empty"},
	{text: "   ", err: "period.empty"},
	{text: "12", err: "period.unreadable"},
	{text: "5-6 procent", err: "period.unreadable"},
	{text: "TRIO i 2022 og LMU i 2023", err: "period.several"},
	{text: "2022 eller 2023", start: "2022-01-01", end: "2023-12-31", kind: Periode},
	{text: "1.2.2018-31.12.2018 og igen 2020", err: "period.several"},
	{text: "år 3000", err: "period.unreadable"},
	// Issue 14: words that change the meaning are read, or the phrase is
	// refused; never dropped.
	{text: "efter sommerferien 2022", start: "2022-08-08", kind: Tidligst},
	{text: "Efter sommerferien 2022.", start: "2022-08-08", kind: Tidligst},
	{text: "efter sommerferien 2024", start: "2024-08-12", kind: Tidligst},
	{text: "inden sommerferien 2022", end: "2022-06-24", kind: Frist},
	{text: "før sommerferien 2023", end: "2023-06-23", kind: Frist},
	{text: "sommerferien 2022", start: "2022-06-25", end: "2022-08-07", kind: Periode},
	{text: "i sommerferien 2022", start: "2022-06-25", end: "2022-08-07", kind: Periode},
	{text: "sommerferie 2025", start: "2025-06-28", end: "2025-08-10", kind: Periode},
	{text: "sommerferien 2026", start: "2026-06-27", end: "2026-08-09", kind: Periode},
	{text: "senest i sommerferien 2022", end: "2022-08-07", kind: Frist},
	{text: "inden udgangen af sommerferien 2022", end: "2022-08-07", kind: Frist},
	{text: "inden påske 2022", end: "2022-04-13", kind: Frist},
	{text: "påske 2022", start: "2022-04-14", end: "2022-04-18", kind: Periode},
	{text: "påsken 2024", start: "2024-03-28", end: "2024-04-01", kind: Periode},
	{text: "påske 2025", start: "2025-04-17", end: "2025-04-21", kind: Periode},
	{text: "efter påske 2023", start: "2023-04-11", kind: Tidligst},
	{text: "påskeferien 2022", start: "2022-04-09", end: "2022-04-18", kind: Periode},
	{text: "pinse 2022", start: "2022-06-05", end: "2022-06-06", kind: Periode},
	{text: "første halvdel af 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "Første halvdel af 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "anden halvdel af 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	{text: "sidste halvdel af 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	{text: "1. halvdel af 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "første halvdel af marts 2022", start: "2022-03-01", end: "2022-03-15", kind: Periode},
	{text: "anden halvdel af marts 2022", start: "2022-03-16", end: "2022-03-31", kind: Periode},
	{text: "første halvdel af februar 2024", start: "2024-02-01", end: "2024-02-14", kind: Periode},
	{text: "anden halvdel af 1. kvartal 2022", start: "2022-02-15", end: "2022-03-31", kind: Periode},
	{text: "inden første halvdel af 2022", end: "2021-12-31", kind: Frist},
	{text: "halvdelen af 2022", err: "period.dropped"},
	{text: "marts/april 2022", start: "2022-03-01", end: "2022-04-30", kind: Periode},
	{text: "marts / april 2022", start: "2022-03-01", end: "2022-04-30", kind: Periode},
	{text: "marts eller april 2022", start: "2022-03-01", end: "2022-04-30", kind: Periode},
	{text: "marts 2022 eller april 2022", start: "2022-03-01", end: "2022-04-30", kind: Periode},
	{text: "uge 12/13 2022", start: "2022-03-21", end: "2022-04-03", kind: Periode},
	{text: "påske/pinse 2022", start: "2022-04-14", end: "2022-06-06", kind: Periode},
	{text: "april/marts 2022", err: "period.reversed"},
	{text: "ikke før marts 2022", start: "2022-03-01", kind: Tidligst},
	{text: "ikke tidligere end marts 2022", start: "2022-03-01", kind: Tidligst},
	{text: "tidligst marts 2022", start: "2022-03-01", kind: Tidligst},
	{text: "tidligst 1.3.2022", start: "2022-03-01", kind: Tidligst},
	{text: "tidligst efter påske 2023", start: "2023-04-11", kind: Tidligst},
	{text: "ikke efter 1.3.2022", end: "2022-03-01", kind: Frist},
	{text: "ikke senere end marts 2022", end: "2022-03-31", kind: Frist},
	{text: "ikke i 2022", err: "period.dropped"},
	{text: "marts 2022 og frem", start: "2022-03-01", kind: Loebende},
	{text: "marts 2022 og fremefter", start: "2022-03-01", kind: Loebende},
	{text: "2023 og frem", start: "2023-01-01", kind: Loebende},
	{text: "2023 og fremover", start: "2023-01-01", kind: Loebende},
	{text: "fra 2023 og frem", start: "2023-01-01", kind: Loebende},
	{text: "fra og med marts 2022", start: "2022-03-01", kind: Loebende},
	{text: "siden 2021", start: "2021-01-01", kind: Loebende},
	{text: "løbende fra marts 2022", start: "2022-03-01", kind: Loebende},
	{text: "efter 1. marts 2022", start: "2022-03-02", kind: Tidligst},
	{text: "efter 2022", start: "2023-01-01", kind: Tidligst},
	{text: "efter 31.12.2022", start: "2023-01-01", kind: Tidligst},
	{text: "inden jul 2021", end: "2021-12-24", kind: Frist},
	{text: "før jul 2021", end: "2021-12-24", kind: Frist},
	{text: "senest jul 2021", end: "2021-12-24", kind: Frist},
	{text: "efter jul 2021", start: "2021-12-27", kind: Tidligst},
	{text: "jul 2022", start: "2022-12-24", end: "2022-12-26", kind: Periode},
	{text: "julen 2022", start: "2022-12-24", end: "2022-12-26", kind: Periode},
	{text: "juleaften 2022", start: "2022-12-24", end: "2022-12-24", kind: Periode},
	{text: "jul. 2022", err: "period.juldot"},
	{text: "juni-jul. 2022", err: "period.juldot"},
	{text: "juli 2022", start: "2022-07-01", end: "2022-07-31", kind: Periode},
	{text: "vinterferien 2022", start: "2022-02-14", end: "2022-02-20", kind: Periode},
	{text: "efter vinterferien 2023", start: "2023-02-20", kind: Tidligst},
	{text: "efterårsferien 2022", start: "2022-10-17", end: "2022-10-23", kind: Periode},
	{text: "inden efterårsferien 2022", end: "2022-10-16", kind: Frist},
	{text: "frem til jul 2022", end: "2022-12-24", kind: Loebende},
	{text: "indtil sommerferien 2022", end: "2022-06-24", kind: Loebende},
	{text: "til sommerferien 2022", end: "2022-06-24", kind: Loebende},
	{text: "frem til 1.4.2022", end: "2022-04-01", kind: Loebende},
	{text: "frem til udgangen af 2022", end: "2022-12-31", kind: Loebende},
	{text: "frem til juni 2022", err: "period.until"},
	{text: "indtil 2023", err: "period.until"},
	{text: "fra påske til sommerferien 2022", start: "2022-04-14", end: "2022-06-24", kind: Periode},
	{text: "fra marts til og med juni 2022", start: "2022-03-01", end: "2022-06-30", kind: Periode},
	{text: "fra 1.5. til og med jul 2022", start: "2022-05-01", end: "2022-12-26", kind: Periode},
	{text: "mellem marts og maj 2022", start: "2022-03-01", end: "2022-05-31", kind: Periode},
	{text: "start i december 2021", start: "2021-12-01", kind: Loebende},
	{text: "start uge 12 2022", start: "2022-03-21", kind: Loebende},
	{text: "start i 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	// Case, Danish letters and dashes with the new words.
	{text: "EFTER SOMMERFERIEN 2022", start: "2022-08-08", kind: Tidligst},
	{text: "PÅSKE 2022", start: "2022-04-14", end: "2022-04-18", kind: Periode},
	{text: "Første Halvdel Af 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "Inden jul 2021.", end: "2021-12-24", kind: Frist},
	{text: "påske–pinse 2022", start: "2022-04-14", end: "2022-06-04", kind: Periode},
	{text: "uge 12–13 2022", start: "2022-03-21", end: "2022-04-03", kind: Periode},
	{text: "marts – april 2022 og frem", start: "2022-03-01", kind: Loebende},
	{text: "efterårsferien–jul 2022", start: "2022-10-17", end: "2022-12-24", kind: Periode},
	// The same words inside a sentence: read with the frame, or refused.
	{text: "Kurser fra marts til juni 2022", start: "2022-03-01", end: "2022-06-30", kind: Periode},
	{text: "Kurser afholdes frem til juni 2022", err: "period.until"},
	{text: "Temadag afholdes efter sommerferien 2022", start: "2022-08-08", kind: Tidligst},
	{text: "Kurser i marts og april 2022", err: "period.dropped"},
	{text: "Evaluering ikke før 2023", start: "2023-01-01", kind: Tidligst},
	{text: "Evaluering sker ikke i 2023", err: "period.dropped"},
	{text: "Afholdes efter aftale i 2022", err: "period.dropped"},
	{text: "Kurset holdes i julen 2022", start: "2022-12-24", end: "2022-12-26", kind: Periode},
	{text: "Opstart omkring marts 2022", err: "period.dropped"},
	{text: "Evaluering i sommerferien 2022 eller senere", err: "period.dropped"},
	{text: "i sommerferien eller 2023", start: "2023-06-24", end: "2023-12-31", kind: Periode}, // the year is shared, as in "marts eller april 2022"
	{text: "Jan følger op i marts 2022", start: "2022-03-01", end: "2022-03-31", kind: Periode},
	{text: "Møder hver måned i 2022", err: "period.dropped"},
	{text: "Juleferien 2022", err: "period.dropped"}, // not a holiday it knows: refused, not read as 2022
	{text: "Aktiviteter i juleferien 2022", err: "period.dropped"},
	// Spaces, case, dashes and non-breaking spaces.
	{text: "1.\u00a0kvartal\u00a02022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "INDEN  UDGANGEN  AF  2021", end: "2021-12-31", kind: Frist},
	{text: "januar\u2013marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.2.2018\u22121.3.2018", start: "2018-02-01", end: "2018-03-01", kind: Periode},
}

// TestLongTexts: texts whose words could be split many ways are refused
// in time; before the reader remembered what failed, each of these took
// longer than a test run.
func TestLongTexts(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("efter før til fra ", 15),
		strings.Repeat("a-b-c-d ", 30),
		strings.Repeat("fra 2022 til ", 20),
		strings.Repeat("marts ", 70) + "2022",
	} {
		for _, ref := range []Ref{{}, ref2022} {
			if _, _, prob := Parse(text, ref); prob == nil {
				t.Errorf("Parse(%.40q...) read it", text)
			}
		}
	}
}

func TestParseCases(t *testing.T) {
	if len(cases) < 150 {
		t.Fatalf("only %d cases; the issue asks for at least 150", len(cases))
	}
	for _, c := range cases {
		ref := Ref{}
		if c.ref != nil {
			ref = *c.ref
		}
		p, warns, prob := Parse(c.text, ref)
		if c.err != "" {
			if prob == nil || prob.Key != c.err {
				t.Errorf("Parse(%q) = %s %v–%v, %v; want error %s", c.text, p.Kind, p.Start, p.Slut, prob, c.err)
			}
			continue
		}
		if prob != nil {
			t.Errorf("Parse(%q): unexpected error %s", c.text, prob.Key)
			continue
		}
		if got := iso(p.Start); got != c.start {
			t.Errorf("Parse(%q).Start = %s, want %s", c.text, got, c.start)
		}
		if got := iso(p.Slut); got != c.end {
			t.Errorf("Parse(%q).Slut = %s, want %s", c.text, got, c.end)
		}
		if p.Kind != c.kind {
			t.Errorf("Parse(%q).Kind = %s, want %s", c.text, p.Kind, c.kind)
		}
		if p.Text != c.text {
			t.Errorf("Parse(%q) lost the text: %q", c.text, p.Text)
		}
		var keys []string
		for _, w := range warns {
			keys = append(keys, w.Key)
		}
		if got := strings.Join(keys, ","); got != c.warn {
			t.Errorf("Parse(%q) warnings = %q, want %q", c.text, got, c.warn)
		}
	}
}

func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestErrorsHaveHints(t *testing.T) {
	for _, c := range cases {
		if c.err == "" {
			continue
		}
		_, _, prob := Parse(c.text, Ref{})
		if prob != nil && (!i18n.Has(prob.Key) || !i18n.Has(prob.HintKey)) {
			t.Errorf("%q: %s or its hint is not in the catalog", c.text, prob.Key)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		text   string
		da, en string
	}{
		{"1. kvartal 2022", "1.1.–31.3.2022", "1 Jan – 31 Mar 2022"},
		{"december 2021", "1.–31.12.2021", "1 Dec – 31 Dec 2021"},
		{"1.2.2018-31.12.2019", "1.2.2018–31.12.2019", "1 Feb 2018 – 31 Dec 2019"},
		{"1.3.2022", "1.3.2022", "1 Mar 2022"},
		{"inden udgangen af 2021", "frist 31.12.2021", "by 31 Dec 2021"},
		{"løbende i 2022", "løbende 1.1.–31.12.2022", "ongoing 1 Jan – 31 Dec 2022"},
		{"fra marts 2022", "løbende fra 1.3.2022", "ongoing from 1 Mar 2022"},
		{"efter sommerferien 2022", "tidligst 8.8.2022", "not before 8 Aug 2022"},
		{"frem til sommeren 2022", "løbende til 31.5.2022", "ongoing until 31 May 2022"},
		{"inden jul 2021", "frist 24.12.2021", "by 24 Dec 2021"},
	}
	for _, tt := range tests {
		p, _, prob := Parse(tt.text, Ref{})
		if prob != nil {
			t.Fatal(prob)
		}
		if got := p.Format(i18n.Da); got != tt.da {
			t.Errorf("Format(%q, da) = %q, want %q", tt.text, got, tt.da)
		}
		if got := p.Format(i18n.En); got != tt.en {
			t.Errorf("Format(%q, en) = %q, want %q", tt.text, got, tt.en)
		}
	}
	if got := (Period{Kind: Loebende}).Format(i18n.Da); got != "løbende" {
		t.Errorf("open ongoing: %q", got)
	}
}

func TestJSON(t *testing.T) {
	p, _, _ := Parse("1. kvartal 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":"2022-01-01","slut":"2022-03-31","kind":"periode"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("inden udgangen af 2021", Ref{})
	if got := string(p.JSON()); got != `{"start":null,"slut":"2021-12-31","kind":"frist"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("fra marts 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":"2022-03-01","slut":null,"kind":"løbende"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("efter sommerferien 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":"2022-08-08","slut":null,"kind":"tidligst"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("frem til sommeren 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":null,"slut":"2022-05-31","kind":"løbende"}` {
		t.Errorf("JSON = %s", got)
	}
}

// TestEaster checks the computus against known Easter Sundays, the
// earliest (22 March) and latest (25 April) possible among them.
func TestEaster(t *testing.T) {
	for y, want := range map[int]string{
		1818: "1818-03-22", 1943: "1943-04-25", 2000: "2000-04-23", 2008: "2008-03-23",
		2011: "2011-04-24", 2019: "2019-04-21", 2021: "2021-04-04", 2022: "2022-04-17",
		2023: "2023-04-09", 2024: "2024-03-31", 2025: "2025-04-20", 2038: "2038-04-25",
	} {
		if got := iso(Easter(y)); got != want {
			t.Errorf("Easter(%d) = %s, want %s", y, got, want)
		}
	}
	for y := 1900; y <= 2200; y++ {
		e := Easter(y)
		if e.Weekday() != time.Sunday || e.Before(day(y, 3, 22)) || e.After(day(y, 4, 25)) {
			t.Errorf("Easter(%d) = %s: not a Sunday between 22 March and 25 April", y, iso(e))
		}
	}
}

// TestMeaningWordsNeverDropped: a sentence with a word that changes the
// time frame is read differently from the frame alone, or refused; it is
// never read as if the word were not there.
func TestMeaningWordsNeverDropped(t *testing.T) {
	words := []string{"efter", "før", "ikke", "ikke før", "tidligst", "senest", "fra", "til", "indtil",
		"frem til", "inden", "første halvdel af", "anden halvdel af", "halvdelen af", "siden", "start"}
	frames := []string{"marts 2022", "2022", "sommerferien 2022", "uge 12 2022", "1.3.2022", "sommeren 2022"}
	suffixes := []string{"og frem", "og fremefter", "eller senere", "eller april 2022", "/april 2022"}
	check := func(text, frame string) {
		alone, _, _ := Parse(frame, Ref{})
		p, _, prob := Parse(text, Ref{})
		if prob == nil && p.Start.Equal(alone.Start) && p.Slut.Equal(alone.Slut) && p.Kind == alone.Kind {
			t.Errorf("%q is read as %q alone: %s", text, frame, p.Format(i18n.Da))
		}
	}
	for _, f := range frames {
		for _, w := range words {
			check(w+" "+f, f)
			check("Aktiviteten "+w+" "+f, f)
		}
		for _, x := range suffixes {
			check(f+" "+x, f)
			check("Aktiviteten "+f+" "+x, f)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2021-11-15": "2021-11-15", "15.11.2021": "2021-11-15", "15/11 2021": "2021-11-15", "15. november 2021": "2021-11-15", "1.12.2017": "2017-12-01"} {
		got, prob := ParseDate(in)
		if prob != nil || iso(got) != want {
			t.Errorf("ParseDate(%q) = %s, %v", in, iso(got), prob)
		}
	}
	for _, in := range []string{"2021", "marts 2022", "31.2.2022", "i går", ""} {
		if _, prob := ParseDate(in); prob == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, ref := range []Ref{{}, ref2022, refDec27, refPeriodOnly} {
			p, _, prob := Parse(text, ref)
			if prob != nil {
				continue
			}
			if !p.Start.IsZero() && !p.Slut.IsZero() && p.Start.After(p.Slut) {
				t.Fatalf("Parse(%q): start %v after slut %v", text, p.Start, p.Slut)
			}
			// The JSON round-trips to the same dates.
			var back struct {
				Start, Slut *string
				Kind        string
			}
			if err := json.Unmarshal(p.JSON(), &back); err != nil {
				t.Fatalf("JSON of %q: %v", text, err)
			}
			if iso(p.Start) != deref(back.Start) || iso(p.Slut) != deref(back.Slut) || back.Kind != string(p.Kind) {
				t.Fatalf("JSON round trip of %q: %s", text, p.JSON())
			}
			p.Format(i18n.Da)
			p.Format(i18n.En)
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
