// parse_path(): splits a file path into the bag
//   Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName
// (all strings, "" when absent, in that order — docs: parse-path-function.md, whose five examples are the tests).
// Both separators ('\' and '/') are accepted, in any mix.
//
// Rules read off the doc examples:
// - `scheme://` is stripped and reported as Scheme ("file://C:/temp/file.txt:some.exe" → "file").
// - RootPath is a drive "X:" at the start ("C:"), else "" (UNC "\\shared\…" and "/usr/…" have no RootPath).
// - DirectoryPath is everything before the last separator, without that separator ("C:\temp", "\\shared\users\temp").
// - DirectoryName is the last segment of DirectoryPath.
// - Filename is after the last separator; a ':' in it starts the alternate data stream ("file.txt:some.exe").
// - Extension is after the last '.' of Filename, without the dot ("file.txt.gz" → "gz").
// Undocumented corners, chosen to follow .NET's System.IO.Path (which Kusto runs on):
// - [U] A separator right after the root keeps it: "C:\file.txt" → DirectoryPath "C:\", "/file.txt" → "/";
//   DirectoryName is then "".
// - [U] The long-path prefix "\\?\" is skipped when looking for the drive, and kept in DirectoryPath.
// - [U] The first ':' of Filename starts the stream name; ".bashrc" has Extension "bashrc".

import type { DynamicBag } from './types.js';
import { makeBag } from './dynamic.js';

export function parsePath(path: string): DynamicBag {
  let scheme = '';
  let body = path;
  const schemeEnd = scanScheme(path);
  if (schemeEnd > 0) {
    scheme = path.slice(0, schemeEnd);
    body = path.slice(schemeEnd + 3);
  }

  let rootAt = 0;
  if (body.startsWith('\\\\?\\') || body.startsWith('//?/')) rootAt = 4;
  let rootPath = '';
  let rootEnd = 0; // index just past the root, where the first directory or file name can start
  if (body.length >= rootAt + 2 && isAsciiLetter(body.charCodeAt(rootAt)) && body.charCodeAt(rootAt + 1) === 58) {
    rootPath = body.slice(rootAt, rootAt + 2);
    rootEnd = rootAt + 2;
  }

  const lastSep = Math.max(body.lastIndexOf('/'), body.lastIndexOf('\\'));
  let directoryPath: string;
  let directoryName: string;
  let fileSection: string;
  if (lastSep < rootEnd) {
    // No separator after the root: "file.txt" or "C:file.txt".
    directoryPath = body.slice(0, rootEnd);
    directoryName = '';
    fileSection = body.slice(rootEnd);
  } else {
    directoryPath = body.slice(0, lastSep);
    fileSection = body.slice(lastSep + 1);
    if (lastSep === rootEnd && (rootEnd > 0 || lastSep === 0)) {
      // The directory is the root itself: keep its separator, it has no name.
      directoryPath = body.slice(0, lastSep + 1);
      directoryName = '';
    } else {
      const prevSep = Math.max(directoryPath.lastIndexOf('/'), directoryPath.lastIndexOf('\\'));
      directoryName = directoryPath.slice(prevSep + 1);
    }
  }

  const colonAt = fileSection.indexOf(':');
  const filename = colonAt < 0 ? fileSection : fileSection.slice(0, colonAt);
  const streamName = colonAt < 0 ? '' : fileSection.slice(colonAt + 1);
  const dotAt = filename.lastIndexOf('.');
  const extension = dotAt < 0 ? '' : filename.slice(dotAt + 1);

  return makeBag([
    ['Scheme', scheme],
    ['RootPath', rootPath],
    ['DirectoryPath', directoryPath],
    ['DirectoryName', directoryName],
    ['Filename', filename],
    ['Extension', extension],
    ['AlternateDataStreamName', streamName],
  ]);
}

/** Index of the ':' of a leading `scheme://` (RFC 3986 scheme characters), or -1. */
function scanScheme(s: string): number {
  const n = s.length;
  if (n === 0 || !isAsciiLetter(s.charCodeAt(0))) return -1;
  let i = 1;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) i++;
    else break;
  }
  return s.charCodeAt(i) === 58 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47 ? i : -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
