#!/usr/bin/python3
"""Generate scipy reference figures for the drift statistics library.

Run with Debian's interpreter, which has scipy/numpy (the pyenv `python3` on PATH does not):

    /usr/bin/python3 scripts/drift_fixtures.py

Writes test/fixtures/drift/{numeric,categorical,special,corrections}.json. Everything is derived from a
fixed seed, so re-running reproduces the files byte for byte with the same scipy/numpy versions.
The TypeScript specs in src/monitoring/drift/stats/*.spec.ts load these files and compare every figure.

Conventions shared with the TypeScript implementation (see docs/drift-statistics.md):
- numeric samples are rounded to 4 decimals (compact JSON, deliberate ties);
- a sample reference is {"sample": name, "from": i, "to": j, "shift": s}: samples[name][i:j] + s;
- non-finite floats are written as the strings "Infinity", "-Infinity" and "NaN".
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import scipy
import scipy.special as sp
import scipy.stats as st
from scipy.spatial import distance

SEED = 20240611
OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "drift"


def enc(x):
    """JSON-safe float."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def meta():
    return {"generator": "scripts/drift_fixtures.py", "seed": SEED, "scipy": scipy.__version__, "numpy": np.__version__}


def write(name, payload):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(payload, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {path.relative_to(OUT.parent.parent.parent)} ({path.stat().st_size / 1024:.0f} KiB)")


# ---------------------------------------------------------------------------------------------------------
# Binned statistics, written exactly as the TypeScript library defines them (Evidently conventions)
# ---------------------------------------------------------------------------------------------------------

def quantile_edges(ref, bins):
    qs = np.array([i / bins for i in range(1, bins)])
    return np.unique(np.quantile(np.asarray(ref, dtype=float), qs)) if bins > 1 else np.array([])


def bin_counts(values, edges):
    idx = np.searchsorted(edges, np.asarray(values, dtype=float), side="left")
    return np.bincount(idx, minlength=len(edges) + 1).astype(float)


def evidently_fill(props):
    """evidently.calculations.stattests.utils.get_binned_data(feel_zeroes=True)."""
    props = props.copy()
    nz = props[props != 0]
    fill = nz.min() / 10**6 if nz.min() <= 0.0001 else 0.0001
    np.place(props, props == 0, fill)
    return props


def psi_from_counts(ref_counts, cur_counts):
    r = evidently_fill(ref_counts / ref_counts.sum())
    c = evidently_fill(cur_counts / cur_counts.sum())
    return float(np.sum((r - c) * np.log(r / c)))


def js_from_counts(ref_counts, cur_counts, base=None):
    return float(distance.jensenshannon(ref_counts / ref_counts.sum(), cur_counts / cur_counts.sum(), base))


# ---------------------------------------------------------------------------------------------------------
# Numeric cases: KS, Wasserstein, PSI and Jensen-Shannon over reference deciles
# ---------------------------------------------------------------------------------------------------------

def numeric_fixture(rng):
    samples = {}

    def add(name, values):
        samples[name] = [float(v) for v in np.round(np.asarray(values, dtype=float), 4)]

    add("tiny", rng.normal(0, 1, 40))
    add("n20a", rng.normal(0, 1, 20))
    add("n20b", rng.normal(0, 1, 20))
    add("n100a", rng.normal(0, 1, 100))
    add("n100b", rng.normal(0, 1, 100))
    add("n1000a", rng.normal(10, 2, 1000))
    add("n1000b", rng.normal(10, 2, 1000))
    add("n5000a", rng.normal(0, 1, 5000))
    add("n5000b", rng.normal(0, 1, 5000))
    add("n10000", rng.normal(0, 1, 10000))
    add("big", rng.normal(0, 1, 20000))
    add("big2", rng.normal(0, 1, 12000))
    add("pois3", rng.poisson(3, 60))
    add("pois3b", rng.poisson(3.5, 60))
    add("pois1k", rng.poisson(2, 1200))
    add("poisbig", rng.poisson(4, 15000))
    add("poisbig2", rng.poisson(4, 12000))
    add("halves", rng.integers(0, 4, 80) + 0.5)
    add("const5", np.full(30, 5.0))
    add("expo", rng.exponential(1.0, 2000))

    def s(name, a=None, b=None, shift=0.0):
        spec = {"sample": name}
        if a is not None:
            spec["from"] = a
        if b is not None:
            spec["to"] = b
        if shift:
            spec["shift"] = shift
        return spec

    cases = [
        ("tiny 1 vs 1", s("tiny", 0, 1), s("tiny", 1, 2)),
        ("tiny 1 vs 1 equal", s("tiny", 0, 1), s("tiny", 0, 1)),
        ("tiny 1 vs 3", s("tiny", 2, 3), s("tiny", 3, 6)),
        ("tiny 2 vs 5", s("tiny", 6, 8), s("tiny", 8, 13)),
        ("tiny 3 vs 3 shifted", s("tiny", 13, 16), s("tiny", 16, 19, 1.5)),
        ("tiny 5 vs 4", s("tiny", 19, 24), s("tiny", 24, 28)),
        ("tiny 5 vs 5 separated", s("tiny", 28, 33), s("tiny", 33, 38, 10.0)),
        ("tiny 4 vs 1", s("tiny", 0, 4), s("tiny", 39, 40)),
        ("n20 same", s("n20a"), s("n20b")),
        ("n20 shifted", s("n20a"), s("n20b", shift=1.0)),
        ("n20 vs 17 shifted", s("n20a"), s("n20b", 0, 17, 0.5)),
        ("n100 same", s("n100a"), s("n100b")),
        ("n100 vs 80 shifted", s("n100a"), s("n100b", 0, 80, 0.4)),
        ("n1000 same", s("n1000a"), s("n1000b")),
        ("n1000 vs 900 shifted", s("n1000a"), s("n1000b", 0, 900, 0.3)),
        ("n1000 vs 10", s("n1000a"), s("n1000b", 0, 10)),
        ("n5000 shifted", s("n5000a"), s("n5000b", shift=0.05)),
        ("n5000 vs 4000 same", s("n5000a"), s("n5000b", 0, 4000)),
        ("n10000 vs 9999 exact", s("n10000"), s("big2", 0, 9999, 0.03)),
        ("n10001 vs 10001 asymp half-even en", s("big", 0, 10001), s("big2", 0, 10001, 0.01)),
        ("n20000 vs 12000 same asymp", s("big"), s("big2")),
        ("n20000 vs 12000 shifted asymp", s("big"), s("big2", shift=0.05)),
        ("n20000 vs 11000 small shift asymp", s("big"), s("big2", 0, 11000, 0.015)),
        ("n20000 vs 2000 asymp", s("big"), s("big2", 0, 2000, 0.04)),
        ("n20000 vs 300 shifted asymp", s("big"), s("big2", 0, 300, 0.3)),
        ("n20000 vs 150 asymp", s("big"), s("big2", 0, 150, 0.1)),
        ("n20000 vs 50 asymp", s("big"), s("big2", 0, 50)),
        ("n20000 vs 50 shifted asymp", s("big"), s("big2", 50, 100, 0.8)),
        ("n20000 vs 5 asymp", s("big"), s("big2", 0, 5)),
        ("n20000 vs 3 separated asymp", s("big"), s("big2", 0, 3, 9.0)),
        ("n12000 vs 11000 separated asymp", s("big", 0, 12000), s("big2", 0, 11000, 100.0)),
        ("ties poisson 60 vs 60", s("pois3"), s("pois3b")),
        ("ties poisson 60 vs 1200", s("pois3"), s("pois1k")),
        ("ties poisson 1200 vs 60", s("pois1k"), s("pois3b")),
        ("ties poisson 15000 vs 12000 asymp", s("poisbig"), s("poisbig2")),
        ("ties poisson 15000 vs 12000 shifted asymp", s("poisbig"), s("poisbig2", shift=0.5)),
        ("current between reference points", s("pois3"), s("halves")),
        ("constant vs same constant", s("const5"), s("const5", 0, 20)),
        ("constant vs normal", s("const5"), s("n20a", shift=5.0)),
        ("normal vs constant", s("n20a", shift=5.0), s("const5")),
        ("exponential vs normal", s("expo"), s("n1000a", 0, 1500, -9.0)),
    ]
    out = []
    for name, ref_spec, cur_spec in cases:
        ref = materialize(samples, ref_spec)
        cur = materialize(samples, cur_spec)
        out.append({"name": name, "reference": ref_spec, "current": cur_spec, "expected": numeric_expected(ref, cur)})
    out.append({"name": "empty current", "reference": s("n20a"), "current": s("n20b", 0, 0), "expected": None})
    return {"meta": meta(), "samples": samples, "cases": out}


def materialize(samples, spec):
    arr = np.asarray(samples[spec["sample"]], dtype=float)[spec.get("from", 0) : spec.get("to", None)]
    return arr + spec["shift"] if "shift" in spec else arr


def numeric_expected(ref, cur):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ks = st.ks_2samp(ref, cur)
    fell_back = any("Exact calculation unsuccessful" in str(w.message) for w in caught)
    method = "exact" if max(len(ref), len(cur)) <= 10000 and not fell_back else "asymp"
    std = float(np.std(ref))
    wd = float(st.wasserstein_distance(ref, cur))
    binned = {}
    for bins in (10, 5):
        edges = quantile_edges(ref, bins)
        rc, cc = bin_counts(ref, edges), bin_counts(cur, edges)
        binned[str(bins)] = {
            "edges": [float(e) for e in edges],
            "referenceCounts": rc.tolist(),
            "currentCounts": cc.tolist(),
            "psi": psi_from_counts(rc, cc),
            "js": js_from_counts(rc, cc),
            "jsBase2": js_from_counts(rc, cc, 2),
        }
    return {
        "ks": {
            "statistic": float(ks.statistic),
            "pValue": float(ks.pvalue),
            "method": method,
            "location": float(ks.statistic_location),
            "sign": int(ks.statistic_sign),
        },
        "wasserstein": {"distance": wd, "referenceStd": std, "normed": wd / max(std, 0.001)},
        "binned": binned,
    }


# ---------------------------------------------------------------------------------------------------------
# Categorical cases: chi-square (Evidently), Z-test (Evidently), PSI and Jensen-Shannon over categories
# ---------------------------------------------------------------------------------------------------------

def draw(rng, labels, probs, n):
    values = rng.choice(np.array(labels, dtype=object), size=n, p=np.asarray(probs) / np.sum(probs))
    keys, counts = np.unique(values.astype(str), return_counts=True)
    return {str(k): int(c) for k, c in zip(keys, counts)}


def categorical_fixture(rng):
    abcd = ["a", "b", "c", "d"]
    zipf = [f"cat{i:02d}" for i in range(50)]
    zw = 1.0 / np.arange(1, 51)
    zw2 = zw.copy()
    zw2[:5] *= 1.15
    cases = [
        ("four categories same", draw(rng, abcd, [4, 3, 2, 1], 500), draw(rng, abcd, [4, 3, 2, 1], 400)),
        ("four categories shifted", draw(rng, abcd, [4, 3, 2, 1], 500), draw(rng, abcd, [1, 1, 1, 1], 400)),
        ("unseen categories in current", draw(rng, ["a", "b", "c"], [5, 3, 2], 600),
         {**draw(rng, ["a", "b", "c"], [5, 3, 2], 300), "e": 4, "f": 1}),
        ("categories missing in current", draw(rng, ["a", "b", "c", "d", "e"], [5, 4, 3, 2, 1], 700),
         draw(rng, ["a", "b", "c"], [5, 4, 3], 200)),
        ("binary same", draw(rng, ["yes", "no"], [3, 7], 800), draw(rng, ["yes", "no"], [3, 7], 700)),
        ("binary shifted", draw(rng, ["yes", "no"], [3, 7], 800), draw(rng, ["yes", "no"], [4, 6], 700)),
        ("binary reference single-valued", {"no": 300}, draw(rng, ["yes", "no"], [1, 9], 200)),
        ("single category same", {"x": 100}, {"x": 50}),
        ("single category different", {"x": 100}, {"y": 50}),
        ("numeric-like labels", {"1": 30, "2": 50, "10": 20}, {"1": 25, "2": 40, "10": 35}),
        ("many categories large", draw(rng, zipf, zw, 20000), draw(rng, zipf, zw2, 5000)),
        ("strong shift tiny p-value", {"a": 9000, "b": 1000, "c": 500}, {"a": 3000, "b": 3000, "c": 2500}),
        ("binary strong shift", {"t": 5000, "f": 5000}, {"t": 3000, "f": 7000}),
        ("empty current", {"a": 3, "b": 4}, {}),
    ]
    out = []
    for name, ref, cur in cases:
        out.append({"name": name, "reference": ref, "current": cur, "expected": categorical_expected(ref, cur)})
    return {"meta": meta(), "cases": out}


def chisquare_evidently(ref, cur, keys):
    """evidently.calculations.stattests.chisquare_stattest._chi_stat_test on counts.

    With a single category (df = 0) scipy returns p = NaN; the library documents p = 1, statistic 0 instead.
    """
    n_ref, n_cur = sum(ref.get(k, 0) for k in keys), sum(cur.get(k, 0) for k in keys)
    if n_cur == 0:
        return None  # not computable
    k_norm = n_cur / n_ref
    f_exp = [ref.get(k, 0) * k_norm for k in keys]
    f_obs = [cur.get(k, 0) for k in keys]
    with np.errstate(divide="ignore", invalid="ignore"):
        res = st.chisquare(f_obs, f_exp)
    out = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "df": len(keys) - 1}
    if len(keys) == 1:
        out.update({"scipyPValue": out["pValue"], "pValue": 1.0, "statistic": 0.0})
    return out


