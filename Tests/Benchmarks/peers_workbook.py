"""Reading an Excel workbook: `siloscope summary` on an .xlsx against the same log as CSV, and
against pandas `read_excel` (openpyxl) and `read_csv` on the same files, in one run.

The workbooks are written from SiloScope's generated logs with openpyxl's write-only mode as
Excel stores such a log: dates as date cells (dd-mm-yyyy), hours as numbers, names as strings.
Wall time and peak memory (process and descendants) as in peers_sql.py.

    python peers_workbook.py SILOSCOPE LOG.csv [LOG.csv …]
"""

import csv
import datetime
import os
import sys

from peers_sql import measure

READ_EXCEL = "import pandas, sys; frame = pandas.read_excel(sys.argv[1], engine='openpyxl'); print(len(frame))"
READ_CSV = "import pandas, sys; frame = pandas.read_csv(sys.argv[1]); print(len(frame))"


def workbook_for(log):
    import openpyxl
    path = log[:-4] + ".xlsx"
    if os.path.exists(path):
        return path
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Uren")
    with open(log, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        sheet.append(next(rows))
        for person, department, project, date, hours in rows:
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=datetime.date.fromisoformat(date) if date else None)
            cell.number_format = "DD-MM-YYYY"
            sheet.append([person, department, project, cell, float(hours)])
    book.save(path)
    return path


def main():
    siloscope, logs = sys.argv[1], sys.argv[2:]
    python = sys.executable
    print("| rows | method | wall (s) | peak memory (MB) |")
    print("|---:|---|---:|---:|")
    for log in logs:
        workbook = workbook_for(log)
        with open(log) as f:
            rows = sum(1 for _ in f) - 1
        methods = [
            ("siloscope summary, .xlsx", [siloscope, "summary", workbook]),
            ("siloscope summary, .csv", [siloscope, "summary", log]),
            ("pandas read_excel (openpyxl), .xlsx", [python, "-c", READ_EXCEL, workbook]),
            ("pandas read_csv, .csv", [python, "-c", READ_CSV, log]),
        ]
        for label, command in methods:
            wall, peak = measure(command)
            print(f"| {rows:,} | {label} | {wall:.2f} | {peak / 1e6:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
