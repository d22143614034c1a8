#!/usr/bin/env node
/**
 * What `npm test` runs after the build: Vitest, then Playwright, then one summary counted from
 * both JSON reports. The last line is always `N passed, N failed[, N skipped]` for CI to read.
 * Usage: node scripts/run-tests.js [--unit-only | --e2e-only] [test files or folders…]
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const relative = (file) => path.relative(root, path.resolve(root, file));

/** Vitest's JSON report is Jest-shaped: one entry per file, one assertion result per test. */
function countVitest(report) {
  const tally = { passed: 0, failed: 0, skipped: [] };
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'passed') tally.passed += 1;
      else if (test.status === 'failed') tally.failed += 1;
      else tally.skipped.push(`${relative(file.name)} › ${test.fullName}`); // skipped, pending, todo
    }
    // A file that failed to load or in a hook has no failed test of its own; it still failed.
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) tally.failed += 1;
  }
  return tally;
}

/** Playwright's JSON report nests describe blocks as suites; `errors` are failures outside any test. */
function countPlaywright(report) {
  const tally = { passed: 0, failed: report.errors.length, skipped: [] };
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const title = [...titles, spec.title].join(' › ') + (test.projectName ? ` [${test.projectName}]` : '');
        if (test.status === 'expected' || test.status === 'flaky') tally.passed += 1;
        else if (test.status === 'skipped') tally.skipped.push(title);
        else tally.failed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const file of report.suites) walk(file, [file.title]);
  return tally;
}

const runners = [
  {
    name: 'vitest',
    report: 'test-results/vitest.json',
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    count: countVitest,
  },
  // playwright.config.ts writes test-results/playwright.json; an empty e2e folder is not an error.
  { name: 'playwright', report: 'test-results/playwright.json', args: ['test', '--pass-with-no-tests'], count: countPlaywright },
];

/** Runs one runner and counts its report; a missing or unreadable report counts as one failure. */
function run({ name, report, args, count }) {
  const reportPath = path.join(root, report);
  rmSync(reportPath, { force: true }); // a stale report must not stand in for a crashed run
  console.log(`\n── ${name} ${args.join(' ')}`);
  const child = spawnSync(path.join(root, 'node_modules', '.bin', name), args, { cwd: root, stdio: 'inherit' });
  const exitCode = child.error || child.status === null ? 1 : child.status;
  let tally;
  try {
    tally = count(JSON.parse(readFileSync(reportPath, 'utf8')));
  } catch (error) {
    console.log(`${name}: no usable report at ${report} (${child.error?.message ?? error.message}); counted as 1 failed`);
    return { name, exitCode: exitCode || 1, passed: 0, failed: 1, skipped: [] };
  }
  if (exitCode !== 0 && tally.failed === 0) {
    console.log(`${name}: exited with ${exitCode} though its report shows no failed test; counted as 1 failed`);
    tally.failed = 1;
  }
  return { name, exitCode, ...tally };
}

let flags;
try {
  const parsed = parseArgs({ options: { 'unit-only': { type: 'boolean' }, 'e2e-only': { type: 'boolean' } }, allowPositionals: true });
  flags = parsed.values;
  if (flags['unit-only'] && flags['e2e-only']) throw new Error('--unit-only and --e2e-only exclude each other');
  // Files or folders narrow each runner to those tests (both runners take them as filters).
  for (const runner of runners) runner.args.push(...parsed.positionals);
} catch (error) {
  console.error(`${error.message}\nUsage: node scripts/run-tests.js [--unit-only | --e2e-only] [test files or folders…]`);
  process.exit(2);
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const selected = runners.filter((r) => !(flags['unit-only'] && r.name === 'playwright') && !(flags['e2e-only'] && r.name === 'vitest'));
const results = selected.map(run);

const skipped = results.flatMap((r) => r.skipped.map((title) => `${r.name}: ${title}`));
if (skipped.length > 0) console.log(`\nSkipped tests:\n${skipped.map((t) => `  - ${t}`).join('\n')}`);
console.log('');
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped.length} skipped (exit ${r.exitCode})`);

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}`);
process.exitCode = failed > 0 || results.some((r) => r.exitCode !== 0) ? 1 : 0;
