"""Compares consolidated workbooks (Свод) cell by cell, as openpyxl reads them — a reader other than ours.

Usage: python3 compareBooks.py REFERENCE OTHER [OTHER …]
Prints one JSON line per OTHER: {"file", "same", "sheets", "cells", "differences", "first": [...], "names", "checksums",
"letters"}.

Every sheet, in order, every cell twice: its formula or constant (openpyxl's plain load) and its cached value
(data_only). Two things must differ when the same schools come in another encoding, and are left out:
  - the extension of a received file's name (.xlsx / .xls / .ods / .xlsb / .xlsm), wherever a cell names a file
    (the «Файл» columns of «Свод по ОО», «Прил. 2 Свод» and «Реестр отчётов»; a reason naming a file): the name
    without the extension is still compared — «names» counts the cells where an extension was set aside;
  - the «Контрольная сумма» column of «Реестр отчётов»: a checksum of the file's bytes, which differ by encoding
    («checksums» counts the cells left out);
  - for the same workbooks sent as letters: the letter's name before the attachment's («X.eml/X.xlsx»), the
    register's «Отправитель» and «Письмо, вложение», and the words of «Откуда дата» — its date and time are still
    compared («letters» counts the cells set aside).
Nothing else is excluded: file dates are the same (every set keeps its files' modification times), and so must be
every figure, text, formula and sheet name.
"""
import json
import re
import sys

from openpyxl import load_workbook

EXTENSION = re.compile(r"\.(xlsx|xlsm|xlsb|xls|ods)(?=$|[\s»\"”,;:)])", re.IGNORECASE)
CHECKSUM_SHEET, CHECKSUM_HEADER = "Реестр отчётов", "Контрольная сумма"
LETTER_PATH = re.compile(r"[^/«\"]*\.eml/", re.IGNORECASE)
LETTER_HEADERS = ("Отправитель", "Письмо, вложение")
DATE_SOURCE_HEADER = "Откуда дата"
DATE_TIME = re.compile(r"\d{2}\.\d{2}\.\d{4}(?: \d{2}:\d{2})?")
FIRST = 10


def column_letter(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def rows_of(path, data_only):
    """{sheet: [row tuple, …]} in sheet order, trailing empty cells trimmed from each row."""
    wb = load_workbook(path, read_only=True, data_only=data_only)
    out = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            row = list(row)
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
        while rows and not rows[-1]:
            rows.pop()
        out[ws.title] = rows
    wb.close()
    return out


def register_columns(rows):
    """The register's header row and the columns of its headers, found once: {header: column}."""
    for r, row in enumerate(rows):
        if CHECKSUM_HEADER in row:
            return r, {h: c for c, h in enumerate(row) if isinstance(h, str)}
    return None, {}


def dates_of(text):
    return DATE_TIME.findall(text) if isinstance(text, str) else []


def read(path):
    return {"formulas": rows_of(path, False), "values": rows_of(path, True)}


def compare(ref, other):
    result = {"same": True, "sheets": list(other["values"]), "cells": 0, "differences": 0, "first": [], "names": 0, "checksums": 0, "letters": 0}
    if list(ref["values"]) != list(other["values"]):
        result["same"] = False
        result["first"].append({"sheet": "", "cell": "", "what": "листы", "reference": list(ref["values"]), "other": list(other["values"])})
        result["differences"] += 1
    for what in ("formulas", "values"):
        for sheet, a_rows in ref[what].items():
            b_rows = other[what].get(sheet)
            if b_rows is None:
                continue
            head, columns = register_columns(a_rows) if sheet == CHECKSUM_SHEET else (None, {})
            checksum_col = columns.get(CHECKSUM_HEADER)
            letter_cols = {columns[h] for h in LETTER_HEADERS if h in columns}
            date_col = columns.get(DATE_SOURCE_HEADER)
            for r in range(max(len(a_rows), len(b_rows))):
                a_row = a_rows[r] if r < len(a_rows) else []
                b_row = b_rows[r] if r < len(b_rows) else []
                for c in range(max(len(a_row), len(b_row))):
                    a = a_row[c] if c < len(a_row) else None
                    b = b_row[c] if c < len(b_row) else None
                    if what == "values":
                        result["cells"] += 1
                    if head is not None and r > head and c == checksum_col:
                        result["checksums"] += what == "values"
                        continue
                    if head is not None and r > head and a != b and (c in letter_cols or (c == date_col and dates_of(a) == dates_of(b) != [])):
                        result["letters"] += what == "values"
                        continue
                    if isinstance(a, str) and isinstance(b, str) and a != b:
                        # Either side may be the letters' (a bench's first set, say): the letter's name set aside.
                        if bool(LETTER_PATH.search(a)) != bool(LETTER_PATH.search(b)):
                            a, b = LETTER_PATH.sub("", a), LETTER_PATH.sub("", b)
                            result["letters"] += what == "values"
                        na, nb = EXTENSION.sub(".*", a), EXTENSION.sub(".*", b)
                        if na == nb:
                            result["names"] += what == "values" and a != b
                            continue
                    if a == b and (type(a) is type(b) or (type(a) in (int, float) and type(b) in (int, float))):
                        continue  # 87 and 87.0 are one number in a cell
                    result["same"] = False
                    result["differences"] += 1
                    if len(result["first"]) < FIRST:
                        result["first"].append(
                            {"sheet": sheet, "cell": f"{column_letter(c + 1)}{r + 1}", "what": "формула" if what == "formulas" else "значение",
                             "reference": repr(a)[:120], "other": repr(b)[:120]})
    return result


def main(reference, others):
    ref = read(reference)
    for path in others:
        r = compare(ref, read(path))
        r["file"] = path
        print(json.dumps(r, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
