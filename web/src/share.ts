// Shareable links: the query, its `now` and small dropped files, compressed (deflate) into the URL's fragment.
// A fragment never reaches a server (browsers do not send it), so opening the link sends nothing anywhere either.

export interface SharedState {
  readonly query: string;
  readonly now?: string;
  /** Dropped files small enough to travel in the link, as text. */
  readonly files?: readonly { name: string; text: string }[];
}

const PREFIX = '#kql=';
/** Dropped data larger than this (as text) stays out of links: browsers and chat tools cut very long URLs. */
export const MAX_INLINE_DATA_CHARS = 64 * 1024;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state in a fragment, or undefined when there is none; throws when the fragment is damaged. */
export async function decodeState(hash: string): Promise<SharedState | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const json = new TextDecoder().decode(await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw')));
  const value = JSON.parse(json) as SharedState;
  if (typeof value?.query !== 'string') throw new Error('the link holds no query');
  return value;
}
