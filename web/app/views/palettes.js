// The curve colours of the labs and the gallery, light and dark. Okabe–Ito hues, each with at
// least 3:1 contrast on its theme's backgrounds (tests/js/palettes.test.mjs): Okabe–Ito's own
// orange (#e69f00) and sky blue (#56b4e9) have 2.3:1 on white, and its reddish purple (#cc79a7)
// 2.95:1 on the page's off-white, so the light theme darkens them. The gallery's 5th curve is a
// dark yellow (#9a8600), as it is yellow in the dark theme: a darkened orange came too close to
// the vermillion of the 2nd (ΔE 30 in CIELAB, against 48).

/** A lab's runs, by slot (series-style.js). */
export const SERIES = {
  light: ['#0072b2', '#d55e00', '#009e73', '#c46f9f'],
  dark: ['#56b4e9', '#e69f00', '#2fc79a', '#cc79a7'],
};

/** The gallery's comparison, by place: the first function compared takes the first colour. */
export const GALLERY = {
  light: ['#0072b2', '#d55e00', '#009e73', '#c46f9f', '#9a8600', '#3399cc', '#1d1d1f'],
  dark: ['#56b4e9', '#e69f00', '#2fc79a', '#cc79a7', '#f0e442', '#0072b2', '#ececec'],
};

/**
 * Every dark-theme curve colour and the light one that takes its place on paper (a PNG or a
 * printout on white), from these palettes, base.css (--f, --df) and figures.es.js.
 */
export const LIGHT_OF = new Map([
  ['#56b4e9', '#0072b2'],
  ['#e69f00', '#d55e00'],
  ['#2fc79a', '#009e73'],
  ['#cc79a7', '#c46f9f'],
  ['#ececec', '#1d1d1f'],
  ['#f0e442', '#9a8600'],
  ['#0072b2', '#3399cc'],
]);
