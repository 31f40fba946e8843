import { describe, it, expect } from 'vitest';
import { parseUrl, parseUrlQuery } from '../../src/values/url.js';
import { dynamicToJson } from '../../src/values/dynamic.js';
import type { DynamicBag } from '../../src/values/types.js';

const KEYS = ['Scheme', 'Host', 'Port', 'Path', 'Username', 'Password', 'Query Parameters', 'Fragment'];

function allEmpty(b: DynamicBag): void {
  expect(Object.keys(b)).toEqual(KEYS);
  expect(dynamicToJson(b)).toBe(
    '{"Scheme":"","Host":"","Port":"","Path":"","Username":"","Password":"","Query Parameters":{},"Fragment":""}',
  );
}

describe('parseUrl', () => {
  // parse-url-function.md example (Path with its leading '/', see kql-semantics.md §4).
  it('splits the doc example', () => {
    const b = parseUrl('scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment');
    expect(Object.keys(b)).toEqual(KEYS);
    expect(dynamicToJson(b)).toBe(
      '{"Scheme":"scheme","Host":"host","Port":"1234","Path":"/this/is/a/path","Username":"username",' +
        '"Password":"password","Query Parameters":{"k1":"v1","k2":"v2"},"Fragment":"fragment"}',
    );
  });

  // microsoft/Kusto-Query-Language#112, recorded engine output.
  it('does not split userinfo without a password', () => {
    const b = parseUrl('https://john.doe@www.example.com:123/forum/questions/?tag=networking&order=newest#top');
    expect(dynamicToJson(b)).toBe(
      '{"Scheme":"https","Host":"john.doe@www.example.com","Port":"123","Path":"/forum/questions/","Username":"",' +
        '"Password":"","Query Parameters":{"order":"newest","tag":"networking"},"Fragment":"top"}',
    );
  });

  it('splits an IPv6 literal at the last colon and drops parameters without "="', () => {
    const b = parseUrl('ldap://[2001:db8::7]/c=GB?objectClass?one');
    expect(dynamicToJson(b)).toBe(
      '{"Scheme":"ldap","Host":"[2001:db8:","Port":"7]","Path":"/c=GB","Username":"","Password":"",' +
        '"Query Parameters":{},"Fragment":""}',
    );
  });

  it('gives all-empty fields for schemes without "//"', () => {
    allEmpty(parseUrl('mailto:John.Doe@example.com'));
    allEmpty(parseUrl('news:comp.infosystems.www.servers.unix'));
    allEmpty(parseUrl('tel:+1-816-555-1212'));
    allEmpty(parseUrl('urn:oasis:names:specification:docbook:dtd:xml:4.1.2'));
  });

  it('gives all-empty fields without a scheme or for empty text', () => {
    allEmpty(parseUrl('www.example.com/a'));
    allEmpty(parseUrl(''));
    allEmpty(parseUrl('://host/x'));
    allEmpty(parseUrl(' https://host/'));
  });

  it('keeps case and percent-encoding as written', () => {
    const b = parseUrl('HTTPS://WWW.Example.COM/A%20B/../c?q=a%20b+c&x=1=2#Frag?x');
    expect(b['Scheme']).toBe('HTTPS');
    expect(b['Host']).toBe('WWW.Example.COM');
    expect(b['Port']).toBe('');
    expect(b['Path']).toBe('/A%20B/../c');
    expect(dynamicToJson(b['Query Parameters'] ?? null)).toBe('{"q":"a%20b+c","x":"1=2"}');
    expect(b['Fragment']).toBe('Frag?x');
  });

  it('handles a bare host, a query without a path, and a repeated key', () => {
    const b = parseUrl('https://bing.com');
    expect(b['Host']).toBe('bing.com');
    expect(b['Path']).toBe('');
    const q = parseUrl('http://h:8080?b=1&a=2&b=3');
    expect(q['Host']).toBe('h');
    expect(q['Port']).toBe('8080');
    expect(q['Path']).toBe('');
    expect(dynamicToJson(q['Query Parameters'] ?? null)).toBe('{"a":"2","b":"3"}');
  });

  it('splits user:password@ with an empty host part and non-ASCII text', () => {
    const b = parseUrl('ftp://ü:pä:ss@höst/δ?ключ=значение');
    expect(b['Username']).toBe('ü');
    expect(b['Password']).toBe('pä:ss');
    expect(b['Host']).toBe('höst');
    expect(b['Path']).toBe('/δ');
    expect(dynamicToJson(b['Query Parameters'] ?? null)).toBe('{"ключ":"значение"}');
  });

  it('returns frozen bags', () => {
    const b = parseUrl('https://a/b?c=d');
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b['Query Parameters'])).toBe(true);
  });

  it('stays linear on pathological input', () => {
    const long = 'http://h/?' + 'a&'.repeat(200_000) + '#' + ':'.repeat(200_000);
    const started = Date.now();
    const b = parseUrl(long);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(dynamicToJson(b['Query Parameters'] ?? null)).toBe('{}');
  });
});

describe('parseUrlQuery', () => {
  // parse-url-query-function.md examples.
  it('follows the doc examples', () => {
    expect(dynamicToJson(parseUrlQuery('k1=v1&k2=v2&k3=v3'))).toBe(
      '{"Query Parameters":{"k1":"v1","k2":"v2","k3":"v3"}}',
    );
    const p = parseUrlQuery('view=vs-2019&preserve-view=true')['Query Parameters'] as DynamicBag;
    expect(p['view']).toBe('vs-2019');
    expect(p['preserve-view']).toBe('true');
  });

  it('does not strip a leading "?" and tolerates empty input', () => {
    const p = parseUrlQuery('?view=x')['Query Parameters'] as DynamicBag;
    expect(p['?view']).toBe('x');
    expect(p['view']).toBeUndefined();
    expect(dynamicToJson(parseUrlQuery(''))).toBe('{"Query Parameters":{}}');
    expect(dynamicToJson(parseUrlQuery('=v&k='))).toBe('{"Query Parameters":{"":"v","k":""}}');
  });
});
