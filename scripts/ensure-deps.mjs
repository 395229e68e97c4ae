// Installs what a fresh clone is missing, using only Node built-ins (it runs before node_modules exists).
//  - node_modules: `npm ci` when absent or older than package-lock.json.
//  - with --browsers: Debian's chromium and firefox-esr via apt-get when missing and running as root;
//    otherwise one line saying what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

const lock = 'package-lock.json';
const stamp = 'node_modules/.package-lock.json';
// node_modules linked from another checkout (a worktree sharing one install): npm ci here would empty the linked
// directory (it did: a fresh clone's newer package-lock.json triggered it). Leave it to that checkout.
const linked = existsSync('node_modules') && lstatSync('node_modules').isSymbolicLink();
if (linked) {
  if (!existsSync(stamp)) console.error('actorlens: node_modules is a link to a directory without an install; run npm ci where it points.');
} else if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
  console.log('actorlens: installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (process.argv.includes('--browsers')) {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  const missing = [];
  if (!existsSync(chrome)) missing.push('chromium');
  if (!existsSync(firefox)) missing.push('firefox-esr');
  if (missing.length) {
    const isRoot = process.getuid?.() === 0;
    if (isRoot && existsSync('/usr/bin/apt-get')) {
      console.log(`actorlens: installing ${missing.join(' and ')} with apt-get…`);
      run('apt-get', ['update', '-q']);
      run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing]);
    } else {
      console.error(`actorlens: the browser tests need ${missing.join(' and ')}: run "sudo apt-get install -y ${missing.join(' ')}" (or set CHROME_PATH / FIREFOX_PATH).`);
      process.exit(1);
    }
  }
}
