#!/usr/bin/python3
"""Write the fixtures that check Sightline's estimated performance (CBPE) against numpy/scikit-learn.

Run with Debian's interpreter, which has numpy, scikit-learn and onnx:

    /usr/bin/python3 scripts/cbpe_fixtures.py [--out test/fixtures/cbpe]

Seeded, so two runs write identical files. Written:

  models/cbpe-binary/1, models/cbpe-multiclass/1
      tiny ONNX graphs with manifests and a labelled reference.csv (the feature, __target__,
      __prediction__ and the model's probabilities as __proba_<label>__); the test app loads them
  cases.json
      per model: what CBPE learns from the reference (calibration, thresholds), and per window the
      logged rows (prediction, probabilities, actual for the labelled ones) with the estimates, bands
      and realized figures computed here

The model is overconfident (its scores are sharper than the truth), so calibration matters; the
"shifted" window moves the inputs towards the decision boundary, where the model is right less
often: the accuracy really falls there, and CBPE must see it without the labels.

Definitions (docs/performance-estimation.md): NannyML's CBPE with deterministic calibration folds.
The ROC AUC here sorts rows one by one (stable); Sightline groups equal scores, which gives the same
area because a group's points are collinear.
"""

import argparse
import json
import os

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, auc, f1_score, precision_score, recall_score, roc_auc_score

# the same loadable one-feature graph as the performance fixtures (its outputs are never used)
from performance_fixtures import classifier

SEED = 20261202
FOLDS = 10
ECE_BINS = 10
CHUNKS = 10
REFERENCE_ROWS = 2000
DECIMALS = 4


# ---------------------------------------------------------------------------------------------
# CBPE as Sightline defines it, in numpy / scikit-learn
# ---------------------------------------------------------------------------------------------

def bin_index_edges(n, bins=ECE_BINS):
    if n <= 2 * bins:
        bins = n // 2
        if bins < 2:
            return []
    width = n // bins
    edges = list(range(0, n + 1, width))
    edges[-1] = n
    return list(zip(edges[:-1], edges[1:]))


def ece(y, p, edges):
    order = np.argsort(p, kind="stable")
    y, p = y[order], p[order]
    return sum((hi - lo) / len(p) * abs(np.mean(p[lo:hi]) - np.mean(y[lo:hi])) for lo, hi in edges)


def isotonic(p, y):
    return IsotonicRegression(out_of_bounds="clip", increasing=True).fit(p, y)


def needs_calibration(y, p):
    if len(np.unique(y)) == 1 or roc_auc_score(y, p) > 0.999:
        return False
    fold = np.zeros(len(y), dtype=int)
    for c in (0, 1):
        rows = np.flatnonzero(y == c)
        fold[rows] = np.arange(len(rows)) % FOLDS
    held_y, held_p, held_c = [], [], []
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        reg = isotonic(p[train], y[train])
        held_y.append(y[test])
        held_p.append(p[test])
        held_c.append(reg.predict(p[test]))
    held_y, held_p, held_c = map(np.concatenate, (held_y, held_p, held_c))
    edges = bin_index_edges(len(held_y))
    return bool(edges) and ece(held_y, held_p, edges) > ece(held_y, held_c, edges)


def fit_calibrator(y, p):
    return isotonic(p, y) if needs_calibration(y, p) else None


def calibrated(calibrators, probs):
    k = probs.shape[1]
    cal = lambda c, p: p if c is None else c.predict(p)
    if k == 2:
        pos = cal(calibrators[0], probs[:, 1])
        return np.column_stack([1 - pos, pos])
    c = np.column_stack([cal(calibrators[j], probs[:, j]) for j in range(k)])
    s = c.sum(axis=1, keepdims=True)
    return np.divide(c, s, out=np.full_like(c, 1 / k), where=s != 0)


def expected_confusion(c, predicted, k):
    return np.array([[c[predicted == col, row].sum() for col in range(k)] for row in range(k)])


def confusion_metrics(m):
    tp = np.diag(m)
    predicted, actual = m.sum(axis=0), m.sum(axis=1)
    ratio = lambda a, b: np.divide(a, b, out=np.zeros_like(a), where=b != 0)
    f1_den = tp + 0.5 * ((predicted - tp) + (actual - tp))
    return {
        "accuracy": tp.sum() / m.sum(),
        "precision_macro": ratio(tp, predicted).mean(),
        "recall_macro": ratio(tp, actual).mean(),
        "f1_macro": ratio(tp, f1_den).mean(),
    }


def estimated_roc_auc(c_pos, p_pos):
    order = np.argsort(-p_pos, kind="stable")
    tps = np.r_[0, np.cumsum(c_pos[order])]
    fps = np.r_[0, np.cumsum(1 - c_pos[order])]
    return auc(fps / fps[-1], tps / tps[-1])


