#!/usr/bin/env python3
"""High-precision reference values for the activation core, computed with mpmath.

Writes, into the directory given as the only argument:
  elementwise.tsv  id, params, z, f(z), f'(z)   one row per test point
  vector.tsv       id, temperature, logits, output, Jacobian (row-major)   softmax, log_softmax, sparsemax

Every value is computed with 256-bit arithmetic and rounded once, correctly, to the nearest
double (subnormals and overflow included). Derivatives at kinks follow TensorFlow's gradients:
relu'(0) = 0, elu'(0) = alpha, selu'(0) = scale, and so on for every kink (see NOTES.md and Keras
3's TensorFlow backend). Needs python3-mpmath (Debian) and nothing else.
"""

import math
import random
import sys
from fractions import Fraction
from pathlib import Path

import mpmath
from mpmath import mp, mpf

mp.prec = 256

SELU_ALPHA = mpf("1.6732632423543772848170429916717")
SELU_SCALE = mpf("1.0507009873554804934193349852946")
# Stand-in for an infinite input: far enough out that every function has reached its limit.
HUGE = mpf("1e1000")


def to_double(x):
    """Round an mpf (or a Fraction) to the nearest double, ties to even."""
    if isinstance(x, Fraction):
        try:
            return x.numerator / x.denominator  # CPython rounds int / int correctly
        except OverflowError:
            return math.inf if x > 0 else -math.inf
    if mpmath.isnan(x):
        return math.nan
    if mpmath.isinf(x):
        return math.inf if x > 0 else -math.inf
    if x == 0:
        return 0.0
    if mpmath.mag(x) > 1100:
        return math.inf if x > 0 else -math.inf
    if mpmath.mag(x) < -1100:
        return 0.0 if x > 0 else -0.0
    man, exp = abs(x).man_exp  # man_exp drops the sign
    exact = Fraction(man) * (Fraction(2) ** exp)
    sign = 1.0 if x > 0 else -1.0
    try:
        return sign * (exact.numerator / exact.denominator)  # CPython rounds int / int correctly
    except OverflowError:
        return sign * math.inf


def sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


def d_sigmoid(z):
    e = mpmath.exp(-abs(z))
    return e / (1 + e) ** 2


def elu(alpha):
    return (
        lambda z: z if z > 0 else alpha * mpmath.expm1(z),
        lambda z: mpf(1) if z > 0 else alpha * mpmath.exp(z),
    )


FUNCTIONS = {
    "sigmoid": (sigmoid, d_sigmoid),
    "tanh": (mpmath.tanh, lambda z: mpmath.sech(z) ** 2),
    "relu": (lambda z: z if z > 0 else mpf(0), lambda z: mpf(1) if z > 0 else mpf(0)),
    "selu": (
        lambda z: SELU_SCALE * z if z > 0 else SELU_SCALE * SELU_ALPHA * mpmath.expm1(z),
        lambda z: SELU_SCALE if z >= 0 else SELU_SCALE * SELU_ALPHA * mpmath.exp(z),
    ),
    "softsign": (lambda z: z / (1 + abs(z)), lambda z: 1 / (1 + abs(z)) ** 2),
    "softplus": (lambda z: mpmath.log1p(mpmath.exp(z)), sigmoid),
    "exponential": (mpmath.exp, mpmath.exp),
}

ONE, ZERO = mpf(1), mpf(0)


def step(cond):
    return ONE if cond else ZERO


def phi(z):
    return mpmath.exp(-z * z / 2) / mpmath.sqrt(2 * mpmath.pi)


def gelu_exact():
    cdf = lambda z: mpmath.erfc(-z / mpmath.sqrt(2)) / 2
    # Beyond |x| = 50 the values are z or 0 (and 1 or 0) to far below double precision, and
    # mpmath's erfc cannot take such arguments.
    f = lambda z: z * cdf(z) if abs(z) < 50 else (z if z > 0 else ZERO)
    df = lambda z: cdf(z) + z * phi(z) if abs(z) < 50 else (ONE if z > 0 else ZERO)
    return (f, df)


def gelu_tanh():
    c = mpmath.sqrt(2 / mpmath.pi)
    g = lambda z: c * (z + mpf("0.044715") * z**3)
    dg = lambda z: c * (1 + 3 * mpf("0.044715") * z**2)
    # 0.5 x (1 + tanh g) = x sigmoid(2g); written with sigmoids so 256 bits never cancel.
    return (
        lambda z: z * sigmoid(2 * g(z)),
        lambda z: sigmoid(2 * g(z)) + z * sigmoid(2 * g(z)) * sigmoid(-2 * g(z)) * 2 * dg(z),
    )


