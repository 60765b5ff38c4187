/*
 * Профкампания — the first script of the task pane and of the ribbon commands' page. It runs before the bundle and
 * is written in ES5 only (test/bootScript.test.ts parses it with acorn, ecmaVersion 5), so that it runs where the
 * bundle (ES2020, React 18, Fluent UI 9) cannot:
 *
 * - Perpetual Office 2016 and 2019 on Windows show add-ins in Internet Explorer 11 ("Trident") when
 *   volume-licensed, and in Edge Legacy ("EdgeHTML") or Trident when retail without WebView2
 *   ("Browsers and webview controls used by Office Add-ins",
 *   learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins). Microsoft
 *   recommends at least a graceful failure message there, found from navigator.userAgent as early as possible
 *   ("Support older Microsoft webviews and Office versions",
 *   learn.microsoft.com/office/dev/add-ins/develop/support-ie-11).
 * - Any browser missing what the bundle needs (Promise, fetch, Map, Symbol, …).
 * - Any script error before the pane has rendered: never a blank pane or an endless «Загрузка…».
 *
 * In each case it shows, in Russian, what works instead: the same pane in an ordinary browser at its address,
 * working on files; the blanks that check themselves; which Office versions run the pane inside Excel.
 * On the commands' page (data-page="commands") it defines the ribbon's functions so that a click shows the same
 * notice in a dialog instead of doing nothing; the bundle, where it runs, replaces them with the real ones. With the
 * shared-runtime manifest the pane's page is the function file too (src/commands/sharedRuntime.ts): there, inside
 * Office and only where the bundle cannot run, it stands in for them the same way (Microsoft 365 without WebView2
 * gives a manifest with <Runtimes> Internet Explorer 11, "Browsers and webview controls used by Office Add-ins").
 *
 * The bundle talks to it through window.profkampaniyaBoot: rendered() once the pane is on screen, fail(reason)
 * when it cannot start, `unsupported` (the reason, or ''), and `officeJs` ('loading', 'loaded', 'failed').
 */
