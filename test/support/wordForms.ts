/**
 * The order's Appendix 3 as a municipality fills it in Word: paragraphs above (the unit, the coordinator), table
 * 3.1 with one cell per official column and the pupils as a paragraph per line, table 3.2 with its two-level
 * header (two titles merged down, the categories' title merged across four), text around the tables. Written as
 * HTML for LibreOffice Writer to turn into .docx, .odt and .doc; the same figures as a stamped workbook.
 */
import { stampAppendix3 } from '../../src/domain/forms/stampAppendix3';
import { COORDINATOR_CAPTION, COORDINATOR_LABEL, H, PARTNERS_TABLE_TITLE, participationTableTitle, UNIT_CAPTION } from '../../src/domain/forms/officialText';
import type { CampaignSettings } from '../../src/domain/settings';
import JSZip from 'jszip';
import { planToGrid, writeGrids } from './formGrids';

export interface MunicipalReport {
  unit: string;
  coordinator: string;
  schools: number;
  schoolsActive: number;
  events: number;
  students: number;
  grades: number[];
  teachers: number;
  ovzStudents: number;
  ovzGrades: number[];
  /** Partners named in table 3.1. */
  partners: string[];
  /** Table 3.2: the total, and per category the names. */
  partnersTotal: number;
  categories: [string[], string[], string[], string[]];
}