def mish():
    sp = lambda z: mpmath.log1p(mpmath.exp(z))
    return (
        lambda z: z * mpmath.tanh(sp(z)),
        lambda z: mpmath.tanh(sp(z)) + z * mpmath.sech(sp(z)) ** 2 * sigmoid(z),
    )


def squareplus(b):
    s = lambda z: mpmath.sqrt(z * z + b)
    return (
        lambda z: (z + s(z)) / 2 if z >= 0 else b / (2 * (s(z) - z)),
        lambda z: (1 + z / s(z)) / 2 if z >= 0 else b / (2 * s(z) * (s(z) - z)),
    )


def tanh_shrink_f(z):
    # x - tanh x ~ x^3/3 cancels: carry 3 |log2 x| more bits than the answer needs.
    extra = max(0, -3 * int(mpmath.mag(z))) if z != 0 else 0
    with mp.workprec(mp.prec + extra + 64):
        return +(z - mpmath.tanh(z))


def celu(a):
    return (lambda z: z if z > 0 else a * mpmath.expm1(z / a), lambda z: ONE if z > 0 else mpmath.exp(z / a))


FUNCTIONS.update(
    {
        "silu": (lambda z: z * sigmoid(z), lambda z: sigmoid(z) * (1 + z * sigmoid(-z))),
        "mish": mish(),
        "relu6": (lambda z: min(max(z, ZERO), mpf(6)), lambda z: step(0 < z < 6)),
        "hard_sigmoid": (lambda z: min(max((z + 3) / 6, ZERO), ONE), lambda z: step(-3 < z < 3) / 6),
        "hard_silu": (
            lambda z: ZERO if z <= -3 else (z if z >= 3 else z * (z + 3) / 6),
            lambda z: ZERO if z <= -3 else (ONE if z >= 3 else (2 * z + 3) / 6),
        ),
        "hard_tanh": (lambda z: min(max(z, -ONE), ONE), lambda z: step(-1 <= z <= 1)),
        "log_sigmoid": (lambda z: -mpmath.log1p(mpmath.exp(-z)), lambda z: sigmoid(-z)),
        "sparse_plus": (
            lambda z: ZERO if z <= -1 else (z if z >= 1 else (z + 1) ** 2 / 4),
            lambda z: ZERO if z <= -1 else (ONE if z >= 1 else (z + 1) / 2),
        ),
        "sparse_sigmoid": (lambda z: min(max((z + 1) / 2, ZERO), ONE), lambda z: step(-1 < z < 1) / 2),
        "tanh_shrink": (tanh_shrink_f, lambda z: mpmath.tanh(z) ** 2),
        "linear": (lambda z: z, lambda z: ONE),
    }
)


def leaky(s):
    return (lambda z: z if z > 0 else s * z, lambda z: ONE if z > 0 else s)


def soft_shrink(t):
    return (
        lambda z: z - t if z > t else (z + t if z < -t else ZERO),
        lambda z: step(z > t or z < -t),
    )


def hard_shrink(t):
    return (lambda z: z if abs(z) > t else ZERO, lambda z: step(abs(z) > t))


def threshold(t, v):
    return (lambda z: z if z > t else v, lambda z: step(z > t))


# (id, params as written in the file, parameter values)
CASES = [(name, "-", FUNCTIONS[name]) for name in ("sigmoid", "tanh", "relu")]
CASES += [("elu", f"alpha={a}", elu(mpf(a))) for a in ("1", "1.5", "0.25", "3")]
CASES += [(name, "-", FUNCTIONS[name]) for name in ("selu", "softsign", "softplus", "exponential")]
CASES += [("gelu", "approximate=0", gelu_exact()), ("gelu", "approximate=1", gelu_tanh())]
CASES += [(name, "-", FUNCTIONS[name]) for name in ("silu", "mish")]
CASES += [("leaky_relu", f"negative_slope={s}", leaky(mpf(s))) for s in ("0.2", "0.01", "0.3", "0")]
CASES += [(name, "-", FUNCTIONS[name]) for name in ("relu6", "hard_sigmoid", "hard_silu", "hard_tanh", "log_sigmoid")]
CASES += [("celu", f"alpha={a}", celu(mpf(a))) for a in ("1", "0.5", "2.5")]
# alpha from 1e290 up, where z / alpha needs its remainder split with scaled factors (found by
# fuzzing). mpf(float(a)): the truth for the double the test passes.
CASES += [("celu", f"alpha={a}", celu(mpf(float(a)))) for a in ("1e300", "1.7976931348623157e308")]
# b beyond 1e300 (up to DBL_MAX), where x^2 + b overflows (found by fuzzing). mpf(float(b)):
# the truth for the double the test passes, not for the decimal.
CASES += [
    ("squareplus", f"b={b}", squareplus(mpf(float(b))))
    for b in ("4", "0.25", "1e300", "3e305", "1.7976931348623157e308")
]
CASES += [(name, "-", FUNCTIONS[name]) for name in ("sparse_plus", "sparse_sigmoid")]
CASES += [("soft_shrink", f"threshold={t}", soft_shrink(mpf(t))) for t in ("0.5", "0", "1.5")]
CASES += [("hard_shrink", f"threshold={t}", hard_shrink(mpf(t))) for t in ("0.5", "1.5")]
CASES += [("tanh_shrink", "-", FUNCTIONS["tanh_shrink"])]
CASES += [
    ("threshold", f"threshold={t},default_value={v}", threshold(mpf(t), mpf(v)))
    for t, v in (("0", "0"), ("1", "-0.5"))
]
CASES += [("linear", "-", FUNCTIONS["linear"])]

