import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../main/cli/options.js';
import { main } from '../../../main/cli/tavla.js';

describe('tavla command line', () => {
  it('parses a role and its flags', () => {
    expect(parseCommandLine(['board', '--municipality', 'fjordvik', '--unit', 'solsiden', '--port', '0', '--broker', 'mqtt://127.0.0.1:1883'])).toEqual({
      role: 'board',
      options: { municipality: 'fjordvik', unit: 'solsiden', port: 0, broker: 'mqtt://127.0.0.1:1883' },
    });
  });

  it('parses the hub\'s multi-word flags into the same names a configuration file uses', () => {
    expect(
      parseCommandLine(['hub', '--municipality', 'fjordvik', '--broker-port', '0', '--plo-inbox', 'inbox', '--leader-port', '4701', '--leader-screen-port', '4702', '--leader-host', '10.0.4.2']),
    ).toEqual({
      role: 'hub',
      options: { municipality: 'fjordvik', brokerPort: 0, ploInbox: 'inbox', leaderPort: 4701, leaderScreenPort: 4702, leaderHost: '10.0.4.2' },
    });
  });

  it('takes the warehouse as a PostgreSQL URL, and names the flag when it is not one', () => {
    expect(parseCommandLine(['hub', '--municipality', 'fjordvik', '--warehouse', 'postgres://tavla@db.kommune.no:5432/tavla'])).toEqual({
      role: 'hub',
      options: { municipality: 'fjordvik', warehouse: 'postgres://tavla@db.kommune.no:5432/tavla' },
    });
    expect(() => parseCommandLine(['hub', '--warehouse', 'mysql://db/tavla'])).toThrow(/--warehouse: a postgres:\/\/user@host:port\/database URL/);
  });

  it.each([
    [['hub', '--leader-port', 'all']],
    [['hub', '--leader-host', 'http://10.0.4.2/']],
    [['board', '--bogus']],
    [['board', '--port', 'eighty']],
    [['board', '--port', '70000']],
    [['board', '--unit', 'Has Spaces']],
    [['board', '--broker', 'http://example']],
    [['fly']],
    [['board', 'extra']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
  });

  it('exits with code 2 and prints usage on stderr for an invalid flag', async () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['board', '--nope'])).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(written.join('')).toMatch(/Usage: tavla/);
  });

  it('asks for the options a role cannot run without', async () => {
    const original = process.stderr.write.bind(process.stderr);
    let text = '';
    process.stderr.write = ((chunk: string) => ((text += chunk), true)) as typeof process.stderr.write;
    try {
      expect(await main(['board', '--municipality', 'fjordvik'])).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(text).toMatch(/needs --unit/);
  });
});
