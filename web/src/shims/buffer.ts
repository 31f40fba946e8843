// `node:buffer`'s isUtf8 for the library's loader module (only its pure helpers run in the browser).
const strict = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
