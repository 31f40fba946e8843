// Parsing and formatting text formats: XML (parse_xml), JSON paths (extract_json), command lines, CSV records, URL
// percent-encoding, base64 of bytes and guids, data sizes. The value-level semantics live in src/values (xml.ts,
// json-path.ts, command-line.ts, csv.ts, url-encoding.ts, bytes.ts); this file declares the functions.

import { parseXml } from '../../../values/xml.js';
import { parseJsonPath, selectJsonPath } from '../../../values/json-path.js';
import { parseJson } from '../../../values/dynamic.js';
import { dynamicToString } from '../../../values/convert.js';
import type { Dynamic, ScalarType } from '../../../values/types.js';
import { lift } from '../lift.js';
import { simple } from '../simple.js';
import { refuse, type Invoke, type ScalarFunctionDef } from '../types.js';
import { conversionInvoke } from './conversion.js';
import { parseWindowsCommandLine } from '../../../values/command-line.js';
import {
  base64FromBytes,
  base64FromLongArray,
  base64ToGuid,
  base64ToLongArray,
  guidToBytes,
  urlDecode,
  urlEncode,
} from '../../../values/encodings.js';
import { formatBytes } from '../../../values/number-text.js';
import { parseCsvRecord } from '../../../values/csv.js';
import { gzipDecompressBase64, zlibDecompressBase64 } from '../../../values/compression.js';

const str = (v: unknown) => v as string;

/** parse_json's reading of a text, or undefined when the text is not JSON (parseJson then returns the text). */
function jsonDocument(text: string): Dynamic | undefined {
  const v = parseJson(text);
  return typeof v === 'string' && v === text ? undefined : v;
}

/**
 * extract_json(path, text [, typeof(T)]) / extractjson (extract-json-function.md, jsonpath.md): the element the
 * path selects, as text (a string as is; a number, bool, array or bag as tostring() of the dynamic value prints it),
 * then converted to T like extract()'s typeof argument. A path that selects nothing, or text that is not JSON, gives
 * "" (null for a typed result) [U: the page does not say]. The path must be a constant (Microsoft's analyser: "The
 * expression must be a constant"); a path outside the documented subset is refused. [U] typeof(dynamic) gives the
 * selected JSON value itself rather than its text read back.
 */
const extractJsonDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'extract_json',
  aliases: ['extractjson'],
  signature: 'extract_json(path: string constant, json: string [, typeof(T)]) → string or T',
  minArgs: 2,
  maxArgs: 3,
  nulls: 'propagate',
  deterministic: true,
  docs: 'extract-json-function',
  doc: 'The element a JSONPath selects in a JSON text, as a string or converted to the type given.',
  example: `print extract_json("$.name", '{"name": "John", "age": 30}')`,
  resolve(types, ctx) {
    if (types[0] !== 'string') return { arg: 0, expected: 'a JSONPath string', got: types[0]! };
    if (types[1] !== 'string' && types[1] !== 'dynamic') return { arg: 1, expected: 'string', got: types[1]! };
    const path = ctx.constant(0);
    if (path === undefined) return refuse('bind-expected-constant', { what: 'the JSONPath of extract_json' }, 0);
    const parsed = parseJsonPath(str(path.value));
    if ('error' in parsed) return refuse('bind-invalid', { message: `extract_json(): invalid JSONPath '${str(path.value)}': ${parsed.error}` }, 0);
    const want = types.length === 3 ? (ctx.constant(2)?.value as ScalarType | undefined) : 'string';
    if (!want || want === 'decimal') return { arg: 2, expected: 'typeof(<scalar type>)', got: types[2]! };
    const steps = parsed.steps;
    const select = (text: unknown): Dynamic | undefined => {
      const doc = jsonDocument(str(text));
      return doc === undefined ? undefined : selectJsonPath(doc, steps);
    };
    const argTypes = [undefined, types[1] === 'dynamic' ? 'string' : undefined] as const;
    if (want === 'dynamic') {
      const invoke = lift('dynamic', (_p, text) => select(text) ?? null);
      return { returnType: 'dynamic', argTypes: [...argTypes], invoke };
    }
    const asText = lift('string', (_p, text) => {
      const v = select(text);
      return v === undefined ? '' : dynamicToString(v);
    });
    if (want === 'string') return { returnType: 'string', argTypes: [...argTypes], invoke: asText };
    const convert = conversionInvoke('string', want);
    // A path that selects nothing is null, not the conversion of "" (which is null anyway for every type but string).
    const invoke: Invoke = (args, n) => convert([asText(args.slice(0, 2), n)], n);
    return { returnType: want, argTypes: [...argTypes, undefined], invoke };
  },
};

/**
 * parse_command_line(text, parser) (parse-command-line-function.md): "windows" is the only parser type; another
 * constant is refused at the call, a non-constant one is checked per row [U: the page names no error].
 */
