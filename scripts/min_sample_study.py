#!/usr/bin/python3
"""How often the default drift tests call "drift" on a window drawn from the reference itself.

Run with Debian's interpreter (numpy, scipy):

    /usr/bin/python3 scripts/min_sample_study.py

For every feature of the demo models' reference.csv (2000 rows each, so Evidently's defaults judge
numeric features by normed Wasserstein >= 0.1 and categorical ones by Jensen-Shannon (base 2) >= 0.1),
draw `TRIALS` windows of m rows with replacement from the reference (no drift at all) and count the
share the test flags. That share is the false-alarm rate of a verdict drawn from m rows; the worst
feature per model is printed for each m. docs/drift-statistics.md quotes the output to justify the
DRIFT_MIN_SAMPLE default. Seeded: two runs print the same table.
"""

import csv
import json
import os

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.stats import wasserstein_distance

ROOT = os.path.join(os.path.dirname(__file__), "..")
MODELS = {"loan-risk v2": "models/loan-risk/2", "house-price v1": "models/house-price/1"}
SIZES = [1, 10, 30, 100, 200, 300, 500, 1000]
TRIALS = 400


def columns(path):
    with open(os.path.join(ROOT, path, "reference.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(os.path.join(ROOT, path, "manifest.json"), encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    return {f["name"]: (f["type"], [r[f["name"]] for r in rows]) for f in features}


def false_alarm_rate(kind, values, m, rng):
    if kind == "numeric":
        ref = np.array([float(v) for v in values])
        sd = max(ref.std(), 1e-3)
        hits = sum(wasserstein_distance(ref, rng.choice(ref, m)) / sd >= 0.1 for _ in range(TRIALS))
    else:
        ref = np.array(values)
        cats = sorted(set(values))
        p = np.array([np.mean(ref == c) for c in cats])
        hits = 0
        for _ in range(TRIALS):
            cur = rng.choice(ref, m)
            hits += jensenshannon(p, np.array([np.mean(cur == c) for c in cats]), base=2) >= 0.1
    return hits / TRIALS


def main():
    rng = np.random.default_rng(20261201)
    print("| rows in the window | " + " | ".join(f"{m}" for m in SIZES) + " |")
    print("| --- | " + " | ".join("---" for _ in SIZES) + " |")
    for model, path in MODELS.items():
        cols = columns(path)
        for kind in ("numeric", "categorical"):
            names = [n for n, (k, _) in cols.items() if k == kind]
            if not names:
                continue
            worst = [max(false_alarm_rate(kind, cols[n][1], m, rng) for n in names) for m in SIZES]
            test = "Wasserstein" if kind == "numeric" else "Jensen-Shannon"
            print(f"| {model}, {kind} ({test}), worst feature | " + " | ".join(f"{w:.0%}" for w in worst) + " |")


if __name__ == "__main__":
    main()
