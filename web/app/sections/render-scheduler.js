// Renders at most once per animation frame: the first change in a frame is drawn at once (no
// added latency while dragging), later ones in the same frame are folded into one redraw at the
// next frame. A storm of input events never builds a backlog.
export function createRenderScheduler(render) {
  let drawnThisFrame = false;
  let pending = false;

  function frame() {
    drawnThisFrame = false;
    if (pending) {
      pending = false;
      drawnThisFrame = true;
      render();
      requestAnimationFrame(frame);
    }
  }

  return function request() {
    if (drawnThisFrame) {
      pending = true;
      return;
    }
    drawnThisFrame = true;
    render();
    requestAnimationFrame(frame);
  };
}
