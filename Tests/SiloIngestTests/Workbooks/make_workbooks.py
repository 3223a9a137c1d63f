"""Writes the workbooks the workbook tests read (WorkbookTests.swift, WorkbookCommandTests.swift):

    python3 -m venv .venv-workbooks && .venv-workbooks/bin/pip install openpyxl==3.1.5
    .venv-workbooks/bin/python Tests/SiloIngestTests/Workbooks/make_workbooks.py

- dutch-export.xlsx: the Dutch timesheet export of DutchExportTests as Excel saves it with typed
  cells (dates as dates shown dd-mm-yyyy, hours as numbers; the impossible date and the hours
  "twee" as text), on the second sheet "Uren 2025" after a sheet "Toelichting" (openpyxl);
- features.xlsx: one sheet written part by part, so that every cell kind is there: shared
  strings with rich-text and phonetic runs, inline strings, a formula's cached text, booleans,
  an error, numbers, dates in the 1904 system under a custom date format, a time that stays a
  number, merged ranges across and down, cells and rows without references, an empty row, a
  text that starts with a quote;
- not-a-workbook.zip: a zip holding a CSV;
- empty.xlsx: a workbook whose only sheet is empty (openpyxl).
The files are written the same every time (fixed timestamps).
"""

import datetime
import os
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2025, 1, 1, 0, 0, 0)


def dutch_export():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Toelichting"
    notes["A1"] = "Urenregistratie 2025, export uit het zaaksysteem"
    sheet = book.create_sheet("Uren 2025")
    sheet.append(["Medewerker", "Afdeling", "Zaak", "Datum", "Uren"])
    rows = [
        ("Jan de Vries", "Financiën", "Z-001", datetime.date(2025, 2, 3), 7.5),
        ("Ayşe Ünal", "Financiën", "Z-001", datetime.date(2025, 2, 4), 2.25),
        ("Pieter van den Berg", "Wonen", "Z-002; herziening", datetime.date(2025, 3, 10), 4),
        ("Ayşe Ünal", "Financiën", "Z-002; herziening", datetime.date(2025, 3, 11), 1.5),
        ("Els Jansen", "'s-Hertogenbosch", "Bouwplan\r\nfase 2", datetime.date(2025, 4, 1), 3),
        ("Pieter van den Berg", "Wonen", "Bouwplan\r\nfase 2", datetime.date(2025, 4, 2), 6.75),
        ("Jan de Vries", "Financiën", "Z-003", "31-04-2025", 2),
        ("Jan de Vries", "Financiën", "Z-003", datetime.date(2025, 4, 30), "twee"),
    ]
    for row in rows:
        sheet.append(list(row))
        cell = sheet.cell(row=sheet.max_row, column=4)
        if isinstance(cell.value, (datetime.date, datetime.datetime)):
            cell.number_format = "DD-MM-YYYY"
    book.properties.created = book.properties.modified = datetime.datetime(*STAMP)
    path = os.path.join(HERE, "dutch-export.xlsx")
    book.save(path)
    fixed_times(path)


def empty():
    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.properties.created = book.properties.modified = datetime.datetime(*STAMP)
    path = os.path.join(HERE, "empty.xlsx")
    book.save(path)
    fixed_times(path)


def fixed_times(path):
    """Rewrites the zip with fixed entry times, so the file is the same every time."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    write_zip(path, entries)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            target.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def features():
    workbook = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr date1904="1"/><sheets>
<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
    strings = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="5" uniqueCount="5">
<si><t>medewerker</t></si>
<si><t>afdeling</t></si>
<si><r><rPr><b/></rPr><t>Zoë </t></r><r><t>de Vries</t></r><rPh sb="0" eb="1"><t>ゾエ</t></rPh></si>
<si><t xml:space="preserve">Sociaal Domein</t></si>
<si><t>zaak</t></si>
</sst>"""
    styles = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="d\\-mmm\\-yy;@"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>
</styleSheet>"""
    rows = [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>4</v></c>'
        '<c r="E1" t="inlineStr"><is><t>datum</t></is></c><c r="F1" t="inlineStr"><is><t>uren</t></is></c>'
        '<c r="G1" t="inlineStr"><is><r><t>op</t></r><r><t>merking</t></r></is></c></row>',
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="D2" t="str"><f>"P"&amp;1</f><v>P1</v></c>'
        '<c r="E2" s="1"><v>44927</v></c><c r="F2"><v>7.5</v></c><c r="G2" t="b"><v>1</v></c></row>',
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Jan</t></is></c><c r="B3" t="inlineStr"><is><t>Wonen</t></is></c>'
        '<c r="D3" t="inlineStr"><is><t>P1</t></is></c><c r="E3" s="3"><v>44928.75</v></c><c r="F3" s="2"><v>0.25</v></c>'
        '<c r="G3" t="e"><v>#N/A</v></c></row>',
        '<row><c t="inlineStr"><is><t>Piet</t></is></c><c/><c/><c t="inlineStr"><is><t>P2</t></is></c>'
        '<c r="F4"><v>1E-3</v></c><c r="G4" t="inlineStr"><is><t>"geciteerd" en\tmeer\nregels</t></is></c></row>',
        '<row r="6"><c r="A6" t="inlineStr"><is><t>Els</t></is></c><c r="D6" t="inlineStr"><is><t>P2</t></is></c>'
        '<c r="F6"><v>2</v></c></row>',
    ]
    sheet = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><sheetData>{''.join(rows)}</sheetData>
<mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="B3:B6"/></mergeCells></worksheet>"""
    types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
    write_zip(os.path.join(HERE, "features.xlsx"), [
        ("[Content_Types].xml", types), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
        ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
    ])


def not_a_workbook():
    write_zip(os.path.join(HERE, "not-a-workbook.zip"), [("uren.csv", "person,project\na,p\n")])


if __name__ == "__main__":
    dutch_export()
    features()
    not_a_workbook()
    empty()
