/** Lint for TypeScript and Svelte, plus the layer fences of DESIGN.md §2 as a local rule. */

import { isBuiltin } from 'node:module';
import path from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// ESLint's own recommended set, read from the rules' metadata because @eslint/js (which ships the
// same list) is not a devDependency; with it installed this becomes `js.configs.recommended`.
const recommendedNames = [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => name);
const eslintRecommended = { rules: Object.fromEntries(recommendedNames.map((name) => [name, 'error'])) };

/** A string literal module specifier, or undefined when it is computed at run time. */
function specifier(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node?.type === 'TSLiteralType') return specifier(node.literal);
  return undefined;
}

/**
 * Reports an import that crosses this folder's fence. Relative paths are resolved against the
 * file, so `../../main/x.js` is caught however deep the importer sits. Every way to name a
 * module is checked (static, re-export, dynamic, `import()` types, require) so none slips past.
 */
const layerFence = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object' }],
    messages: {
      fenced: '{{layer}} may not import {{what}}: {{why}} (DESIGN.md §2).',
      mapped: '{{layer}} may not import {{what}}: it may import only {{may}} (the fence map in eslint.config.js; docs/architecture.md, "Fences inside main/").',
    },
  },
  create(context) {
    const { layer, why, builtins = false, electron = false, folders = [], main } = context.options[0];
    const dir = path.dirname(context.filename);
    const check = (node) => {
      const spec = specifier(node);
      if (spec === undefined) return;
      let what;
      if (builtins && isBuiltin(spec)) what = `the Node built-in '${spec}'`;
      else if (electron && (spec === 'electron' || spec.startsWith('electron/'))) what = `'${spec}'`;
      else if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(dir, spec)).split(path.sep).join('/');
        const folder = folders.find((f) => target === f || target.startsWith(`${f}/`));
        if (folder) what = `${folder}/ ('${spec}')`;
        else if (main && !mainMayImport(main, target)) {
          const may = [...(main.folder ? [`main/${main.folder}/`] : []), ...main.may.map((m) => `main/${m}${m.endsWith('.ts') ? '' : '/'}`), 'main/*.ts', 'shared/'].join(', ');
          context.report({ node, messageId: 'mapped', data: { layer, what: `${target.split('/').slice(0, 2).join('/')}/ ('${spec}')`, may } });
          return;
        }
      }
      if (what) context.report({ node, messageId: 'fenced', data: { layer, what, why } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportType: (n) => check(n.source ?? n.argument),
      TSExternalModuleReference: (n) => check(n.expression),
      'CallExpression[callee.name="require"]': (n) => check(n.arguments[0]),
    };
  },
};

/**
 * True when a file of main/<folder>/ may import `target` (a repository path): anything outside main/,
 * its own folder, the files at main/'s top (the logger), or a folder or file its row lists.
 */
function mainMayImport({ folder, may }, target) {
  if (!target.startsWith('main/')) return true;
  const inside = target.slice('main/'.length);
  const [top] = inside.split('/');
  if (top === inside || top === folder) return true;
  // Imports name the compiled file (`.js`); a row names the source (`.ts`).
  const stem = (file) => file.replace(/\.[cm]?[jt]s$/, '');
  return may.some((entry) => (entry.endsWith('.ts') ? stem(inside) === stem(entry) : top === entry));
}

// One plugin object: entries that match the same file must name the very same plugin.
const tavlaPlugin = { rules: { 'layer-fence': layerFence } };

const fence = (files, options, ignores = []) => ({
  files,
  ignores,
  plugins: { tavla: tavlaPlugin },
  rules: { 'tavla/layer-fence': ['error', options] },
});

/**
 * The fence map inside main/: what each folder may import of main/ besides itself, the files at
 * main/'s top (the logger) and shared/. A folder or a single file (`hub/hub-context.ts`); the
 * layers run from the store up to the hosts, and nothing imports runtime/ or cli/.
 */
