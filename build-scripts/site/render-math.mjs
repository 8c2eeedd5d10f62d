// Build-time maths: renders \( … \) and \[ … \] in an HTML string with KaTeX, and turns KaTeX's
// inline style="…" attributes into classes so the page works under `style-src 'self'`. Its fonts
// are cut down to the characters the rendered maths shows.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import katex from 'katex';

const KATEX_DIST = path.join(
  path.dirname(createRequire(import.meta.url).resolve('katex/package.json')),
  'dist',
);

const execFileAsync = promisify(execFile);

const KATEX_OPTIONS = {
  output: 'htmlAndMathml',
  throwOnError: true,
  strict: 'error',
  trust: false,
};

// Comments, elements whose text must stay verbatim, and other tags (attribute values may hold '>').
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(pre|code|script|style|textarea)(?=[\s/>])(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?(?:<\/\1\s*>|$)|<[/!?]?[A-Za-z](?:"[^"]*"|'[^']*'|[^'">])*>/gi;

const DELIMITERS = {
  '(': { close: ')', displayMode: false },
  '[': { close: ']', displayMode: true },
};

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Renders every \( inline \) and \[ display \] formula of `html` with KaTeX.
 * Returns the new HTML (free of style attributes), the CSS declaring the classes it uses, and
 * `text`: every character the rendered maths shows, once each, sorted.
 */
export function renderMath(html) {
  const styles = new Map();
  const shown = new Set();
  let out = '';
  let last = 0;
  for (const token of html.matchAll(HTML_TOKEN)) {
    out += renderText(html, last, token.index, styles, shown) + token[0];
    last = token.index + token[0].length;
  }
  out += renderText(html, last, html.length, styles, shown);
  assertNoStyleAttributes(out);
  return { html: out, css: stylesheet(styles), text: [...shown].sort().join('') };
}

/** Renders the maths in html.slice(start, end), a stretch of text between tags. */
function renderText(html, start, end, styles, shown) {
  let out = '';
  let copied = start;
  let i = start;
  while (i < end) {
    const next = html.indexOf('\\', i);
    if (next === -1 || next >= end) break;
    const char = html[next + 1];
    if (char === ')' || char === ']') {
      throw mathError(html, next, `'\\${char}' without an opening delimiter`);
    }
    if (!(char in DELIMITERS)) {
      i = next + 2; // a backslash escapes the next character, so '\\(' opens nothing
      continue;
    }
    const { close, displayMode } = DELIMITERS[char];
    const texStart = next + 2;
    const texEnd = findClosing(html, texStart, end, close);
    if (texEnd === -1) {
      const after = html.slice(texStart, Math.min(end, texStart + 60));
      throw mathError(
        html,
        next,
        `unterminated '\\${char}' before \`${after}\` (no '\\${close}' before the next tag; write '<' as '&lt;')`,
      );
    }
    const tex = html.slice(texStart, texEnd);
    const markup = renderFormula(html, next, tex, displayMode, styles);
    for (const char of shownText(markup)) shown.add(char);
    out += html.slice(copied, next) + markup;
    copied = i = texEnd + 2;
  }
  return out + html.slice(copied, end);
}

/** Index of the backslash of the closing '\)' or '\]', skipping TeX control symbols like '\\'. */
function findClosing(html, from, end, close) {
  for (let i = from; i < end - 1; i++) {
    if (html[i] !== '\\') continue;
    if (html[i + 1] === close) return i;
    i++;
  }
  return -1;
}

function renderFormula(html, offset, source, displayMode, styles) {
  const tex = decodeEntities(source);
  let markup;
  try {
    markup = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  } catch (error) {
    throw mathError(html, offset, error.message, tex, error);
  }
  return stylesToClasses(markup, styles);
}

/** The text KaTeX draws with its fonts: that of the visual part, not of the MathML. */
function shownText(markup) {
  const visual = markup.indexOf('<span class="katex-html"');
  if (visual === -1) throw new Error('render-math: KaTeX output without its katex-html part');
  return decodeEntities(markup.slice(visual).replace(/<[^>]*>/g, ''));
}

function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (entity, name) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name] ?? entity;
    const hex = name[1] === 'x' || name[1] === 'X';
    return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function mathError(html, offset, message, tex, cause) {
  const where = `line ${lineOf(html, offset)}`;
  const what = tex === undefined ? '' : ` in TeX \`${tex}\``;
  return new Error(`render-math: ${where}${what}: ${message}`, { cause });
}

// KaTeX's own serialiser writes attributes as ` name="escaped value"`.
const KATEX_TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)(\s*\/?)>/g;
const KATEX_ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

