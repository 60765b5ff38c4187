/** Saving bytes as a file in a plain browser (an <a download> click; no server involved). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `bytes` made a Blob already (by a worker) is downloaded as it is: no copy on the page's thread. */
export function downloadBytes(bytes: Uint8Array | Blob, fileName: string, mime = XLSX_MIME): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as unknown as ArrayBuffer], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name safe on Windows (the schools' computers): no \ / : * ? " < > |. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
