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

export const formatFunctions: readonly ScalarFunctionDef[] = [
  simple({ name: 'parse_xml', resultName: 'first-argument', params: ['string'], returns: 'dynamic', row: (x) => parseXml(str(x)), docs: 'parse-xml-function', doc: 'Converts XML text to a dynamic value (attributes as "@name", text beside children as "#text", repeated elements as arrays); null when not well-formed.', example: 'print parse_xml("<e name=\\"value\\">text</e>")' }),
  extractJsonDef,
];
