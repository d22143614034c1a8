#!/usr/bin/env node
// The `tavla` command. The TypeScript sources are compiled to dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main/cli/tavla.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tavla: not built yet. Run `npm run build` in the Tavla folder first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
