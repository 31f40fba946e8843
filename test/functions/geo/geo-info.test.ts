// geo_info_from_ip_address over a MaxMind DB generated here (test/support/mmdb-writer.ts), read through the Node
// edge (src/node/geoip.ts, mmdb-lib) — the page's two examples with the records their outputs show, plus the
// database's gaps. Expected bags are the page's outputs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/database.js';
import { KqlError } from '../../../src/diagnostics.js';
import { geoIpLookup, loadGeoIpFile } from '../../../src/node/geoip.js';
import { writeMmdb } from '../../support/mmdb-writer.js';

const names = (en: string) => ({ names: { en, de: `${en} (de)` } });
const bytes = writeMmdb([
  {
    ip: (20n << 24n) | (53n << 16n) | (203n << 8n),
    prefix: 24,
    ipv4: true,
    data: { country: names('Australia'), subdivisions: [names('New South Wales')], city: names('Sydney'), location: { latitude: -33.8715, longitude: 151.2006 } },
  },
  {
    ip: 0x2a032880n << 96n,
    prefix: 32,
    data: { country: names('United States'), subdivisions: [names('Florida')], city: names('Boca Raton'), location: { latitude: 26.3594, longitude: -80.0771 } },
  },
  // A record with a country only: the other parts are null.
  { ip: 7n << 24n, prefix: 8, ipv4: true, data: { country: names('Nowhere') } },
]);

function run(db: Database, text: string): unknown[][] {
  return db.query(text).rows().map((r) => Object.values(r));
}

describe('geo_info_from_ip_address with a GeoIP database', () => {
  const db = new Database({ geoip: geoIpLookup(bytes) });

  it('answers the page\'s IPv4 example', () => {
    expect(run(db, "print ip_location=geo_info_from_ip_address('20.53.203.50')")).toEqual([
      [{ country: 'Australia', state: 'New South Wales', city: 'Sydney', latitude: -33.8715, longitude: 151.2006 }],
    ]);
  });

  it('answers the page\'s IPv6 example', () => {
    expect(run(db, "print ip_location=geo_info_from_ip_address('2a03:2880:f12c:83:face:b00c::25de')")).toEqual([
      [{ country: 'United States', state: 'Florida', city: 'Boca Raton', latitude: 26.3594, longitude: -80.0771 }],
    ]);
  });

  it('reads the bag\'s parts with dynamic access, over rows', () => {
    const rows = run(db, "datatable(ip:string) ['20.53.203.1', '8.8.8.8', '7.1.2.3', 'bad'] | extend g=geo_info_from_ip_address(ip) | project ip, country=tostring(g.country), city=tostring(g.city), lat=todouble(g.latitude)");
    expect(rows).toEqual([
      ['20.53.203.1', 'Australia', 'Sydney', -33.8715],
      // Not in the database, and text that is not an address: null bags.
      ['8.8.8.8', '', '', null],
      // A record without a city or location: those parts are null.
      ['7.1.2.3', 'Nowhere', '', null],
      ['bad', '', '', null],
    ]);
  });

  it('reads a .mmdb file, and names the file when it is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-geoip-'));
    const good = join(dir, 'city.mmdb');
    writeFileSync(good, bytes);
    const fromFile = new Database({ geoip: loadGeoIpFile(good) });
    expect(run(fromFile, "print tostring(geo_info_from_ip_address('20.53.203.50').city)")).toEqual([['Sydney']]);
    const bad = join(dir, 'bad.mmdb');
    writeFileSync(bad, 'not a database');
    expect(() => loadGeoIpFile(bad)).toThrow(/bad\.mmdb: not a MaxMind DB file/);
    expect(() => loadGeoIpFile(join(dir, 'missing.mmdb'))).toThrow(/missing\.mmdb: no such file/);
  });

  it('without a database, says how to give one, at the call', () => {
    try {
      new Database().query("print x=1 | extend g=geo_info_from_ip_address('20.53.203.50')");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KqlError);
      const d = (e as KqlError).diagnostics[0]!;
      expect(d.message).toMatch(/no GeoIP database: give a MaxMind GeoLite2-City file with --geoip FILE\.mmdb/);
      expect(d.span.start).toBe("print x=1 | extend g=".length);
    }
  });
});

describe('kqlite --geoip FILE', () => {
  async function cli(args: string[]) {
    const { main } = await import('../../../src/cli.js');
    let out = '';
    let err = '';
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdin: () => '' });
    return { code, out, err };
  }

  it('answers from the file given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlite-geoip-cli-'));
    const file = join(dir, 'city.mmdb');
    writeFileSync(file, bytes);
    const r = await cli(['run', '--geoip', file, '--query', "print c=tostring(geo_info_from_ip_address('20.53.203.50').state)", '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).rows).toEqual([['New South Wales']]);
  });

  it('without one, the error says how to give one', async () => {
    const r = await cli(['run', '--query', "print g=geo_info_from_ip_address('20.53.203.50')"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--geoip FILE\.mmdb/);
  });

  it('a file that is not a database is a usage error naming it', async () => {
    const r = await cli(['run', '--geoip', '/nonexistent/city.mmdb', '--query', 'print 1']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--geoip \/nonexistent\/city\.mmdb: no such file/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
