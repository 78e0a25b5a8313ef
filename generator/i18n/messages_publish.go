package i18n

// publishMessages: what is published from content/, symbolic links, and
// where a build or bundle may write.
var publishMessages = map[string]Message{
	"content.symlink": {"et symbolsk link, der fører uden for sitets mappe (eller ingen steder hen); det læses ikke",
		"a symbolic link that leads outside the site folder (or nowhere); it is not read"},
	"content.symlink.hint": {"kopiér filen ind i sitets mappe i stedet for at linke til den",
		"copy the file into the site folder instead of linking to it"},
	"publish.other": {"filen offentliggøres ikke: fra content/ offentliggøres kun Markdown-filer (.md) og de billeder, en offentliggjort tekst viser",
		"the file is not published: from content/ only Markdown files (.md) and the images a published text shows are published"},
	"publish.other.hint": {"flyt filen ud af content/; skal den læses på sitet, så skriv den som en side i content/sider/ (.md)",
		"move the file out of content/; if it is to be read on the site, write it as a page in content/sider/ (.md)"},
	"publish.mdcase.hint": {"kald filen %q: kun endelsen .md med små bogstaver læses som Markdown",
		"name the file %q: only the ending .md in lower case is read as Markdown"},
	"publish.image": {"billedet offentliggøres ikke: ingen offentliggjort tekst viser det",
		"the image is not published: no published text shows it"},
	"publish.image.hint": {"vis det i en historie (billede = %q) eller i en tekst (![hvad billedet viser](%s)), eller flyt det ud af content/",
		"show it in a story (billede = %q) or in a text (![what the image shows](%s)), or move it out of content/"},
	"bundle.notbundle": {"%s findes allerede og er ikke en pakke lavet af handleplan; den overskrives ikke: skriv et andet filnavn med -o, eller flyt filen først",
		"%s already exists and is not a bundle made by handleplan; it is not overwritten: name another file with -o, or move the file first"},
	"bundle.nofolder": {"mappen %s findes ikke: opret den først, eller skriv en anden sti med -o",
		"the folder %s does not exist: create it first, or name another path with -o"},
	"bundle.folder": {"%s er en mappe: skriv et filnavn med -o, fx %s",
		"%s is a folder: name a file with -o, e.g. %s"},
}

var _ = register(publishMessages)
