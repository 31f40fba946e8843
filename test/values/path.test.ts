import { describe, it, expect } from 'vitest';
import { parsePath } from '../../src/values/path.js';
import { dynamicToJson } from '../../src/values/dynamic.js';

// JSON text of the expected bag, keys in the doc's order.
function bag(
  scheme: string,
  root: string,
  dirPath: string,
  dirName: string,
  file: string,
  ext: string,
  ads: string,
): string {
  return JSON.stringify({
    Scheme: scheme,
    RootPath: root,
    DirectoryPath: dirPath,
    DirectoryName: dirName,
    Filename: file,
    Extension: ext,
    AlternateDataStreamName: ads,
  });
}

describe('parsePath', () => {
  // parse-path-function.md: the five rows of the example output.
  it.each([
    ['C:\\temp\\file.txt', bag('', 'C:', 'C:\\temp', 'temp', 'file.txt', 'txt', '')],
    ['temp\\file.txt', bag('', '', 'temp', 'temp', 'file.txt', 'txt', '')],
    ['file://C:/temp/file.txt:some.exe', bag('file', 'C:', 'C:/temp', 'temp', 'file.txt', 'txt', 'some.exe')],
    ['\\\\shared\\users\\temp\\file.txt.gz', bag('', '', '\\\\shared\\users\\temp', 'temp', 'file.txt.gz', 'gz', '')],
    ['/usr/lib/temp/file.txt', bag('', '', '/usr/lib/temp', 'temp', 'file.txt', 'txt', '')],
  ])('doc example %s', (input, expected) => {
    expect(dynamicToJson(parsePath(input))).toBe(expected);
  });

  it('handles files at the root, bare names, trailing separators and empty input', () => {
    expect(dynamicToJson(parsePath('C:\\file.txt'))).toBe(bag('', 'C:', 'C:\\', '', 'file.txt', 'txt', ''));
    expect(dynamicToJson(parsePath('/file'))).toBe(bag('', '', '/', '', 'file', '', ''));
    expect(dynamicToJson(parsePath('file.txt'))).toBe(bag('', '', '', '', 'file.txt', 'txt', ''));
    expect(dynamicToJson(parsePath('C:\\temp\\'))).toBe(bag('', 'C:', 'C:\\temp', 'temp', '', '', ''));
    expect(dynamicToJson(parsePath(''))).toBe(bag('', '', '', '', '', '', ''));
  });

  it('supports long paths, mixed separators and non-ASCII names', () => {
    expect(dynamicToJson(parsePath('\\\\?\\C:\\dir\\a.b.exe'))).toBe(
      bag('', 'C:', '\\\\?\\C:\\dir', 'dir', 'a.b.exe', 'exe', ''),
    );
    expect(dynamicToJson(parsePath('D:/Données\\été/naïve.tar:zone.id'))).toBe(
      bag('', 'D:', 'D:/Données\\été', 'été', 'naïve.tar', 'tar', 'zone.id'),
    );
  });
});