def z_evidently(ref, cur, keys):
    """evidently.calculations.stattests.z_stattest._z_stat_test on counts."""
    if len(keys) == 1:
        return {"statistic": 0.0, "pValue": 1.0, "baseCategory": keys[0]}
    first = keys[0]
    n1, n2 = sum(ref.values()), sum(cur.values())
    p1 = float(n1 - ref.get(first, 0)) / n1
    p2 = float(n2 - cur.get(first, 0)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return {"statistic": float(z), "pValue": float(2 * (1 - st.norm.cdf(np.abs(z)))), "baseCategory": first}


def categorical_expected(ref, cur):
    if sum(cur.values()) == 0:
        return None
    keys = sorted(set(k for k, v in ref.items() if v > 0) | set(k for k, v in cur.items() if v > 0))
    unseen = [k for k in keys if ref.get(k, 0) == 0]
    seen = [k for k in keys if ref.get(k, 0) > 0]
    chi = chisquare_evidently(ref, cur, keys)
    chi_excl = chisquare_evidently(ref, {k: cur.get(k, 0) for k in seen}, seen) if unseen else chi
    rc = np.array([ref.get(k, 0) for k in keys], dtype=float)
    cc = np.array([cur.get(k, 0) for k in keys], dtype=float)
    return {
        "categories": keys,
        "unseen": unseen,
        "unseenCount": int(sum(cur.get(k, 0) for k in unseen)),
        "chisquare": chi,
        "chisquareExclude": chi_excl,
        "z": z_evidently(ref, cur, keys),
        "psi": psi_from_counts(rc, cc),
        "js": js_from_counts(rc, cc),
        "jsBase2": js_from_counts(rc, cc, 2),
    }


# ---------------------------------------------------------------------------------------------------------
# Special functions and the exact KS path-counting kernels
# ---------------------------------------------------------------------------------------------------------

def special_fixture(rng):
    from scipy.stats import _stats_py
    from scipy.stats._stats_pythran import _compute_outer_prob_inside_method

    kstwo = []
    ns = [1, 2, 3, 5, 8, 10, 20, 50, 100, 140, 141, 200, 500, 1000, 5000, 10000, 50000, 100000, 100001, 1000000]
    cs = [0.01, 0.1, 0.3, 0.6, 0.75, 0.76, 1.0, 1.5, 2.0, 2.19, 2.21, 3.0, 4.0, 4.1, 6.0, 10.0, 17.0, 19.0, 50.0,
          200.0, 369.0, 371.0]
    for n in ns:
        xs = [math.sqrt(c / n) for c in cs] + [0.5 / n, 0.6 / n, 0.9 / n, 1.0 / n, 1.5 / n, (n - 1.0) / n, 0.3, 0.45,
                                               0.5, 0.55, 0.7, 0.99, 1.0]
        for x in sorted(set(xs)):
            if 0 < x <= 1:
                kstwo.append([n, x, enc(st.kstwo.sf(x, n))])
    kolmogorov = [[x, enc(sp.kolmogorov(x))] for x in np.concatenate([np.linspace(0.02, 3.0, 60), [0.82, 0.8201, 5, 10, 20, 27]])]
    smirnov = []
    for n in [1, 2, 5, 10, 50, 140, 1000, 1013, 5000, 100000]:
        for x in [0.001, 0.5 / n, 1.0 / n, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0 - 1.0 / n, 1.0]:
            if 0 <= x <= 1:
                smirnov.append([n, x, enc(sp.smirnov(n, x))])
    chi2 = []
    for df in [1, 2, 3, 4, 5, 9, 10, 29, 30, 31, 49, 99, 100, 500, 1000, 10000]:
        for f in [0.0, 1e-3, 0.1, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0, 3.0, 5.0, 10.0]:
            chi2.append([f * df, df, enc(st.chi2.sf(f * df, df))])
        chi2.append([df + 60.0 * math.sqrt(df) + 300.0, df, enc(st.chi2.sf(df + 60.0 * math.sqrt(df) + 300.0, df))])
    ndtr = [[z, enc(sp.ndtr(z))] for z in np.concatenate([np.linspace(-38, 8, 93), [-0.1, 0.1, 0.7, 0.75, 1e-8]])]
    gammaln = [[x, enc(sp.gammaln(x))] for x in [0.5, 1, 1.5, 2, 2.5, 3, 7.5, 10, 15.5, 16, 50.5, 100, 1000.5, 1e5]]
    gammaincc = [[a, x, enc(sp.gammaincc(a, x))] for a in [0.5, 1, 2.5, 10, 20.5, 100, 5000]
                 for x in [1e-3 * a, 0.5 * a, a, a + 1, 1.5 * a + 1, 3 * a + 5]]
    square = [[n, h, enc(_stats_py._compute_prob_outside_square(n, h))]
              for n, h in [(5, 1), (5, 3), (20, 4), (100, 7), (1000, 40), (5000, 120), (10000, 150), (10000, 600)]]
    inside = []
    for m, n in [(7, 3), (20, 17), (100, 80), (1000, 900), (5000, 4000), (10000, 9999), (9000, 10000), (12, 8)]:
        g = math.gcd(m, n)
        lcm = m // g * n
        for frac in [0.02, 0.05, 0.1, 0.3, 0.7]:
            h = max(1, int(round(frac * lcm)))
            inside.append([m, n, g, h, enc(_compute_outer_prob_inside_method(m, n, g, h))])
    return {"meta": meta(), "kstwoSf": kstwo, "kolmogorov": kolmogorov, "smirnov": smirnov, "chi2Sf": chi2,
            "ndtr": ndtr, "gammaln": gammaln, "gammaincc": gammaincc, "probOutsideSquare": square,
            "outerProbInside": inside}


# ---------------------------------------------------------------------------------------------------------
# Multiple-testing corrections
# ---------------------------------------------------------------------------------------------------------

def fdr_reference(ps, method):
    """scipy.stats.false_discovery_control (scipy >= 1.11), used when the installed scipy lacks it."""
    if hasattr(st, "false_discovery_control"):
        return st.false_discovery_control(ps, method=method)
    ps = np.asarray(ps, dtype=float)
    if ps.size <= 1:
        return ps.copy()
    m = ps.shape[-1]
    order = np.argsort(ps)
    ps = np.take_along_axis(ps, order, axis=-1)
    i = np.arange(1, m + 1)
    ps *= m / i
    if method == "by":
        ps *= np.sum(1 / i)
    np.minimum.accumulate(ps[::-1], out=ps[::-1])
    np.put_along_axis(ps, order, values=ps.copy(), axis=-1)
    return np.clip(ps, 0, 1)


def corrections_fixture(rng):
    vectors = {
        "uniform 20": rng.uniform(0, 1, 20),
        "mostly small 200": rng.beta(0.5, 5, 200),
        "ties": np.array([0.01, 0.04, 0.04, 0.04, 0.2, 0.2, 0.9, 0.001, 0.001]),
        "zeros and ones": np.array([0.0, 1.0, 0.5, 0.0, 1.0, 0.03]),
        "single": np.array([0.02]),
        "tiny p-values": np.array([1e-300, 1e-50, 3e-8, 0.049, 0.051]),
    }
    cases = []
    for name, ps in vectors.items():
        ps = np.asarray(ps, dtype=float)
        cases.append({
            "name": name,
            "pValues": ps.tolist(),
            "bonferroni": np.minimum(1, ps * len(ps)).tolist(),
            "bh": np.asarray(fdr_reference(ps, "bh")).tolist(),
            "by": np.asarray(fdr_reference(ps, "by")).tolist(),
        })
    return {"meta": {**meta(), "fdrSource": "scipy" if hasattr(st, "false_discovery_control") else "reference"},
            "cases": cases}


def main():
    rng = np.random.default_rng(SEED)
    write("numeric.json", numeric_fixture(rng))
    write("categorical.json", categorical_fixture(rng))
    write("special.json", special_fixture(rng))
    write("corrections.json", corrections_fixture(rng))


if __name__ == "__main__":
    main()
