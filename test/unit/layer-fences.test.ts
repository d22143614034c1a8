/** The lint rules that fence the layers (DESIGN.md §2) and the folders inside main/ (the fence map) reject crossings and accept clean code. */

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
  // The fence map inside main/ (eslint.config.js, MAIN_MAP).
  ['main/ward/x.ts', "export { startBoard } from '../runtime/board-runtime.js';", "main/ward/ may not import main/runtime/ ('../runtime/board-runtime.js')"],
  ['main/leader/x.ts', "export const load = () => import('../cli/tavla.js');", 'main/leader/ may not import main/cli/'],
  ['main/flow/x.ts', "export type Host = import('../host/http-host.js').RunningHost;", 'main/flow/ may not import main/host/'],
  ['main/leader/x.ts', "import type { HubService } from '../hub/hub-service.js';\nexport type Hub = HubService;", 'main/leader/ may not import main/hub/'],
  ['main/unit/x.ts', "import { BoardService } from '../board/board-service.js';\nexport const b = BoardService;", 'main/unit/ may not import main/board/'],
  ['main/store/x.ts', "import { wardCommands } from '../ward/ward-commands.js';\nexport const w = wardCommands;", 'main/store/ may not import main/ward/'],
  ['main/store/x.ts', "import { SyncEngine } from '../sync/sync-engine.js';\nexport const s = SyncEngine;", 'main/store/ may not import main/sync/'],
  ['main/config/x.ts', "import { openDatabase } from '../store/database.js';\nexport const o = openDatabase;", 'main/config/ may not import main/store/'],
  ['main/electron/x.ts', "import { startBoard } from '../runtime/board-runtime.js';\nexport const s = startBoard;", 'main/electron/ may not import main/runtime/'],
  ['main/electron/x.ts', "import { parseCommandLine } from '../cli/options.js';\nexport const p = parseCommandLine;", 'main/electron/ may not import main/cli/'],
  ['main/runtime/x.ts', "import { USAGE } from '../cli/options.js';\nexport const u = USAGE;", 'main/runtime/ may not import main/cli/'],
  ['main/runtime/x.ts', "import { openBoard } from '../electron/board-services.js';\nexport const o = openBoard;", 'main/runtime/ may not import main/electron/'],
  ['main/board/board-service.ts', "import { startHost } from '../host/http-host.js';\nexport const h = startHost;", 'main/board/ may not import main/host/'],
  ['main/x.ts', "import { startHub } from './runtime/hub-runtime.js';\nexport const h = startHub;", 'main/ may not import main/runtime/'],
];

const cleanCode: Array<[filePath: string, code: string]> = [
  ['shared/sync/x.ts', "import { ok } from '../api/result.js';\nexport const twice = (n: number) => ok(n * 2);"],
  ['renderer/src/x.ts', "import type { Api } from '../../shared/api/contract.js';\nexport const title = (api: Api) => [api, document.title];"],
  ['renderer/src/components/X.svelte', '<script lang="ts">\n  let { name }: { name: string } = $props();\n</script>\n\n<p>{name}</p>'],
  ['main/ward/x.ts', "import { readFileSync } from 'node:fs';\nimport { ok } from '../../shared/api/result.js';\nexport const read = () => ok(readFileSync('x'));"],
  // Electron's glue is the one place for 'electron', beside the board assembly it opens (its map row).
  ['main/electron/x.ts', "import { app } from 'electron';\nimport { assembleBoard } from '../board/board-assembly.js';\nexport const start = () => [app, assembleBoard];"],
  ['test/unit/x.test.ts', "import { app } from 'electron';\nimport { openDatabase } from '../../main/store/database.js';\nexport const all = [app, openDatabase, document];"],
  ['main/leader/x.ts', "import type { HubContext } from '../hub/hub-context.js';\nimport { logger } from '../log.js';\nexport const use = (hub: HubContext) => [hub, logger];"],
  ['main/board/board-assembly.ts', "import { startHost } from '../host/http-host.js';\nexport const h = startHost;"],
  ['main/electron/x.ts', "import { RoleOptions } from '../config/options.js';\nimport { RENDERER_ROOT } from '../host/http-host.js';\nexport const a = [RoleOptions, RENDERER_ROOT];"],
  ['main/cli/x.ts', "import { startHub } from '../runtime/hub-runtime.js';\nimport { USAGE } from './options.js';\nexport const h = [startHub, USAGE];"],
  ['main/store/x.ts', "import { ClockWatch } from '../sync/clock-watch.js';\nexport const c = ClockWatch;"],
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
