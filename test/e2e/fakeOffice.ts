/**
 * Stands in for office.js in the browser for the pane's Excel-mode e2e test: Office.onReady reports Excel, and
 * Excel.run is the strict Excel double (test/support/fakeExcel.ts), exposed as window.__fx for the test to inspect.
 */
import { FakeExcel } from '../support/fakeExcel';

const fx = new FakeExcel();
fx.addSheet('Лист1', { A1: 'моя таблица' });
Object.assign(window, {
  __fx: fx,
  Excel: { run: fx.run },
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
