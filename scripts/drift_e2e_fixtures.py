#!/usr/bin/python3
"""scipy's drift figures for the exact values an end-to-end test logged.

    /usr/bin/python3 scripts/drift_e2e_fixtures.py < values.json > expected.json

Input: {"features": [{"name": ..., "kind": "numeric"|"categorical", "reference": [...], "current": [...]}]}
(null values are dropped first, as the drift monitor does). Output, per feature, the same figures as the
library fixtures (scripts/drift_fixtures.py): for numeric features ks_2samp (method='auto'), Wasserstein
(raw and normed by the reference's population std), PSI and Jensen-Shannon over reference deciles; for
categorical ones Evidently's chi-square, Z, PSI and Jensen-Shannon over the union of categories.
With "bh": [p-values] in the input, "__bh__" holds their Benjamini-Hochberg adjustment
(scipy.stats.false_discovery_control where scipy has it, else the same algorithm in numpy).
"""
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drift_fixtures import categorical_expected, fdr_reference, numeric_expected  # noqa: E402


def main():
    payload = json.load(sys.stdin)
    out = {}
    for feature in payload["features"]:
        ref = [v for v in feature["reference"] if v is not None]
        cur = [v for v in feature["current"] if v is not None]
        if feature["kind"] == "numeric":
            out[feature["name"]] = numeric_expected(np.asarray(ref, dtype=float), np.asarray(cur, dtype=float))
        else:
            out[feature["name"]] = categorical_expected(dict(Counter(map(str, ref))), dict(Counter(map(str, cur))))
    if "bh" in payload:
        out["__bh__"] = np.asarray(fdr_reference(np.asarray(payload["bh"], dtype=float), "bh")).tolist()
    json.dump(out, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
