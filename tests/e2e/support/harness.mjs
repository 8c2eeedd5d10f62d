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

  // Pages are reused, since the browser tests are bound by CPU: a new page (its own context and
  // renderer process) costs about 0.6 s of CPU here, three times a load of embed.html in a page
  // that exists. close() puts a page back in the pool only if the test changed nothing that
  // outlives a navigation (media, viewport, routes, init scripts, CDP sessions, permissions), and
  // empties it first (its listeners, and a navigation, which also ends its workers).
  const pool = new Map(); // options key -> idle pages
  const blankDocument = () => `${ctx.server.url}favicon.svg`;
  // That image has no icon of its own, so Chromium asks once for /favicon.ico, which the site
  // does not have (its pages name favicon.svg), and the 404 can come after the page is reused.
  const blankIcon = () => `${ctx.server.url}favicon.ico`;

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
    const options = { viewport, colorScheme, deviceScaleFactor };
    const key = !route && !context ? JSON.stringify(options) : null;
    // No service worker unless a test brings its own context: a worker that serves files from
    // its cache would hide the routes a test sets up.
    const page = (key && pool.get(key)?.pop()) ?? (await newPage(context, options));
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url !== blankIcon()) {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    if (route) await route(page);
    page.tainted = !key;
    page.close = async (...args) => {
      if (page.tainted || !(await emptied(page))) return page.realClose(...args);
      if (!pool.has(key)) pool.set(key, []);
      pool.get(key).push(page);
    };
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

  async function newPage(context, options) {
    const page = await (context ?? ctx.browser).newPage({ ...options, serviceWorkers: 'block' });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.realClose = page.close.bind(page);
    if (context) return page; // never reused
    // What a test may change that a navigation keeps: such a page is closed, not reused.
    const taint = (target, methods) => {
      for (const method of methods) {
        const original = target[method].bind(target);
        target[method] = (...args) => {
          page.tainted = true;
          return original(...args);
        };
      }
    };
    taint(page, [
      'addInitScript',
      'emulateMedia',
      'exposeBinding',
      'exposeFunction',
      'route',
      'setDefaultNavigationTimeout',
      'setDefaultTimeout',
      'setExtraHTTPHeaders',
      'setViewportSize',
    ]);
    taint(page.mouse, ['down']);
    taint(page.context(), [
      'addCookies',
      'addInitScript',
      'grantPermissions',
      'newCDPSession',
      'route',
      'setExtraHTTPHeaders',
      'setOffline',
    ]);
    return page;
  }

  /** Leaves `page` as a new one: no listeners, an inert document, no pointer over anything. */
  async function emptied(page) {
    for (const type of ['console', 'pageerror', 'dialog', 'download', 'popup', 'request']) {
      page.removeAllListeners(type);
    }
    try {
      // Not about:blank: its origin is opaque, and a request the last page left (its favicon)
      // could then be refused, with a console error in the next test. An image is inert.
      await page.goto(blankDocument());
      await page.mouse.move(0, 0);
      return true;
    } catch {
      return false;
    }
  }
  return ctx;
}
