// Punycode (RFC 3492) and its use for domain names (IDNA labels with the "xn--" prefix): punycode_from_string,
// punycode_to_string, punycode_domain_to_string, punycode_domain_from_string. Written from the RFC's algorithm.
// Browser-safe: no Node modules.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** A digit's character: a..z for 0..25, 0..9 for 26..35 (RFC 3492 §5, lower case). */
function digitChar(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** A character's digit value, either case, or -1. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return -1;
}

/**
 * Encodes a string (RFC 3492): its ASCII characters first, then "-" when there were any, then the encoded insertions
 * (punycode-from-string-function.md: "académie-française" → "acadmie-franaise-npb1a"). Null on overflow.
 * [U] A string without non-ASCII characters still gets the "-" delimiter ("abc" → "abc-"), as the RFC specifies.
 */
export function punycodeEncode(input: string): string | null {
  const cps = Array.from(input, (c) => c.codePointAt(0)!);
  let out = '';
  for (const c of cps) if (c < 0x80) out += String.fromCharCode(c);
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < cps.length) {
    let m = MAX_INT;
    for (const c of cps) if (c >= n && c < m) m = c;
    if ((m - n) > Math.floor((MAX_INT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of cps) {
      if (c < n && ++delta > MAX_INT) return null;
      if (c === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          out += digitChar(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digitChar(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

/**
 * Decodes punycode (RFC 3492): the text before the last "-" is copied, the rest inserts characters
 * (punycode-to-string-function.md: "acadmie-franaise-npb1a" → "académie-française"). Null when the input is not
 * valid punycode (a non-ASCII character, a bad digit, an overflow, a code point out of range).
 */
export function punycodeDecode(input: string): string | null {
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) >= 0x80) return null;
  const delim = input.lastIndexOf('-');
  const output = delim > 0 ? Array.from(input.slice(0, delim), (c) => c.codePointAt(0)!) : [];
  let i = 0;
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  for (let pos = delim > 0 ? delim + 1 : 0; pos < input.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit < 0 || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (Math.floor(i / len) > MAX_INT - n) return null;
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Label separators of IDNA: the full stop and its ideographic, fullwidth and halfwidth forms. */
const LABEL_SEPARATORS = /[.\u3002\uff0e\uff61]/;

/**
 * punycode_domain_to_string (punycode-domain-to-string-function.md): each label with a non-ASCII character becomes
 * "xn--" and its punycode, others stay; labels are joined with "." (the page: 'Lê Lợi。Thuận Thiên。com' →
 * 'xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com': no case mapping or other normalisation). Null when a label fails.
 */
export function punycodeDomainEncode(domain: string): string | null {
  const labels: string[] = [];
  for (const label of domain.split(LABEL_SEPARATORS)) {
    if (/^[\x00-\x7f]*$/.test(label)) labels.push(label);
    else {
      const encoded = punycodeEncode(label);
      if (encoded === null) return null;
      labels.push('xn--' + encoded);
    }
  }
  return labels.join('.');
}

/**
 * punycode_domain_from_string (punycode-domain-from-string-function.md): labels starting with "xn--" (any case [U])
 * are decoded, others stay ("xn--Ge-mia.Bulg.edu" → "Gáe.Bulg.edu"). Null when a label does not decode.
 */
export function punycodeDomainDecode(domain: string): string | null {
  const labels: string[] = [];
  for (const label of domain.split('.')) {
    if (label.slice(0, 4).toLowerCase() !== 'xn--') labels.push(label);
    else {
      const decoded = punycodeDecode(label.slice(4));
      if (decoded === null) return null;
      labels.push(decoded);
    }
  }
  return labels.join('.');
}
