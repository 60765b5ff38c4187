"""School workbooks written by XlsxWriter (python3-xlsxwriter from Debian) — the writer behind pandas' to_excel and
most Python report generators, and a hand other than ours: openpyxl reads each school workbook of SRC (cached values,
data_only) and XlsxWriter writes it into OUT with what a generated report keeps — values, dates with their number
format, merged cells, hidden sheets, column widths, bold, wrapped and bordered cells.

Usage: python3 xlsxwriterBooks.py SRC OUT shared|inline
       python3 xlsxwriterBooks.py --strings OUT.xlsx shared|inline < strings.json   (one sheet «Строки», column A)
(the bench makes its «XlsxWriter» set with it, bench/sets.ts; test/readers.agree.test.ts reads its output)
  shared  XlsxWriter's default: strings in the shared strings table (sharedStrings.xml), a cell `t="s"`.
  inline  XlsxWriter's constant_memory mode, as large reports are written: each row written once, strings inline
          (`t="inlineStr"`, control characters escaped as _xHHHH_).
A file openpyxl cannot load (the sample's broken one) is copied as it is: the merge must refuse it either way.
Each file keeps its modification time (the date the school's report came), and units.csv is copied.
"""
import datetime
import json
import os
import shutil
import sys

import xlsxwriter
from openpyxl import load_workbook


def format_of(book, cache, cell):
    key = (bool(cell.font and cell.font.b), bool(cell.alignment and cell.alignment.wrap_text),
           bool(cell.border and cell.border.left and cell.border.left.style),
           cell.number_format if isinstance(cell.value, (datetime.date, datetime.datetime)) else None)
    if key == (False, False, False, None):
        return None
    if key not in cache:
        props = {}
        if key[0]:
            props["bold"] = True
        if key[1]:
            props["text_wrap"] = True
        if key[2]:
            props["border"] = 1
        if key[3]:
            props["num_format"] = key[3]
        cache[key] = book.add_format(props)
    return cache[key]


def write_cell(ws, r, c, value, fmt):
    if isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    elif isinstance(value, (datetime.date, datetime.datetime)):
        ws.write_datetime(r, c, value, fmt)
    elif value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def rewrite(src, out, mode):
    wb = load_workbook(src, data_only=True)
    book = xlsxwriter.Workbook(out, {"constant_memory": mode == "inline"})
    formats = {}
    for source in wb.worksheets:
        ws = book.add_worksheet(source.title)
        if source.sheet_state != "visible":
            ws.hide()
        for dim in source.column_dimensions.values():
            if dim.width:
                col = dim.min - 1 if dim.min else 0
                ws.set_column(col, (dim.max - 1) if dim.max else col, dim.width)
        # Row by row, left to right: constant_memory writes each row once, when the next begins.
        for row in source.iter_rows():
            for cell in row:
                fmt = format_of(book, formats, cell)
                if cell.value is not None or fmt is not None:
                    write_cell(ws, cell.row - 1, cell.column - 1, cell.value, fmt)
        for area in source.merged_cells.ranges:
            # The cells are written above; the merge itself is a list XlsxWriter writes when the sheet closes
            # (merge_range would write its blanks into rows constant_memory has already written).
            ws.merge.append([area.min_row - 1, area.min_col - 1, area.max_row - 1, area.max_col - 1])
    book.close()


def main(src_dir, out_dir, mode):
    os.makedirs(out_dir, exist_ok=True)
    copied = 0
    for name in sorted(os.listdir(src_dir)):
        src = os.path.join(src_dir, name)
        out = os.path.join(out_dir, name)
        if name.startswith(".") or not os.path.isfile(src) or os.path.exists(out):
            continue  # made already (an interrupted run resumes)
        if name.lower().endswith(".xlsx"):
            try:
                rewrite(src, out + ".part", mode)
                os.replace(out + ".part", out)
            except Exception:
                if os.path.exists(out + ".part"):
                    os.remove(out + ".part")
                shutil.copyfile(src, out)
                copied += 1
        else:
            shutil.copyfile(src, out)
        st = os.stat(src)
        os.utime(out, (st.st_atime, st.st_mtime))
    print(f"copied as they are: {copied}")


def strings(out, mode):
    book = xlsxwriter.Workbook(out, {"constant_memory": mode == "inline"})
    ws = book.add_worksheet("Строки")
    for r, text in enumerate(json.load(sys.stdin)):
        ws.write_string(r, 0, text)
    book.close()


if __name__ == "__main__":
    if sys.argv[1] == "--strings":
        strings(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
