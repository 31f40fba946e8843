// The distinct strings of a column and their codes, looked up by a range of the file text without cutting a
// substring: a string already in the dictionary (the usual case for device names, action types, users) costs a hash
// over its characters and one comparison, and leaves no garbage behind (a substring per value would be most of what
// a load allocates, and the young-generation collections it causes grow with the table). Open addressing over a
// power-of-two table.

/** Hash of s[a, b): every character of short strings; of long ones the first and last 24 and 16 in between. */
function hashRange(s: string, a: number, b: number): number {
  const n = b - a;
  let h = (n * 0x9e3779b1) | 0;
  if (n <= 64) {
    for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  } else {
    for (let i = a; i < a + 24; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    const step = Math.floor((n - 48) / 16) || 1;
    for (let i = a + 24; i < b - 24; i += step) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    for (let i = b - 24; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

export class StringDictionary {
  /** Code → string. */
  readonly strings: string[] = [];
  private hashes: Int32Array = new Int32Array(64);
  /** Slot → code + 1 (0 = empty). */
  private slots: Int32Array = new Int32Array(128);
  private mask = 127;
  /** Hash of the last range looked up, reused by `add` after a miss. */
  private lastHash = 0;

  get size(): number {
    return this.strings.length;
  }

  /** Code of the string text[a, b), or -1 (then `add` it). */
  find(text: string, a: number, b: number): number {
    const h = hashRange(text, a, b);
    this.lastHash = h;
    const n = b - a;
    const slots = this.slots;
    const hashes = this.hashes;
    const strings = this.strings;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const c = slots[i]! - 1;
      if (c < 0) return -1;
      if (hashes[c] === h) {
        const s = strings[c]!;
        if (s.length === n && text.startsWith(s, a)) return c;
      }
    }
  }

  /** Adds the string just looked up by `find` (and missing); returns its code. */
  add(s: string): number {
    const code = this.strings.length;
    if (code >= this.hashes.length) {
      const h = new Int32Array(this.hashes.length * 2);
      h.set(this.hashes);
      this.hashes = h;
    }
    this.strings.push(s);
    this.hashes[code] = this.lastHash;
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    else this.place(code);
    return code;
  }

  /** Code of `s`, added when new. */
  codeOf(s: string): number {
    const c = this.find(s, 0, s.length);
    return c >= 0 ? c : this.add(s);
  }

  private place(code: number): void {
    for (let i = this.hashes[code]! & this.mask; ; i = (i + 1) & this.mask) {
      if (this.slots[i] === 0) {
        this.slots[i] = code + 1;
        return;
      }
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let c = 0; c < this.strings.length; c++) this.place(c);
  }
}
