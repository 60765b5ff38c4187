/**
 * Why a received file is not read, in words a school understands: what the file is or what is wrong with it, in
 * everyday terms (no part names, no «архив», no «оглавление»), and one thing to do. Every refusal of the readers
 * is worded here, so they read alike; test/hostile/readingCases.ts and src/files/refusals.test.ts pin them.
 */
import { LIMITS } from './guards';

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} МБ`;

/** The one instruction for a file that is a table, but not one we read: Excel or LibreOffice turns it into one. */
export const SAVE_AS = 'Откройте его в Excel или LibreOffice, сохраните как «Книга Excel (.xlsx)» и пришлите снова.';
const SAVE_AS_DOCX = 'Откройте его в Word или LibreOffice, сохраните как «Документ Word (.docx)» и пришлите снова.';
const SEND_XLSX = 'Пришлите отчёт книгой Excel (.xlsx), заполненной по форме.';

export const REFUSAL = {
  empty: (f: string) => `Файл «${f}» пуст (0 байт): скорее всего, он не сохранился или скопирован не до конца. Пришлите его ещё раз.`,
  /** Truncated, a bad checksum, a damaged part: ordinary damage, not malice. */
  damaged: (f: string) => `Файл «${f}» повреждён: скорее всего, он скачан или скопирован не до конца. Пришлите его ещё раз.`,
  tooLarge: (f: string, bytes: number) =>
    `Файл «${f}» слишком велик: ${MB(bytes)} (допустимо до ${MB(LIMITS.fileBytes)}). Отчёт по форме занимает меньше мегабайта: удалите из книги лишние листы и рисунки, сохраните и пришлите снова.`,
  /** Inflates past the limits: a real but enormous workbook (or one stuffed with pictures). */
  tooLargeInside: (f: string) =>
    `Файл «${f}» слишком велик: в раскрытом виде он занимает больше ${MB(LIMITS.totalBytes)} или в нём слишком много листов и рисунков. Отчёт по форме намного меньше: удалите из книги лишние листы, рисунки и строки, сохраните и пришлите снова.`,
  /** Built to exhaust memory (a «zip bomb»), or lying about its own sizes. */
  hostile: (f: string) =>
    `Файл «${f}» не прочитан: внутри он устроен не как книга Excel, а как файл, сделанный, чтобы вывести компьютер из строя (данные в нём разворачиваются в сотни раз больше обычного). Не открывайте его — попросите прислать отчёт заново.`,
  password: (f: string) => `Файл «${f}» защищён паролем. Снимите пароль (Excel: Файл → Сведения → Защита книги; LibreOffice: сохранить без флажка «Сохранить с паролем») и пришлите снова.`,
  /** Written by a program that packs workbooks in a way Excel does not (ZIP64 for a small file, another compression). */
  unusualPacking: (f: string) => `Файл «${f}» сохранён программой, которая записывает книги не так, как Excel, и прочитать его нельзя. ${SAVE_AS}`,
  /** An .xlsb that SheetJS cannot read (damaged, or a feature it does not know). */
  binaryWorkbook: (f: string) => `Файл «${f}» — двоичная книга Excel (.xlsb), и прочитать её не удалось: возможно, она повреждена. ${SAVE_AS}`,
  pdf: (f: string) => `Файл «${f}» — документ PDF, а не таблица: данные из него прочитать нельзя. ${SEND_XLSX}`,
  documentPassword: (f: string) => `Документ «${f}» защищён паролем. Снимите пароль (Word: Файл → Сведения → Защита документа), сохраните и пришлите снова.`,
  documentDamaged: (f: string) => `Документ «${f}» повреждён или не является документом Word: скорее всего, он скачан или скопирован не до конца. Пришлите его ещё раз.`,
  documentTooLarge: (f: string) => `Документ «${f}» слишком велик. Отчёт по форме занимает несколько страниц: удалите лишние таблицы и рисунки, сохраните и пришлите снова.`,
  documentUnusual: (f: string) => `Документ «${f}» сохранён так, что прочитать его нельзя. ${SAVE_AS_DOCX}`,
  notADocument: (f: string, ext: string) => `Файл «${f}» не является документом Word, хотя назван .${ext}: возможно, он повреждён или переименован. ${SAVE_AS_DOCX}`,
  rtf: (f: string) => `Файл «${f}» — документ в формате RTF, его прочитать нельзя. ${SAVE_AS_DOCX}`,
  powerpoint: (f: string) => `Файл «${f}» — презентация PowerPoint, а не таблица. ${SEND_XLSX}`,
  openDocumentOther: (f: string) => `Файл «${f}» — документ OpenDocument, но не таблица. ${SEND_XLSX}`,
  appleNumbers: (f: string) => `Файл «${f}» — таблица Apple Numbers. Экспортируйте её в Excel (Файл → Экспортировать → Excel) и пришлите файл .xlsx.`,
  appleDocument: (f: string) => `Файл «${f}» — документ Apple Pages или Keynote, а не таблица. ${SEND_XLSX}`,
  zipArchive: (f: string) => `Файл «${f}» — архив ZIP, а не книга Excel. Пришлите саму книгу Excel (.xlsx), не упаковывая её в архив.`,
  otherArchive: (f: string) => `Файл «${f}» — сжатый архив, а не книга Excel. Пришлите саму книгу Excel (.xlsx), не упаковывая её в архив.`,
  image: (f: string) => `Файл «${f}» — изображение (фотография или скан), а не таблица: данные из него прочитать нельзя. ${SEND_XLSX}`,
  otherOffice: (f: string) => `Файл «${f}» — файл другой программы, а не книга Excel. ${SAVE_AS}`,
  notTable: (f: string) => `Файл «${f}» — не таблица: данные из него прочитать нельзя. ${SEND_XLSX}`,
  /** The name says a table, the content says otherwise (a renamed or damaged file). */
  wrongContent: (f: string, ext: string) => `Файл «${f}» не является таблицей, хотя назван .${ext}: возможно, он повреждён или переименован. ${SAVE_AS}`,
  noSheets: (f: string) => `В файле «${f}» нет ни одного листа. ${SAVE_AS}`,
  /** Mail and archives: what the coordinator saved or what a school packed. */
  letterDamaged: (f: string) => `Письмо «${f}» повреждено или сохранено не полностью: прочитать его нельзя. Сохраните письмо из почты ещё раз (или сохраните его вложения) и добавьте в свод.`,
  archivePassword: (f: string) => `Архив «${f}» защищён паролем, открыть его нельзя. Попросите прислать отчёт без пароля — саму книгу Excel (.xlsx), не упаковывая её в архив.`,
  archiveUnusual: (f: string) => `Архив «${f}» упакован способом, который прочитать нельзя. Попросите прислать саму книгу Excel (.xlsx), не упаковывая её в архив.`,
  nestedTooDeep: (f: string) => `Файл «${f}» вложен слишком глубоко (письмо в письме или архив в архиве — больше ${LIMITS.containerDepth} уровней). Сохраните его из письма или архива отдельно и добавьте в свод.`,
  tooManyInside: (f: string, n: number) => `В «${f}» больше ${n} файлов: остальные не прочитаны. Разделите папку писем или архив на части и сведите их вместе.`,
  mailTooLarge: (f: string, bytes: number) => `Файл «${f}» слишком велик: ${MB(bytes)} (допустимо до ${MB(LIMITS.mailBytes)} для папки писем или архива). Разделите его на части или сохраните вложения отдельно.`,
  unreadable: (f: string) => `Файл «${f}» не удалось прочитать: он повреждён или это не таблица. ${SAVE_AS}`,
} as const;