(function () {
  'use strict';
  var w = window;
  var d = document;
  var page = d.documentElement.getAttribute('data-page') === 'commands' ? 'commands' : 'pane';
  var shown = false;
  var rendered = false;

  /** Why this webview cannot run the bundle, or '' when it can. */
  function whyUnsupported() {
    var ua = navigator.userAgent || '';
    if (ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1) return 'Internet Explorer 11 (Trident)';
    // Edge Legacy says "Edge/18…"; Chromium Edge says "Edg/…" (support-ie-11, the note on user agents).
    if (/ Edge\/\d/.test(ua)) return 'Microsoft Edge прежней версии (EdgeHTML)';
    var missing = [];
    var need = [
      ['Promise', typeof Promise !== 'undefined' && typeof Promise.allSettled === 'function'],
      ['fetch', typeof w.fetch === 'function'],
      ['Map', typeof Map === 'function'],
      ['Set', typeof Set === 'function'],
      ['WeakMap', typeof WeakMap === 'function'],
      ['Symbol', typeof Symbol === 'function'],
      ['globalThis', typeof globalThis !== 'undefined'],
      ['Object.assign', typeof Object.assign === 'function'],
      ['Object.fromEntries', typeof Object.fromEntries === 'function'],
      ['Array.prototype.includes', typeof Array.prototype.includes === 'function'],
      ['Array.prototype.flat', typeof Array.prototype.flat === 'function'],
      ['String.prototype.padStart', typeof String.prototype.padStart === 'function'],
      ['URL', typeof w.URL === 'function' && typeof w.URLSearchParams === 'function'],
      ['TextDecoder', typeof w.TextDecoder === 'function'],
      ['Blob', typeof w.Blob === 'function']
    ];
    for (var i = 0; i < need.length; i++) if (!need[i][1]) missing.push(need[i][0]);
    return missing.length ? 'в браузере нет: ' + missing.join(', ') : '';
  }

  /** This page's address without what Office adds (`_host_Info`) and without the fragment. */
  function addressWithoutOffice(href) {
    var hash = href.indexOf('#');
    if (hash !== -1) href = href.slice(0, hash);
    var q = href.indexOf('?');
    if (q === -1) return href;
    var kept = [];
    var parts = href.slice(q + 1).split('&');
    for (var i = 0; i < parts.length; i++) {
      var name = parts[i].split('=')[0].toLowerCase();
      if (parts[i] && name !== '_host_info' && name !== 'notice' && name !== 'unsupported') kept.push(parts[i]);
    }
    return href.slice(0, q) + (kept.length ? '?' + kept.join('&') : '');
  }

  /** The commands' page beside this one (the notice dialog's page), without Office's parameter. */
  function commandsAddress() {
    var here = addressWithoutOffice(String(location.href));
    if (page === 'commands') return here;
    var q = here.indexOf('?');
    var path = q === -1 ? here : here.slice(0, q);
    return path.slice(0, path.lastIndexOf('/') + 1) + 'commands.html';
  }

  /** The pane's address in a browser: this page's, or (on the commands' page) taskpane.html beside it. */
  function paneAddress() {
    var here = addressWithoutOffice(String(location.href));
    if (page === 'pane') return here;
    var q = here.indexOf('?');
    var path = q === -1 ? here : here.slice(0, q);
    return path.slice(0, path.lastIndexOf('/') + 1) + 'taskpane.html';
  }

  function inOffice() {
    return /[?&]_host_info=/i.test(String(location.search));
  }

  function el(tag, text, style) {
    var e = d.createElement(tag);
    if (text) e.appendChild(d.createTextNode(text));
    if (style) e.style.cssText = style;
    return e;
  }

  /** The notice itself, into `box`. `why` is the technical reason, shown last and small. */
  function fillNotice(box, why, isError) {
    var office = inOffice() || page === 'commands';
    box.appendChild(el('h1', 'Панель «Профкампания» не может работать в этом окне', 'font-size:18px;margin:0 0 8px'));
    var intro;
    if (isError) intro = 'В панели произошла ошибка, и работать дальше она не может.';
    else if (office)
      intro = 'Эта версия Excel показывает панели надстроек через Internet Explorer 11 или Microsoft Edge прежней версии, а панели нужен современный браузер.';
    else intro = 'Этот браузер устарел для панели «Профкампания».';
    box.appendChild(el('p', intro, 'margin:0 0 8px'));
    box.appendChild(el('h2', 'Что можно сделать сейчас', 'font-size:15px;margin:12px 0 4px'));
    var list = el('ol', '', 'margin:0;padding-left:20px');
    var item = 'margin-bottom:8px';
    if (isError)
      list.appendChild(
        el(
          'li',
          (office ? 'Закройте панель и откройте её снова.' : 'Обновите страницу.') +
            ' Если ошибка повторится, сообщите разработчикам техническую причину, указанную ниже.',
          item
        )
      );
    var browser = el(
      'li',
      (office ? 'Откройте эту же панель в обычном браузере' : 'Откройте панель в другом браузере') +
        ' — Microsoft Edge, Google Chrome или Яндекс Браузере — по адресу:',
      item
    );
    var address = el('input', '', 'display:block;width:100%;box-sizing:border-box;margin:4px 0;padding:4px;font:inherit');
    address.setAttribute('readonly', 'readonly');
    address.setAttribute('aria-label', 'Адрес панели для браузера');
    address.value = paneAddress();
    address.onfocus = function () {
      address.select();
    };
    browser.appendChild(address);
    browser.appendChild(
      d.createTextNode(
        'Там панель работает с файлами: бланки для школ, проверка присланных файлов, свод отчётов, показатели и справка — всё сохраняется файлами, которые открываются в Excel.'
      )
    );
    list.appendChild(browser);
    list.appendChild(
      el('li', 'Бланки школ проверяют себя сами в любом Excel, без надстройки: столбец «Проверка» называет ошибку в строке, подсказки появляются при вводе.', item)
    );
    if (!isError)
      list.appendChild(
        el(
          'li',
          'Внутри Excel панель работает в Microsoft 365, Office 2021 и 2024, в Excel в браузере (Office для веба) и на Mac, а также в Office 2016 и 2019 с розничной лицензией, если установлен компонент Microsoft Edge WebView2 Runtime. Office 2016 и 2019 с корпоративной лицензией всегда открывает панели через Internet Explorer — там пользуйтесь браузером.',
          item
        )
      );
    box.appendChild(list);
    if (why) box.appendChild(el('p', 'Техническая причина: ' + why, 'font-size:12px;color:#555;margin:8px 0 0;word-wrap:break-word'));
  }

  /** Replaces the page's content with the notice (once). */
  function showNotice(why, isError) {
    if (shown) return;
    shown = true;
    var put = function () {
      var root = d.getElementById('root');
      if (root) root.style.display = 'none';
      var box = el('div', '', 'padding:12px 16px;font-family:"Segoe UI",Arial,sans-serif;font-size:14px;line-height:1.4;color:#201f1e;background:#fff');
      box.id = 'pk-notice';
      box.setAttribute('role', 'alert');
      fillNotice(box, why, isError);
      d.body.insertBefore(box, d.body.firstChild);
    };
    if (d.body) put();
    else d.addEventListener('DOMContentLoaded', put, false);
  }

  /** Only our own scripts' errors count: Office's CDN script reports its own (muted "Script error."). */
  function ours(e) {
    var file = e && e.filename ? String(e.filename) : '';
    var origin = location.protocol + '//' + location.host;
    return file !== '' && file.indexOf(origin) === 0;
  }

  var unsupported = whyUnsupported();
  var lastError = '';
  var useFallbacks = function () {};
  w.profkampaniyaBoot = {
    unsupported: unsupported,
    rendered: function () {
      rendered = true;
    },
    fail: function (reason) {
      showNotice(String(reason || 'неизвестная ошибка'), true);
    }
  };

  // office.js comes right after this script, `async`: its load or failure may come before the bundle listens, so
  // they are heard here, in the capture phase (a script's load and error events do not bubble).
  w.profkampaniyaBoot.officeJs = 'loading';
  var officeEvent = function (state) {
    return function (e) {
      var t = e.target;
      if (t && t.tagName === 'SCRIPT' && t.getAttribute('data-office-js') !== null) w.profkampaniyaBoot.officeJs = state;
    };
  };
  d.addEventListener('load', officeEvent('loaded'), true);
  d.addEventListener('error', officeEvent('failed'), true);

  w.addEventListener(
    'error',
    function (e) {
      if (rendered || !ours(e)) return;
      lastError = (e.message || 'ошибка сценария') + (e.filename ? ' (' + e.filename.split('/').pop() + ':' + e.lineno + ')' : '');
      if (page === 'pane') showNotice(lastError, true);
      useFallbacks();
    },
    false
  );

  if (page === 'pane' && unsupported) showNotice(unsupported, false);

  // The commands' page: a dialog showing a notice (commands.html?notice=…), or the ribbon's function file.
  var params = String(location.search);
  var noticeMatch = page === 'commands' ? /[?&]notice=([^&]*)/.exec(params) : null;
  if (noticeMatch) {
    var text = '';
    try {
      text = decodeURIComponent(noticeMatch[1].replace(/\+/g, ' '));
    } catch (err) {
      text = noticeMatch[1];
    }
    var full = /[?&]unsupported=1/.test(params);
    var put = function () {
      var box = el('div', '', 'padding:12px;font-family:"Segoe UI",Arial,sans-serif;font-size:14px;line-height:1.4');
      box.id = 'pk-notice';
      if (full) fillNotice(box, text, false);
      else box.appendChild(el('p', text, 'margin:0 0 12px')).setAttribute('role', 'status');
      var close = el('button', 'Закрыть', 'margin-top:12px;padding:4px 16px;font:inherit');
      close.onclick = function () {
        // The command that opened this dialog closes it and completes (src/commands/notify.ts).
        if (typeof Office !== 'undefined' && Office.context && Office.context.ui) Office.context.ui.messageParent('close');
      };
      box.appendChild(close);
      d.body.appendChild(box);
      close.focus();
    };
    if (d.body) put();
    else d.addEventListener('DOMContentLoaded', put, false);
    w.profkampaniyaBoot.rendered();
    return;
  }

  /** A ribbon function that cannot run here: the notice in a dialog; completes when the dialog has closed. */
  function explain(event) {
    var done = false;
    var complete = function () {
      if (done) return;
      done = true;
      if (event && typeof event.completed === 'function') event.completed();
    };
    var why = unsupported || lastError || 'команда не смогла запуститься';
    var base = commandsAddress();
    var url = base + (base.indexOf('?') === -1 ? '?' : '&') + 'notice=' + encodeURIComponent(why) + '&unsupported=1';
    try {
      Office.context.ui.displayDialogAsync(url, { height: 60, width: 40, displayInIframe: true }, function (res) {
        if (res.status !== 'succeeded') return complete();
        var dialog = res.value;
        var timer = setTimeout(function () {
          try {
            dialog.close();
          } catch (err) {
            /* closed already */
          }
          complete();
        }, 120000);
        dialog.addEventHandler('dialogMessageReceived', function () {
          clearTimeout(timer);
          try {
            dialog.close();
          } catch (err) {
            /* closed already */
          }
          complete();
        });
        dialog.addEventHandler('dialogEventReceived', function () {
          clearTimeout(timer);
          complete();
        });
      });
    } catch (err) {
      complete();
    }
  }

  var names = ['stampPlan', 'stampReport', 'openCheck', 'openMerge', 'openSummary'];
  var globals = function () {
    // Older Excel calls the manifest's FunctionName as a global function; newer looks in Office.actions.
    for (var i = 0; i < names.length; i++) w[names[i]] = explain;
  };
  // The commands' page always (the bundle replaces them); the pane's page only when the bundle cannot run.
  if (page === 'commands') globals();
  var associated = false;
  useFallbacks = function () {
    // The pane's page is a function file only inside Office (shared runtime); in a browser there is no ribbon.
    if (associated || (page === 'pane' && !inOffice())) return;
    associated = true;
    if (page === 'pane') globals();
    var tries = 0;
    // office.js loads asynchronously (it must not hold the page); associate once it is there.
    var wait = function () {
      if (typeof Office !== 'undefined' && typeof Office.onReady === 'function')
        return Office.onReady(function () {
          if (!Office.actions || typeof Office.actions.associate !== 'function') return;
          try {
            for (var j = 0; j < names.length; j++) Office.actions.associate(names[j], explain);
          } catch (err) {
            /* an Office that takes no functions on this page: nothing to stand in for */
          }
        });
      if (++tries < 600) setTimeout(wait, 100);
    };
    wait();
  };
  if (unsupported) useFallbacks();
})();
