// A gallery card's name: its title less the Keras id set after it as code.

/** «Sigmoide dura (hard sigmoid)», whose English part is a span of its own. */
export function cardTitle(card) {
  const title = card.querySelector('h3').cloneNode(true);
  title.querySelector('code')?.remove();
  return title.textContent.trim();
}
