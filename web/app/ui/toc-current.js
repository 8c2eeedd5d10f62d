// The table of contents marks the section being read (aria-current="location"): beside a long
// lesson, the sticky sidebar says where the reader is. The section under a line 30 % down the
// window is the current one; between two sections the last one stays marked.
const READING_LINE = '-30% 0px -69% 0px';

export function markCurrentSection() {
  const toc = document.querySelector('.toc');
  if (!toc || typeof IntersectionObserver !== 'function') return;
  const links = new Map();
  for (const link of toc.querySelectorAll('a[href^="#"]')) {
    const section = document.getElementById(link.hash.slice(1));
    if (section) links.set(section, link);
  }
  const crossing = new Set();
  let current = null;
  const mark = () => {
    const next = [...links.keys()].find((s) => crossing.has(s)) ?? current;
    if (next === current) return;
    links.get(current)?.removeAttribute('aria-current');
    const link = links.get(next);
    link.setAttribute('aria-current', 'location');
    current = next;
    keepInView(toc, link);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) crossing.add(e.target);
        else crossing.delete(e.target);
      }
      mark();
    },
    { rootMargin: READING_LINE },
  );
  for (const section of links.keys()) observer.observe(section);
}

/** A sidebar shorter than its list scrolls itself, never the page, to show the marked link. */
function keepInView(toc, link) {
  if (toc.scrollHeight <= toc.clientHeight) return;
  const box = toc.getBoundingClientRect();
  const { top, bottom } = link.getBoundingClientRect();
  if (top < box.top || bottom > box.bottom) toc.scrollTop += top - box.top - toc.clientHeight / 2;
}