def realized(y, yhat, score):
    out = {
        "accuracy": accuracy_score(y, yhat),
        "precision_macro": precision_score(y, yhat, average="macro", zero_division=0),
        "recall_macro": recall_score(y, yhat, average="macro", zero_division=0),
        "f1_macro": f1_score(y, yhat, average="macro", zero_division=0),
        "roc_auc": None,
    }
    if score is not None and len(np.unique(y)) == 2:
        out["roc_auc"] = roc_auc_score(y == 1, score)
    return out


def components(y, yhat, score, k):
    n = len(y)
    correct = (y == yhat).astype(float)
    comp = lambda obs: None if len(obs) == 0 else (float(np.std(obs)), len(obs) / n)
    per_class = lambda pick: [comp(pick(c)) or (0.0, 0.0) for c in range(k)]

    def f1_obs(c):
        tp = int(np.sum((y == c) & (yhat == c)))
        wrong = int(np.sum((y == c) != (yhat == c)))
        if tp + wrong == 0:
            return np.array([])
        factor = (tp + wrong) / (0.5 * wrong + tp)
        return np.r_[np.full(tp, factor), np.zeros(wrong)]

    out = {
        "accuracy": [comp(correct)],
        "precision_macro": per_class(lambda c: correct[yhat == c]),
        "recall_macro": per_class(lambda c: correct[y == c]),
        "f1_macro": per_class(f1_obs),
        "roc_auc": None,
    }
    if score is not None:
        yy, ss = (y == 1).astype(int), score
        if yy.mean() > 0.5:
            yy, ss = 1 - yy, 1 - ss
        order = np.argsort(ss, kind="stable")
        yy = yy[order]
        ranks = np.unique(yy * np.arange(len(yy)))[1:]
        below = (ranks - np.arange(len(ranks))) / (len(yy) - yy.sum())
        out["roc_auc"] = [(float(np.std(below)), yy.sum() / len(yy))]
    return out


def sampling_error(comps, m):
    if not comps:
        return None
    errs = [s / np.sqrt(m * f) for s, f in comps if f > 0]
    if len(comps) == 1:
        return errs[0]
    return float(np.sqrt(np.sum(np.square(errs))) / len(comps))


def fit(y, yhat, probs):
    k = probs.shape[1]
    binary = k == 2
    calibrators = (
        [fit_calibrator((y == 1).astype(int), probs[:, 1])]
        if binary
        else [fit_calibrator((y == j).astype(int), probs[:, j]) for j in range(k)]
    )
    size = len(y) // CHUNKS
    bounds = [(i * size, len(y) if i == CHUNKS - 1 else (i + 1) * size) for i in range(CHUNKS)]
    score = probs[:, 1] if binary else None
    chunks = [realized(y[a:b], yhat[a:b], None if score is None else score[a:b]) for a, b in bounds]
    thresholds = {}
    for metric in ("accuracy", "precision_macro", "recall_macro", "f1_macro", "roc_auc"):
        xs = np.array([c[metric] for c in chunks if c[metric] is not None], dtype=float)
        if len(xs) == 0:
            thresholds[metric] = {"lower": None, "upper": None}
            continue
        lo, hi = np.mean(xs) - 3 * np.std(xs), np.mean(xs) + 3 * np.std(xs)
        thresholds[metric] = {"lower": 0.0 if lo <= 0 else lo, "upper": 1.0 if hi >= 1 else hi}
    return {
        "calibrators": calibrators,
        "components": components(y, yhat, score, k),
        "thresholds": thresholds,
        "chunks": chunks,
    }


def estimate(model, probs, yhat, k):
    c = calibrated(model["calibrators"], probs)
    m = expected_confusion(c, yhat, k)
    values = confusion_metrics(m)
    values["roc_auc"] = estimated_roc_auc(c[:, 1], probs[:, 1]) if k == 2 else None
    out = {}
    for metric, v in values.items():
        se = None if v is None else sampling_error(model["components"][metric], len(yhat))
        out[metric] = {
            "value": v,
            "sampling_error": se,
            "lower": None if se is None else max(0.0, v - 3 * se),
            "upper": None if se is None else min(1.0, v + 3 * se),
        }
    return out, m


# ---------------------------------------------------------------------------------------------
# Data: an overconfident model of one feature, and windows of its logged predictions
# ---------------------------------------------------------------------------------------------

def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


SPECS = {
    "cbpe-binary": {
        "labels": ["negative", "positive"],
        "truth": lambda x: softmax(np.column_stack([np.zeros_like(x), 1.8 * x - 0.4])),
        "model": lambda x: softmax(np.column_stack([np.zeros_like(x), 2.6 * x - 0.2])),
    },
    "cbpe-multiclass": {
        "labels": ["low", "mid", "high"],
        "truth": lambda x: softmax(np.column_stack([-1.5 * x, np.full_like(x, 0.3), 1.5 * x])),
        "model": lambda x: softmax(np.column_stack([-2.2 * x, np.full_like(x, 0.1), 2.2 * x])),
    },
}

