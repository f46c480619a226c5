#!/usr/bin/env node
// npm test — everything: system tools the tests need, type check, unit tests, browser tests.
// On Debian (this project's CI kind) it installs Chromium and xmllint when missing, as root.
// Ends with one line per runner, "<runner>: N passed, N failed", read by CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function ensureDebianPackages() {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return;
  const wanted = [['chromium', 'chromium'], ['xmllint', 'libxml2-utils']].filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg);
  if (!wanted.length) return;
  console.log(`Installing ${wanted.join(', ')} from Debian's packages…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...a) => run(sudo.length ? 'sudo' : 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...lock, ...a], env);
  if (apt('update', '-q').status !== 0 || apt('install', '-y', '-q', '--no-install-recommends', ...wanted).status !== 0) {
    console.error(`Could not install ${wanted.join(', ')}; install them and run npm test again.`);
    process.exit(1);
  }
}

function counts(file, kind) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0) };
  const s = r.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + (r.errors?.length ?? 0) };
}

// Two runs in one folder would delete and rebuild each other's outputs (test-results/) mid-run:
// the second stops at once instead. A run that was killed leaves a lock whose process is gone.
function takeLock() {
  const lock = 'test-results/npm-test.lock';
  mkdirSync('test-results', { recursive: true });
  const holder = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
  let alive = false;
  try {
    alive = holder > 0 && holder !== process.pid && process.kill(holder, 0);
  } catch {
    alive = false;
  }
  if (alive) {
    console.error(`Another npm test (process ${holder}) is running in this folder; wait for it to finish or stop it, then run again.`);
    process.exit(1);
  }
  writeFileSync(lock, String(process.pid));
  process.on('exit', () => rmSync(lock, { force: true }));
}

takeLock();
ensureDebianPackages();
rmSync('test-results/json', { recursive: true, force: true });
mkdirSync('test-results/json', { recursive: true });

const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json']);
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/json/vitest.json']);
const playwright = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/json/playwright.json' });

const v = counts('test-results/json/vitest.json', 'vitest') ?? { passed: 0, failed: 1 };
const p = counts('test-results/json/playwright.json', 'playwright') ?? { passed: 0, failed: 1 };
console.log('');
if (typecheck.status !== 0) console.log('typecheck: failed (see the tsc errors above)');
console.log(`vitest: ${v.passed} passed, ${v.failed} failed`);
console.log(`playwright: ${p.passed} passed, ${p.failed} failed`);
process.exit(typecheck.status === 0 && vitest.status === 0 && playwright.status === 0 && v.failed === 0 && p.failed === 0 ? 0 : 1);
