"""Collect schools' sheets into one workbook, as a coordinator does with Excel's «Переместить или скопировать лист»,
but by a hand other than ours: openpyxl (python3-openpyxl from Debian) reads each school's file and writes its
visible sheets into a new workbook — values, formulas, merged cells — naming repeats as Excel does («Лист (2)»).

Usage: python3 collectSheets.py SPEC.json  where SPEC is
  {"out": "collected.xlsx", "sources": [{"file": "school.xlsx", "edits": {"Прил. 3 Отчёт": {"E12": 999}}}, ...]}
Edits change a copied cell (an older version of a school's figures).
"""
import json
import sys

from openpyxl import Workbook, load_workbook


def unique(name, taken):
    if name not in taken:
        return name
    k = 2
    while True:
        suffix = f" ({k})"
        candidate = name[: 31 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        k += 1


def main(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    out = Workbook()
    out.remove(out.active)
    taken = set()
    for source in spec["sources"]:
        wb = load_workbook(source["file"])
        edits = source.get("edits", {})
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            name = unique(ws.title, taken)
            taken.add(name)
            copy = out.create_sheet(name)
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        copy.cell(row=cell.row, column=cell.column, value=cell.value)
            for area in ws.merged_cells.ranges:
                copy.merge_cells(str(area))
            for address, value in edits.get(ws.title, {}).items():
                copy[address] = value
    out.save(spec["out"])


if __name__ == "__main__":
    main(sys.argv[1])
