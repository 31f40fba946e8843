// parse_command_line(text, "windows"): a Windows command line split into its arguments "the same way as
// CommandLineToArgvW" (parse-command-line-function.md). The rules are CommandLineToArgvW's documented ones:
// - space and tab outside quotation marks separate arguments; trailing whitespace is ignored;
// - a command line starting with whitespace has "" as its first argument;
// - 2n backslashes before a quotation mark give n backslashes and toggle quoting; 2n+1 backslashes before a quotation
//   mark give n backslashes and a literal quotation mark; backslashes before anything else are literal;
// - the first argument is the program name, which "can be enclosed in quotation marks or not": quotation marks in it
//   group text and are removed, backslashes are literal there (the C runtime's documented argv[0] rule; a path like
//   "C:\dir\" would otherwise escape its closing quote).
// [U] Inside quotes, "" is one literal quotation mark and quoting continues (the C runtime's documented rule since
// 2008, which CommandLineToArgvW shares). [U] An empty command line gives an empty array (CommandLineToArgvW returns
// the path of the running program there, which has no meaning here).
// Browser-safe: no Node modules.

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

export function parseWindowsCommandLine(text: string): string[] {
  const args: string[] = [];
  const n = text.length;
  if (n === 0) return args;
  let i = 0;
  // The program name: quotes group, backslashes are literal.
  let arg = '';
  let quoted = false;
  for (; i < n; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (isBlank(c) && !quoted) break;
    else arg += c;
  }
  args.push(arg);
  for (;;) {
    while (isBlank(text[i])) i++;
    if (i >= n) return args;
    arg = '';
    quoted = false;
    while (i < n) {
      const c = text[i]!;
      if (isBlank(c) && !quoted) break;
      if (c === '\\') {
        let count = 0;
        while (text[i] === '\\') {
          count++;
          i++;
        }
        if (text[i] === '"') {
          arg += '\\'.repeat(count >> 1);
          if (count % 2 === 1) {
            arg += '"';
            i++;
          }
          // An even count leaves the quotation mark to toggle quoting below.
        } else {
          arg += '\\'.repeat(count);
        }
        continue;
      }
      if (c === '"') {
        if (quoted && text[i + 1] === '"') {
          arg += '"';
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      arg += c;
      i++;
    }
    args.push(arg);
  }
}
