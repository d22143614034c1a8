/** `npm start`: runs the built board in Electron, or says plainly why it cannot and what to run instead. */

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main/electron/main.js', import.meta.url));
const ELECTRON_PACKAGE = fileURLToPath(new URL('../node_modules/electron/package.json', import.meta.url));

/** The Electron executable, or undefined when the npm package is there but its binary is not. */
function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    // Outside Node, 'electron' is only the path of the binary it downloaded; no Electron API is used here.
    // eslint-disable-next-line tavla/layer-fence -- only the electron package knows where its binary is
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // the package throws when its install step never downloaded the binary
  }
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(ELECTRON_PACKAGE, 'utf8')).version;
  } catch {
    return 'see package.json';
  }
}

const binary = electronBinary();
if (binary === undefined) {
  process.stderr.write(
    [
      `The Electron binary is not installed (it is downloaded from the internet at install time, which this machine cannot reach).`,
      `  Missing: the Electron ${electronVersion()} executable under node_modules/electron/dist/.`,
      `  To get it, on a machine with internet access run:  node node_modules/electron/install.js`,
      `  The same board runs without Electron, headless, and is opened in a browser:`,
      `    npx tavla board --municipality <id> --unit <id>`,
      `  See docs/deploy.md.`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}
if (!existsSync(MAIN)) {
  process.stderr.write(`The board is not built (${MAIN} is missing): run \`npm run build\` first.\n`);
  process.exit(1);
}

// A terminal inside another Electron app (e.g. VS Code) may set this; it would start Electron as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [MAIN, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`Could not start Electron (${binary}): ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
