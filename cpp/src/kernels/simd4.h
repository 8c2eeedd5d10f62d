#pragma once

// Four float32 lanes, and four int32 lanes for bit tricks: WebAssembly SIMD (f32x4, i32x4) where
// the module is built with -msimd128, and plain 4-element arrays everywhere else (the wasm module
// without SIMD, native builds and their tests). Every operation is one IEEE-754 single-precision
// operation per lane, with WebAssembly's semantics (pmin/pmax, bitselect), so both
// implementations give the same bits: the float32 kernels are tested natively and in both wasm
// modules alike. No fused multiply-add, no reassociation (the core builds with -ffp-contract=off).

#include <cstdint>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace activations::simd {

#if defined(__wasm_simd128__)

struct F4 {
  v128_t v;
};
struct I4 {
  v128_t v;
};
// A lane mask: all ones (true) or all zeros (false) per lane.
struct M4 {
  v128_t v;
};

inline F4 load(const float* p) { return {wasm_v128_load(p)}; }
inline void store(float* p, F4 x) { wasm_v128_store(p, x.v); }
inline F4 splat(float x) { return {wasm_f32x4_splat(x)}; }
inline I4 splat_i(std::int32_t x) { return {wasm_i32x4_splat(x)}; }

inline F4 operator+(F4 a, F4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
inline F4 operator-(F4 a, F4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
inline F4 operator*(F4 a, F4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
inline F4 operator/(F4 a, F4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
inline F4 operator-(F4 a) { return {wasm_f32x4_neg(a.v)}; }
inline F4 sqrt(F4 a) { return {wasm_f32x4_sqrt(a.v)}; }
inline F4 abs(F4 a) { return {wasm_f32x4_abs(a.v)}; }
// b < a ? b : a, and a < b ? b : a (NaN in a passes through; NaN in b is ignored).
inline F4 pmin(F4 a, F4 b) { return {wasm_f32x4_pmin(a.v, b.v)}; }
inline F4 pmax(F4 a, F4 b) { return {wasm_f32x4_pmax(a.v, b.v)}; }

inline M4 operator<(F4 a, F4 b) { return {wasm_f32x4_lt(a.v, b.v)}; }
inline M4 operator<=(F4 a, F4 b) { return {wasm_f32x4_le(a.v, b.v)}; }
inline M4 operator>(F4 a, F4 b) { return {wasm_f32x4_gt(a.v, b.v)}; }
inline M4 operator>=(F4 a, F4 b) { return {wasm_f32x4_ge(a.v, b.v)}; }
inline M4 operator==(F4 a, F4 b) { return {wasm_f32x4_eq(a.v, b.v)}; }
inline M4 operator!=(F4 a, F4 b) { return {wasm_f32x4_ne(a.v, b.v)}; }
inline M4 operator&(M4 a, M4 b) { return {wasm_v128_and(a.v, b.v)}; }
inline M4 operator|(M4 a, M4 b) { return {wasm_v128_or(a.v, b.v)}; }
inline M4 operator~(M4 a) { return {wasm_v128_not(a.v)}; }
inline bool any(M4 m) { return wasm_v128_any_true(m.v); }

// m ? a : b, lane by lane.
inline F4 select(M4 m, F4 a, F4 b) { return {wasm_v128_bitselect(a.v, b.v, m.v)}; }
inline I4 select(M4 m, I4 a, I4 b) { return {wasm_v128_bitselect(a.v, b.v, m.v)}; }

inline I4 bits(F4 a) { return {a.v}; }
inline F4 from_bits(I4 a) { return {a.v}; }
inline I4 operator+(I4 a, I4 b) { return {wasm_i32x4_add(a.v, b.v)}; }
inline I4 operator-(I4 a, I4 b) { return {wasm_i32x4_sub(a.v, b.v)}; }
inline I4 operator&(I4 a, I4 b) { return {wasm_v128_and(a.v, b.v)}; }
inline I4 operator|(I4 a, I4 b) { return {wasm_v128_or(a.v, b.v)}; }
inline I4 operator^(I4 a, I4 b) { return {wasm_v128_xor(a.v, b.v)}; }
inline I4 shl(I4 a, int s) { return {wasm_i32x4_shl(a.v, s)}; }
inline I4 shr(I4 a, int s) { return {wasm_i32x4_shr(a.v, s)}; }  // arithmetic
inline M4 operator>(I4 a, I4 b) { return {wasm_i32x4_gt(a.v, b.v)}; }
inline F4 to_float(I4 a) { return {wasm_f32x4_convert_i32x4(a.v)}; }  // exact below 2^24

// Four double lanes (two f64x2), for the few steps a float32 kernel must carry in double.
struct D4 {
  v128_t lo;
  v128_t hi;
};
inline D4 widen(F4 a) {
  return {wasm_f64x2_promote_low_f32x4(a.v),
          wasm_f64x2_promote_low_f32x4(wasm_i64x2_shuffle(a.v, a.v, 1, 1))};
}
// Rounded once to float32 (subnormal results included).
inline F4 narrow(D4 a) {
  return {wasm_i64x2_shuffle(wasm_f32x4_demote_f64x2_zero(a.lo), wasm_f32x4_demote_f64x2_zero(a.hi),
                             0, 2)};
}
inline D4 splat_d(double x) { return {wasm_f64x2_splat(x), wasm_f64x2_splat(x)}; }
inline D4 operator+(D4 a, D4 b) { return {wasm_f64x2_add(a.lo, b.lo), wasm_f64x2_add(a.hi, b.hi)}; }
inline D4 operator-(D4 a, D4 b) { return {wasm_f64x2_sub(a.lo, b.lo), wasm_f64x2_sub(a.hi, b.hi)}; }
inline D4 operator*(D4 a, D4 b) { return {wasm_f64x2_mul(a.lo, b.lo), wasm_f64x2_mul(a.hi, b.hi)}; }
inline D4 operator/(D4 a, D4 b) { return {wasm_f64x2_div(a.lo, b.lo), wasm_f64x2_div(a.hi, b.hi)}; }

#else

struct F4 {
  float v[4];
};
struct I4 {
  std::int32_t v[4];
};
struct M4 {
  std::int32_t v[4];  // 0 or -1
};

#define ACTIVATIONS_LANES(expr) \
  for (int i = 0; i < 4; ++i) expr

inline F4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, F4 x) { ACTIVATIONS_LANES(p[i] = x.v[i]); }
inline F4 splat(float x) { return {{x, x, x, x}}; }
inline I4 splat_i(std::int32_t x) { return {{x, x, x, x}}; }

#define ACTIVATIONS_F4_BINARY(op)                 \
  inline F4 operator op(F4 a, F4 b) {             \
    F4 r;                                         \
    ACTIVATIONS_LANES(r.v[i] = a.v[i] op b.v[i]); \
    return r;                                     \
  }
ACTIVATIONS_F4_BINARY(+)
ACTIVATIONS_F4_BINARY(-)
ACTIVATIONS_F4_BINARY(*)
ACTIVATIONS_F4_BINARY(/)
#undef ACTIVATIONS_F4_BINARY

inline I4 bits(F4 a) {
  I4 r;
  ACTIVATIONS_LANES(r.v[i] = __builtin_bit_cast(std::int32_t, a.v[i]));
  return r;
}
inline F4 from_bits(I4 a) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = __builtin_bit_cast(float, a.v[i]));
  return r;
}

#define ACTIVATIONS_I4_BINARY(op)                                                    \
  inline I4 operator op(I4 a, I4 b) {                                                \
    I4 r;                                                                            \
    ACTIVATIONS_LANES(r.v[i] = static_cast<std::int32_t>(static_cast<std::uint32_t>( \
                          a.v[i]) op static_cast<std::uint32_t>(b.v[i])));           \
    return r;                                                                        \
  }
ACTIVATIONS_I4_BINARY(+)
ACTIVATIONS_I4_BINARY(-)
ACTIVATIONS_I4_BINARY(&)
ACTIVATIONS_I4_BINARY(|)
ACTIVATIONS_I4_BINARY(^)
#undef ACTIVATIONS_I4_BINARY

inline F4 operator-(F4 a) { return from_bits(bits(a) ^ splat_i(INT32_MIN)); }
inline F4 abs(F4 a) { return from_bits(bits(a) & splat_i(INT32_MAX)); }
inline F4 sqrt(F4 a) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = __builtin_sqrtf(a.v[i]));
  return r;
}
// The wasm definitions. clang -O2 for wasm turns them into f32.min and f32.max where one operand
// is the constant +0, and those differ at -0: pmax(-0, +0) is -0, f32.max(-0, +0) is +0. A kernel
// that must keep -0 compares with the constant -0 instead, where the two agree on every result
// that matters; tests/js/float32.test.mjs compares the builds bit for bit.
inline F4 pmin(F4 a, F4 b) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = b.v[i] < a.v[i] ? b.v[i] : a.v[i]);
  return r;
}
inline F4 pmax(F4 a, F4 b) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = a.v[i] < b.v[i] ? b.v[i] : a.v[i]);
  return r;
}

