/**
 * `npm start`: opens Debian's Chromium with the built extension on the bundled demo article.
 * With no display it says so in one line, runs the same thing headless, writes screenshots of the
 * highlighted article and the popup into out/, and prints the names spotted.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium, openPopup, serveFixtures, spotted, tabIdOf } from '../test/e2e/harness';

const server = await serveFixtures();
const articleUrl = server.url('/demo/article.html');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (hasDisplay) {
  const { context } = await launchChromium(undefined, { headless: false });
  const page = await context.newPage();
  await page.goto(articleUrl);
  console.log(`ActorLens is loaded; the demo article is at ${articleUrl}. Close the browser to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
} else {
  console.log('No display found ($DISPLAY is unset): running headless and writing screenshots to out/.');
  mkdirSync('out', { recursive: true });
  const { context, worker, extensionId } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(articleUrl);
    const report = await spotted(worker, page);
    await page.screenshot({ path: 'out/article.png' });
    const tabId = await tabIdOf(worker, page);
    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().waitFor();
    await popup.screenshot({ path: 'out/popup.png', fullPage: true });
    await popup.getByRole('button', { name: /Lazarus Group/ }).first().click();
    await popup.locator('.link-row').first().waitFor();
    await popup.locator('.link-row button').first().click();
    await popup.screenshot({ path: 'out/popup-entity.png', fullPage: true });
    const byName = new Map<string, number>();
    for (const m of report.matches) byName.set(m.name, (byName.get(m.name) ?? 0) + m.count);
    console.log(`Spotted in ${report.scanMs.toFixed(1)} ms: ${[...byName].map(([n, c]) => `${n} (${c})`).join(', ')}`);
    console.log('Screenshots: out/article.png, out/popup.png, out/popup-entity.png');
  } finally {
    await context.close();
    await server.close();
  }
}
