// parse_xml(): XML text → a dynamic value, with the mapping of parse-xml-function.md. The docs' earlier text named
// the library Kusto used, Cheedoong/xml2json (a C++ converter on rapidxml); its documented table and its behaviour
// are what this file reproduces, written from scratch:
//   <e/>                         → {"e": null}
//   <e>text</e>                  → {"e": "text"}
//   <e name="value"/>            → {"e": {"@name": "value"}}
//   <e name="value">text</e>     → {"e": {"#text": "text", "@name": "value"}}
//   <e><a>x</a><b>y</b></e>      → {"e": {"a": "x", "b": "y"}}
//   <e><a>x</a><a>y</a></e>      → {"e": {"a": ["x", "y"]}}     (a repeated child name becomes an array)
//   <e>text<a>x</a></e>          → {"e": {"#text": "text", "a": "x"}}
// Only elements, attributes and text (CDATA included) are translated; comments, processing instructions, the XML
// declaration and a DOCTYPE are skipped (the doc's note). Values are strings: xml2json's numeric option is off by
// default [U: the doc's example shows 118.0 unquoted, a JSON copied from the parse_json page; the table shows text as
// strings].
// Whitespace: a text run made only of whitespace is not a text node; any other text run keeps its surrounding
// whitespace (rapidxml without trimming flags; also .NET's XmlDocument default) [U: the doc's table prints " text "
// as "text", read here as layout].
// Invalid XML gives null. Stricter than rapidxml [U]: closing tags must match, exactly one root element, no text
// outside it, attribute values quoted, '<' never inside an attribute value, known entities only (the five predefined
// ones and numeric character references; an unknown &name; is an error, as in XmlDocument). Input longer than 1 MB
// (UTF-8 bytes) gives null (the doc's note). Empty or whitespace-only input gives null [U].
// Browser-safe: no Node modules.

import type { Dynamic, DynamicBag } from './types.js';
import { makeBag } from './dynamic.js';

/** The doc's limit: inputs longer than 1 MB (1,048,576 bytes) give null. */
export const PARSE_XML_MAX_BYTES = 1_048_576;

/** One parsed node: an element (name, attributes in order, children) or a text run (text or CDATA). */
type XmlNode =
  | { readonly kind: 'element'; readonly name: string; readonly attributes: readonly (readonly [string, string])[]; readonly children: readonly XmlNode[] }
  | { readonly kind: 'text'; readonly text: string; readonly cdata: boolean };

class XmlSyntaxError extends Error {}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Characters that end a name: whitespace and the markup characters around names. */
function endsName(c: string | undefined): boolean {
  return c === undefined || isXmlSpace(c) || c === '/' || c === '>' || c === '=' || c === '<' || c === '?' || c === '"' || c === "'";
}

/** A small recursive-descent reader for the XML subset above; throws XmlSyntaxError on malformed input. */
class XmlReader {
  private i = 0;
  private depth = 0;

  constructor(private readonly s: string) {}

  /** The document's single root element (the prolog and trailing misc skipped). */
  document(): XmlNode & { kind: 'element' } {
    this.skipMisc();
    if (this.s[this.i] !== '<') throw new XmlSyntaxError('expected the root element');
    const root = this.element();
    this.skipMisc();
    if (this.i < this.s.length) throw new XmlSyntaxError('content after the root element');
    return root;
  }

  /** Whitespace, comments, processing instructions (the XML declaration is one) and a DOCTYPE. */
  private skipMisc(): void {
    for (;;) {
      while (isXmlSpace(this.s[this.i])) this.i++;
      if (this.s.startsWith('<?', this.i)) this.skipPast('?>');
      else if (this.s.startsWith('<!--', this.i)) this.skipPast('-->');
      else if (this.s.startsWith('<!DOCTYPE', this.i)) this.skipDoctype();
      else return;
    }
  }

  private skipPast(end: string): void {
    const at = this.s.indexOf(end, this.i + 2);
    if (at < 0) throw new XmlSyntaxError(`unterminated markup, expected ${end}`);
    this.i = at + end.length;
  }

