/** Formats milliseconds for a table: three significant figures, thousands separated. */
export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return "-";
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(a, b) {
  return a === undefined || b === undefined ? "-" : `${(a / b).toFixed(2)}`;
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

export function scientific(value) {
  return value === undefined ? "-" : value.toExponential(1);
}
