/**
 * The fields of one CSV record (RFC 4180): comma-separated; a field in double quotes may hold
 * commas, line breaks and doubled quotes (`""` is one `"`). Returns undefined when a quoted
 * field is not closed or text follows its closing quote.
 */
export function csvFields(record: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = record.indexOf('"', i);
        if (close === -1) return undefined;
        value += record.slice(i, close);
        if (record[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i === record.length) return fields;
      if (record[i] !== ",") return undefined;
      i++;
    } else {
      const comma = record.indexOf(",", i);
      if (comma === -1) {
        fields.push(record.slice(i));
        return fields;
      }
      fields.push(record.slice(i, comma));
      i = comma + 1;
    }
  }
}
