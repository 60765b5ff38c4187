/**
 * Stands in for office.js in the browser for the pane's Excel-mode e2e test: Office.onReady reports Excel, and
 * Excel.run is the strict Excel double (test/support/fakeExcel.ts), exposed as window.__fx for the test to inspect.
 */
import { FakeExcel } from '../support/fakeExcel';

// ?api=7 plays an Excel that stops at ExcelApi 1.7 (volume-licensed Office 2019).
const apiMinor = Number(new URLSearchParams(location.search).get('api')) || undefined;
const fx = new FakeExcel({ apiMinor });
fx.addSheet('Лист1', { A1: 'моя таблица' });
/** Workbooks the pane opened with Excel.createWorkbook (ExcelApi 1.8), as the Base64 it passed. */
const created: string[] = [];
Object.assign(window, {
  __fx: fx,
  __created: created,
  Excel: {
    run: fx.run,
    createWorkbook: async (base64: string) => {
      if (!fx.isSetSupported('ExcelApi', '1.8')) throw Object.assign(new Error('ApiNotFound: createWorkbook needs ExcelApi 1.8'), { code: 'ApiNotFound' });
      created.push(base64);
    },
  },
  Office: {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: {
      requirements: { isSetSupported: (n: string, v: string) => fx.isSetSupported(n, v) },
      displayLanguage: 'ru-RU',
      officeTheme: { bodyBackgroundColor: '#FFFFFF' },
      document: { url: 'C:\\Кампания\\Свод.xlsx' },
    },
  },
});
