/** The request guard's rules one by one: which Host names, Origins, content types and paths pass. */

import { writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../main/cli/options.js';
import { tempDir } from '../support/temp-dir.js';
import { decodedPath, hostAllowed, hostNamesFor, isJsonContentType, originAllowed } from '../../main/host/request-guard.js';

describe('the names a host answers to', () => {
  it('on loopback: 127.0.0.1, localhost and [::1] on its own port, and nothing of the network', () => {
    const names = hostNamesFor('127.0.0.1', 4780);
    for (const host of ['127.0.0.1:4780', 'localhost:4780', '[::1]:4780', '[0:0:0:0:0:0:0:1]:4780', 'LOCALHOST:4780']) expect(hostAllowed(host, names), host).toBe(true);
    for (const host of ['127.0.0.1:4781', '127.0.0.1', 'localhost.:4780', `${hostname()}:4780`, 'evil.example:4780', '127.0.0.2:4780', '', ' 127.0.0.1:4780', '127.0.0.1:4780/x', 'user@127.0.0.1:4780']) {
      expect(hostAllowed(host, names), host).toBe(false);
    }
    expect(hostAllowed(undefined, names)).toBe(false);
  });

  it('on every interface: also this machine\'s name and its interface addresses', () => {
    const names = hostNamesFor('0.0.0.0', 4701, ['tavla-hub.fjordvik.test']);
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address)).filter((a) => !a.includes('%'));
    for (const address of ['127.0.0.1', 'localhost', hostname(), 'tavla-hub.fjordvik.test', ...addresses]) {
      const host = address.includes(':') ? `[${address}]:4701` : `${address}:4701`;
      expect(hostAllowed(host, names), host).toBe(true);
    }
    expect(hostAllowed('evil.example:4701', names)).toBe(false);
  });

  it('on one address: that address, the machine\'s name and configured names, not loopback', () => {
    const names = hostNamesFor('10.0.4.2', 4701, ['tavla-hub.fjordvik.test']);
    expect(hostAllowed('10.0.4.2:4701', names)).toBe(true);
    expect(hostAllowed('TAVLA-HUB.fjordvik.test:4701', names)).toBe(true);
    expect(hostAllowed('localhost:4701', names)).toBe(false);
  });

  it('port 80 may be left out, as browsers do', () => {
    const names = hostNamesFor('127.0.0.1', 80);
    expect(hostAllowed('localhost', names)).toBe(true);
    expect(hostAllowed('localhost:80', names)).toBe(true);
  });
});

describe('origins, content types and paths', () => {
  it('an Origin passes only as the very origin of the Host it was sent to, parsed', () => {
    const names = hostNamesFor('127.0.0.1', 4780);
    expect(originAllowed(undefined, '127.0.0.1:4780', names)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4780', '127.0.0.1:4780', names)).toBe(true);
    expect(originAllowed('http://LOCALHOST:4780', 'localhost:4780', names)).toBe(true);
    for (const origin of ['null', 'http://127.0.0.1:4781', 'https://127.0.0.1:4780', 'http://127.0.0.1:4780.evil.example', 'http://evil.example/127.0.0.1:4780', 'http://localhost:4780', 'garbage', '']) {
      expect(originAllowed(origin, '127.0.0.1:4780', names), origin).toBe(false);
    }
    expect(originAllowed('http://127.0.0.1:4780', undefined, names)).toBe(false);
  });

  it("behind a reverse proxy: the proxy's configured origin, for the Host it forwards, and no other", () => {
    const names = hostNamesFor('0.0.0.0', 4701, ['https://tavla.fjordvik.test']);
    expect(hostAllowed('tavla.fjordvik.test', names)).toBe(true);
    expect(hostAllowed('tavla.fjordvik.test:4701', names)).toBe(false);
    expect(originAllowed('https://tavla.fjordvik.test', 'tavla.fjordvik.test', names)).toBe(true);
    expect(originAllowed('https://tavla.fjordvik.test', `${hostname()}:4701`, names)).toBe(false);
    for (const origin of ['https://tavla.fjordvik.test:8443', 'https://evil.example', 'https://tavla.fjordvik.test.evil.example']) {
      expect(originAllowed(origin, 'tavla.fjordvik.test', names), origin).toBe(false);
    }
  });

  it('JSON is application/json, in UTF-8 if a charset is given', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;CHARSET="UTF-8"', 'application/json;']) expect(isJsonContentType(type), type).toBe(true);
    for (const type of [undefined, '', 'text/plain', 'application/jsonx', 'application/json5', 'text/json', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      expect(isJsonContentType(type), String(type)).toBe(false);
    }
  });

  it('a path decodes once, or not at all when its encoding is broken or it holds NUL', () => {
    expect(decodedPath('/assets/app.js?x=%zz')).toBe('/assets/app.js');
    expect(decodedPath('/k%C3%B8')).toBe('/kø');
    expect(decodedPath('/%252e%252e')).toBe('/%2e%2e');
    for (const path of ['/%E0%A4%A', '/%', '/%zz', '/%C0%AF', '/a%00b', '//']) expect(decodedPath(path), path).toBeUndefined();
  });
});

describe('--host-names', () => {
  it('takes names repeated or comma-separated, from flags or the config file, and refuses anything else', () => {
    const parsed = parseCommandLine(['hub', '--municipality', 'fjordvik', '--host-names', 'tavla-hub.fjordvik.test, tavla-hub,', '--host-names', 'https://tavla.fjordvik.test']);
    expect(parsed !== 'help' && parsed.options.hostNames).toEqual(['tavla-hub.fjordvik.test', 'tavla-hub', 'https://tavla.fjordvik.test']);
    for (const bad of ['evil.example/x', 'a b', 'user@host', 'tavla-hub:8080', 'ftp://tavla.fjordvik.test', 'https://tavla.fjordvik.test/path', 'https://user@tavla.fjordvik.test']) {
      expect(() => parseCommandLine(['hub', '--municipality', 'fjordvik', '--host-names', bad]), bad).toThrow(/--host-names: host names/);
    }
  });

  it('takes hostNames from a config file as a list or one string', () => {
    const dir = tempDir('tavla-host-names-');
    try {
      for (const [value, expected] of [[['a.fjordvik.test', 'https://b.fjordvik.test'], ['a.fjordvik.test', 'https://b.fjordvik.test']], ['a.fjordvik.test,c', ['a.fjordvik.test', 'c']]] as const) {
        const file = join(dir.path, 'hub.json');
        writeFileSync(file, JSON.stringify({ municipality: 'fjordvik', hostNames: value }));
        const parsed = parseCommandLine(['hub', '--config', file]);
        expect(parsed !== 'help' && parsed.options.hostNames).toEqual(expected);
      }
      writeFileSync(join(dir.path, 'bad.json'), JSON.stringify({ municipality: 'fjordvik', hostNames: [42] }));
      expect(() => parseCommandLine(['hub', '--config', join(dir.path, 'bad.json')])).toThrow(/--host-names/);
    } finally {
      dir.remove();
    }
  });
});
