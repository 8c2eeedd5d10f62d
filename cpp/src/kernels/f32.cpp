#include "f32.h"

#include "f32_lesson.h"
#include "f32_piecewise.h"
#include "f32_smooth.h"

namespace activations::kernels::f32 {
namespace {

// The loops over the vectorised forms (f32_lesson.h, f32_smooth.h, f32_piecewise.h).

// n < 4 trailing elements go through the same lanes, padded with zeros, so every element gets
// the same bits wherever it sits in the array.
template <class Body>
void blocks(const float* z, std::size_t n, float* f, float* df, Body body) {
  std::size_t i = 0;
  // Four blocks per iteration: independent chains for the processor to overlap.
  for (; i + 16 <= n; i += 16) {
    for (std::size_t j = i; j < i + 16; j += 4)
      body(z + j, f + j, df == nullptr ? nullptr : df + j);
  }
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
      blocks(z, n, f, df, [&](const float* zb, float* fb, float* dfb) {
        const F4 x = simd::load(zb);
        F4 fv;
        F4 dfv;
        S::both(x, c, fv, dfv);
        simd::store(fb, fv);
        simd::store(dfb, dfv);
        if constexpr (S::kDfWindow) {
          if (simd::any((x > splat(S::kDfLo)) & (x < splat(S::kDfHi)))) {
            for (int l = 0; l < 4; ++l) {
              if (zb[l] > S::kDfLo && zb[l] < S::kDfHi) {
                dfb[l] = static_cast<float>(K::df(static_cast<double>(zb[l]), p));
              }
            }
          }
        }
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
      std::size_t i = 0;
      if constexpr (HasLean<S>) {
        // 16 elements at a time: one range check, then the lean form on all four blocks.
        for (; i + 16 <= n; i += 16) {
          const F4 x0 = simd::load(z + i);
          const F4 x1 = simd::load(z + i + 4);
          const F4 x2 = simd::load(z + i + 8);
          const F4 x3 = simd::load(z + i + 12);
          // The extremes of the 16, without abs (three instructions each in V8). pmin and pmax
          // may drop a NaN; NaN takes the lean form either way, which keeps it.
          const F4 hi = pmax(pmax(x0, x1), pmax(x2, x3));
          const F4 lo = pmin(pmin(x0, x1), pmin(x2, x3));
          const bool lean = !simd::any((hi > splat(S::kLeanLimit)) | (lo < splat(-S::kLeanLimit)));
          simd::store(f + i, lean ? S::lean(x0, c) : S::f(x0, c));
          simd::store(f + i + 4, lean ? S::lean(x1, c) : S::f(x1, c));
          simd::store(f + i + 8, lean ? S::lean(x2, c) : S::f(x2, c));
          simd::store(f + i + 12, lean ? S::lean(x3, c) : S::f(x3, c));
        }
      }
      blocks(z + i, n - i, f + i, nullptr,
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
