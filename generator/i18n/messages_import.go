package i18n

// importMessages are what `handleplan import` says: its refusals, and its
// report of what it could not place in the plan it wrote.
var importMessages = map[string]Message{
	"import.usage":     {"handleplan import FIL.docx [--plan ID] [-s SITE]", "handleplan import FILE.docx [--plan ID] [-s SITE]"},
	"import.read":      {"%s kan ikke læses: %v", "%s cannot be read: %v"},
	"import.toobig":    {"%s er større end %d MB; en handleplan i Word fylder langt mindre", "%s is larger than %d MB; an action plan in Word is far smaller"},
	"import.notzip":    {"%s er ikke en Word-fil (.docx): gem den i Word som \"Word-dokument (*.docx)\" og prøv igen", "%s is not a Word file (.docx): save it in Word as \"Word Document (*.docx)\" and try again"},
	"import.encrypted": {"%s er beskyttet med adgangskode: åbn den i Word, fjern adgangskoden (Filer > Oplysninger > Beskyt dokument), gem og prøv igen", "%s is password-protected: open it in Word, remove the password (File > Info > Protect Document), save and try again"},
	"import.legacydoc": {"%s er en gammel Word-fil (.doc): åbn den i Word og gem den som \"Word-dokument (*.docx)\"", "%s is an old Word file (.doc): open it in Word and save it as \"Word Document (*.docx)\""},
	"import.nodoc":     {"%s er en zip-fil, men ikke et Word-dokument (der er ingen word/document.xml)", "%s is a zip file, but not a Word document (it has no word/document.xml)"},
	"import.toomany":   {"%s er afvist: den rummer mere end %d dele, og et Word-dokument har nogle få dusin: gem den i Word som \"Word-dokument (*.docx)\" og prøv igen", "%s is refused: it holds more than %d parts, and a Word document has a few dozen: save it in Word as \"Word Document (*.docx)\" and try again"},
	"import.toolarge":  {"%s er afvist: en del af den fylder over %d MB udpakket, og en handleplans tekst fylder langt mindre: gem den i Word som \"Word-dokument (*.docx)\" og prøv igen", "%s is refused: a part of it is over %d MB unpacked, and an action plan's text is far smaller: save it in Word as \"Word Document (*.docx)\" and try again"},
	"import.dtd":       {"%s er afvist: filen indeholder en DTD eller entiteter, som Word aldrig skriver", "%s is refused: the file holds a DTD or entities, which Word never writes"},
	"import.malformed": {"%s er ødelagt og kan ikke læses: åbn den i Word, gem den igen som \"Word-dokument (*.docx)\" og prøv igen", "%s is damaged and cannot be read: open it in Word, save it again as \"Word Document (*.docx)\" and try again"},
	"import.notable":   {"%s har ingen tabel med kolonnerne Tema, Emne, Mål, Hvad, Hvornår, Dokumentation, Hvem og Forventet effekt: handleplanens tabel skal have en overskriftsrække med dem", "%s has no table with the columns Tema, Emne, Mål, Hvad, Hvornår, Dokumentation, Hvem and Forventet effekt: the plan's table needs a header row with them"},
	"import.noid":      {"der kan ikke laves et id af %q: angiv et med --plan ID", "no id can be made from %q: give one with --plan ID"},
	"import.badid":     {"--plan %q er ikke et gyldigt id: brug kun a-z, 0-9 og -, fx %s", "--plan %q is not a valid id: use only a-z, 0-9 and -, e.g. %s"},
	"import.exists":    {"%s findes allerede; intet er skrevet (import overskriver aldrig): vælg et andet id med --plan ID", "%s exists already; nothing written (import never overwrites): choose another id with --plan ID"},
	"import.nosite":    {"-s %s: der er ingen webstedsmappe (med config.toml): lav en med handleplan init", "-s %s: no site folder (with config.toml): make one with handleplan init"},
	"import.wrote":     {"skrev %d filer i %s", "wrote %d files in %s"},
	"import.report":    {"Det kunne ikke placeres og skal ses efter:", "What could not be placed and should be checked:"},
	"import.checkit":   {"kør handleplan check -s %s for at se planen efter", "run handleplan check -s %s to look the plan over"},

	"import.note.column":      {"kolonnen %q er ikke en af skabelonens og er ikke med", "the column %q is not one of the template's and is left out"},
	"import.note.missing":     {"tabellen har ingen kolonne %s", "the table has no column %s"},
	"import.note.cell":        {"række %d, kolonne %q: %q er ikke med", "row %d, column %q: %q is left out"},
	"import.note.tema":        {"række %d, Tema: %q er hverken en henstilling, et tema eller en indikator og er ikke med", "row %d, Tema: %q is neither a henstilling, a tema nor an indikator and is left out"},
	"import.note.henst":       {"række %d, Tema: mere end én henstilling; kun den første er med: %q", "row %d, Tema: more than one henstilling; only the first is kept: %q"},
	"import.note.indikator":   {"række %d: indikator %q findes ikke i kvalitetsmodellen og er ikke med", "row %d: indikator %q is not in the quality model and is left out"},
	"import.note.pairing":     {"række %d: %d Hvad-afsnit, men %d Hvornår-linjer; Hvornår står som tidsnote ved første aktivitet: par dem selv", "row %d: %d Hvad items but %d Hvornår lines; Hvornår is kept as tidsnote on the first activity: pair them yourself"},
	"import.note.nohvad":      {"række %d: Hvornår uden Hvad er ikke med: %q", "row %d: Hvornår without Hvad is left out: %q"},
	"import.note.after":       {"tekst efter tabellen er ikke med: %q", "text after the table is left out: %q"},
	"import.note.table":       {"en anden tabel (%d rækker) er ikke med", "another table (%d rows) is left out"},
	"import.note.nodato":      {"planens %s stod ikke i filen; skriv det selv i _index.md", "the plan's %s was not in the file; write it in _index.md yourself"},
	"import.note.nodatoboth":  {"planens dato og periode stod ikke i filen; skriv det selv i _index.md", "the plan's dato and periode were not in the file; write them in _index.md yourself"},
	"import.note.notitle":     {"række %d har ingen Emne eller henstilling; titlen er sat til %q", "row %d has no Emne or henstilling; the title is set to %q"},
	"import.questions":        {"Planskabelonens spørgsmål til kolonnerne:", "The template's questions for the columns:"},
	"import.questions.head":   {"| Kolonne | Spørgsmål |", "| Column | Question |"},
	"import.row":              {"Række %d", "Row %d"},
	"import.comment.source":   {"Importeret fra %s med handleplan import.", "Imported from %s with handleplan import."},
	"import.comment.nodate":   {"Stod ikke i Word-filen; skriv det her:", "Not in the Word file; write it here:"},
	"import.comment.row":      {"Række %d i Word-tabellen.", "Row %d of the Word table."},
	"import.comment.hvornaar": {"Hvornår parret med Hvad i rækkefølge.", "Hvornår paired with Hvad in order."},
}

var _ = register(importMessages)
