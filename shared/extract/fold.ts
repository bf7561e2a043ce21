/**
 * Full-width ASCII (１２３, ＋８６, ＠) and the ideographic space folded to their ASCII forms,
 * one code unit for one, so offsets in the folded text are offsets in the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => {
    const c = ch.charCodeAt(0);
    return c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0);
  });
}
