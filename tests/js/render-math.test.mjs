// Build-time KaTeX rendering: maths found and rendered, inline styles turned into classes
// (the page's CSP blocks style attributes), loud TeX errors, and woff2-only KaTeX assets.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { copyKatexAssets, renderMath } from '../../build-scripts/site/render-math.mjs';

const LESSON = String.raw`<p>La sigmoide \(\sigma(z) = \frac{1}{1 + e^{-z}}\) y su derivada:</p>
\[
  \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)
\]
<p>\(\operatorname{ELU}(z) = \begin{cases} z &amp; \text{si } z &gt; 0 \\
  \alpha\,(e^{z} - 1) &amp; \text{si } z \le 0 \end{cases}\), \(\sqrt{x^2+b}\)</p>`;

/** The ks-* class names used in class attributes of html, sorted and deduplicated. */
function classesUsed(html) {
  const names = [...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/));
  return [...new Set(names.filter((n) => n.startsWith('ks-')))].sort();
}

function classesDeclared(css) {
  return [...css.matchAll(/^\.katex \.(ks-[0-9a-f]{8})\{[^{}]+\}$/gm)].map((m) => m[1]);
}

test('renders inline and display maths with KaTeX, keeping the MathML and the TeX', () => {
  const { html } = renderMath(LESSON);
  assert.equal(html.match(/<span class="katex">/g).length, 4);
  assert.equal(html.match(/<span class="katex-display">/g).length, 1);
  assert.equal(html.match(/<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/g).length, 4);
  assert.match(html, /<math [^>]*display="block"/);
  assert.ok(
    html.includes(
      '<annotation encoding="application/x-tex">\\sigma(z) = \\frac{1}{1 + e^{-z}}</annotation>',
    ),
  );
  assert.ok(html.startsWith('<p>La sigmoide <span class="katex">'));
  assert.doesNotMatch(html, /\\\(|\\\)|\\\[|\\\]/, 'no delimiter is left behind');
});

// \s: MathML's displaystyle="false" attribute is not a style.
test('leaves no style attribute and declares exactly the classes it uses', () => {
  const { html, css } = renderMath(LESSON);
  assert.doesNotMatch(html, /\sstyle\s*=/i);
  const used = classesUsed(html);
  assert.ok(used.length > 10, `expected many style classes, got ${used.length}`);
  assert.deepEqual(classesDeclared(css), used);
  assert.equal(css.trim().split('\n').length, used.length, 'one rule per line, nothing else');
  assert.match(html, /<span class="katex-strut ks-[0-9a-f]{8}">/, 'appended to an existing class');
  assert.match(html, /<span class="ks-[0-9a-f]{8}">/, 'added where there was no class');
});

test('names each class after a hash of its normalised style', () => {
  const { html, css } = renderMath(String.raw`\(x\)`);
  const style = 'height:0.4306em';
  const name = `ks-${createHash('sha256').update(style).digest('hex').slice(0, 8)}`;
  assert.ok(html.includes(`<span class="katex-strut ${name}">`), html);
  assert.ok(css.includes(`.katex .${name}{height:0.4306em!important}\n`), css);
});

test('is deterministic', () => {
  const first = renderMath(LESSON);
  const second = renderMath(LESSON);
  assert.equal(second.html, first.html);
  assert.equal(second.css, first.css);
  const rules = first.css.trim().split('\n');
  assert.deepEqual(rules, [...rules].sort(), 'rules sorted by class name');
});

test('decodes HTML entities in the TeX', () => {
  const { html } = renderMath(String.raw`<p>\(z &lt; 0 \land a &gt; 1\)</p>`);
  assert.ok(html.includes('<mo>&lt;</mo>'), 'a < relation in the MathML');
  assert.ok(html.includes('<span class="mrel">&lt;</span>'), 'a < relation in the HTML');
  assert.ok(html.includes('<mo>&gt;</mo>'));
  assert.ok(html.includes('<annotation encoding="application/x-tex">z &lt; 0 \\land a &gt; 1'));
});

