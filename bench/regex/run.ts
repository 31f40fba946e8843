// Regex engines at scale: JavaScript's backtracking RegExp vs re2js (linear) vs kqlite's per-row choice ('auto'),
// on rule-like patterns over rule-like text, and on catastrophic patterns. Run: npx tsx bench/regex/run.ts [rows]
// Numbers are recorded in src/engine/strings/CONTEXT.md.

import { compileKqlRegex, type RegexEngineChoice } from '../../src/engine/strings/regex.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);

/** Deterministic rule-like text: command lines, URLs, emails, syslog lines, Windows paths (mean ~75 chars). */
function makeRows(n: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        rows.push(`"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -enc SQBFAFgA${i.toString(36)}`);
        break;
      case 1:
        rows.push(`https://www.example${i % 977}.com/path/to/page.php?id=${i}&user=u${i % 13}#frag`);
        break;
      case 2:
        rows.push(`john.doe${i % 101}@contoso${i % 7}.com`);
        break;
      case 3:
        rows.push(`Failed password for invalid user admin from 192.168.${i % 256}.${(i * 7) % 256} port ${i % 65536} ssh2`);
        break;
      default:
        rows.push(`C:\\Users\\user${i % 50}\\AppData\\Local\\Temp\\tmp${i.toString(16)}.exe`);
    }
  }
  return rows;
}

const BENIGN: [name: string, pattern: string, op: 'test' | 'extract'][] = [
  ['keywords (?i)alternation', '(?i)(iex|invoke-expression|frombase64|downloadstring|hxxp|curl |wget )', 'test'],
  ['file extension at end', '\\.(?:dll|exe|zip|7z|ps1|bat|sh)$', 'test'],
  ['anchored private IP', '^10\\.\\d+\\.\\d+\\.\\d+$', 'test'],
  ['word-bounded switch', '(?i)\\b-e(?:nc|ncodedcommand)?\\b\\s', 'test'],
  ['extract IP after "from"', 'from\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)', 'extract'],
  ['extract URL host', 'https?://([^/?#]+)', 'extract'],
  ['extract email', '([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})', 'extract'],
  ['extract file name', '([^\\\\]+)$', 'extract'],
  ['dotted domain (repeated group)', '((?:[a-z0-9-]+\\.)+[a-z]{2,})', 'extract'],
];

function run(pattern: string, op: 'test' | 'extract', rows: string[], engine: RegexEngineChoice): { ms: number; hits: number } {
  const re = compileKqlRegex(pattern, '', { engine });
  const t = performance.now();
  let hits = 0;
  if (op === 'test') {
    for (const s of rows) if (re.test(s)) hits++;
  } else {
    for (const s of rows) if (re.exec(s) !== null) hits++;
  }
  return { ms: performance.now() - t, hits };
}

const rows = makeRows(ROWS);
// Warm up every engine on every pattern first, so JIT compilation is not charged to whichever runs first.
const warm = rows.slice(0, 20_000);
for (const [, pattern, op] of BENIGN) for (const e of ['js', 're2', 'auto'] as const) if (e !== 'js' || !pattern.includes('+\\.)+')) run(pattern, op, warm, e);
console.log(`${ROWS.toLocaleString()} rows, mean length ${(rows.reduce((a, s) => a + s.length, 0) / ROWS).toFixed(0)}`);
console.log('pattern'.padEnd(34), 'js ms'.padStart(8), 're2 ms'.padStart(8), 'auto ms'.padStart(8), 'hits');
for (const [name, pattern, op] of BENIGN) {
  const js = pattern.includes('+\\.)+') ? null : run(pattern, op, rows, 'js'); // a repeated group: exponential risk
  const re2 = run(pattern, op, rows, 're2');
  const auto = run(pattern, op, rows, 'auto');
  if (js !== null && js.hits !== re2.hits) throw new Error(`engines disagree on ${name}`);
  console.log(name.padEnd(34), (js ? js.ms.toFixed(0) : 'n/a').padStart(8), re2.ms.toFixed(0).padStart(8), auto.ms.toFixed(0).padStart(8), auto.hits);
}

// Catastrophic patterns: JavaScript alone needs seconds for ONE short row; kqlite runs them in RE2 over every row.
const CATASTROPHIC: [name: string, pattern: string, text: string][] = [
  ['(a+)+$', '(a+)+$', `${'a'.repeat(28)}!`],
  ['(\\w+\\s?)*$', '^(\\w+\\s?)*$', `${'word '.repeat(5)}wordwordwordwordword!`],
  ['(x|x)+y', '(x|x)+y', 'x'.repeat(28)],
];
console.log('\ncatastrophic'.padEnd(35), 'js 1 row'.padStart(10), `auto ${ROWS.toLocaleString()} rows`.padStart(18));
for (const [name, pattern, text] of CATASTROPHIC) {
  const shortText = text.slice(-22); // JavaScript on 22 characters only: each extra one doubles its time
  const t = performance.now();
  compileKqlRegex(pattern, '', { engine: 'js' }).test(shortText);
  const jsMs = performance.now() - t;
  const many = Array.from({ length: ROWS }, (_, i) => (i % 2 === 0 ? text : `${text}${i % 10}`));
  const auto = run(pattern, 'test', many, 'auto');
  console.log(name.padEnd(34), `${jsMs.toFixed(0)} ms (22 ch)`.padStart(10), `${auto.ms.toFixed(0)} ms`.padStart(18));
}

// Adversarial text for a pattern JavaScript may run: its worst case is bounded by the length cut-over.
const adversarial = Array.from({ length: ROWS / 10 }, (_, i) => `${'a'.repeat(400 + (i % 200))}\\`);
for (const engine of ['js', 're2', 'auto'] as const) {
  const r = run('[^\\\\]+$', 'extract', adversarial, engine);
  console.log(`[^\\\\]+$ over ${(ROWS / 10).toLocaleString()} rows of 400-600 'a' + '\\' (${engine}): ${r.ms.toFixed(0)} ms`);
}

