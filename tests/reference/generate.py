#!/usr/bin/env python3
"""High-precision reference values for the activation core, computed with mpmath.

Writes, into the directory given as the only argument:
  elementwise.tsv  id, params, z, f(z), f'(z)   one row per test point
  softmax.tsv      temperature, logits, softmax, Jacobian (row-major)

Every value is computed with 256-bit arithmetic and rounded once, correctly, to the nearest
double (subnormals and overflow included). Derivatives at kinks follow TensorFlow's gradients:
relu'(0) = 0, elu'(0) = alpha, selu'(0) = scale. Needs python3-mpmath (Debian) and nothing else.
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
    """Round an mpf to the nearest double, ties to even."""
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

# (id, params as written in the file, parameter values)
CASES = [(name, "-", FUNCTIONS[name]) for name in ("sigmoid", "tanh", "relu")]
CASES += [("elu", f"alpha={a}", elu(mpf(a))) for a in ("1", "1.5", "0.25", "3")]
CASES += [(name, "-", FUNCTIONS[name]) for name in ("selu", "softsign", "softplus", "exponential")]

# Where naive formulas break: exp overflow and underflow, cancellation, subnormals, kinks.
EXTREMES = [
    0.0, 1e-300, 1e-8, 0.5, 1.0, 2.0, 3.0, 6.0, 18.0, 19.0, 20.0, 36.0, 37.0, 38.0, 40.0,
    354.0, 355.0, 372.0, 708.0, 709.78, 709.79, 709.8, 710.0, 744.0, 745.0, 745.14, 745.2,
    746.0, 1e16, 1e154, 1.34e154, 1e162, 1e200, 1e300, 5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, math.inf,
]


def test_points():
    rng = random.Random(20261129)
    points = EXTREMES + [-v for v in EXTREMES] + [math.nan]
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


def softmax_exact(x, t):
    """Softmax and Jacobian at 256 bits; x may hold +-inf (limits) but no NaN."""
    n = len(x)
    if any(v == math.inf for v in x):
        k = sum(v == math.inf for v in x)
        e = [mpf(1) if v == math.inf else mpf(0) for v in x]
    elif all(v == -math.inf for v in x):
        e = [mpf(1)] * n
    else:
        m = max(x)
        e = [mpf(0) if v == -math.inf else mpmath.exp((mpf(v) - mpf(m)) / mpf(t)) for v in x]
    total = mpmath.fsum(e)
    s = [v / total for v in e]
    # 1 - s_i as the sum of the others: s_i can be within 2^-256 of 1 while 1 - s_i is a normal
    # double, and 1 - s_i at 256 bits would then be 0.
    rest = [mpmath.fsum(e[:i] + e[i + 1 :]) / total for i in range(n)]
    jac = [[(s[i] * rest[i] if i == j else -s[i] * s[j]) / mpf(t) for j in range(n)]
           for i in range(n)]
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
    with open(out / "softmax.tsv", "w") as fh:
        fh.write("# temperature\tlogits\tsoftmax\tjacobian (row-major)\n")
        for x, t in softmax_cases():
            s, jac = softmax_exact(x, t)
            row = [fmt(t), ",".join(map(fmt, x)), ",".join(fmt(to_double(v)) for v in s)]
            row.append(",".join(fmt(to_double(v)) for line in jac for v in line))
            fh.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
