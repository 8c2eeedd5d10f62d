// The security tour: every control of every section and lab driven once, under the page's own
// strict CSP (no header from the server this time), with every request recorded. Zero CSP
// violations, and not a single request to another origin: no CDN, no fonts, no analytics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { DIST } from '../js/support/paths.mjs';
import { launchBrowser } from './support/browser.mjs';

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";
// Buttons that leave the page or wait for the reader: printing opens a dialog.
const SKIP_BUTTON = /^Imprimir$/;

async function tour(page, scope) {
  const counts = { ranges: 0, boxes: 0, selects: 0, radios: 0, buttons: 0, downloads: 0 };
  // Handles, not indexes: a control may add others (softmax's «Añadir logit») or remove itself.
  const controls = await page
    .locator(`${scope} input, ${scope} select, ${scope} button`)
    .elementHandles();
  for (const control of controls) {
    // What it is and whether it can be used now, in one round trip: an earlier control may have
    // shown, hidden or removed it.
    const { usable, kind, label, exports, options } = await control.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return {
        usable:
          el.isConnected &&
          box.width > 0 &&
          box.height > 0 &&
          getComputedStyle(el).visibility !== 'hidden' &&
          !el.matches(':disabled') &&
          el.getAttribute('aria-disabled') !== 'true',
        kind: el.tagName === 'INPUT' ? el.type : el.tagName,
        label: el.textContent.trim(),
        exports: el.classList.contains('export-button'),
        options: [...(el.options ?? [])].map((o) => o.value),
      };
    });
    if (!usable) continue;
    if (kind === 'range') {
      await control.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      counts.ranges += 1;
    } else if (kind === 'checkbox') {
      await control.click();
      await control.click();
      counts.boxes += 1;
    } else if (kind === 'radio') {
      await control.check();
      counts.radios += 1;
    } else if (kind === 'SELECT') {
      await control.selectOption(options.at(-1));
      await control.selectOption(options[0]);
      counts.selects += 1;
    } else if (kind === 'BUTTON') {
      if (SKIP_BUTTON.test(label)) continue;
      // An export button must deliver its file; the others act in place.
      const download = exports
        ? page.waitForEvent('download', { timeout: 20000 }).catch(() => null)
        : null;
      await control.click();
      if (download) {
        if (await download) counts.downloads += 1;
        else {
          const said = await control.evaluate(
            (el) => el.closest('.export-tools')?.querySelector('.export-status')?.textContent,
          );
          throw new Error(`${scope}: "${label}" downloaded nothing (${said})`);
        }
      }
      counts.buttons += 1;
    }
  }
  return counts;
}

describe('the security tour', () => {
  test('every control of every section: no CSP violation, no foreign request', async (t) => {
    const server = await startStaticServer({ root: DIST });
    const browser = await launchBrowser();
    t.after(async () => {
      await browser.close();
      await server.close();
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    // A control that cannot be driven fails the test with its name, instead of hanging it.
    page.setDefaultTimeout(5000);
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      d.dismiss();
    });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    // The policy is the page's first <head> element, exactly as required.
    const first = await page.evaluate(() => {
      const el = document.head.firstElementChild;
      return [el.getAttribute('http-equiv'), el.getAttribute('content')];
    });
    assert.deepEqual(first, ['Content-Security-Policy', POLICY]);

    const sections = await page.locator('section.section').evaluateAll((s) => s.map((x) => x.id));
    const total = { ranges: 0, boxes: 0, selects: 0, radios: 0, buttons: 0, downloads: 0 };
    for (const id of sections) {
      const counts = await tour(page, `#${id}`);
      for (const k of Object.keys(total)) total[k] += counts[k];
    }
    // The training lab's play button was clicked twice; train a moment more for the record.
    await page.waitForTimeout(300);
    console.log(`tour: ${JSON.stringify(total)}, ${requests.length} requests`);
    // What the tour reached (visible controls; hidden code tabs and closed panels are not driven).
    assert.ok(
      total.ranges >= 45 && total.boxes >= 50 && total.selects >= 15,
      JSON.stringify(total),
    );
    assert.ok(total.buttons >= 180 && total.downloads >= 70, JSON.stringify(total));

    // The embed page, too.
    await page.goto(`${server.url}embed.html?lab=entrenamiento`);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    // The map's CSV needs a drawn map: wait for the worker's first result.
    await page.waitForFunction(
      () => Number(document.querySelector('#entrenamiento [data-lab]').dataset.renders) > 0,
    );
    await tour(page, '#entrenamiento');

    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    const foreign = requests.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
    );
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
  });
});