# Where naive formulas break: exp overflow and underflow, cancellation, subnormals, kinks.
EXTREMES = [
    0.0, 1e-300, 1e-8, 1e-3, 0.03125, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 6.0, 18.0, 19.0, 20.0, 36.0, 37.0, 38.0, 40.0,
    354.0, 355.0, 372.0, 708.0, 709.78, 709.79, 709.8, 710.0, 744.0, 745.0, 745.14, 745.2,
    746.0, 1e16, 1e154, 1.34e154, 1e162, 1e200, 1e300, 5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, math.inf,
]


def roots_of_derivatives():
    """The doubles nearest the roots of silu', mish' and gelu' (both forms), and their
    neighbours: there the derivative is tiny and only a careful formula keeps its digits."""
    points = []
    for name, guess in (("silu", -1.28), ("mish", -1.19)):
        points.append(mpmath.findroot(FUNCTIONS[name][1], guess))
    points.append(mpmath.findroot(gelu_exact()[1], -0.75))
    points.append(mpmath.findroot(gelu_tanh()[1], -0.75))
    out = []
    for root in points:
        d = float(root)
        for k in range(-3, 4):
            out.append(d + k * math.ulp(d))
    return out


def test_points():
    rng = random.Random(20261129)
    points = EXTREMES + [-v for v in EXTREMES] + [math.nan]
    points += roots_of_derivatives()
    points += [rng.uniform(-4.0, 1.0) for _ in range(600)]  # where most derivatives change shape
    points += [k / 16 for k in range(-640, 641)]  # [-40, 40], exact binary steps
    points += [rng.uniform(-50.0, 50.0) for _ in range(800)]
    for k in range(700):  # every decade from 1e-320 to 1e308, random mantissas
        magnitude = 10.0 ** (-320 + k * 628 / 699)
        value = magnitude * rng.uniform(1.0, 10.0)
        if math.isfinite(value) and value != 0.0:
            points += [value, -value]
    return points


def fmt(x):
    return repr(float(x))


def elementwise_rows():
    points = test_points()
    for name, params, (f, df) in CASES:
        for z in points:
            if math.isnan(z):
                yield (name, params, z, math.nan, math.nan)
                continue
            zm = HUGE * (1 if z > 0 else -1) if math.isinf(z) else mpf(z)
            yield (name, params, z, to_double(f(zm)), to_double(df(zm)))


def softmax_terms(x, t):
    """exp((x_i - m)/t) at 256 bits, with the limits for +-inf; x has no NaN."""
    n = len(x)
    if any(v == math.inf for v in x):
        return [ONE if v == math.inf else ZERO for v in x], None
    if all(v == -math.inf for v in x):
        return [ONE] * n, None
    m = max(x)
    q = [None if v == -math.inf else (mpf(v) - mpf(m)) / mpf(t) for v in x]
    return [ZERO if qi is None else mpmath.exp(qi) for qi in q], q


def softmax_exact(x, t, log=False):
    """Softmax (or log-softmax) and its Jacobian at 256 bits."""
    n = len(x)
    e, q = softmax_terms(x, t)
    total = mpmath.fsum(e)
    s = [v / total for v in e]
    # 1 - s_i as the sum of the others: s_i can be within 2^-256 of 1 while 1 - s_i is a normal
    # double, and 1 - s_i at 256 bits would then be 0.
    rest = [mpmath.fsum(e[:i] + e[i + 1 :]) / total for i in range(n)]
    if log:
        if q is None:
            out = [mpmath.log(v) if v > 0 else -mpmath.inf for v in s]
        else:
            top = max(range(n), key=lambda i: x[i])
            log_total = mpmath.log1p(mpmath.fsum(e[:top] + e[top + 1 :]))
            out = [-mpmath.inf if qi is None else qi - log_total for qi in q]
        jac = [[((rest[i] if i == j else -s[j])) / mpf(t) for j in range(n)] for i in range(n)]
        return out, jac
    jac = [[(s[i] * rest[i] if i == j else -s[i] * s[j]) / mpf(t) for j in range(n)]
           for i in range(n)]
    return s, jac


