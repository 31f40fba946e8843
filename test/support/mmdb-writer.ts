// A minimal MaxMind DB writer for tests (no writer is on npm as a small devDependency): an IPv6 search tree with
// 24-bit records, the data section (maps, strings, doubles, unsigned integers, arrays) and the metadata, as the
// MaxMind DB format spec describes. IPv4 networks go under ::/96, where readers look IPv4 addresses up.

type Value = string | number | { readonly uint: number | bigint; readonly bytes: 2 | 4 | 8 } | readonly Value[] | { readonly [k: string]: Value };

function control(type: number, size: number): number[] {
  const out: number[] = [];
  let sizeBits: number;
  const extra: number[] = [];
  if (size < 29) sizeBits = size;
  else if (size < 285) (sizeBits = 29), extra.push(size - 29);
  else if (size < 65821) (sizeBits = 30), extra.push(((size - 285) >> 8) & 255, (size - 285) & 255);
  else throw new Error('value too large for the test writer');
  if (type <= 7) out.push((type << 5) | sizeBits);
  else out.push(sizeBits, type - 7); // extended type: 0 in the control byte, the type − 7 next
  return [...out, ...extra];
}

function encode(v: Value): number[] {
  if (typeof v === 'string') {
    const bytes = [...new TextEncoder().encode(v)];
    return [...control(2, bytes.length), ...bytes];
  }
  if (typeof v === 'number') {
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, v);
    return [...control(3, 8), ...new Uint8Array(b.buffer)];
  }
  if (Array.isArray(v)) return [...control(11, v.length), ...v.flatMap((x) => encode(x as Value))];
  if ('uint' in v && 'bytes' in v && Object.keys(v).length === 2) {
    const u = v as { uint: number | bigint; bytes: 2 | 4 | 8 };
    const type = u.bytes === 2 ? 5 : u.bytes === 4 ? 6 : 9;
    const bytes: number[] = [];
    for (let i = u.bytes - 1; i >= 0; i--) bytes.push(Number((BigInt(u.uint) >> BigInt(8 * i)) & 255n));
    return [...control(type, u.bytes), ...bytes];
  }
  const entries = Object.entries(v as Record<string, Value>);
  return [...control(7, entries.length), ...entries.flatMap(([k, x]) => [...encode(k), ...encode(x)])];
}

/** A network: the address as a 128-bit number (IPv4 as its 32 bits, placed under ::/96) and its prefix length. */
export interface MmdbNetwork {
  readonly ip: bigint;
  readonly prefix: number;
  readonly ipv4?: boolean;
  readonly data: Value;
}

type Node = { left: Node | number | null; right: Node | number | null };

/** The bytes of a MaxMind DB holding `networks` (data records by index), type `databaseType`. */
export function writeMmdb(networks: readonly MmdbNetwork[], databaseType = 'GeoLite2-City'): Uint8Array {
  const data: number[] = [];
  const offsets: number[] = [];
  for (const n of networks) {
    offsets.push(data.length);
    data.push(...encode(n.data));
  }
  const root: Node = { left: null, right: null };
  networks.forEach((n, k) => {
    const bits = n.ipv4 ? 96 + n.prefix : n.prefix;
    const ip = n.ipv4 ? n.ip : n.ip;
    let node = root;
    for (let i = 0; i < bits; i++) {
      const bit = Number((ip >> BigInt(127 - i)) & 1n);
      const side = bit ? 'right' : 'left';
      if (i === bits - 1) node[side] = k;
      else {
        if (typeof node[side] !== 'object' || node[side] === null) node[side] = { left: null, right: null };
        node = node[side] as Node;
      }
    }
  });
  const nodes: Node[] = [];
  const index = new Map<Node, number>();
  const visit = (n: Node) => {
    index.set(n, nodes.length);
    nodes.push(n);
    for (const c of [n.left, n.right]) if (c && typeof c === 'object') visit(c);
  };
  visit(root);
  const count = nodes.length;
  const record = (r: Node | number | null): number => (r === null ? count : typeof r === 'number' ? count + 16 + offsets[r]! : index.get(r)!);
  const tree: number[] = [];
  for (const n of nodes) for (const r of [record(n.left), record(n.right)]) tree.push((r >> 16) & 255, (r >> 8) & 255, r & 255);
  const metadata = encode({
    node_count: { uint: count, bytes: 4 },
    record_size: { uint: 24, bytes: 2 },
    ip_version: { uint: 6, bytes: 2 },
    database_type: databaseType,
    languages: ['en'],
    binary_format_major_version: { uint: 2, bytes: 2 },
    binary_format_minor_version: { uint: 0, bytes: 2 },
    build_epoch: { uint: 1700000000n, bytes: 8 },
    description: { en: 'kqlite test database' },
  });
  const marker = [0xab, 0xcd, 0xef, ...new TextEncoder().encode('MaxMind.com')];
  return new Uint8Array([...tree, ...new Array<number>(16).fill(0), ...data, ...marker, ...metadata]);
}