WINDOWS = [
    # name, rows, x distribution, share of rows labelled
    ("steady", 1500, (0.0, 1.0), 0.6),
    ("shifted", 1500, (0.15, 0.3), 0.6),
]


def draw(rng, spec, n, loc, scale):
    x = np.round(rng.normal(loc, scale, n), 3)
    probs = np.round(spec["model"](x), DECIMALS)
    # the model's answer is its most probable label (rounded, as logged)
    yhat = probs.argmax(axis=1)
    truth = spec["truth"](x)
    y = np.array([rng.choice(len(p), p=p) for p in truth])
    return x, probs, yhat, y


def write_model(out, name, spec, x, probs, yhat, y):
    d = os.path.join(out, "models", name, "1")
    os.makedirs(d, exist_ok=True)
    labels = spec["labels"]
    with open(os.path.join(d, "model.onnx"), "wb") as fh:
        fh.write(classifier(len(labels)).SerializeToString())
    manifest = {
        "task": "classification",
        "description": "CBPE fixture: an overconfident classifier of one feature",
        "features": [{"name": "x", "type": "numeric", "required": True, "outOfRange": "accept"}],
        "labels": labels,
        "inputs": [{"name": "input", "features": ["x"]}],
        "outputs": {"label": "label", "probabilities": "probabilities"},
        "performance": {"target": "__target__"},
    }
    with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    header = ["x", "__target__", "__prediction__"] + [f"__proba_{l}__" for l in labels]
    with open(os.path.join(d, "reference.csv"), "w", encoding="utf-8") as fh:
        fh.write(",".join(header) + "\n")
        for i in range(len(x)):
            cells = [repr(float(x[i])), labels[y[i]], labels[yhat[i]]] + [repr(float(p)) for p in probs[i]]
            fh.write(",".join(cells) + "\n")


def knots(c):
    return None if c is None else {"x": c.X_thresholds_.tolist(), "y": c.y_thresholds_.tolist()}


def case(rng, out, name, spec):
    labels = spec["labels"]
    k = len(labels)
    x, probs, yhat, y = draw(rng, spec, REFERENCE_ROWS, 0.0, 1.0)
    write_model(out, name, spec, x, probs, yhat, y)
    model = fit(y, yhat, probs)
    windows = []
    for wname, n, (loc, scale), share in WINDOWS:
        wx, wp, wyhat, wy = draw(rng, spec, n, loc, scale)
        labelled = rng.random(n) < share
        est, matrix = estimate(model, wp, wyhat, k)
        est_l, _ = estimate(model, wp[labelled], wyhat[labelled], k)
        real = realized(wy[labelled], wyhat[labelled], wp[labelled, 1] if k == 2 else None)
        windows.append({
            "name": wname,
            "rows": [
                {
                    "x": float(wx[i]),
                    "prediction": labels[wyhat[i]],
                    "probabilities": {labels[j]: float(wp[i, j]) for j in range(k)},
                    **({"actual": labels[wy[i]]} if labelled[i] else {}),
                }
                for i in range(n)
            ],
            "expected": {
                "scored": n,
                "labelled": int(labelled.sum()),
                "estimated": est,
                "confusion_matrix": matrix.tolist(),
                "estimated_on_labelled": {m: v["value"] for m, v in est_l.items()},
                "realized": real,
                "realized_on_all_rows": realized(wy, wyhat, wp[:, 1] if k == 2 else None),
            },
        })
    return {
        "model": name,
        "version": "1",
        "labels": labels,
        "reference": {
            "rows": REFERENCE_ROWS,
            "calibrated": [c is not None for c in model["calibrators"]],
            "knots": [knots(c) for c in model["calibrators"]],
            "thresholds": model["thresholds"],
            "chunks": model["chunks"],
            "components": model["components"],
        },
        "windows": windows,
    }


def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, (np.floating,)):
        return float(o)
    if isinstance(o, (np.integer,)):
        return int(o)
    if isinstance(o, np.bool_):
        return bool(o)
    return o


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "cbpe"))
    args = ap.parse_args()
    rng = np.random.default_rng(SEED)
    cases = [case(rng, args.out, name, spec) for name, spec in SPECS.items()]
    with open(os.path.join(args.out, "cases.json"), "w", encoding="utf-8") as fh:
        json.dump(clean({"seed": SEED, "cases": cases}), fh, separators=(",", ":"))
        fh.write("\n")
    for c in cases:
        print(c["model"], "calibrated:", c["reference"]["calibrated"])
        for w in c["windows"]:
            e = w["expected"]
            print(f"  {w['name']}: estimated accuracy {e['estimated']['accuracy']['value']:.4f}"
                  f" ± {3 * e['estimated']['accuracy']['sampling_error']:.4f},"
                  f" realized {e['realized']['accuracy']:.4f} ({e['labelled']} labels),"
                  f" lower threshold {c['reference']['thresholds']['accuracy']['lower']:.4f}")


if __name__ == "__main__":
    main()
