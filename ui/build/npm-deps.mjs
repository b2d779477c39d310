// Runs `npm ci` when node_modules is missing or package-lock.json changed since the last install (the build's
// first step, from Maven's exec-maven-plugin, with the machine's own node and npm; no Node download).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = readFileSync(join(ui, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = join(ui, 'node_modules', '.package-lock.sha256');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log('[ui] node_modules is up to date with package-lock.json');
} else {
  console.log('[ui] npm ci');
  execSync('npm ci --no-audit --no-fund', {
    cwd: ui,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  writeFileSync(stamp, hash + '\n');
}