/** Replaces each style attribute in KaTeX markup by a ks-<hash> class recorded in `styles`. */
function stylesToClasses(markup, styles) {
  return markup.replace(KATEX_TAG, (tag, name, attributes, end) => {
    const attrs = [...attributes.matchAll(KATEX_ATTRIBUTE)].map(([, key, value]) => ({
      key,
      value,
    }));
    const style = attrs.find((a) => a.key === 'style');
    if (!style) return tag;
    const className = classFor(style.value, styles);
    const kept = attrs.filter((a) => a !== style);
    const cls = kept.find((a) => a.key === 'class');
    if (cls) cls.value = cls.value ? `${cls.value} ${className}` : className;
    else kept.push({ key: 'class', value: className });
    const rebuilt = kept.map((a) =>
      a.value === undefined ? ` ${a.key}` : ` ${a.key}="${a.value}"`,
    );
    return `<${name}${rebuilt.join('')}${end}>`;
  });
}

function classFor(attributeValue, styles) {
  const style = normaliseStyle(decodeEntities(attributeValue));
  const className = `ks-${createHash('sha256').update(style).digest('hex').slice(0, 8)}`;
  const known = styles.get(className);
  if (known !== undefined && known !== style) {
    throw new Error(`render-math: class ${className} hashes both "${known}" and "${style}"`);
  }
  styles.set(className, style);
  return className;
}

function normaliseStyle(style) {
  const normalised = style.trim().replace(/[\s;]+$/, '');
  // Everything here ends up inside a CSS rule: refuse anything that could escape it.
  if (/[{}<>\\@"']|\/\*/.test(normalised)) {
    throw new Error(`render-math: unexpected characters in KaTeX style "${normalised}"`);
  }
  return normalised;
}

/**
 * One rule per class, sorted by class name. `!important` reproduces the precedence the inline
 * style had: it beats every normal declaration of katex.css whatever that selector's specificity
 * (e.g. `.katex .vlist>span{height:0}` or `.katex .katex-sizing.reset-size6.size3`).
 */
function stylesheet(styles) {
  return [...styles.keys()]
    .sort()
    .map((className) => {
      const declarations = styles
        .get(className)
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => `${d}!important`);
      return `.katex .${className}{${declarations.join(';')}}\n`;
    })
    .join('');
}

/** Throws if any tag (outside comments and verbatim elements) still has a style attribute. */
function assertNoStyleAttributes(html) {
  for (const [tag, verbatim] of html.matchAll(HTML_TOKEN)) {
    if (verbatim || tag.startsWith('<!')) continue;
    const withoutValues = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/\sstyle\s*=/i.test(withoutValues)) {
      throw new Error(`render-math: inline style attribute (blocked by the CSP) in ${tag}`);
    }
  }
}

// The subset fonts' family prefix, in place of KaTeX's Reserved Font Names (see subset-fonts.py).
const MATH_FONT_PREFIX = 'LessonMath_';

/**
 * Writes outDir/katex.css (katex.min.css with woff2-only @font-face sources, its families renamed
 * KaTeX_* → LessonMath_*) and the fonts it references into outDir/fonts/, each cut down to the
 * characters of `text` by subset-fonts.py under `python` (fontTools and brotli).
 * Returns the written paths, sorted.
 */
export async function copyKatexAssets(outDir, { text, python }) {
  const css = await readFile(path.join(KATEX_DIST, 'katex.min.css'), 'utf8');
  const fonts = new Set();
  const rewritten = css.replace(/(@font-face\s*\{[^}]*?\bsrc\s*:\s*)([^;}]*)/g, (_, head, src) => {
    const font = woff2Font(src);
    fonts.add(font);
    return `${head}url(fonts/${font}) format("woff2")`;
  });
  if (fonts.size === 0) throw new Error('render-math: no @font-face found in katex.min.css');

  const out = path.resolve(outDir);
  await mkdir(path.join(out, 'fonts'), { recursive: true });
  const cssFile = path.join(out, 'katex.css');
  await writeFile(cssFile, rewritten.replaceAll('KaTeX_', MATH_FONT_PREFIX));
  const sources = [...fonts].sort();
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'subset-fonts.py');
  const run = execFileAsync(python, [
    script,
    path.join(KATEX_DIST, 'fonts'),
    path.join(out, 'fonts'),
    MATH_FONT_PREFIX,
    ...sources,
  ]);
  run.child.stdin.end(text);
  await run;
  const written = sources.map((f) =>
    path.join(out, 'fonts', f.replace('KaTeX_', MATH_FONT_PREFIX)),
  );
  return [cssFile, ...written].sort();
}

/** The file name of the woff2 source in an @font-face `src` list. */
function woff2Font(src) {
  const urls = [...src.matchAll(/url\(\s*["']?([^"')]+?)["']?\s*\)/g)].map((m) => m[1]);
  const woff2 = urls.find((url) => url.endsWith('.woff2'));
  if (!woff2) throw new Error(`render-math: no woff2 source in @font-face src: ${src}`);
  const font = path.posix.basename(woff2);
  if (!/^[\w-]+\.woff2$/.test(font)) throw new Error(`render-math: odd font file name ${font}`);
  return font;
}
