import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../main/cli/options.js';

describe('command line of patient flow', () => {
  it('takes one file or folder for import-plo, with its flags', () => {
    expect(parseCommandLine(['import-plo', 'in/', '--municipality', 'fjordvik', '--data', '.tavla/hub', '--unit', 'tildeling'])).toEqual({
      role: 'import-plo',
      path: 'in/',
      options: { municipality: 'fjordvik', data: '.tavla/hub', unit: 'tildeling' },
    });
  });

  it('gives the hub a PLO inbox', () => {
    expect(parseCommandLine(['hub', '--municipality', 'fjordvik', '--plo-inbox', '/srv/plo'])).toEqual({
      role: 'hub',
      options: { municipality: 'fjordvik', ploInbox: '/srv/plo' },
    });
  });

  it.each([[['import-plo']], [['import-plo', 'a.xml', 'b.xml']], [['import-plo', 'a.xml', '--bogus']], [['hub', '--plo-inbox']], [['board', 'a.xml']]])(
    'refuses %j with a usage error',
    (argv) => {
      expect(() => parseCommandLine(argv)).toThrow(UsageError);
    },
  );
});
