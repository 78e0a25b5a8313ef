package i18n

// limitMessages are the diagnostics for files that would cost the build
// far more time or memory than their size: each names the limit and how
// to stay under it.
var limitMessages = map[string]Message{
	"limit.depth": {"lister og tabeller er indlejret mere end %d niveauer dybt her",
		"lists and tables are nested more than %d levels deep here"},
	"limit.depth.hint": {"en liste i en liste er nok, fx data = [[\"2022-01\", 9.4], [\"2022-02\", 8.7]]; tjek at hver [ og { bliver lukket",
		"a list in a list is enough, e.g. data = [[\"2022-01\", 9.4], [\"2022-02\", 8.7]]; check that every [ and { is closed"},
	"limit.nesting": {"citater og lister er indlejret mere end %d niveauer dybt her (hvert >, hvert punkttegn og hver anden indrykning tæller)",
		"block quotes and lists are nested more than %d levels deep here (each >, each list marker and every two columns of indentation count)"},
	"limit.nesting.hint": {"skriv med færre niveauer af > og punkter, og ryk mindre ind",
		"use fewer levels of > and list markers, and indent less"},
	"limit.marks": {"afsnittet, der begynder her, har for mange af tegnene *, _, ~, `, [, ] og < til sin længde; Markdown-læseren ville bruge minutter på filen",
		"the paragraph starting here holds too many of the marks *, _, ~, `, [, ] and < for its length; the Markdown reader would take minutes on the file"},
	"limit.marks.hint": {"del lange afsnit op med tomme linjer, og skriv et tegn, der skal stå som tekst, som \\*, \\_ eller \\[",
		"split long paragraphs with empty lines, and write a mark meant as text as \\*, \\_ or \\["},
	"limit.cells": {"tabellerne fra og med denne har over %d celler (en række med færre celler end overskriften fyldes op med tomme)",
		"the tables from this one on have over %d cells (a row with fewer cells than the header is filled up with empty ones)"},
	"limit.cells.hint": {"del tabellen op, giv den færre kolonner, eller læg tallene i en [[maaling]]",
		"split the table, give it fewer columns, or put the figures in a [[maaling]]"},
}

var _ = register(limitMessages)
