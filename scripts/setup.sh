#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: LibreOffice (recalculates written workbooks in
# tests), Chromium (the pane's end-to-end tests), xmllint (manifests against Microsoft's schemas), nginx (the
# release's server configuration), libsecret (office-addin-debugging's keytar), then npm packages. `scripts/setup.sh --bench`
# also installs what `npm run bench` compares the merge with: pandas and its readers of the bench sets' formats.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
# Writer: tests have LibreOffice write the order's Word forms (.docx, .odt, .doc) and lay out the note as PDF.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v chromium >/dev/null || need+=(chromium)
pkg-config --exists libsecret-1 2>/dev/null || need+=(libsecret-1-dev pkg-config)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# openpyxl: tests build workbooks of collected schools' sheets by a hand other than ours (test/support/collectSheets.py).
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
# XlsxWriter (pandas' writer): tests and the bench read school workbooks it wrote (test/support/xlsxwriterBooks.py).
/usr/bin/python3 -c 'import xlsxwriter' 2>/dev/null || need+=(python3-xlsxwriter)
# lxml: tests hold every workbook we write to the team's Excel-strictness checker, check_xlsx.py
# (../shared/tools/ooxml beside the repository, or CHECK_XLSX; test/support/checkXlsx.ts).
/usr/bin/python3 -c 'import lxml' 2>/dev/null || need+=(python3-lxml)
# xmllint (libxml2): tests validate both manifests against Microsoft's XSD schemas (test/manifest-schemas).
command -v xmllint >/dev/null || need+=(libxml2-utils)
# nginx: tests check the release's nginx configuration with nginx itself (nginx -t) and serve a release through it
# on 127.0.0.1 of their own (the package's own service is not used).
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
# Liberation Serif has Times New Roman's metrics: the note (.docx, Times New Roman) is laid out as in Word.
fc-list 2>/dev/null | grep -qi 'liberation serif' || need+=(fonts-liberation2)
# The benchmark (--bench): pandas reading the same files as the merge — openpyxl (.xlsx, above), odfpy (.ods); xlrd and
# pyxlsb after apt (below).
bench=false; [ "${1:-}" = "--bench" ] && bench=true
if $bench; then
  /usr/bin/python3 -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
  /usr/bin/python3 -c 'import odf' 2>/dev/null || need+=(python3-odf)
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# pandas reads .xls with xlrd ≥ 2.0.1 — Debian bookworm's python3-xlrd is 1.2, which its pandas 1.5 refuses — and
# .xlsb with pyxlsb, which Debian does not package: both from PyPI. Without them the bench says so and goes on.
if $bench && ! /usr/bin/python3 -c "from pandas.compat._optional import import_optional_dependency as n; n('xlrd'); n('pyxlsb')" 2>/dev/null; then
  $SUDO /usr/bin/python3 -m pip install --break-system-packages -q xlrd==2.0.2 pyxlsb==1.0.10 ||
    echo "xlrd/pyxlsb не установлены: замер (npm run bench) скажет, что pandas не читает .xls/.xlsb, и сравнит остальное." >&2
fi
# `npm install`, not `npm ci`: npm 11 leaves other platforms' optional binaries (@swc/core-*) out of the lock
# file and `npm ci` then refuses it; the exact versions of direct dependencies are pinned in package.json.
npm install --no-audit --no-fund
# The command line as plain JavaScript (dist-cli/): starts at once and reads received files on all cores.
npm run build:cli
