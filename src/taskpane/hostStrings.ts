/** The words of the pane's hosts, services and the blanks panel (spread into strings.ts), Russian and English. */
import { countOf, formatNumber, NOUN } from '../domain/text';

const sheetsRu = (names: string[]) => names.map((n) => `«${n}»`).join(', ');
const en = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const blanksRu = (n: number) => countOf(n, ['бланк', 'бланка', 'бланков']);
/** How many file names a message lists before «и ещё N». */
const NAMES_SHOWN = 10;
const namesRu = (names: string[]) =>
  sheetsRu(names.slice(0, NAMES_SHOWN)) + (names.length > NAMES_SHOWN ? ` и ещё ${formatNumber(names.length - NAMES_SHOWN)}` : '');
const namesEn = (names: string[]) =>
  sheetsRu(names.slice(0, NAMES_SHOWN)) + (names.length > NAMES_SHOWN ? ` and ${formatNumber(names.length - NAMES_SHOWN)} more` : '');

export type BlanksWhat = 'ready' | 'opened';
export type HostWords = typeof ruHost;

export const ruHost = {
  savedExcel: 'Настройки сохранены в книге (скрытый лист «ПК_Настройки»).',
  savedBrowser: 'Настройки сохранены в этом браузере.',
  settingsNotStored: 'Браузер не дал сохранить настройки (хранилище отключено или переполнено): они действуют до закрытия страницы.',
  settingsSheetTaken: (sheet: string) => `Настройки не сохранены: в книге есть свой лист «${sheet}». Переименуйте его и повторите.`,
  fileDownloaded: (name: string) => `Файл «${name}» скачан.`,
  fileDownloadedSheets: (name: string, sheets: string[]) => `Файл «${name}» скачан (${sheets.length > 1 ? 'листы' : 'лист'} ${sheetsRu(sheets)}).`,
  sheetsWritten: (sheets: string[]) => `${sheets.length > 1 ? 'Листы' : 'Лист'} ${sheetsRu(sheets)} ${sheets.length > 1 ? 'записаны' : 'записан'} в книгу.`,
  sheetsSkipped: (sheets: string[]) => `Не ${sheets.length > 1 ? 'созданы' : 'создан'}: ${sheetsRu(sheets)} — существующие листы не изменены.`,
  nothingWritten: 'Ничего не записано.',
  helpLink: 'Справка',
  // blanks
  blanksListRead: 'чтение списка организаций',
  blanksZipping: 'подготовку бланков',
  blanksOpening: 'открытие бланков в Excel',
  blanksInList: (n: number) => `В списке: ${countOf(n, NOUN.unit)}.`,
  blanksListTaken: (file: string, n: number) => `Из «${file}» взято: ${countOf(n, NOUN.unit)}. Проверьте список и при необходимости поправьте его.`,
  blanksProgress: (i: number, total: number, unit: string) => `Бланк ${formatNumber(i)} из ${formatNumber(total)}: «${unit}»`,
  blanksListUnreadable: (file: string) => `Список «${file}» не удалось прочитать. Сохраните его как .xlsx, .csv или .txt (по одной организации в строке) и выберите снова.`,
  blanksListEmpty: (file: string) => `В списке «${file}» нет ни одной организации: впишите по одной в первый столбец первого листа и выберите файл снова.`,
  blanksRenamed: 'Имена некоторых файлов изменены, чтобы их можно было сохранить на любом компьютере; название организации внутри бланка — как в списке.',
  blanksZipped: (name: string, files: string[]) => `Архив «${name}» скачан: ${blanksRu(files.length)} (${namesRu(files)}). Разошлите каждой организации её файл.`,
  blanksOpenedSome: (n: number, total: number, why: string) => `Открыто бланков: ${formatNumber(n)} из ${formatNumber(total)}. ${why}`,
  blanksOpened: (files: string[]) => `Открыто новыми книгами: ${blanksRu(files.length)}. Сохраните каждую (Файл → Сохранить как) под названием организации: ${namesRu(files)}.`,
  blanksCancelled: (done: number, total: number, what: BlanksWhat) =>
    `Создание бланков остановлено: ${what === 'opened' ? 'открыто бланков' : 'бланков готово'} ${formatNumber(done)} из ${formatNumber(total)}. Нажмите кнопку снова, чтобы создать все.`,
  /** Shown above a problem or a reason that comes from the core, which speaks Russian in both modes. */
  coreRussian: '',
};

export const enHost: typeof ruHost = {
  savedExcel: 'Settings saved in the workbook (hidden sheet «ПК_Настройки»).',
  savedBrowser: 'Settings saved in this browser.',
  settingsNotStored: 'The browser did not let the settings be saved (storage is off or full): they last until the page is closed.',
  settingsSheetTaken: (sheet) => `Settings not saved: the workbook has a sheet «${sheet}» of its own. Rename it and try again.`,
  fileDownloaded: (name) => `The file «${name}» is downloaded.`,
  fileDownloadedSheets: (name, sheets) => `The file «${name}» is downloaded (${sheets.length > 1 ? 'sheets' : 'sheet'} ${sheetsRu(sheets)}).`,
  sheetsWritten: (sheets) => `${sheets.length > 1 ? 'Sheets' : 'Sheet'} ${sheetsRu(sheets)} written to the workbook.`,
  sheetsSkipped: (sheets) => `Not created: ${sheetsRu(sheets)} — the existing ${sheets.length > 1 ? 'sheets are' : 'sheet is'} unchanged.`,
  nothingWritten: 'Nothing was written.',
  helpLink: 'Help (in Russian)',
  blanksListRead: 'reading the list of organisations',
  blanksZipping: 'preparing the blanks',
  blanksOpening: 'opening the blanks in Excel',
  blanksInList: (n) => `On the list: ${en(n, 'organisation')}.`,
  blanksListTaken: (file, n) => `Taken from «${file}»: ${en(n, 'organisation')}. Check the list and correct it if needed.`,
  blanksProgress: (i, total, unit) => `Blank ${formatNumber(i)} of ${formatNumber(total)}: «${unit}»`,
  blanksListUnreadable: (file) => `The list «${file}» could not be read. Save it as .xlsx, .csv or .txt (one organisation a line) and choose it again.`,
  blanksListEmpty: (file) => `The list «${file}» holds no organisation: type one per row in the first column of the first sheet and choose the file again.`,
  blanksRenamed: 'Some file names were changed so that any computer can save them; the organisation’s name inside the blank is as on the list.',
  blanksZipped: (name, files) => `The archive «${name}» is downloaded: ${en(files.length, 'blank')} (${namesEn(files)}). Send each organisation its file.`,
  blanksOpenedSome: (n, total, why) => `${formatNumber(n)} of ${en(total, 'blank')} opened. ${why}`,
  blanksOpened: (files) => `Opened as new workbooks: ${en(files.length, 'blank')}. Save each (File → Save As) under the organisation’s name: ${namesEn(files)}.`,
  blanksCancelled: (done, total, what) =>
    `Blanks stopped: ${formatNumber(done)} of ${en(total, 'blank')} ${what === 'opened' ? 'opened' : 'ready'}. Press the button again to make them all.`,
  coreRussian: 'In Russian, as in the forms:',
};
