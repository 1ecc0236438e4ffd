/** A comment's text as the formatter writes it: `\n` line breaks and no trailing blanks. */
export function normalizeComment(image: string): string {
  return image.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "");
}
