// Numbers as a Spanish reader expects them: decimal comma, a real minus sign.
const formatters = new Map();

export function formatNumber(value, digits = 3) {
  if (Number.isNaN(value)) return 'no definido';
  if (value === Infinity) return '+∞';
  if (value === -Infinity) return '−∞';
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('es-ES', { maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  return formatter.format(value).replace('-', '−');
}
