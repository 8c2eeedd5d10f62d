#include "f32.h"

#include "f32_gelu.h"
#include "f32_lesson.h"
#include "f32_piecewise.h"
#include "f32_smooth.h"

namespace activations::kernels::f32 {
namespace {

// The loops over the vectorised forms (f32_lesson.h, f32_smooth.h, f32_gelu.h, f32_piecewise.h).

// Vectors per group: the main loops load a group's four vectors of z first, then compute and
// store each. V8 emits wasm in order, and a kernel is one long dependency chain per vector;
// with the next loads already issued the processor overlaps the chains better. Kernels alone,
// per 10^6 values in Node 20: ELU 1.05 -> 0.84 ms, tanh 1.52 -> 1.12, SiLU 2.63 -> 1.69; in
// Chromium 156 mostly unchanged, ReLU 0.110 -> 0.083. Two, six, or computing the whole group
// before storing any, were slower in one engine or the other.
constexpr std::size_t kGroup = 4;
constexpr std::size_t kGroupSize = 4 * kGroup;
using Group = F4[kGroup];

// Runs `compute(x, mode, f, df)` on every vector of every whole group of z, where mode is
// `prepare(group)`, and returns how many elements it covered. df is written only when `kDf`.
template <bool kDf, class Prepare, class Compute>
std::size_t groups(const float* z, std::size_t n, float* f, float* df, Prepare prepare,
                   Compute compute) {
  std::size_t i = 0;
  for (; i + kGroupSize <= n; i += kGroupSize) {
    Group x;
    for (std::size_t j = 0; j < kGroup; ++j) x[j] = simd::load(z + i + 4 * j);
    const auto mode = prepare(x);
    for (std::size_t j = 0; j < kGroup; ++j) {
      F4 fv;
      F4 dfv;
      compute(x[j], mode, fv, dfv);
      simd::store(f + i + 4 * j, fv);
      if constexpr (kDf) simd::store(df + i + 4 * j, dfv);
    }
  }
  return i;
}

// The elements after the groups, four at a time; n < 4 trailing ones go through the same
// lanes, padded with zeros, so every element gets the same bits wherever it sits in the array.
template <class Body>
void blocks(const float* z, std::size_t n, float* f, float* df, Body body) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) body(z + i, f + i, df == nullptr ? nullptr : df + i);
  if (i == n) return;
  float zt[4] = {0, 0, 0, 0};
  float ft[4];
  float dft[4];
  for (std::size_t j = i; j < n; ++j) zt[j - i] = z[j];
  body(zt, ft, df == nullptr ? nullptr : dft);
  for (std::size_t j = i; j < n; ++j) {
    f[j] = ft[j - i];
    if (df != nullptr) df[j] = dft[j - i];
  }
}

// Kernels whose f' cancels near a root: the lanes of x inside the window get f' from the double
// kernel.
template <class K, class S>
F4 patch_window(F4 x, F4 df, const double* p) {
  if constexpr (S::kDfWindow) {
    if (simd::any((x > splat(S::kDfLo)) & (x < splat(S::kDfHi)))) {
      float zl[4];
      float dl[4];
      simd::store(zl, x);
      simd::store(dl, df);
      for (int l = 0; l < 4; ++l) {
        if (zl[l] > S::kDfLo && zl[l] < S::kDfHi) {
          dl[l] = static_cast<float>(K::df(static_cast<double>(zl[l]), p));
        }
      }
      return simd::load(dl);
    }
  }
  return df;
}

// Parameters a vectorised form does not take (alpha = 2^50, say), or a kernel without one: the
// double kernel, rounded once.
template <class K>
void scalar_batch(const float* z, std::size_t n, const double* p, float* f, float* df) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z[i];
    f[i] = static_cast<float>(K::f(x, p));
    df[i] = static_cast<float>(K::df(x, p));
  }
}

template <class K>
void scalar_values(const float* z, std::size_t n, const double* p, float* f) {
  for (std::size_t i = 0; i < n; ++i) f[i] = static_cast<float>(K::f(z[i], p));
}

}  // namespace

template <class K>
bool vectorised(const double* p) {
  if constexpr (Simd<K>::kAvailable) {
    return typename Simd<K>::Ctx(p).ok();
  } else {
    return false;
  }
}

