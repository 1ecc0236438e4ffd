/**
 * Escaping for the two kinds of text a DOT document holds. Names and option strings come from
 * the spec, so a quote or `<` in them must stay text and never end a string or open a tag.
 */

/** A DOT double-quoted string: `"call:embedding/0"`. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ")}"`;
}

/** Text inside a Graphviz HTML-like label (`<…>`), where markup characters must be entities. */
export function htmlText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u001f\u007f]/g, " ");
}