const MAIN_MAP = [
  // The option schema (what a configuration holds): read by every host, depends on nothing of main/.
  { folder: 'config', may: [] },
  // Keyed pseudonyms of identity numbers: the secret is named by the configuration (docs/deploy.md).
  { folder: 'privacy', may: ['config'] },
  // Broker identities and Mosquitto's configuration: openssl and files only.
  { folder: 'provision', may: [] },
  // SQLite, the field store and its read model: no domain; it opens with the clock watch its stamps read.
  { folder: 'store', may: ['sync/clock-watch.ts'] },
  // MQTT sync over the store; the broker credentials are read from the configuration schema.
  { folder: 'sync', may: ['store', 'config'] },
  // The replica core board and hub compose: the store (opened with its clock watch), the change path, dispatch.
  { folder: 'replica', may: ['store', 'sync/clock-watch.ts', 'privacy'] },
  // Domains: the store, the command plumbing and each other; never a host (host/, electron/, runtime/, cli/)
  // nor a role's service (board/, hub/) — the hub's handlers and flow see it through hub/hub-context.ts.
  // The bed loop's two leaves (unit/bed-cleaning.ts, unit/reserved-beds.ts) serve the ward, flow and the leader view;
  // the overview's bed cards chip each patient's next pathway step, read by pathway/pathway-view.ts (a leaf over the store).
  { folder: 'ward', may: ['store', 'replica', 'staff', 'unit/reserved-beds.ts', 'pathway/pathway-view.ts'] },
  { folder: 'unit', may: ['store', 'replica', 'ward', 'pathway'] },
  // Standardised service pathways: templates, deadlines, steps closed by recorded work (task codes).
  { folder: 'pathway', may: ['store', 'replica', 'ward/task-templates.ts'] },
  { folder: 'staff', may: ['store', 'replica', 'ward'] },
  // A PLO discharge starts the home-care unit's pathways (pathway/pathway-plo.ts, issue 16).
  { folder: 'flow', may: ['store', 'replica', 'sync', 'privacy', 'hub/hub-context.ts', 'unit/bed-cleaning.ts', 'pathway/pathway-plo.ts'] },
  // The pathway indicator reads each unit's steps through pathway/pathway-figures.ts (issue 16).
  { folder: 'leader', may: ['store', 'replica', 'hub/hub-context.ts', 'unit/reserved-beds.ts', 'homecare/visit-indicators.ts', 'homehospital/virtual-ward-indicators.ts', 'alarm', 'pathway/pathway-figures.ts'] },
  // Welfare-technology alarms (issue 15): VKP bundles in, the alarm records and their handling.
  { folder: 'alarm', may: ['store', 'replica'] },
  // Home care's visits (issue 15): the store and the command plumbing only.
  { folder: 'homecare', may: ['store', 'replica'] },
  // The virtual ward, hospital at home (issue 17): the store and the command plumbing only.
  { folder: 'homehospital', may: ['store', 'replica', 'privacy'] },
  // The shared emergency reception (issue 17): encounters, each organisation's private scope and log.
  { folder: 'reception', may: ['store', 'replica', 'privacy'] },
  // Roles: a board's and the hub's services compose the replica core and the domains over the store and sync.
  { folder: 'board', may: ['store', 'replica', 'sync', 'config', 'privacy', 'ward', 'unit', 'staff', 'flow', 'homecare', 'pathway', 'alarm', 'homehospital', 'reception'] },
  { folder: 'hub', may: ['store', 'replica', 'sync', 'privacy', 'leader', 'flow'] },
  // The aggregate sink (issue 18): the leader view's figures, from the hub's store into PostgreSQL.
  { folder: 'warehouse', may: ['store', 'leader', 'homecare'] },
  // The one board assembly (CLI, Electron, demo) also starts the board's loopback host.
  { file: 'board/board-assembly.ts', may: ['store', 'replica', 'sync', 'config', 'privacy', 'ward', 'unit', 'staff', 'flow', 'homecare', 'host'] },
  // Synthetic data, seeded through the board's own commands.
  { folder: 'demo', may: ['board', 'replica', 'staff', 'ward', 'store'] },
  // Hosts, from the inside out: the HTTP/WebSocket host serves a board or the hub (and the leader view).
  { folder: 'host', may: ['board', 'hub', 'leader', 'staff', 'store'] },
  // Runtimes start what the CLI asks for and return what started; they print nothing and never read the CLI.
  { folder: 'runtime', may: ['alarm', 'board', 'config', 'demo', 'flow', 'homehospital', 'host', 'hub', 'leader', 'privacy', 'provision', 'store', 'sync', 'warehouse'] },
  // Electron's glue: the one board assembly and the host's renderer files; not runtime/, not cli/.
  { folder: 'electron', may: ['board', 'config', 'host'] },
  // The command line: parses, starts a runtime (or runs a one-off command) and prints.
  { folder: 'cli', may: ['alarm', 'board', 'config', 'flow', 'host', 'hub', 'leader', 'privacy', 'provision', 'runtime', 'store', 'sync'] },
];
const MAIN_FENCES = MAIN_MAP.map(({ folder, file, may }) =>
  file ? { files: [`main/${file}`], folder: file.split('/')[0], may } : { files: [`main/${folder}/**`], folder, may },
);

