# xlsx_check.py -- checks outcomes.xlsx against the CSV files of the same
# export (written with --raw, or holding no text a spreadsheet would run):
#   xlsx_check.py OUTCOMES.xlsx CSVDIR [CHARTS]
# Every table sheet (named as its CSV file without .csv, in the export's
# order, then "charts") must equal its CSV file cell for cell: text as text
# cells, byte for byte; numbers as numbers; an ISO 8601 time as a date
# cell holding the same wall time (the CSV's offset is the workshop zone's);
# a day's date as that date; an empty field as no cell.  No cell anywhere
# is a formula (no <f> in any sheet's XML).  CHARTS: the number of charts
# (xl/charts/chart*.xml) expected.  Standard library only.
import csv
import datetime
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_cells import sheet_rows  # noqa: E402

TABLES = ["participants", "rooms", "ideas", "votes", "results", "attendance",
          "timings", "days", "questions", "polls", "evaluation",
          "certificates"]
EPOCH = datetime.datetime(1899, 12, 30)
ISO = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)[+-]\d\d:\d\d|"
                 r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z")


def serial_time(v):
    t = EPOCH + datetime.timedelta(days=float(v))
    # Excel keeps seconds as a fraction of a day: round to the second.
    return (t + datetime.timedelta(milliseconds=500)).replace(microsecond=0)


def same(w, g):
    if w == "":
        return g is None
    if g is None or g[2]:
        return False
    if g[0] == "s":
        return g[1] == w
    if g[0] != "n":
        return False
    m = ISO.fullmatch(w)
    if m:
        local = datetime.datetime.fromisoformat(m.group(1) or m.group(2))
        return serial_time(g[1]) == local
    if re.fullmatch(r"\d{4}-\d\d-\d\d", w):
        return serial_time(g[1]) == datetime.datetime.fromisoformat(w)
    try:
        return float(g[1]) == float(w)
    except ValueError:
        return False


def sheet_names(z):
    xml = z.read("xl/workbook.xml").decode()
    return re.findall(r'<sheet name="([^"]*)"', xml)


def main():
    path, csvdir = sys.argv[1:3]
    charts = int(sys.argv[3]) if len(sys.argv) > 3 else None
    z = zipfile.ZipFile(path)
    bad = []
    names = sheet_names(z)
    if names != TABLES + ["charts"]:
        bad.append("sheets: %r" % names)
    sheets = [n for n in z.namelist()
              if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
    for n in sheets:
        if re.search(r"<f[ >]", z.read(n).decode()):
            bad.append("%s holds a formula" % n)
    nch = len([n for n in z.namelist()
               if re.fullmatch(r"xl/charts/chart\d+\.xml", n)])
    if charts is not None and nch != charts:
        bad.append("%d charts, not %d" % (nch, charts))
    cells = 0
    for i, name in enumerate(TABLES):
        with open(os.path.join(csvdir, name + ".csv"), encoding="utf-8-sig",
                  newline="") as f:
            want = list(csv.reader(f))
        got = sheet_rows(path, i + 1)
        if len(got) != len(want):
            bad.append("%s: %d rows, not %d" % (name, len(got), len(want)))
            continue
        for r, (wrow, grow) in enumerate(zip(want, got)):
            if set(grow) - set(range(len(wrow))):
                bad.append("%s row %d: cells beyond the CSV's" % (name, r))
            for c, w in enumerate(wrow):
                cells += 1
                if not same(w, grow.get(c)):
                    bad.append("%s row %d col %d: %r read as %r"
                               % (name, r, c, w, grow.get(c)))
    for b in bad[:20]:
        print("FAIL:", b)
    if bad:
        sys.exit(1)
    print("outcomes.xlsx: %d sheets, %d cells as in the CSV files, "
          "%d charts, no formula" % (len(names), cells, nch))


main()
