# xlsx_cells.py -- reads the cells of a sheet of an .xlsx file with
# Python's standard library alone (no openpyxl), for the export tests:
#   sheet_rows(path, n) -> [{column: (type, value, is_formula)}]
# type is "s" for text (shared or inline strings), "n" for a number,
# "b", "e" or "str" otherwise, as the sheet XML has them; n counts from 1
# in workbook order.  Run as a script it prints the rows of sheet 1.
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def text_of(el):
    return "".join(t.text or "" for t in el.iter(NS + "t"))


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return [text_of(si) for si in root.iter(NS + "si")]


def sheet_rows(path, n=1):
    z = zipfile.ZipFile(path)
    shared = shared_strings(z)
    rows = []
    root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % n))
    for row in root.iter(NS + "row"):
        cells = {}
        for c in row.iter(NS + "c"):
            t, v = c.get("t", "n"), c.find(NS + "v")
            formula = c.find(NS + "f") is not None
            if t == "s":
                cells[col_index(c.get("r"))] = ("s", shared[int(v.text)], formula)
            elif t == "inlineStr":
                cells[col_index(c.get("r"))] = ("s", text_of(c), formula)
            elif v is not None:
                cells[col_index(c.get("r"))] = (t, v.text, formula)
        # Rows are numbered in the XML; fill the gaps of empty rows.
        at = int(row.get("r")) - 1
        while len(rows) < at:
            rows.append({})
        rows.append(cells)
    return rows


if __name__ == "__main__":
    for r in sheet_rows(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1):
        print(r)
