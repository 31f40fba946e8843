// parse_csv(text): one CSV record split into its fields (parse-csv-function.md). Browser-safe: no Node modules.
//
// Fields are separated by commas. A field that starts with a double quote runs to the closing quote, and inside it
// commas, line feeds and doubled quotes ("" for ") are data. "This function doesn't support multiple records per
// row (only the first record is taken)": an unquoted line feed ends the record (the page's 'record1,a,b,c\n…'
// example gives the four fields of the first line).
// [U] Characters after a closing quote up to the next comma are appended as they are; a quote inside an unquoted
// field is an ordinary character; "\r\n" ends a record like "\n" (the "\r" is not part of the field); spaces are kept;
// "" is one empty field; an unterminated quoted field runs to the end of the text.

export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      i++;
      for (; i < n; i++) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            i++;
            break;
          }
        } else field += c;
      }
    }
    // Unquoted text (or what follows a closing quote) up to a comma or the end of the record.
    while (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) field += text[i++];
    fields.push(field);
    field = '';
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    return fields;
  }
}
