"""The bench's sets written by a hand other than ours: openpyxl (python3-openpyxl from Debian) reads each school
workbook of SRC and writes it into OUT — as a program that builds reports with openpyxl would.

Usage: python3 openpyxlSet.py SRC OUT values|styles
  values  a new workbook with the cached values alone (no styles, no formulas): every sheet, its state (hidden
          sheets stay hidden) and merged cells — openpyxl's plain output.
  styles  the workbook as openpyxl loads and saves it with its styles, column widths, merged cells and validations,
          formulas replaced by their cached values (data_only), as a report filled by openpyxl is.
A file openpyxl cannot load (the sample's broken one) is copied as it is: the merge must refuse it either way.
Each file keeps its modification time (the date the school's report came), and units.csv is copied.
"""
import os
import shutil
import sys

from openpyxl import Workbook, load_workbook


def values_only(src, out):
    wb = load_workbook(src, data_only=True)
    copy_wb = Workbook()
    copy_wb.remove(copy_wb.active)
    for ws in wb.worksheets:
        copy = copy_wb.create_sheet(ws.title)
        copy.sheet_state = ws.sheet_state
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    copy.cell(row=cell.row, column=cell.column, value=cell.value)
        for area in ws.merged_cells.ranges:
            copy.merge_cells(str(area))
    copy_wb.save(out)


def with_styles(src, out):
    load_workbook(src, data_only=True).save(out)


def main(src_dir, out_dir, mode):
    write = {"values": values_only, "styles": with_styles}[mode]
    os.makedirs(out_dir, exist_ok=True)
    copied = 0
    for name in sorted(os.listdir(src_dir)):
        src = os.path.join(src_dir, name)
        out = os.path.join(out_dir, name)
        if name.startswith(".") or not os.path.isfile(src) or os.path.exists(out):
            continue  # made already (an interrupted run resumes)
        if name.lower().endswith(".xlsx"):
            try:
                write(src, out + ".part")
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


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
