"""The model of the FastAPI / Flask tutorial servers the bench compares Sightline with.

The tutorials train a scikit-learn pipeline, save it with joblib and load it at start; here the same
kind of pipeline as loan-risk v2 (one-hot categoricals, scaled numerics, LogisticRegression) is fitted
at start on that version's reference sample, which is the same thing for the cost of serving.
"""
import csv
import json
from pathlib import Path

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "loan-risk" / "2"
MANIFEST = json.loads((MODEL_DIR / "manifest.json").read_text())
FEATURES = [f["name"] for f in MANIFEST["features"]]
NUMERIC = [i for i, f in enumerate(MANIFEST["features"]) if f["type"] == "numeric"]
CATEGORICAL = [i for i, f in enumerate(MANIFEST["features"]) if f["type"] != "numeric"]


def _row(values):
    return [float(values[name]) if i in NUMERIC else str(values[name]) for i, name in enumerate(FEATURES)]


def train():
    with open(MODEL_DIR / "reference.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if all(r[name] != "" for name in FEATURES)]
    x = np.array([_row(r) for r in rows], dtype=object)
    y = np.array([r["__target__"] for r in rows])
    pipe = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ])),
        ("clf", LogisticRegression(max_iter=1000)),
    ])
    return pipe.fit(x, y)


def predict(model, features):
    """One row, as the tutorials answer it: the label and the class probabilities."""
    x = np.array([_row(features)], dtype=object)
    probabilities = model.predict_proba(x)[0]
    label = model.classes_[int(np.argmax(probabilities))]
    return {"prediction": label, "probabilities": dict(zip(model.classes_.tolist(), probabilities.tolist()))}
