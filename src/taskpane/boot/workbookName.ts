/**
 * The open workbook's file name, for messages, from Office.context.document.url ("Gets the URL of the document
 * that the Office application currently has open. Returns null if the URL is unavailable.",
 * learn.microsoft.com/javascript/api/office/office.document#office-office-document-url-member).
 * On Windows and Mac that is a plain path (`C:\Кампания\Свод 50%.xlsx`): taken as it is — a «%» in a name is a
 * character, not an escape. From OneDrive/SharePoint or Excel on the web it is a URL, percent-encoded: decoded,
 * and if the text does not decode (a stray «%»), kept as it is. Never throws: a name must not stop the pane.
 */
export function workbookNameFromUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  const path = isUrl ? url.replace(/[?#].*$/, '') : url;
  const last = path.split(/[\\/]/).filter(Boolean).pop() ?? '';
  if (!isUrl) return last || undefined;
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last || undefined;
  }
}