def sparsemax_exact(x, t):
    """Sparsemax and its Jacobian, the projection of x/t onto the simplex, in exact rationals
    (256 bits are not enough when x/t spans 1e600)."""
    n = len(x)
    if any(v == math.inf for v in x):  # the +inf logits share the mass
        k = sum(v == math.inf for v in x)
        s = [Fraction(1, k) if v == math.inf else Fraction(0) for v in x]
    elif all(v == -math.inf for v in x):
        s = [Fraction(1, n)] * n
    else:
        z = [Fraction(v) / Fraction(t) if v != -math.inf else None for v in x]
        zs = sorted((v for v in z if v is not None), reverse=True)
        k, cumulative, at_k = 0, Fraction(0), Fraction(0)
        for r, zr in enumerate(zs, start=1):
            cumulative += zr
            if 1 + r * zr > cumulative:
                k, at_k = r, cumulative
        tau = (at_k - 1) / k
        s = [max(zi - tau, Fraction(0)) if zi is not None else Fraction(0) for zi in z]
    support = [i for i in range(n) if s[i] > 0]
    share = Fraction(1, len(support))
    jac = [[((1 if i == j else 0) - share) / Fraction(t) if i in support and j in support
            else Fraction(0) for j in range(n)] for i in range(n)]
    return s, jac


def softmax_cases():
    rng = random.Random(7)
    cases = [
        ([1.0, 2.0, 3.0], 1.0),
        ([0.0], 1.0),
        ([5.0, 5.0, 5.0, 5.0], 1.0),
        ([1000.0, 0.0, -1000.0], 1.0),
        ([1e300, -1e300], 1.0),
        ([-1e300, 1e300, 0.0], 1e-300),
        ([2.0, 1.0, 0.1], 1e300),
        ([700.0, 0.0, -40.0, 37.0], 0.37),
        ([math.inf, 1.0, math.inf], 1.0),
        ([-math.inf, 0.0, 2.0], 1.0),
        ([-math.inf, -math.inf], 2.0),
        ([1.0, 1.0 + 2**-52, 1.0 - 2**-53], 1.0),
        ([30.0, 0.0], 0.5),
        ([0.5, 0.5000000001, -3.0], 1.0),
        ([1.0, 0.2, 0.19999999999999998, -5.0], 0.3),
        ([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 0.05),
        # Temperatures from 1e290 up, where x / T needs its remainder split with scaled factors
        # (found by fuzzing).
        ([5e291, 4.7e291, 4.95e291, -3e292], 1e290),
        ([3e302, 1e302, -2e302, 2.9e302], 1e300),
        ([3e300, 2.5e300, 2.9e300, -1e301], 1e300),
        ([1.7e308, 1.69e308, 1.6e308, 1.65e308], 1e307),
        ([1.7976931348623157e308, 1.5e308, 1e308, -5e307], 1.7976931348623157e308),
        # x - max(x) beyond DBL_MAX, at temperatures that bring it back into range.
        ([1.5e308, -1.6e308, 1e308, -1.7e308, 1.45e308], 1e306),
        ([-1.7976931348623157e308, 1.7976931348623157e308, -1e308], 3e306),
    ]
    for _ in range(120):
        n = rng.randint(2, 6)
        scale = 10.0 ** rng.uniform(-3, 3)
        t = 10.0 ** rng.uniform(-1.5, 1.5)
        cases.append(([rng.gauss(0.0, scale) for _ in range(n)], t))
    for n in (32, 100):
        cases.append(([rng.uniform(-20.0, 20.0) for _ in range(n)], 1.0))
    return cases


def main(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "elementwise.tsv", "w") as fh:
        fh.write("# id\tparams\tz\tf\tdf\n")
        for name, params, z, f, df in elementwise_rows():
            fh.write(f"{name}\t{params}\t{fmt(z)}\t{fmt(f)}\t{fmt(df)}\n")
    with open(out / "vector.tsv", "w") as fh:
        fh.write("# id\ttemperature\tlogits\toutput\tjacobian (row-major)\n")
        for name, exact in (
            ("softmax", softmax_exact),
            ("log_softmax", lambda x, t: softmax_exact(x, t, log=True)),
            ("sparsemax", sparsemax_exact),
        ):
            for x, t in softmax_cases():
                if name == "sparsemax" and any(math.isnan(v) for v in x):
                    continue
                y, jac = exact(x, t)
                row = [name, fmt(t), ",".join(map(fmt, x)), ",".join(fmt(to_double(v)) for v in y)]
                row.append(",".join(fmt(to_double(v)) for line in jac for v in line))
                fh.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
