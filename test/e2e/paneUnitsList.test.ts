/**
 * The list of expected organisations at a region's scale, in the built pane: 5,000 names pasted from a spreadsheet
 * into «Свод» are counted and are the same list in «Формы»; a name typed into the box counts without leaving it.
 * The box hands its text to the pane when typing pauses or the box is left (src/taskpane/steps/UnitsListField.tsx).
 */
import type { Locator } from 'playwright-core';
import { paneTests } from './harness';
// Slow on purpose (Chromium): each test drives the built pane in headless Chromium; a page load and a flow take tens of seconds on a loaded machine.
jest.setTimeout(180_000);

const pane = paneTests();
const MERGE_LIST = 'Список ожидаемых организаций (по одной в строке, необязательно)';
const BLANKS_LIST = 'Организации, которым нужны бланки (по одной в строке)';

/** As a coordinator pastes a column copied from a spreadsheet: the text on the clipboard, then Ctrl+V. */
async function paste(box: Locator, text: string): Promise<void> {
  await box.focus();
  await box.page().evaluate((t) => document.addEventListener('copy', (e) => (e.clipboardData?.setData('text/plain', t), e.preventDefault()), { once: true }), text);
  await box.page().keyboard.press('ControlOrMeta+C');
  await box.page().keyboard.press('ControlOrMeta+V');
}

test('5,000 names pasted into «Свод» are counted there and are the list of «Формы»', async () => {
  const { page } = await pane.open('/taskpane.html?section=merge');
  const names = Array.from({ length: 5000 }, (_, i) => `МБОУ СОШ № ${i + 1}`);
  const box = page.getByLabel(MERGE_LIST);
  await paste(box, names.join('\n'));
  expect(await box.inputValue()).toBe(names.join('\n'));
  await page.locator('#merge').getByText('В списке: 5 000 организаций.').waitFor();
  await page.getByRole('tab', { name: '2. Формы' }).click();
  expect(await page.getByLabel(BLANKS_LIST).inputValue()).toBe(names.join('\n'));
  await page.locator('#forms').getByText('В списке: 5 000 организаций.', { exact: false }).waitFor();
});

test('a name typed into the list is counted while the box keeps the focus, and «Свод» has it', async () => {
  const { page } = await pane.open('/taskpane.html?section=forms');
  const box = page.getByLabel(BLANKS_LIST);
  await box.focus();
  await page.keyboard.type('МБОУ СОШ № 1\nМБОУ СОШ № 2');
  await page.locator('#forms').getByText('В списке: 2 организации.', { exact: false }).waitFor();
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  // Typed on after the pause: the pane's copy catches up, nothing typed is lost.
  await page.keyboard.type('\nМБОУ СОШ № 3');
  await page.getByRole('tab', { name: '4. Свод' }).click();
  // Read once «Свод» shows its count: the text is handed over as the box is left (the tab's click) and reaches
  // «Свод» in the next render; under load (the whole suite at once) the box was read before that, empty.
  await page.locator('#merge').getByText('В списке: 3 организации.').waitFor();
  expect(await page.getByLabel(MERGE_LIST).inputValue()).toBe('МБОУ СОШ № 1\nМБОУ СОШ № 2\nМБОУ СОШ № 3');
});
