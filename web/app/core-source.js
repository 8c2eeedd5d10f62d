// Where the page's core comes from: fetched next to the API (this default), or embedded in the
// classic bundle that pages opened from file:// load (the build swaps this module for one that
// carries the bytes).
export const CORE_OPTIONS = {};
