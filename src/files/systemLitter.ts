/**
 * What the system or an office program writes beside documents on its own: Excel's and Word's lock files
 * (~$отчёт.xlsx), LibreOffice's (.~lock.отчёт.xlsx#), Windows' thumbnail cache and folder settings, macOS's
 * folder metadata and resource forks (._отчёт.xlsx on a flash drive), and the folders such tools keep. Pure: the
 * folder walk (collectInputs.ts) and the archive reader (containers) both leave them out.
 */
export function isSystemLitter(name: string, folder = false): boolean {
  if (folder) return /^(__MACOSX|\.git|\.svn|\.hg|\.Trash(es|-\d+)?|\.Spotlight-V100|\.fseventsd|\$RECYCLE\.BIN|System Volume Information)$/i.test(name);
  // Thunderbird's index of a mailbox (Inbox.msf beside Inbox) is rebuilt by Thunderbird from the mailbox itself.
  return /^~\$/.test(name) || /^\.~lock\..*#$/.test(name) || /^\._./.test(name) || /^(thumbs\.db|ehthumbs\.db|desktop\.ini|\.ds_store)$/i.test(name) || /\.msf$/i.test(name);
}
