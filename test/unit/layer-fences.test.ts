/** The lint rules that fence the layers (DESIGN.md §2) reject crossings and accept clean code. */

import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// Virtual files: lintText applies the config for `filePath`, so nothing needs to exist on disk.
const crossings: Array<[filePath: string, code: string, expected: string]> = [
  ['shared/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync('x');", "the Node built-in 'node:fs'"],
  ['shared/x.ts', "import path from 'path';\npath.join('a');", "the Node built-in 'path'"],
  ['shared/x.ts', "import { app } from 'electron';\napp.quit();", "'electron'"],
  ['shared/sync/x.ts', "export { openDatabase } from '../../main/store/database.js';", 'main/'],
  ['shared/x.ts', "export type { Api } from '../renderer/src/api/api.js';", 'renderer/'],
  ['shared/x.ts', 'export const title = (): string => document.title;', "DOM/Node global 'document'"],
  ['shared/x.ts', "window.alert('x');", "DOM/Node global 'window'"],
  ['shared/x.ts', 'export const pid = process.pid;', "DOM/Node global 'process'"],
  ['renderer/src/x.ts', "import { openDatabase } from '../../main/store/database.js';\nopenDatabase();", "main/ ('../../main/store/database.js')"],
  ['renderer/src/api/x.ts', "export * from '../../../main/sync/sync-engine.js';", 'main/'],
  ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nipcRenderer.send('x');", "'electron'"],
  ['renderer/src/x.ts', "import { readFile } from 'fs/promises';\nawait readFile('x');", "the Node built-in 'fs/promises'"],
  [
    'renderer/src/components/X.svelte',
    "<script lang=\"ts\">\n  import { openDatabase } from '../../../main/store/database.js';\n  openDatabase();\n</script>",
    'main/',
  ],
  ['main/ward/x.ts', "import { BrowserWindow } from 'electron';\nnew BrowserWindow();", "'electron'"],
  ['main/ward/x.ts', "export const load = () => import('electron');", "'electron'"],
  ['main/ward/x.ts', "export type Win = import('electron').BrowserWindow;", "'electron'"],
  ['main/ward/x.ts', "export { createWindow } from '../electron/window.js';", 'main/electron/'],
  ['scripts/x.js', "import { app } from 'electron';\napp.quit();", "'electron'"],
];

const cleanCode: Array<[filePath: string, code: string]> = [
  ['shared/sync/x.ts', "import { ok } from '../api/result.js';\nexport const twice = (n: number) => ok(n * 2);"],
  ['renderer/src/x.ts', "import type { Api } from '../../shared/api/contract.js';\nexport const title = (api: Api) => [api, document.title];"],
  ['renderer/src/components/X.svelte', '<script lang="ts">\n  let { name }: { name: string } = $props();\n</script>\n\n<p>{name}</p>'],
  ['main/ward/x.ts', "import { readFileSync } from 'node:fs';\nimport { ok } from '../../shared/api/result.js';\nexport const read = () => ok(readFileSync('x'));"],
  ['main/electron/x.ts', "import { app } from 'electron';\nimport { openDatabase } from '../store/database.js';\nexport const start = () => [app, openDatabase];"],
  ['test/unit/x.test.ts', "import { app } from 'electron';\nimport { openDatabase } from '../../main/store/database.js';\nexport const all = [app, openDatabase, document];"],
];

describe('layer fences', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0].messages;

  it.each(crossings)('%s fails for %j', async (filePath, code, expected) => {
    const messages = await lint(filePath, code);
    const fence = messages.filter((m) => m.ruleId === 'tavla/layer-fence' || m.ruleId === 'no-restricted-globals');
    expect(fence.map((m) => m.message)).toContainEqual(expect.stringContaining(expected));
    expect(fence.every((m) => m.severity === 2)).toBe(true);
  });

  it.each(cleanCode)('%s passes for %j', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