test('decodes &amp; as the alignment character of environments', () => {
  const { html } = renderMath(String.raw`\[\begin{cases} a &amp; b \\ c &amp; d \end{cases}\]`);
  assert.match(html, /<mtable[^>]*>(?:(?!<\/mtable>).)*<mtd>.*<mtd>/s);
});

test('leaves pre, code, script, style and comments untouched', () => {
  const verbatim = String.raw`<pre>\(x\) and \[y\]</pre>
<code class="tex">\(\frac{1}\)</code>
<script>const s = '\\(';</script>
<style>p::before { content: '\('; }</style>
<!-- \(nope -->`;
  const { html, css } = renderMath(`${verbatim}<p>\\(x\\)</p>`);
  assert.ok(html.startsWith(verbatim), html);
  assert.equal(html.match(/class="katex"/g).length, 1);
  assert.notEqual(css, '');
  assert.deepEqual(renderMath(verbatim), { html: verbatim, css: '' });
});

test('does not mistake an escaped backslash for a delimiter', () => {
  const { html } = renderMath(
    String.raw`\[\begin{aligned} a &amp;= 1 \\[2pt] b &amp;= 2 \end{aligned}\]`,
  );
  assert.equal(html.match(/class="katex"/g).length, 1);
  assert.match(html, /<annotation[^>]*>[^<]*\\\\\[2pt\] b/);
});

test('turns the style of stretchy SVG wrappers into classes too', () => {
  const { html, css } = renderMath(
    String.raw`\(\sqrt{x^2+b} + \overrightarrow{AB} + \widehat{xy}\)`,
  );
  assert.match(html, /<svg [^>]*width="400em"/);
  assert.match(html, /<span class="hide-tail ks-[0-9a-f]{8}">/);
  assert.doesNotMatch(html, /\sstyle\s*=/i);
  assert.match(css, /\{min-width:0\.853em!important;height:1\.08em!important\}/);
});

test('throws on a TeX error, naming the TeX and its line', () => {
  assert.throws(
    () => renderMath('<p>one</p>\n<p>two</p>\n<p>\\(\\frac{1}\\)</p>'),
    (error) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /line 3/);
      assert.ok(error.message.includes('\\frac{1}'), error.message);
      assert.match(error.message, /KaTeX parse error/);
      return true;
    },
  );
});

test('throws on unbalanced delimiters', () => {
  assert.throws(() => renderMath('<p>\n\\(a <b>bold</b>\\)</p>'), /line 2: unterminated '\\\('/);
  assert.throws(() => renderMath('<p>x \\] y</p>'), /'\\\]' without an opening delimiter/);
});

test('rejects an inline style attribute anywhere in the page', () => {
  assert.throws(() => renderMath('<p style="color:red">\\(x\\)</p>'), /inline style attribute/);
});

test('copyKatexAssets writes a woff2-only katex.css and exactly the fonts it references', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'katex-assets-'));
  try {
    const written = await copyKatexAssets(dir);
    const css = await readFile(path.join(dir, 'katex.css'), 'utf8');
    assert.doesNotMatch(css, /\.woff\)|\.woff"|\.ttf|format\("woff"\)|truetype/);

    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(urls.length >= 20, `expected the KaTeX fonts, got ${urls.length}`);
    for (const url of urls) {
      assert.match(url, /^fonts\/KaTeX_[\w-]+\.woff2$/);
      assert.ok((await stat(path.join(dir, url))).size > 0, `${url} exists`);
    }

    const fonts = (await readdir(path.join(dir, 'fonts'))).sort();
    assert.ok(
      fonts.every((f) => f.endsWith('.woff2')),
      fonts.join(' '),
    );
    assert.deepEqual(fonts, [...new Set(urls.map((u) => path.basename(u)))].sort());
    assert.deepEqual(
      written,
      [path.join(dir, 'katex.css'), ...fonts.map((f) => path.join(dir, 'fonts', f))].sort(),
    );
    assert.deepEqual(await copyKatexAssets(dir), written, 'deterministic');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