template <class K>
void batch(const float* z, std::size_t n, const double* p, float* f, float* df) {
  if constexpr (Simd<K>::kAvailable) {
    using S = Simd<K>;
    const typename S::Ctx c(p);
    if (c.ok()) {
      const auto both = [&](F4 x, F4& fv, F4& dfv) {
        S::both(x, c, fv, dfv);
        dfv = patch_window<K, S>(x, dfv, p);
      };
      const std::size_t done = groups<true>(
          z, n, f, df, [](const Group&) { return 0; },
          [&](F4 x, int, F4& fv, F4& dfv) { both(x, fv, dfv); });
      blocks(z + done, n - done, f + done, df + done, [&](const float* zb, float* fb, float* dfb) {
        F4 fv;
        F4 dfv;
        both(simd::load(zb), fv, dfv);
        simd::store(fb, fv);
        simd::store(dfb, dfv);
      });
      return;
    }
  }
  scalar_batch<K>(z, n, p, f, df);
}

template <class K>
void values(const float* z, std::size_t n, const double* p, float* f) {
  if constexpr (Simd<K>::kAvailable) {
    using S = Simd<K>;
    const typename S::Ctx c(p);
    if (c.ok()) {
      // One range check for the group, then the lean form on all of it where it holds. The
      // extremes without abs (three instructions each in V8); pmin and pmax may drop a NaN,
      // which takes the lean form either way and keeps it.
      const auto lean = [](const Group& x) {
        if constexpr (HasLean<S>) {
          F4 hi = x[0];
          F4 lo = x[0];
          for (std::size_t j = 1; j < kGroup; ++j) {
            hi = pmax(hi, x[j]);
            lo = pmin(lo, x[j]);
          }
          return !simd::any((hi > splat(S::kLeanLimit)) | (lo < splat(-S::kLeanLimit)));
        } else {
          return false;
        }
      };
      const std::size_t done =
          groups<false>(z, n, f, nullptr, lean, [&](F4 x, bool is_lean, F4& fv, F4&) {
            if constexpr (HasLean<S>) {
              if (is_lean) {
                fv = S::lean(x, c);
                return;
              }
            }
            fv = S::f(x, c);
          });
      blocks(z + done, n - done, f + done, nullptr,
             [&](const float* zb, float* fb, float*) { simd::store(fb, S::f(simd::load(zb), c)); });
      return;
    }
  }
  scalar_values<K>(z, n, p, f);
}

#define ACTIVATIONS_F32_INSTANTIATE(K)                                              \
  template void batch<K>(const float*, std::size_t, const double*, float*, float*); \
  template void values<K>(const float*, std::size_t, const double*, float*);        \
  template bool vectorised<K>(const double*);

ACTIVATIONS_F32_INSTANTIATE(Sigmoid)
ACTIVATIONS_F32_INSTANTIATE(Tanh)
ACTIVATIONS_F32_INSTANTIATE(Relu)
ACTIVATIONS_F32_INSTANTIATE(Elu)
ACTIVATIONS_F32_INSTANTIATE(Selu)
ACTIVATIONS_F32_INSTANTIATE(Softsign)
ACTIVATIONS_F32_INSTANTIATE(Softplus)
ACTIVATIONS_F32_INSTANTIATE(Exponential)
ACTIVATIONS_F32_INSTANTIATE(Gelu)
ACTIVATIONS_F32_INSTANTIATE(Silu)
ACTIVATIONS_F32_INSTANTIATE(Mish)
ACTIVATIONS_F32_INSTANTIATE(LeakyRelu)
ACTIVATIONS_F32_INSTANTIATE(Relu6)
ACTIVATIONS_F32_INSTANTIATE(HardSigmoid)
ACTIVATIONS_F32_INSTANTIATE(HardSilu)
ACTIVATIONS_F32_INSTANTIATE(HardTanh)
ACTIVATIONS_F32_INSTANTIATE(LogSigmoid)
ACTIVATIONS_F32_INSTANTIATE(Celu)
ACTIVATIONS_F32_INSTANTIATE(Squareplus)
ACTIVATIONS_F32_INSTANTIATE(SparsePlus)
ACTIVATIONS_F32_INSTANTIATE(SparseSigmoid)
ACTIVATIONS_F32_INSTANTIATE(SoftShrink)
ACTIVATIONS_F32_INSTANTIATE(HardShrink)
ACTIVATIONS_F32_INSTANTIATE(TanhShrink)
ACTIVATIONS_F32_INSTANTIATE(Threshold)
ACTIVATIONS_F32_INSTANTIATE(Linear)

#undef ACTIVATIONS_F32_INSTANTIATE

}  // namespace activations::kernels::f32
