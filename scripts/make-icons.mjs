// Renders assets/icons/icon.svg to the PNG sizes the manifest names, with Debian's Chromium.
// Run after editing the SVG: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';

const svg = await readFile('assets/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}`);
  await page.screenshot({ path: `assets/icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
