// Values a hostile or careless link can carry, for the URL hash and embed.html's query.
export const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-320',
  '-0',
  '0x10',
  '',
  ' ',
  '%00',
  '\u0000',
  '💥',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '[]',
  '{}',
  '1,2,3,'.repeat(20000),
  'x'.repeat(100000),
];

// A query string reaches the server, which refuses long request lines (Node's limit is 16 KB,
// GitHub Pages' about 8 KB) before the page could see them: keep query values under that. The
// hash never leaves the browser, so it gets the full-size values.
export const HOSTILE_QUERY_VALUES = HOSTILE_VALUES.map((v) => v.slice(0, 600));

/** What a hostile link must never do: add a script or an element with a handler. */
export function injected(page) {
  return page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], img[src="x"], svg[onload]')
      .length,
    dataUrls: [...document.querySelectorAll('a[href], iframe[src]')].filter((e) =>
      /^(javascript|data):/i.test(e.getAttribute('href') ?? e.getAttribute('src')),
    ).length,
  }));
}
