// Chart.js, with only the parts the page uses (a smaller bundle), and the page's palette.
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Legend,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/**
 * Colours that follow the page's light or dark theme, read from its CSS variables. The curve
 * colours are from the Okabe–Ito palette, distinguishable with common colour-vision deficiencies.
 */
export function themeColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--text-muted', '#444'),
    grid: read('--grid', 'rgba(0,0,0,0.08)'),
    axis: read('--axis', 'rgba(0,0,0,0.45)'),
    f: read('--f', '#0072b2'),
    df: read('--df', '#d55e00'),
  };
}

export { Chart };
