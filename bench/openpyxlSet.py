"""The bench's sets written by a hand other than ours: openpyxl (python3-openpyxl from Debian) reads each school
workbook of SRC and writes it into OUT — as a program that builds reports with openpyxl would.

Usage: python3 openpyxlSet.py SRC OUT values|styles|shapes
  values  a new workbook with the cached values alone (no styles, no formulas): every sheet, its state (hidden
          sheets stay hidden) and merged cells — openpyxl's plain output.
  styles  the workbook as openpyxl loads and saves it with its styles, column widths, merged cells and validations,
          formulas replaced by their cached values (data_only), as a report filled by openpyxl is.
  shapes  as styles, in a shape our sample never has and real schools' files do: the forms are not on the first
          sheet — an «Инструкция» sheet of long paragraphs comes first and is the active one — and a «Справочник»
          sheet of 300 rows (a list a school keeps beside the form) comes last.
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


PARAGRAPH = ("Заполните таблицы на листах «Прил. 3 Отчёт» и «Прил. 2 План» по распоряжению департамента. "
             "Числа вводите без пробелов и единиц измерения; даты — в формате ДД.ММ.ГГГГ. ") * 12


def with_shapes(src, out):
    wb = load_workbook(src, data_only=True)
    guide = wb.create_sheet("Инструкция", 0)
    guide.column_dimensions["A"].width = 120
    for r in range(1, 9):
        guide.cell(row=r, column=1, value=f"{r}. {PARAGRAPH}")
    wb.active = 0
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == "Инструкция"
    ref = wb.create_sheet("Справочник")
    ref.append(["№", "Организация-партнёр", "Адрес", "Телефон"])
    for i in range(1, 301):
        ref.append([i, f"Партнёр {i}: предприятие, вуз или колледж города", f"г. Томск, ул. Ленина, д. {i}", f"8 (3822) 52-{i:04d}"])
    wb.save(out)


def main(src_dir, out_dir, mode):
    write = {"values": values_only, "styles": with_styles, "shapes": with_shapes}[mode]
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