const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A cell of several paragraphs, as Word keeps them. */
const paras = (lines: string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join('');
const titleParas = (s: string) => paras(s.split('\n'));

function pupilsLines(what: string, total: number, grades: number[]): string[] {
  return [
    `Общее количество обучающихся ${what}5-11 классов в муниципалитете – ${total} чел.`,
    `Общее количество обучающихся ${what}5-11 классов, принявших участие в профориентационных мероприятиях – ${sum(grades)} чел.`,
    'Из них:',
    ...grades.map((g, i) => `${i + 5} класс - ${g} чел.${i === 6 ? '' : ';'}`),
  ];
}

const countWithNames = (names: string[]) => (names.length ? `${names.length} - ${names.join(', ')}` : '-');

/** The filled form as an HTML document for LibreOffice Writer. */
export function appendix3Html(r: MunicipalReport): string {
  const cell = (html: string, attrs = '') => `<td${attrs}>${html}</td>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Отчёт</title></head><body>
<p align="right">Приложение 3</p>
<p align="right">к распоряжению Департамента общего образования Томской области от 12.03.2021 № 394-р</p>
<p align="center"><b>Сводный отчет об итогах Кампании</b></p>
<p align="center"><u>${esc(r.unit)}</u></p>
<p align="center">${esc(UNIT_CAPTION)}</p>
<p>${esc(COORDINATOR_LABEL)} <u>${esc(r.coordinator)}</u></p>
<p align="center">${esc(COORDINATOR_CAPTION)}</p>
<p align="center"><b>${esc(participationTableTitle('spring'))}</b></p>
<table border="1" cellspacing="0">
<tr>${[H.unit, H.schools, H.events, H.students, H.teachers, H.ovz, H.partners].map((h) => cell(titleParas(h))).join('')}</tr>
<tr>${[
    cell(paras([r.unit])),
    cell(paras([`${r.schools}/${r.schoolsActive}`])),
    cell(paras([String(r.events)])),
    cell(paras(pupilsLines('', r.students, r.grades))),
    cell(paras([String(r.teachers)])),
    cell(paras(pupilsLines('с ОВЗ ', r.ovzStudents, r.ovzGrades))),
    cell(paras([r.partners.join(', ')])),
  ].join('')}</tr>
</table>
<p></p>
<p align="center"><b>${esc(PARTNERS_TABLE_TITLE)}</b></p>
<table border="1" cellspacing="0">
<tr>${cell(titleParas(H.unit), ' rowspan="2"')}${cell(titleParas(H.partnersTotal), ' rowspan="2"')}${cell(titleParas(H.partnerCategories), ' colspan="4"')}</tr>
<tr>${[H.professionalEducation, H.companies, H.business, H.community].map((h) => cell(titleParas(h))).join('')}</tr>
<tr>${cell(paras([r.unit]))}${cell(paras([String(r.partnersTotal)]))}${r.categories.map((c) => cell(paras([countWithNames(c)]))).join('')}</tr>
</table>
<p>Аналитическая справка: в кампании приняли участие все школы района; отмечено 42 мероприятия с участием 3 вузов.</p>
<p>Руководитель управления образованием ____________ / подпись /</p>
</body></html>`;
}

/** The same report as the stamped workbook form (the add-in's blank, filled), written by SheetJS. */
export function appendix3Workbook(r: MunicipalReport, settings: CampaignSettings): Uint8Array {
  const [pe, co, bu, cm] = r.categories;
  const grades = (prefix: string, gs: number[]) => Object.fromEntries(gs.map((g, i) => [`${prefix}${i + 5}`, g]));
  const fill = {
    participation: [
      {
        unit: r.unit, schools: r.schools, schoolsActive: r.schoolsActive, events: r.events, students: r.students,
        participants: sum(r.grades), ...grades('g', r.grades), teachers: r.teachers, ovzStudents: r.ovzStudents,
        ovzParticipants: sum(r.ovzGrades), ...grades('ovzG', r.ovzGrades), partnersCount: r.partners.length, partnersNames: r.partners.join(', '),
      },
    ],
    partners: [
      {
        unit: r.unit, partnersTotal: r.partnersTotal,
        professionalEducationCount: pe.length, professionalEducationNames: pe.join(', '),
        companiesCount: co.length, companiesNames: co.join(', '),
        businessCount: bu.length, businessNames: bu.join(', '),
        communityCount: cm.length, communityNames: cm.join(', '),
      },
    ],
  };
  return writeGrids([planToGrid(stampAppendix3({ ...settings, unit: r.unit }, { fill }))], 'xlsx');
}

/** Three municipalities with figures unlike one another (and a partner shared by two). */
export const MUNICIPALITIES: MunicipalReport[] = [
  {
    unit: 'Александровский район', coordinator: 'Петрова Анна Ивановна, методист, 8 (38241) 2-11-22, petrova@example.ru',
    schools: 7, schoolsActive: 6, events: 42, students: 599, grades: [59, 79, 76, 56, 60, 55, 53], teachers: 33,
    ovzStudents: 109, ovzGrades: [11, 20, 17, 11, 22, 1, 1], partners: ['НИ ТГУ', 'ТУСУР', 'ЗАО «Томский подшипник»'],
    partnersTotal: 3, categories: [['НИ ТГУ', 'ТУСУР'], ['ЗАО «Томский подшипник»'], [], []],
  },
  {
    unit: 'Асиновский район', coordinator: 'Смирнов Олег Петрович, специалист, 8 (38241) 2-33-44, smirnov@example.ru',
    schools: 12, schoolsActive: 12, events: 87, students: 2310, grades: [301, 288, 275, 260, 241, 120, 98], teachers: 140,
    ovzStudents: 160, ovzGrades: [20, 18, 16, 15, 12, 3, 2], partners: ['ТУСУР', 'ИП Иванов И.И.', '=Клуб выпускников'],
    partnersTotal: 3, categories: [['ТУСУР'], [], ['ИП Иванов И.И.'], ['=Клуб выпускников']],
  },
  {
    unit: 'Бакчарский район', coordinator: 'Кузнецова Мария Сергеевна, методист, kuz@example.ru',
    schools: 5, schoolsActive: 4, events: 19, students: 870, grades: [80, 77, 70, 66, 61, 30, 25], teachers: 41,
    ovzStudents: 44, ovzGrades: [5, 6, 4, 3, 2, 0, 1], partners: ['ТПУ', 'Совет отцов'],
    partnersTotal: 2, categories: [['ТПУ'], [], [], ['Совет отцов']],
  },
];

const EMBEDDED_TYPE = { spreadsheet: 'application/vnd.oasis.opendocument.spreadsheet', text: 'application/vnd.oasis.opendocument.text' } as const;
const ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"';
const EMBEDDED_BODY = {
  // A sheet with a figure a reader must not take for the form's (999 is in no form of the sample).
  spreadsheet: '<office:spreadsheet><table:table table:name="Лист1"><table:table-row><table:table-cell office:value-type="string"><text:p>Участников</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="999"><text:p>999</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>',
  // A Word object with a table of its own.
  text: '<office:text><text:p>Справка к отчёту</text:p><table:table table:name="Вложенная"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Участников</text:p></table:table-cell><table:table-cell><text:p>999</text:p></table:table-cell></table:table-row></table:table></office:text>',
};

/**
 * An .odt (as LibreOffice wrote it) with an Excel-like sheet and a text document embedded at its start, as a
 * municipality pastes them into the form: saved as .doc, LibreOffice puts them in ObjectPool/_…/ with their own
 * «Workbook» and «WordDocument» streams.
 */
export async function withEmbeddedObjects(odt: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(odt);
  const kinds = ['spreadsheet', 'text'] as const;
  const frame = (n: number) =>
    `<text:p><draw:frame draw:name="Объект ${n}" text:anchor-type="as-char" svg:width="6cm" svg:height="2cm"><draw:object xlink:href="./Object ${n}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>`;
  const content = await zip.file('content.xml')!.async('string');
  if (!content.includes('</text:sequence-decls>')) throw new Error('LibreOffice wrote the .odt otherwise than expected: no text:sequence-decls in content.xml');
  zip.file('content.xml', content.replace('</text:sequence-decls>', `</text:sequence-decls>${kinds.map((_, i) => frame(i + 1)).join('')}`));
  let manifest = await zip.file('META-INF/manifest.xml')!.async('string');
  kinds.forEach((kind, i) => {
    const dir = `Object ${i + 1}/`;
    zip.file(`${dir}content.xml`, `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:body>${EMBEDDED_BODY[kind]}</office:body></office:document-content>`);
    manifest = manifest.replace('</manifest:manifest>', `<manifest:file-entry manifest:full-path="${dir}" manifest:media-type="${EMBEDDED_TYPE[kind]}"/><manifest:file-entry manifest:full-path="${dir}content.xml" manifest:media-type="text/xml"/></manifest:manifest>`);
  });
  zip.file('META-INF/manifest.xml', manifest);
  // The mimetype first and stored, as ODF requires.
  const mimetype = await zip.file('mimetype')!.async('string');
  zip.remove('mimetype');
  const out = new JSZip();
  out.file('mimetype', mimetype, { compression: 'STORE' });
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.file(name, await entry.async('uint8array'));
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
