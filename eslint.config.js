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
    messages: { fenced: '{{layer}} may not import {{what}}: {{why}} (DESIGN.md §2).' },
  },
  create(context) {
    const { layer, why, builtins = false, electron = false, folders = [] } = context.options[0];
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

const fence = (files, options, ignores = []) => ({
  files,
  ignores,
  plugins: { tavla: { rules: { 'layer-fence': layerFence } } },
  rules: { 'tavla/layer-fence': ['error', options] },
});

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
  fence(['main/**'], { layer: 'main/', why: onlyElectronGlue, electron: true, folders: ['main/electron'] }, ['main/electron/**']),
  // Everything else but tests (which may import anything): tooling, scripts, bin, bench.
  fence(['**/*.{js,mjs,cjs,ts,mts,cts,svelte}'], { layer: 'this file', why: onlyElectronGlue, electron: true }, [
    'shared/**',
    'renderer/**',
    'main/**',
    'test/**',
  ]),
  fence(rendererTooling, { layer: 'this file', why: onlyElectronGlue, electron: true }),
);
