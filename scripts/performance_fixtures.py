#!/usr/bin/python3
"""Write the fixtures that check Sightline's model-performance figures against scikit-learn.

Run with Debian's interpreter, which has numpy, scikit-learn and onnx:

    /usr/bin/python3 scripts/performance_fixtures.py [--out test/fixtures/performance]

Everything is seeded, so two runs write identical files. Written:

  models/perf-binary/1, models/perf-multiclass/1, models/perf-regression/1
      tiny ONNX graphs with manifests: the test app loads them so feedback is checked against
      their labels; their outputs are never used (the fixture rows carry their own predictions)
  cases.json
      per model: the prediction rows to insert (prediction, probabilities, age, whether and when
      feedback arrives, whether the prediction failed), the window, and the figures scikit-learn
      computes on the rows the window selects.

test/e2e/performance-sklearn.e2e-spec.ts inserts the rows, posts the feedback through the API
and compares every figure to these to 1e-9.
"""

import argparse
import json
import os

import numpy as np
import onnx
import sklearn
from onnx import TensorProto, helper, numpy_helper
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    precision_recall_fscore_support,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
)

OPSET = 13
IR_VERSION = 7
WINDOW = "24h"
WINDOW_SECONDS = 24 * 3600
# feedback is posted in a few batches, each at its own (pinned) clock time before "now"
FEEDBACK_OFFSETS = [0, 600, 3600, 7200, 14400]

BINARY_LABELS = ["negative", "positive"]
# "hybrid" is predicted now and then but never the actual (recall 0/0 -> 0, as scikit-learn's
# zero_division); "extinct" is never predicted nor actual (left out of the macro averages).
MULTI_LABELS = ["setosa", "versicolor", "virginica", "hybrid", "extinct"]


# --------------------------------------------------------------------------------------------
# Models: one numeric feature, graphs just good enough to load; the rows below carry the outputs
# --------------------------------------------------------------------------------------------

def _model(graph):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="sightline-fixtures")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def classifier(n_classes):
    w = numpy_helper.from_array(np.linspace(-1, 1, n_classes, dtype=np.float32).reshape(1, n_classes), "W")
    nodes = [
        helper.make_node("MatMul", ["input", "W"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
        helper.make_node("ArgMax", ["logits"], ["label"], axis=1, keepdims=0),
    ]
    graph = helper.make_graph(
        nodes, "classifier",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 1])],
        [
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", n_classes]),
            helper.make_tensor_value_info("label", TensorProto.INT64, ["batch"]),
        ],
        initializer=[w],
    )
    return _model(graph)


def regressor():
    w = numpy_helper.from_array(np.array([[2.0]], dtype=np.float32), "W")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["input", "W"], ["value"])], "regressor",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 1])],
        [helper.make_tensor_value_info("value", TensorProto.FLOAT, ["batch", 1])],
        initializer=[w],
    )
    return _model(graph)


def manifest(task, labels):
    m = {
        "task": task,
        "description": "performance fixture",
        "features": [{"name": "x", "type": "numeric", "required": True, "outOfRange": "accept"}],
        "inputs": [{"name": "input", "features": ["x"]}],
        "outputs": {"label": "label", "probabilities": "probabilities"} if task == "classification" else {"value": "value"},
        "sanitize": {"fields": {"email": "mask"}},
    }
    if labels:
        m["labels"] = labels
    return m


def write_model(out, name, model, man):
    d = os.path.join(out, "models", name, "1")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "model.onnx"), "wb") as fh:
        fh.write(model.SerializeToString())
    with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(man, fh, indent=2)
        fh.write("\n")


# --------------------------------------------------------------------------------------------
# Rows. kind: "scored" (in window, labelled), "unlabelled" (in window), "old" (labelled, before
# the window), "failed" (status error, in window; its feedback must be refused)
# --------------------------------------------------------------------------------------------

def layout(rng, n_scored):
    kinds = ["scored"] * n_scored + ["unlabelled"] * 40 + ["old"] * 25 + ["failed"] * 5
    rows = []
    for kind in kinds:
        offset = int(rng.choice(FEEDBACK_OFFSETS))
        if kind == "old":
            age = int(rng.integers(WINDOW_SECONDS + 60, 3 * WINDOW_SECONDS))
        else:
            # a prediction is at least as old as the feedback that labels it
            age = int(rng.integers(offset + 1, WINDOW_SECONDS - 60))
        row = {"kind": kind, "age_seconds": age}
        if kind in ("scored", "old"):
            row["feedback_offset_seconds"] = offset
        rows.append(row)
    order = rng.permutation(len(rows))
    return [rows[i] for i in order]


def probabilities(rng, k, active, rounding):
    """Rows of class probabilities over k labels, only `active` ones non-negligible."""
    alpha = np.full(k, 0.02)
    alpha[:active] = 1.0
    p = rng.dirichlet(alpha)
    p[active:] *= 0.01  # the inactive labels never win
    p /= p.sum()
    if rounding == "coarse":
        p = np.round(p, 2)  # ties in the ROC score and rows that do not sum to 1 (renormalised)
    elif rounding == "extreme":
        p = np.zeros(k)
        p[int(rng.integers(0, active))] = 1.0  # clipped to [eps, 1 - eps]
    return p


