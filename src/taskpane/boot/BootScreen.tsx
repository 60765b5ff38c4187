/** What the pane shows inside Office before Excel has answered, or when it cannot. */
import { FluentProvider, Input, Label, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from '@fluentui/react-components';
import { useId } from 'react';
import { browserAddress, type OfficeOutcome } from './office';

/** After this long without Excel, the pane says what may be wrong (and goes on waiting). */
export const SLOW_MS = 15_000;

function BrowserAddress(p: { href: string }) {
  const id = useId();
  return (
    <div style={{ marginTop: 8 }}>
      <Label htmlFor={id}>Адрес панели для браузера (Edge, Chrome, Яндекс Браузер) — там она работает с файлами:</Label>
      <Input id={id} readOnly value={browserAddress(p.href)} style={{ width: '100%' }} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

export function BootScreen(p: { outcome?: Exclude<OfficeOutcome, { kind: 'excel' }>; slow: boolean; href: string }) {
  let body: JSX.Element;
  if (!p.outcome)
    body = (
      <>
        <Spinner size="small" label="Подключение к Excel…" labelPosition="after" />
        {p.slow && (
          <MessageBar intent="warning" layout="multiline" style={{ marginTop: 12 }}>
            <MessageBarBody>
              <MessageBarTitle>Excel пока не ответил</MessageBarTitle>
              Панель ждёт дальше. Обычно так бывает, когда сеть не пропускает библиотеку Office с сайта Microsoft
              (appsforoffice.microsoft.com) или Excel занят долгой операцией. Что можно сделать: подождать; закрыть панель
              и открыть её снова; попросить администратора открыть доступ к appsforoffice.microsoft.com; или работать в
              браузере.
              <BrowserAddress href={p.href} />
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  else if (p.outcome.kind === 'office-js-failed')
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Библиотека Office не загрузилась</MessageBarTitle>
          Без библиотеки Office (office.js с сайта Microsoft appsforoffice.microsoft.com) панель не может работать с
          открытой книгой: сайт недоступен с этого компьютера — нет сети, мешает прокси или фильтр. Проверьте сеть и
          откройте панель снова, попросите администратора открыть доступ к appsforoffice.microsoft.com — или работайте в
          браузере.
          <BrowserAddress href={p.href} />
        </MessageBarBody>
      </MessageBar>
    );
  else
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Панель работает только в Excel</MessageBarTitle>
          Панель «Профкампания» открыта в приложении {p.outcome.kind === 'other-host' ? `«${p.outcome.host}»` : 'не из Excel'}.
          Откройте её в Excel (вкладка «Главная», группа «Профкампания», кнопка «Панель») или в браузере.
          <BrowserAddress href={p.href} />
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: '12px 16px' }} aria-busy={!p.outcome}>
        {body}
      </main>
    </FluentProvider>
  );
}
