// Saves a Blob as a file through a temporary <a download>. Its object URL is revoked once the
// browser has had time to start the download (revoking at once can cancel it in some browsers).
const REVOKE_AFTER_MS = 30_000;

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Inside a frame the embedding page may forbid downloads, silently: worth a hint. */
export const inFrame = () => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};
