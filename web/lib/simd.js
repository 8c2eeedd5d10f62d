// The smallest module that uses a SIMD instruction: WebAssembly.validate tells whether this
// engine has WebAssembly SIMD (all current browsers; not Safari before 16.4). The build copies
// these bytes into the service worker, which precaches only the module the browser can run, and
// into the page's boot script, which preloads only that module.
export const SIMD_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
];

export function supportsSimd() {
  try {
    return WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  } catch {
    return false;
  }
}
