package i18n

// The command line's help text, which "handleplan help" prints whole and
// each command's -h prints its lines of.
var usageMessages = map[string]Message{
	"cli.usage.text": {`handleplan bygger webstedet for et tilbuds handleplaner.

Brug:
  handleplan build   [-s SITE] [-d UD] [--drafts] [--now DATO] [--no-cache]
                                                                 byg sitet i UD (standard SITE/public); kun det, der er
                                                                 ændret, tegnes igen (cache i SITE/.handleplan/cache)
  handleplan serve   [-s SITE] [--port 1313] [--bind 127.0.0.1] [--host NAVN] [--open] [--drafts] [--now DATO]
                                                                 udviklingsserver, der genindlæser (kun i hukommelsen);
                                                                 svarer kun på sin adresse, localhost og hver --host NAVN
  handleplan check   [-s SITE] [--strict] [--drafts] [--now DATO] kontrollér kun; --strict gør advarsler til fejl
  handleplan init    [MAPPE]                                     et nyt websted, der består check --strict
  handleplan new     [-s SITE] plan ID | indsats PLAN/ID | historie ID | side ID
                                                                 opret en fil under SITE/content/
  handleplan bundle  [-s SITE] --plan ID [-o FIL] [--single-file] [--now DATO]
                                                                 planen som svar til tilsynet: en zip eller én HTML-fil
  handleplan export  [-s SITE] [--drafts] [--now DATO]           modellen som JSON på stdout
  handleplan import  [-s SITE] [--plan ID] FIL.docx              en planmappe fra tilsynets tabel i Word
  handleplan period  [--json] [--ref DATO] "TEKST"               vis, hvordan et tidsrum læses
  handleplan version                                             vis versionen
  handleplan help                                                denne tekst

SITE er mappen med config.toml og content/ (standard: den aktuelle mappe).
DATO skrives ÅÅÅÅ-MM-DD; uden --now afgør SOURCE_DATE_EPOCH (sekunder) eller uret, hvad "i dag" er.
Afslutningskoder: 0 ok, 1 fejl i indholdet, 2 forkert brug af kommandoen.
`, `handleplan builds the website of a tilbud's handleplaner.

Usage:
  handleplan build   [-s SITE] [-d OUT] [--drafts] [--now DATE] [--no-cache]
                                                                 build the site into OUT (default SITE/public); only what
                                                                 changed is drawn again (cache in SITE/.handleplan/cache)
  handleplan serve   [-s SITE] [--port 1313] [--bind 127.0.0.1] [--host NAME] [--open] [--drafts] [--now DATE]
                                                                 live-reloading dev server (memory only); answers only
                                                                 for its address, localhost and each --host NAME
  handleplan check   [-s SITE] [--strict] [--drafts] [--now DATE] validate only; --strict makes warnings errors
  handleplan init    [DIR]                                       a new site that passes check --strict
  handleplan new     [-s SITE] plan ID | indsats PLAN/ID | historie ID | side ID
                                                                 scaffold a file under SITE/content/
  handleplan bundle  [-s SITE] --plan ID [-o FILE] [--single-file] [--now DATE]
                                                                 the plan as the tilsyn's report: a zip, or one HTML file
  handleplan export  [-s SITE] [--drafts] [--now DATE]           the model as JSON on stdout
  handleplan import  [-s SITE] [--plan ID] FILE.docx              a plan folder from the tilsyn's table in Word
  handleplan period  [--json] [--ref DATE] "TEXT"                show how a time frame is read
  handleplan version                                             print the version
  handleplan help                                                this text

SITE is the folder holding config.toml and content/ (default: the current folder).
DATE is YYYY-MM-DD; without --now, SOURCE_DATE_EPOCH (seconds) or the clock decides "today".
Exit codes: 0 ok, 1 errors in the content, 2 wrong use of the command.
`},
}

var _ = register(usageMessages)
