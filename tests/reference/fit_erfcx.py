#!/usr/bin/env python3
"""The coefficients of the float32 GELU kernel's erfcx (cpp/src/kernels/f32_gelu.h).

erfcx(a) = e^(a^2) erfc(a) on 0 <= a <= 10.5, in u = (a - K) / (a + K) with K = 2.5, which maps
that range to [-1, 8/13], and then to x = (26 u + 5) / 21 in [-1, 1]: erfcx / 2 is the Chebyshev
interpolant of degree 12 at the 13 Chebyshev nodes of x, written as a polynomial in x (the kernel
sums it by Horner's rule; no term is more than 19 times the sum) with its coefficients rounded to
double. Prints them as C++ hex literals, from x^0 up, and the worst relative error of that
polynomial summed in double against mpmath, at 4001 points of a (about 2^-34). Needs
python3-mpmath.
"""

import mpmath as mp

mp.mp.dps = 40
K = mp.mpf("2.5")
A_MAX = mp.mpf("10.5")
N = 13
U_MIN, U_MAX = mp.mpf(-1), (A_MAX - K) / (A_MAX + K)


def half_erfcx(a):
    return mp.exp(a * a) * mp.erfc(a) / 2


def a_of(x):
    u = U_MIN + (x + 1) * (U_MAX - U_MIN) / 2
    return K * (1 + u) / (1 - u)


def x_of(a):
    u = (a - K) / (a + K)
    return (2 * u - (U_MIN + U_MAX)) / (U_MAX - U_MIN)


def monomial(chebyshev):
    """The coefficients of sum c_k T_k(x) in powers of x, from x^0 up."""
    t = [[mp.mpf(1)], [mp.mpf(0), mp.mpf(1)]]  # T_k's own coefficients
    while len(t) < len(chebyshev):
        twice = [mp.mpf(0)] + [2 * v for v in t[-1]]
        t.append([a - b for a, b in zip(twice, t[-2] + [0, 0])])
    out = [mp.mpf(0)] * len(chebyshev)
    for ck, tk in zip(chebyshev, t):
        for i, v in enumerate(tk):
            out[i] += ck * v
    return out


def horner(coefficients, x):
    total = 0.0
    for ck in reversed(coefficients):
        total = total * x + ck
    return total


def main():
    angles = [mp.pi * (j + mp.mpf(1) / 2) / N for j in range(N)]
    values = [half_erfcx(a_of(mp.cos(t))) for t in angles]
    c = [2 * mp.fsum(v * mp.cos(k * t) for v, t in zip(values, angles)) / N for k in range(N)]
    c[0] /= 2
    rounded = [float(ck) for ck in monomial(c)]
    worst = max(
        abs(horner(rounded, float(x_of(a))) / half_erfcx(a) - 1)
        for a in (A_MAX * i / 4000 for i in range(4001))
    )
    for ck in rounded:
        print(f"    {ck.hex()},")
    print(f"worst relative error: 2^{float(mp.log(worst, 2)):.1f}")


if __name__ == "__main__":
    main()
