/**
 * The typed arrays' own accessors and methods, taken once from %TypedArray%.prototype. They read
 * internal slots, so an array from another realm (an iframe) works, and a subclass, an own
 * property or a Proxy cannot lie about a type, a length or a buffer.
 */
const proto = Object.getPrototypeOf(Int8Array.prototype);
const getter = (key) => Object.getOwnPropertyDescriptor(proto, key).get;
const tag = getter(Symbol.toStringTag);
const buffer = getter('buffer');
const byteOffset = getter('byteOffset');
const byteLength = getter('byteLength');
const length = getter('length');
const set = proto.set;

/** "Float32Array", "Float64Array"…, or undefined for anything that is not a typed array. */
export const typeOf = (value) => tag.call(value);
export const lengthOf = (array) => length.call(array);
export const bufferOf = (array) => buffer.call(array);

/**
 * A plain view of elements [start, end) of `array`, as a `Type`. An empty range gets a new empty
 * array: a detached buffer (transferred away) cannot be viewed, even for nothing.
 */
export function view(Type, array, start = 0, end = length.call(array)) {
  if (end === start) return new Type(0);
  return new Type(
    buffer.call(array),
    byteOffset.call(array) + start * Type.BYTES_PER_ELEMENT,
    end - start,
  );
}

/** target.set(source, offset), whatever target's own properties say. */
export function setInto(target, source, offset) {
  set.call(target, source, offset);
}

/** The bytes `array` views: { buffer, start, end }. */
export function span(array) {
  const start = byteOffset.call(array);
  return { buffer: buffer.call(array), start, end: start + byteLength.call(array) };
}
