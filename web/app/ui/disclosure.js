// A button that shows and hides a panel (the WAI-ARIA disclosure pattern): aria-expanded follows
// the panel, and Escape from anywhere in the panel folds it and gives the keyboard back to the
// button. The panel starts folded; onToggle(open) runs after each change.
export function disclosure(button, panel, onToggle = () => {}) {
  const set = (open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  const show = (open) => {
    set(open);
    onToggle(open);
  };
  button.setAttribute('aria-controls', panel.id);
  set(false);
  button.addEventListener('click', () => show(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    show(false);
    button.focus();
  });
}
