// Merges locale messages into assets/_locales/en/messages.json in one quick read-modify-write, so several
// people can add strings without clobbering each other. Usage:
//   node scripts/add-messages.mjs '{"key": {"message": "…", "description": "…"}}'
//   node scripts/add-messages.mjs path/to/fragment.json
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const FILE = 'assets/_locales/en/messages.json';
const arg = process.argv[2];
if (!arg) throw new Error('usage: node scripts/add-messages.mjs <json | file>');
const fragment = JSON.parse(existsSync(arg) ? readFileSync(arg, 'utf8') : arg);
for (const [key, value] of Object.entries(fragment)) {
  if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`invalid message key "${key}": only letters, digits and _`);
  if (!value?.message || !value?.description) throw new Error(`message "${key}" needs "message" and "description"`);
}
const current = JSON.parse(readFileSync(FILE, 'utf8'));
const merged = { ...current, ...fragment };
writeFileSync(`${FILE}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
renameSync(`${FILE}.tmp`, FILE);
console.log(`${Object.keys(fragment).length} message(s) merged into ${FILE}`);
