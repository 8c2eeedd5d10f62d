// Build-time KaTeX rendering: maths found and rendered, inline styles turned into classes
// (the page's CSP blocks style attributes), loud TeX errors, and woff2-only KaTeX assets cut
// down to the characters the maths shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { copyKatexAssets, renderMath } from '../../build-scripts/site/render-math.mjs';

const KATEX_FONTS = path.join(
  path.dirname(createRequire(import.meta.url).resolve('katex/package.json')),
  'dist',
  'fonts',
);

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
  assert.deepEqual(renderMath(verbatim), { html: verbatim, css: '', text: '' });
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

test('text lists the characters the formulas show, not their TeX or MathML', () => {
  const { text } = renderMath(LESSON);
  assert.equal(text, [...new Set(text)].sort().join(''), 'once each, sorted');
  for (const shown of ['σ', 'α', '1', '+', '−', 'e', 'z', 'E', 'L', 'U', 's', 'i', '≤', '{']) {
    assert.ok(text.includes(shown), `${shown} in ${text}`);
  }
  // The letters of \frac, \sigma and \sqrt are in the TeX annotation only; √ is an SVG.
  for (const hidden of ['\\', 'f', 'g', 'q', 'r', '√']) assert.ok(!text.includes(hidden), hidden);
});

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Each font's name records and the characters its cmap maps, read by fontTools. */
function fontFacts(files) {
  const script = `
import json, sys
from fontTools.ttLib import TTFont
facts = {}
for f in sys.argv[1:]:
    t = TTFont(f)
    facts[f] = {"names": {str(r.nameID): str(r) for r in t["name"].names if r.platformID == 3},
                "chars": "".join(sorted(chr(c) for c in (t.getBestCmap() or {})))}
print(json.dumps(facts))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, ...files], { encoding: 'utf8' }));
}

test('copyKatexAssets writes a woff2-only katex.css and the fonts it references, cut and renamed', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'katex-assets-'));
  const text = 'σ(z)=1+e−ᵢ∞';
  try {
    const written = await copyKatexAssets(dir, { text, python: PYTHON });
    const css = await readFile(path.join(dir, 'katex.css'), 'utf8');
    assert.doesNotMatch(css, /\.woff\)|\.woff"|\.ttf|format\("woff"\)|truetype/);
    // The subsets may not bear KaTeX's Reserved Font Names (SIL OFL 1.1, condition 3).
    assert.doesNotMatch(css, /KaTeX_/);
    assert.match(css, /font-family:LessonMath_Main[;}]/);

    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(urls.length >= 20, `expected the KaTeX fonts, got ${urls.length}`);
    for (const url of urls) {
      assert.match(url, /^fonts\/LessonMath_[\w-]+\.woff2$/);
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

    const cut = fontFacts(fonts.map((f) => path.join(dir, 'fonts', f)));
    const originals = fontFacts(
      fonts.map((f) => path.join(KATEX_FONTS, f.replace('LessonMath_', 'KaTeX_'))),
    );
    for (const [file, facts] of Object.entries(cut)) {
      const original =
        originals[path.join(KATEX_FONTS, path.basename(file).replace('LessonMath_', 'KaTeX_'))];
      const kept = [...original.chars].filter((c) => text.includes(c)).join('');
      assert.equal(facts.chars, kept, `${file} keeps exactly the characters of text it had`);
      assert.match(facts.names['1'], /^LessonMath_/);
      for (const [id, name] of Object.entries(facts.names)) {
        if (['0', '13', '14'].includes(id)) assert.equal(name, original.names[id], `record ${id}`);
        else assert.doesNotMatch(name, /KaTeX_/, `record ${id}: ${name}`);
      }
    }
    assert.equal(cut[path.join(dir, 'fonts', 'LessonMath_Main-Regular.woff2')].chars, '()+1=ez−∞');

    const again = await copyKatexAssets(dir, { text, python: PYTHON });
    assert.deepEqual(again, written, 'deterministic');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
