// The page's light or dark theme, as boot.js sets it on <html> (data-tema): the reader's
// preference, or the one the address asks for (?tema=claro|oscuro).
const root = document.documentElement;

export const isDark = () => root.dataset.tema === 'oscuro';

/** Calls `listener` whenever the theme changes (the reader's preference, when it is followed). */
export function onThemeChange(listener) {
  new MutationObserver(() => listener()).observe(root, {
    attributes: true,
    attributeFilter: ['data-tema'],
  });
}
