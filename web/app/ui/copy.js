// "Copiar" buttons next to code snippets. The Clipboard API needs a secure context and may be
// refused inside an iframe; then the text is selected so the reader can copy it by hand.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function select(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

export function setUpCopyButtons(root = document) {
  for (const button of root.querySelectorAll('[data-copy]')) {
    const box = button.closest('.snippet');
    const code = box.querySelector('code');
    const status = box.querySelector('[data-copy-status]');
    button.addEventListener('click', async () => {
      const ok = await copyText(code.textContent);
      if (!ok) select(code);
      status.textContent = ok
        ? 'Copiado al portapapeles.'
        : 'El navegador no deja copiar desde aquí: el código está seleccionado; cópialo con Ctrl+C (⌘+C en Mac).';
      button.dataset.copied = ok ? '1' : '0';
    });
  }
}
