// The curve colours against the backgrounds they are drawn on: WCAG 2.2's 3:1 for the graphics
// a reader needs (1.4.11), in the light and the dark theme and on paper.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CURVE_COLORS } from '../../web/app/content/figures.es.js';
import { GALLERY, LIGHT_OF, SERIES } from '../../web/app/views/palettes.js';

const css = readFileSync(new URL('../../web/styles/base.css', import.meta.url), 'utf8');
// base.css's --bg and --surface: first the light theme's, then the dark one's.
const backgrounds = (name) => [...css.matchAll(new RegExp(`--${name}: (#[0-9a-f]{6});`, 'g'))];
const [lightBg, darkBg] = backgrounds('bg').map((m) => m[1]);
const [lightSurface, darkSurface] = backgrounds('surface').map((m) => m[1]);

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('the contrast formula gives WCAG’s own figures', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.ok(Math.abs(contrast('#56b4e9', '#ffffff') - 2.31) < 0.01);
});

test('every curve colour has 3:1 contrast on its theme’s backgrounds', () => {
  assert.ok(lightBg && darkBg && lightSurface && darkSurface, 'base.css has both themes');
  const FIGURES = {
    light: Object.values(CURVE_COLORS).map((c) => c.light),
    dark: Object.values(CURVE_COLORS).map((c) => c.dark),
  };
  for (const [name, palette] of Object.entries({ SERIES, GALLERY, FIGURES })) {
    for (const [theme, backs] of [
      ['light', [lightBg, lightSurface]],
      ['dark', [darkBg, darkSurface]],
    ]) {
      for (const color of palette[theme]) {
        for (const back of backs) {
          const ratio = contrast(color, back);
          assert.ok(ratio >= 3, `${name}.${theme} ${color} on ${back}: ${ratio.toFixed(2)}:1`);
        }
      }
    }
  }
});

test('on paper, every dark curve colour becomes a light one with 3:1 on white', () => {
  const figures = Object.values(CURVE_COLORS).map((c) => c.dark);
  for (const color of [...SERIES.dark, ...GALLERY.dark, ...figures]) {
    const paper = LIGHT_OF.get(color);
    assert.ok(paper, `${color} has a colour for paper`);
    assert.ok(contrast(paper, '#ffffff') >= 3, `${color} -> ${paper}`);
  }
});

test('no two curves of a palette share a colour', () => {
  for (const palette of [SERIES, GALLERY]) {
    for (const colors of [palette.light, palette.dark]) {
      assert.equal(new Set(colors).size, colors.length, colors.join(' '));
    }
  }
});
