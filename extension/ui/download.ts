/** Saves text as a file through a temporary link (extension pages may download directly). */
export function downloadText(
  filename: string,
  mime: string,
  text: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type Download = (filename: string, mime: string, text: string) => void;

export const CSV_MIME = 'text/csv;charset=utf-8';
export const JSON_MIME = 'application/json;charset=utf-8';
