/** What the ribbon's section buttons say when the pane must be opened by hand (both runtimes). */
import type { PaneSection } from '../taskpane/boot/paneRequests';

export const SECTION_TITLES: Record<PaneSection, string> = {
  settings: '«Настройки кампании»',
  forms: '«Формы»',
  check: '«Проверка»',
  merge: '«Свод отчётов»',
  summary: '«Сводка»',
};

/** The dialog's text: open the pane with «Панель»; it opens at `section`. */
export const openPaneAt = (section: PaneSection) =>
  `Откройте панель кнопкой «Панель» (вкладка «Главная», группа «Профкампания») — она откроется на разделе ${SECTION_TITLES[section]}.`;