const parseCommandLineDef: ScalarFunctionDef = {
  kind: 'scalar',
  name: 'parse_command_line',
  signature: 'parse_command_line(command_line: string, parser_type: string) → dynamic',
  minArgs: 2,
  maxArgs: 2,
  nulls: 'propagate',
  deterministic: true,
  docs: 'parse-command-line-function',
  doc: 'The arguments of a command line as a dynamic array, split the way Windows CommandLineToArgvW splits them.',
  example: 'print parse_command_line("echo \\"hello world!\\"", "windows")',
  resolve(types, ctx) {
    for (let i = 0; i < 2; i++) if (types[i] !== 'string' && types[i] !== 'dynamic') return { arg: i, expected: 'string', got: types[i]! };
    const parser = ctx.constant(1);
    if (parser !== undefined && !isWindowsParser(parser.value)) {
      return refuse('bind-invalid', { message: `parse_command_line(): unknown parser type '${str(parser.value)}': the only one is "windows"` }, 1);
    }
    return {
      returnType: 'dynamic',
      argTypes: types.map((x) => (x === 'dynamic' ? 'string' : undefined)),
      invoke: lift('dynamic', (text, p) => {
        if (!isWindowsParser(p)) throw new Error(`unknown parser type '${str(p)}': the only one is "windows"`);
        return Object.freeze(parseWindowsCommandLine(str(text)));
      }),
    };
  },
};

/** [U] The parser type is matched ignoring case. */
function isWindowsParser(v: unknown): boolean {
  return typeof v === 'string' && v.toLowerCase() === 'windows';
}

export const formatFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'parse_xml', resultName: 'first-argument', params: ['string'], returns: 'dynamic', row: (x) => parseXml(str(x)), docs: 'parse-xml-function', doc: 'Converts XML text to a dynamic value (attributes as "@name", text beside children as "#text", repeated elements as arrays); null when not well-formed.', example: 'print parse_xml("<e name=\\"value\\">text</e>")' }),
  extractJsonDef,
  parseCommandLineDef,
  simple({ name: 'parse_csv', resultName: 'first-argument', params: ['string'], returns: 'dynamic', row: (x) => Object.freeze(parseCsvRecord(str(x))), docs: 'parse-csv-function', doc: 'The fields of one comma-separated record (quoted fields may hold commas, quotes and line feeds) as a string array.', example: `print parse_csv('aa,"b,b,b",cc')` }),
  simple({ name: 'url_encode', params: ['string'], returns: 'string', row: (x) => urlEncode(str(x), true), docs: 'url-encode-function', doc: 'Percent-encodes a URL for transmission (a space becomes "+").', example: "print url_encode(@'https://www.bing.com/hello world')" }),
  simple({ name: 'url_encode_component', params: ['string'], returns: 'string', row: (x) => urlEncode(str(x), false), docs: 'url-encode-component-function', doc: 'Percent-encodes a URL for transmission (a space becomes "%20").', example: "print url_encode_component(@'https://www.bing.com/hello world/')" }),
  simple({ name: 'url_decode', params: ['string'], returns: 'string', row: (x) => urlDecode(str(x)), docs: 'url-decode-function', doc: 'Decodes a percent-encoded URL.', example: "print url_decode(@'https%3a%2f%2fwww.bing.com%2f')" }),
  simple({ name: 'base64_decode_toarray', params: ['string'], returns: 'dynamic', row: (x) => base64ToLongArray(str(x)), docs: 'base64-decode-toarray-function', doc: 'The bytes of a base64 string as an array of longs; null when it is not base64.', example: 'print base64_decode_toarray("S3VzdG8=")' }),
  simple({ name: 'base64_encode_fromarray', params: ['dynamic'], returns: 'string', row: (x) => base64FromLongArray(x as Dynamic), docs: 'base64-encode-fromarray-function', doc: 'Base64 of an array of bytes (integers 0 to 255); "" when the array is not one.', example: 'print base64_encode_fromarray(dynamic([75, 117, 115, 116, 111]))' }),
  simple({ name: 'base64_decode_toguid', params: ['string'], returns: 'guid', row: (x) => base64ToGuid(str(x)), docs: 'base64-decode-toguid-function', doc: 'The guid of 16 base64-encoded bytes (.NET byte order); null otherwise.', example: 'print base64_decode_toguid("8jMxriJurkmwahbmqbIS6w==")' }),
  simple({ name: 'base64_encode_fromguid', params: ['guid'], returns: 'string', row: (g) => base64FromBytes(guidToBytes(str(g))), docs: 'base64-encode-fromguid-function', doc: 'Base64 of a guid\'s 16 bytes (.NET byte order).', example: 'print base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb"))' }),
  simple({ name: 'gzip_decompress_from_base64_string', params: ['string'], returns: 'string', row: (x) => gzipDecompressBase64(str(x)), docs: 'gzip-base64-decompress', doc: 'The UTF-8 text of base64-encoded gzip data (header flags must be 0); "" when it does not decompress.', example: 'print gzip_decompress_from_base64_string("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==")' }),
  simple({ name: 'zlib_decompress_from_base64_string', params: ['string'], returns: 'string', row: (x) => zlibDecompressBase64(str(x)), docs: 'zlib-base64-decompress-function', doc: 'The UTF-8 text of base64-encoded zlib data (window size 15); "" when it does not decompress.', example: 'print zlib_decompress_from_base64_string("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")' }),
  simple({ name: 'format_bytes', resultName: 'first-argument', params: ['real*', 'integer', 'string'], optional: 2, returns: 'string', nulls: 'custom', row: (x, p, u) => (x === null ? null : formatBytes(x as number, p === undefined || p === null ? 0 : Number(p), u === undefined || u === null ? '' : str(u))), docs: 'format-bytes-function', doc: 'A data size in bytes as text with a unit (Bytes, KB, MB... by powers of 1024).', example: 'print format_bytes(10332, 1)' }),
];