// Build configs under renderer/ run in Node, not in the page.
const rendererTooling = ['renderer/*.config.ts'];
const onlyElectronGlue = 'only main/electron/ touches Electron, so the host and CLI run without it';

// shared/ sees ECMAScript only (its tsconfig: lib ES2023, no types); every browser or Node global is off limits.
const es = new Set(Object.keys(globals.es2023));
const platformGlobals = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])]
  .filter((name) => !es.has(name))
  .map((name) => ({
    name,
    message: `shared/ is pure TypeScript and may not use the DOM/Node global '${name}'; pass it in from main/ or renderer/ (DESIGN.md §2).`,
  }));

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'release/', 'test-results/', 'playwright-report/']),
  eslintRecommended,
  tseslint.configs.recommended,
  // `const { help: _help, ...rest } = values` is how a key is dropped; the rest is what is used.
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
  svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  // TypeScript checks names itself; typescript-eslint turns no-undef off for .ts, this does it for <script lang="ts">.
  { files: ['**/*.svelte'], rules: { 'no-undef': 'off' } },
  {
    files: ['main/**', 'scripts/**', 'bin/**', 'bench/**', '*.{js,ts}', ...rendererTooling],
    languageOptions: { globals: globals.node },
  },
  { files: ['renderer/**'], ignores: rendererTooling, languageOptions: { globals: globals.browser } },
  { files: ['test/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['shared/**'], languageOptions: { globals: {} }, rules: { 'no-restricted-globals': ['error', ...platformGlobals] } },

  // Layer fences. A later entry for a rule replaces an earlier one, so each file matches at most one.
  fence(['shared/**'], {
    layer: 'shared/',
    why: 'it is pure TypeScript shared by both processes; pass platform capabilities in from main/ or renderer/',
    builtins: true,
    electron: true,
    folders: ['main', 'renderer'],
  }),
  fence(
    ['renderer/**'],
    {
      layer: 'renderer/',
      why: 'the renderer reaches main only through the API client over IPC or WebSocket',
      builtins: true,
      electron: true,
      folders: ['main'],
    },
    rendererTooling,
  ),
  // main/: the fence map, one entry per folder (a file's own row, such as board-assembly's, after its folder's).
  ...MAIN_FENCES.map(({ files, folder, may }) =>
    fence(files, { layer: files[0].replace(/\/\*\*$/, '/'), why: onlyElectronGlue, electron: folder !== 'electron', main: { folder, may } }),
  ),
  // The files at main/'s top (the logger) import no folder of main/.
  fence(['main/*'], { layer: 'main/', why: onlyElectronGlue, electron: true, main: { folder: '', may: [] } }),
  // Everything else but tests (which may import anything): tooling, scripts, bin, bench.
  fence(['**/*.{js,mjs,cjs,ts,mts,cts,svelte}'], { layer: 'this file', why: onlyElectronGlue, electron: true }, [
    'shared/**',
    'renderer/**',
    'main/**',
    'test/**',
  ]),
  fence(rendererTooling, { layer: 'this file', why: onlyElectronGlue, electron: true }),
);