def classification_case(rng, name, labels, active, actual_pool, n_scored):
    k = len(labels)
    rows = layout(rng, n_scored)
    for row in rows:
        if row["kind"] == "failed":
            row["actual"] = labels[0]
            continue
        rounding = rng.choice(["fine", "coarse", "extreme"], p=[0.6, 0.3, 0.1])
        p = probabilities(rng, k, active, rounding)
        row["probabilities"] = {label: float(v) for label, v in zip(labels, p)}
        predicted = labels[int(np.argmax(p))]
        row["prediction"] = predicted
        # mostly right, sometimes not, so every figure is away from its extremes
        row["actual"] = predicted if predicted in actual_pool and rng.random() < 0.7 else str(rng.choice(actual_pool))
    scored = [r for r in rows if r["kind"] == "scored"]
    y_true = [r["actual"] for r in scored]
    y_pred = [r["prediction"] for r in scored]
    ordered = sorted(labels)  # log_loss reads the probability columns in sorted-label order
    proba = np.array([[r["probabilities"][label] for label in ordered] for r in scored], dtype=np.float64)

    present, precision, recall, f1, support = sorted(set(y_true) | set(y_pred)), *precision_recall_fscore_support(
        y_true, y_pred, labels=sorted(set(y_true) | set(y_pred)), zero_division=0
    )
    expected = {
        "accuracy": accuracy_score(y_true, y_pred),
        "precision_macro": precision_score(y_true, y_pred, average="macro", zero_division=0),
        "recall_macro": recall_score(y_true, y_pred, average="macro", zero_division=0),
        "f1_macro": f1_score(y_true, y_pred, average="macro", zero_division=0),
        "log_loss": log_loss(y_true, proba, labels=labels),
        "roc_auc": None,
        "per_class": {
            label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]), "support": int(support[i])}
            for i, label in enumerate(present)
        },
        "confusion_matrix": {"labels": labels, "matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist()},
    }
    if k == 2:
        positive = labels[1]
        expected["roc_auc"] = roc_auc_score([a == positive for a in y_true], [r["probabilities"][positive] for r in scored])
        expected["roc_auc_positive_label"] = positive
    return case(name, "classification", rows, scored, expected)


def regression_case(rng, name, n_scored, n_zero):
    rows = layout(rng, n_scored)
    zeros = 0
    for row in rows:
        if row["kind"] == "failed":
            row["actual"] = 1.5
            continue
        truth = round(float(rng.normal(120.0, 45.0)), 3)
        if row["kind"] == "scored" and zeros < n_zero:
            truth, zeros = 0.0, zeros + 1
        row["prediction"] = round(truth + float(rng.normal(0.0, 12.0)), 4)
        row["actual"] = truth
    scored = [r for r in rows if r["kind"] == "scored"]
    y = np.array([r["actual"] for r in scored], dtype=np.float64)
    yhat = np.array([r["prediction"] for r in scored], dtype=np.float64)
    nonzero = y != 0
    expected = {
        "mae": mean_absolute_error(y, yhat),
        "rmse": mean_squared_error(y, yhat, squared=False),
        # scikit-learn divides by machine epsilon at a zero actual; Sightline skips those rows
        "mape": mean_absolute_percentage_error(y[nonzero], yhat[nonzero]),
        "mape_skipped_zero_actuals": int((~nonzero).sum()),
        "r2": r2_score(y, yhat),
    }
    return case(name, "regression", rows, scored, expected)


def case(name, task, rows, scored, metrics):
    in_window = [r for r in rows if r["kind"] in ("scored", "unlabelled")]
    delays = [r["age_seconds"] - r["feedback_offset_seconds"] for r in scored]
    return {
        "model": name,
        "version": "1",
        "task": task,
        "window": WINDOW,
        "rows": rows,
        "expected": {
            "predictions": len(in_window),
            "labelled": len(scored),
            "label_coverage": len(scored) / len(in_window),
            "median_label_delay_seconds": float(np.median(delays)),
            "metrics": {k: (float(v) if isinstance(v, (float, np.floating)) else v) for k, v in metrics.items()},
        },
    }


def write_cases(path, doc):
    """Indented, but one line per row, so the file stays small and a diff stays readable."""
    rows = {}
    for c in doc["cases"]:
        rows[c["model"]] = c["rows"]
        c["rows"] = "@ROWS:" + c["model"]
    text = json.dumps(doc, indent=1)
    for model, model_rows in rows.items():
        body = ",\n".join("  " + json.dumps(r, separators=(",", ":")) for r in model_rows)
        text = text.replace(json.dumps("@ROWS:" + model), "[\n" + body + "\n ]")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    json.loads(open(path, encoding="utf-8").read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "performance"))
    out = parser.parse_args().out
    rng = np.random.default_rng(20261123)

    write_model(out, "perf-binary", classifier(2), manifest("classification", BINARY_LABELS))
    write_model(out, "perf-multiclass", classifier(len(MULTI_LABELS)), manifest("classification", MULTI_LABELS))
    write_model(out, "perf-regression", regressor(), manifest("regression", None))

    cases = [
        classification_case(rng, "perf-binary", BINARY_LABELS, 2, BINARY_LABELS, 400),
        classification_case(rng, "perf-multiclass", MULTI_LABELS, 4, MULTI_LABELS[:3], 500),
        regression_case(rng, "perf-regression", 450, 7),
    ]
    doc = {
        "generator": "scripts/performance_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    write_cases(os.path.join(out, "cases.json"), doc)
    for c in cases:
        print(c["model"], {k: v for k, v in c["expected"].items() if k != "metrics"})
        print("  ", {k: v for k, v in c["expected"]["metrics"].items() if not isinstance(v, dict)})


if __name__ == "__main__":
    main()
