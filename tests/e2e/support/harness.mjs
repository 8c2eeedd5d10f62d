// One static server and one Chromium for a test file, and pages that record every console
// error, uncaught exception and CSP violation, so each test can assert there were none.
import { after, before } from 'node:test';
import { DIST } from '../../js/support/paths.mjs';
import { startStaticServer } from '../../../build-scripts/lib/static-server.mjs';
import { launchBrowser } from './browser.mjs';

// The policy the issue asks the page to run under, sent as a header on top of the page's own.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";

export function useBrowser() {
  const ctx = {};
  before(async () => {
    ctx.server = await startStaticServer({
      root: DIST,
      headers: { 'Content-Security-Policy': CSP },
    });
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });

  /** Opens `file` (index.html by default) and `hash`, and waits until the app is ready or failed. */
  ctx.open = async (
    hash = '',
    {
      viewport = { width: 1280, height: 900 },
      colorScheme = 'light',
      deviceScaleFactor = 1,
      route,
      context,
      file = '',
    } = {},
  ) => {
    // No service worker unless a test brings its own context: a worker that serves files from
    // its cache would hide the routes a test sets up.
    const page = await (context ?? ctx.browser).newPage({
      viewport,
      colorScheme,
      deviceScaleFactor,
      serviceWorkers: 'block',
    });
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    if (route) await route(page);
    await page.goto(ctx.server.url + file + hash);
    await page.waitForFunction(() =>
      ['ready', 'error'].includes(document.documentElement.dataset.app),
    );
    page.problems = async () => [
      ...problems,
      ...(await page.evaluate(() => window.__cspViolations)).map((v) => `csp: ${v}`),
    ];
    return page;
  };
  return ctx;
}