#define ACTIVATIONS_F4_COMPARE(op)                         \
  inline M4 operator op(F4 a, F4 b) {                      \
    M4 r;                                                  \
    ACTIVATIONS_LANES(r.v[i] = a.v[i] op b.v[i] ? -1 : 0); \
    return r;                                              \
  }
ACTIVATIONS_F4_COMPARE(<)
ACTIVATIONS_F4_COMPARE(<=)
ACTIVATIONS_F4_COMPARE(>)
ACTIVATIONS_F4_COMPARE(>=)
ACTIVATIONS_F4_COMPARE(==)
ACTIVATIONS_F4_COMPARE(!=)
#undef ACTIVATIONS_F4_COMPARE

inline M4 operator&(M4 a, M4 b) {
  M4 r;
  ACTIVATIONS_LANES(r.v[i] = a.v[i] & b.v[i]);
  return r;
}
inline M4 operator|(M4 a, M4 b) {
  M4 r;
  ACTIVATIONS_LANES(r.v[i] = a.v[i] | b.v[i]);
  return r;
}
inline M4 operator~(M4 a) {
  M4 r;
  ACTIVATIONS_LANES(r.v[i] = ~a.v[i]);
  return r;
}
inline bool any(M4 m) { return (m.v[0] | m.v[1] | m.v[2] | m.v[3]) != 0; }

