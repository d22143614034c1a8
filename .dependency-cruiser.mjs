/**
 * The no-cycle check of `npm run lint` (dependency-cruiser): no module reaches itself through its
 * imports anywhere in the repository, type-only imports included — a circle has no bottom layer.
 * There is no baseline: every cycle fails lint.
 */

export default {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'An import circle: break it with a small interface in a file of its own that both sides import ' +
        '(main/hub/hub-context.ts is one), or move what both need below them (docs/architecture.md, "Fences inside main/").',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|release|test-results|playwright-report|\\.tavla|bench/results)/' },
    // Type-only imports are dependencies too: a circle of types still ties two files into one.
    tsPreCompilationDeps: true,
    // Imports name the compiled `.js`; the base tsconfig lets the resolver find the `.ts` beside it.
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.cts', '.mts', '.js', '.cjs', '.mjs', '.svelte', '.json'] },
  },
};
