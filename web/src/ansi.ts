// The rule-test runner colours its lines with ANSI codes (red, green, yellow, dim: src/testing/compare-rows.ts's
// ansiPaint); the page shows the same lines with the same colours as HTML.
const CLASSES: Readonly<Record<string, string>> = { '31': 'ansi-red', '32': 'ansi-green', '33': 'ansi-yellow', '2': 'ansi-dim' };
const RESET = new Set(['39', '22', '0']);

export function ansiToElements(line: string): Node[] {
  const out: Node[] = [];
  const open: string[] = [];
  let last = 0;
  const push = (text: string) => {
    if (text === '') return;
    if (open.length === 0) out.push(document.createTextNode(text));
    else {
      const span = document.createElement('span');
      span.className = open.join(' ');
      span.textContent = text;
      out.push(span);
    }
  };
  for (const m of line.matchAll(/\x1b\[([0-9;]*)m/g)) {
    push(line.slice(last, m.index));
    last = m.index + m[0].length;
    for (const code of m[1]!.split(';')) {
      if (RESET.has(code)) {
        // 39 ends a colour, 22 ends dim, 0 ends everything.
        const keep = code === '39' ? (c: string) => c === 'ansi-dim' : code === '22' ? (c: string) => c !== 'ansi-dim' : () => false;
        const kept = open.filter(keep);
        open.length = 0;
        open.push(...kept);
      } else if (CLASSES[code]) open.push(CLASSES[code]);
    }
  }
  push(line.slice(last));
  return out;
}
