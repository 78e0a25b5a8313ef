#!/usr/bin/python3
"""Make the .docx fixtures for generator/docx and generator/importplan.

The files come from a real office library (python-docx), not from our own
writer, so the tests read WordprocessingML as Word-compatible tools write it.
Run with Debian's python3-docx:

    /usr/bin/python3 generator/docx/testdata/make_fixtures.py

It writes into the folder it lies in; commit the .docx files with it.
"""
import json
import os

import docx
from docx.enum.text import WD_BREAK

HERE = os.path.dirname(os.path.abspath(__file__))


def runs(par, spec):
    """spec is a string or a list of (text, 'b'/'i'/'bi'/''/'br')."""
    if isinstance(spec, str):
        spec = [(spec, '')]
    for text, fmt in spec:
        if fmt == 'br':
            par.add_run().add_break(WD_BREAK.LINE)
            continue
        r = par.add_run(text)
        r.bold = 'b' in fmt
        r.italic = 'i' in fmt


def fill(cell, paras):
    """paras: list of str, ('bullet', spec), ('number', spec) or spec lists."""
    first = True
    for p in paras:
        style = None
        if isinstance(p, (tuple, list)) and len(p) == 2 and p[0] in ('bullet', 'number'):
            style = 'List Bullet' if p[0] == 'bullet' else 'List Number'
            p = p[1]
        par = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if style:
            par.style = style
        runs(par, p)


def table(doc, header, rows, merges=()):
    """rows: list of lists of cell contents (lists of paragraphs).
    merges: (col, first_row, last_row) in table row numbers, header = 0;
    the merged cell takes the content of first_row."""
    t = doc.add_table(rows=1 + len(rows), cols=len(header))
    t.style = 'Table Grid'
    for c, h in enumerate(header):
        fill(t.cell(0, c), [[(h, 'b')]])
    for (col, a, b) in merges:
        t.cell(a, col).merge(t.cell(b, col))
    merged = {(r, col) for (col, a, b) in merges for r in range(a + 1, b + 1)}
    for r, row in enumerate(rows, start=1):
        for c, content in enumerate(row):
            if (r, c) in merged or content is None:
                continue
            fill(t.cell(r, c), content)
    return t


HEADER = ['Tema', 'Emne', 'Mål', 'Hvad', 'Hvornår', 'Dokumentation', 'Hvem',
          'Forventede effekt']

QUESTIONS = [
    ['Skriv og prioriter, hvilke temaer i kvalitetsmodellen planen omhandler'],
    ['Hvilke forhold skal ændres/ udvikles, og hvad er årsagerne til dette?'],
    ['Hvad er de konkrete mål for kvalitetsudviklingen?'],
    ['Hvilke aktiviteter skal iværksættes?'],
    ['Hvad er tidsrammen for gennemførelsen, herunder start- og sluttidspunkt?'],
    ['Hvordan monitoreres og dokumenteres målene for kvalitetsudviklingen?'],
    ['Hvem er ansvarlig for gennemførelse og opfølgning på tiltagene?'],
    ['Hvad er resultatet af kvalitetsudviklingsprocessen?'],
]


def basic():
    """Every feature the template uses: a heading and a date before the
    table, a guiding-questions row, a Tema cell merged over two rows,
    lists, bold and italic, line breaks."""
    doc = docx.Document()
    doc.add_heading('Handleplan for Bostedet Engen', level=1)
    doc.add_paragraph('Dato: 15.03.2026')
    doc.add_paragraph('Planen svarer på tilsynets rapport fra februar.')
    tema = [
        'Organisation og ledelse, kriterium 9, indikator 9.b og 9.c',
        'Henstilling om at nedbringe sygefraværet',
    ]
    rows = [
        [tema,
         [[('Sygefravær', 'b')], [('Fraværet er ', ''), ('for højt', 'i'), (' i dag.', '')]],
         [('bullet', 'Fraværet skal ned på 5 procent'), ('bullet', 'Alle får en samtale')],
         [('number', 'Sygefraværssamtaler'), ('number', 'Opfølgning i MED')],
         [[('marts 2026', ''), ('', 'br'), ('løbende', '')]],
         ['Fraværsstatistik hver måned'],
         ['Leder'],
         ['Lavere fravær']],
        [None,
         ['Trivsel', 'Trivslen skal styrkes.'],
         ['Bedre trivsel'],
         ['Trivselsmåling', 'Temadag', 'Supervision'],
         ['Når det passer'],
         [],
         ['Leder', 'Tillidsrepræsentant'],
         ['Højere trivsel']],
    ]
    table(doc, HEADER, [QUESTIONS] + rows, merges=[(0, 2, 3)])
    doc.save(os.path.join(HERE, 'basic.docx'))


def variants():
    """Header variants: other order, case, written without æøå, and
    "Forventet effekt"; no heading, so the title comes from the file name."""
    doc = docx.Document()
    header = ['HVEM', 'tema', 'Emne', 'Maal', 'Hvad', 'Hvornaar',
              'dokumentation', 'Forventet  effekt']
    rows = [
        [['Afdelingsleder'], ['Kriterium 3, indikator 3.b'], ['Dokumentation'],
         ['Bedre journaler'], ['Kursus'], ['1. kvartal 2026'], ['Stikprøver'],
         ['Bedre dokumentation']],
    ]
    table(doc, header, rows)
    doc.save(os.path.join(HERE, 'variants.docx'))


def noheader():
    """A table, but not the template's."""
    doc = docx.Document()
    doc.add_paragraph('Mødeplan')
    table(doc, ['Dag', 'Emne'], [[['Mandag'], ['Personalemøde']]])
    doc.save(os.path.join(HERE, 'noheader.docx'))


def auning():
    """The Auning/Allingåbro plan in the template's shape, from
    auning.json (the cell texts, typed from the seed plan)."""
    with open(os.path.join(HERE, 'auning.json'), encoding='utf-8') as f:
        data = json.load(f)
    doc = docx.Document()
    doc.add_paragraph(data['title'])
    rows = []
    merges = []
    for i, row in enumerate(data['rows']):
        cells = [row.get(key, []) for key in
                 ['tema', 'emne', 'maal', 'hvad', 'hvornaar', 'dokumentation', 'hvem', 'effekt']]
        if row.get('merged_tema'):
            cells[0] = None
        rows.append(cells)
    # Tema cells merged over the rows that share them (row numbers count
    # the header as 0 and the questions row as 1).
    for (a, b) in data['tema_merges']:
        merges.append((0, a + 2, b + 2))
    table(doc, HEADER, [QUESTIONS] + rows, merges=merges)
    doc.save(os.path.join(HERE, 'auning.docx'))


if __name__ == '__main__':
    basic()
    variants()
    noheader()
    if os.path.exists(os.path.join(HERE, 'auning.json')):
        auning()