inline F4 select(M4 m, F4 a, F4 b) {
  const I4 ia = bits(a);
  const I4 ib = bits(b);
  I4 r;
  ACTIVATIONS_LANES(r.v[i] = (ia.v[i] & m.v[i]) | (ib.v[i] & ~m.v[i]));
  return from_bits(r);
}
inline I4 select(M4 m, I4 a, I4 b) {
  I4 r;
  ACTIVATIONS_LANES(r.v[i] = (a.v[i] & m.v[i]) | (b.v[i] & ~m.v[i]));
  return r;
}

inline I4 shl(I4 a, int s) {
  I4 r;
  ACTIVATIONS_LANES(r.v[i] = static_cast<std::int32_t>(static_cast<std::uint32_t>(a.v[i]) << s));
  return r;
}
inline I4 shr(I4 a, int s) {
  I4 r;
  ACTIVATIONS_LANES(r.v[i] = a.v[i] >> s);
  return r;
}
inline M4 operator>(I4 a, I4 b) {
  M4 r;
  ACTIVATIONS_LANES(r.v[i] = a.v[i] > b.v[i] ? -1 : 0);
  return r;
}
inline F4 to_float(I4 a) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = static_cast<float>(a.v[i]));
  return r;
}

struct D4 {
  double v[4];
};
inline D4 widen(F4 a) {
  D4 r;
  ACTIVATIONS_LANES(r.v[i] = static_cast<double>(a.v[i]));
  return r;
}
inline F4 narrow(D4 a) {
  F4 r;
  ACTIVATIONS_LANES(r.v[i] = static_cast<float>(a.v[i]));
  return r;
}
inline D4 splat_d(double x) { return {{x, x, x, x}}; }
#define ACTIVATIONS_D4_BINARY(op)                 \
  inline D4 operator op(D4 a, D4 b) {             \
    D4 r;                                         \
    ACTIVATIONS_LANES(r.v[i] = a.v[i] op b.v[i]); \
    return r;                                     \
  }
ACTIVATIONS_D4_BINARY(+)
ACTIVATIONS_D4_BINARY(-)
ACTIVATIONS_D4_BINARY(*)
ACTIVATIONS_D4_BINARY(/)
#undef ACTIVATIONS_D4_BINARY

#undef ACTIVATIONS_LANES

#endif

// Shared by both implementations.
inline F4 copysign(F4 magnitude, F4 sign) {
  return from_bits((bits(magnitude) & splat_i(INT32_MAX)) | (bits(sign) & splat_i(INT32_MIN)));
}
inline M4 is_nan(F4 a) { return a != a; }
// Lanes whose sign bit is set: -0, negative numbers, -inf, and NaNs with that bit.
inline M4 sign_set(F4 a) { return splat_i(0) > bits(a); }
inline F4 zero() { return splat(0.0f); }

}  // namespace activations::simd