  /** <!DOCTYPE name ... [internal subset] > — skipped whole; quoted strings and the subset may contain '>'. */
  private skipDoctype(): void {
    let bracket = 0;
    for (this.i += 9; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '"' || c === "'") {
        const end = this.s.indexOf(c, this.i + 1);
        if (end < 0) break;
        this.i = end;
      } else if (c === '[') bracket++;
      else if (c === ']') bracket--;
      else if (c === '>' && bracket <= 0) {
        this.i++;
        return;
      }
    }
    throw new XmlSyntaxError('unterminated DOCTYPE');
  }

  private name(): string {
    const start = this.i;
    while (!endsName(this.s[this.i])) this.i++;
    if (this.i === start) throw new XmlSyntaxError('expected a name');
    return this.s.slice(start, this.i);
  }

  private element(): XmlNode & { kind: 'element' } {
    // Deep nesting is bounded so that hostile input cannot overflow the stack.
    if (++this.depth > 1000) throw new XmlSyntaxError('nesting too deep');
    this.i++; // '<'
    const name = this.name();
    const attributes: [string, string][] = [];
    for (;;) {
      const before = this.i;
      while (isXmlSpace(this.s[this.i])) this.i++;
      const c = this.s[this.i];
      if (c === '/' && this.s[this.i + 1] === '>') {
        this.i += 2;
        this.depth--;
        return { kind: 'element', name, attributes, children: [] };
      }
      if (c === '>') {
        this.i++;
        break;
      }
      if (this.i === before) throw new XmlSyntaxError('expected whitespace before an attribute');
      const attr = this.name();
      while (isXmlSpace(this.s[this.i])) this.i++;
      if (this.s[this.i] !== '=') throw new XmlSyntaxError('expected = after an attribute name');
      this.i++;
      while (isXmlSpace(this.s[this.i])) this.i++;
      const q = this.s[this.i];
      if (q !== '"' && q !== "'") throw new XmlSyntaxError('expected a quoted attribute value');
      const end = this.s.indexOf(q, this.i + 1);
      if (end < 0) throw new XmlSyntaxError('unterminated attribute value');
      const raw = this.s.slice(this.i + 1, end);
      if (raw.includes('<')) throw new XmlSyntaxError("'<' in an attribute value");
      attributes.push([attr, decodeEntities(raw)]);
      this.i = end + 1;
    }
    const children = this.content(name);
    this.depth--;
    return { kind: 'element', name, attributes, children };
  }

  /** An element's content up to and including its closing tag. */
  private content(name: string): XmlNode[] {
    const children: XmlNode[] = [];
    for (;;) {
      const start = this.i;
      const lt = this.s.indexOf('<', this.i);
      if (lt < 0) throw new XmlSyntaxError(`element <${name}> is not closed`);
      if (lt > start) {
        const raw = this.s.slice(start, lt);
        // A run of whitespace only is not a text node; other runs keep their whitespace.
        if (!/^[ \t\r\n]*$/.test(raw)) children.push({ kind: 'text', text: decodeEntities(raw), cdata: false });
      }
      this.i = lt;
      if (this.s.startsWith('</', lt)) {
        this.i += 2;
        const closing = this.name();
        while (isXmlSpace(this.s[this.i])) this.i++;
        if (closing !== name || this.s[this.i] !== '>') throw new XmlSyntaxError(`expected </${name}>`);
        this.i++;
        return children;
      }
      if (this.s.startsWith('<![CDATA[', lt)) {
        const end = this.s.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section');
        children.push({ kind: 'text', text: this.s.slice(lt + 9, end), cdata: true });
        this.i = end + 3;
      } else if (this.s.startsWith('<!--', lt)) this.skipPast('-->');
      else if (this.s.startsWith('<?', lt)) this.skipPast('?>');
      else children.push(this.element());
    }
  }
}

/** &lt; &gt; &amp; &quot; &apos; and &#N; / &#xH; references; anything else with '&' is malformed. */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError('unterminated entity reference');
    const named = PREDEFINED_ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!m) throw new XmlSyntaxError(`unknown entity &${body};`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) throw new XmlSyntaxError('invalid character reference');
    return String.fromCodePoint(cp);
  });
}

/** An element's JSON value, following xml2json's cases. */
function elementValue(e: XmlNode & { kind: 'element' }): Dynamic {
  const only = e.children.length === 1 ? e.children[0]! : undefined;
  // A single text child that is not CDATA is the value itself (or "#text" beside the attributes).
  const singleText = only?.kind === 'text' && !only.cdata ? only.text : undefined;
  if (e.attributes.length === 0) {
    if (e.children.length === 0) return null;
    if (singleText !== undefined) return singleText;
  }
  const entries = new Map<string, Dynamic>();
  if (singleText !== undefined) {
    entries.set('#text', singleText);
    for (const [k, v] of e.attributes) entries.set('@' + k, v);
    return makeBag(entries);
  }
  for (const [k, v] of e.attributes) entries.set('@' + k, v);
  // The second occurrence of a name turns its value into an array; later ones are appended. (A single element's or
  // text's value is never an array, so the arrays here are exactly the repeated names.)
  const repeatedNames = new Map<string, Dynamic[]>();
  for (const child of e.children) {
    const key = child.kind === 'text' ? '#text' : child.name;
    const value = child.kind === 'text' ? child.text : elementValue(child);
    const list = repeatedNames.get(key);
    if (list) list.push(value);
    else if (!entries.has(key)) entries.set(key, value);
    else {
      const values = [entries.get(key)!, value];
      repeatedNames.set(key, values);
      entries.set(key, values);
    }
  }
  for (const values of repeatedNames.values()) Object.freeze(values);
  return makeBag(entries);
}

/** The UTF-8 size of a string, without encoding it (a lone surrogate counts as U+FFFD's 3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** parse_xml(): the dynamic value of an XML document, or null when it is not well-formed (see the header). */
export function parseXml(text: string): DynamicBag | null {
  if (text.length === 0 || /^[ \t\r\n]*$/.test(text)) return null;
  if (text.length > PARSE_XML_MAX_BYTES / 3 && utf8Length(text) > PARSE_XML_MAX_BYTES) return null;
  try {
    const root = new XmlReader(text).document();
    return makeBag([[root.name, elementValue(root)]]);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return null;
    throw e;
  }
}
