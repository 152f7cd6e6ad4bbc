#!/usr/bin/python3
"""Train Sightline's demo models and write them into models/ (see docs/model-manifest.md).

Run with Debian's interpreter, which has numpy, scikit-learn and onnx:

    /usr/bin/python3 scripts/train_demo.py [--out models]

Everything is seeded, so two runs write byte-identical files.

Models written:
  loan-risk/1, loan-risk/2  LogisticRegression, labels ["repaid", "default"]
  house-price/1             MLPRegressor (one hidden ReLU layer), output "price"

Each version directory gets model.onnx, manifest.json, reference.csv (a 2,000-row sample of the
training data with __target__ and __prediction__ columns) and samples.json (20 held-out rows with
scikit-learn's outputs, which scripts/check-demo-models.js replays through onnxruntime).
"""

import os

# Multi-threaded BLAS may sum in a different order from run to run; one thread keeps the
# trained weights, and so the written files, byte-identical.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, mean_absolute_error, r2_score, roc_auc_score  # noqa: E402
from sklearn.neural_network import MLPRegressor  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

# Old enough for any onnxruntime since 1.8 (onnxruntime-node 1.30 included), new enough for Softmax over an axis.
OPSET = 13
IR_VERSION = 7

N_ROWS = 20_000
N_TEST = 4_000
N_REFERENCE = 2_000
N_SAMPLES = 20


# --------------------------------------------------------------------------------------------
# Feature specs. A spec is the manifest entry plus "decimals", the precision the generator rounds
# to (and the CSV is written with), which is stripped before the manifest is written.
# The list order is the column order of the "input" tensor.
# --------------------------------------------------------------------------------------------

LOAN_FEATURES = [
    {"name": "age", "type": "numeric", "required": True, "min": 18, "max": 100, "outOfRange": "reject", "decimals": 0},
    {"name": "income", "type": "numeric", "required": True, "min": 0, "outOfRange": "reject", "decimals": 0},
    {"name": "loan_amount", "type": "numeric", "required": True, "min": 1, "outOfRange": "reject", "decimals": 0},
    # Bureau scores outside 300..850 are data-entry slips, not signal: clamp them instead of failing.
    {"name": "credit_score", "type": "numeric", "required": True, "min": 300, "max": 850, "outOfRange": "clip",
     "decimals": 0},
    # Often missing from applications; the default is the training median (set below).
    {"name": "debt_ratio", "type": "numeric", "required": False, "default": None, "min": 0, "max": 1,
     "outOfRange": "reject", "decimals": 3},
    {"name": "employment", "type": "categorical", "categories": ["employed", "self_employed", "unemployed", "student"],
     "required": True, "unseen": "reject"},
    # New tenure types ("shared_ownership", ...) turn up; score them as the all-zero baseline, don't refuse.
    {"name": "home_ownership", "type": "categorical", "categories": ["own", "rent", "mortgage"],
     "required": True, "unseen": "ignore"},
]
LOAN_LABELS = ["repaid", "default"]

HOUSE_FEATURES = [
    {"name": "sqft", "type": "numeric", "required": True, "min": 200, "max": 10000, "outOfRange": "reject",
     "decimals": 0},
    {"name": "bedrooms", "type": "numeric", "required": True, "min": 0, "max": 10, "outOfRange": "reject",
     "decimals": 0},
    {"name": "bathrooms", "type": "numeric", "required": True, "min": 0, "max": 8, "outOfRange": "reject",
     "decimals": 1},
    {"name": "age_years", "type": "numeric", "required": True, "min": 0, "max": 150, "outOfRange": "reject",
     "decimals": 0},
    {"name": "distance_km", "type": "numeric", "required": False, "default": None, "min": 0, "max": 100,
     "outOfRange": "reject", "decimals": 1},
    {"name": "neighborhood", "type": "categorical",
     "categories": ["alderbrook", "fernwick", "holloway_flats", "marrow_bay", "quillstone"],
     "required": True, "unseen": "reject"},
]


# --------------------------------------------------------------------------------------------
# Synthetic data
# --------------------------------------------------------------------------------------------

def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _pick(rng, categories, probs):
    """One category per row; probs is [rows, len(categories)]."""
    u = rng.random(len(probs))[:, None]
    idx = (u > np.cumsum(probs, axis=1)).sum(axis=1)
    return np.asarray(categories, dtype=object)[np.minimum(idx, len(categories) - 1)]


def make_loan_data(rng, n):
    employment = rng.choice(
        ["employed", "self_employed", "unemployed", "student"], size=n, p=[0.64, 0.14, 0.08, 0.14]
    ).astype(object)
    student = employment == "student"
    age = np.where(student, rng.normal(23, 3.5, n), rng.normal(43, 13, n))
    age = np.clip(np.round(age), 18, 92)

    log_income = np.select(
        [employment == "employed", employment == "self_employed", employment == "unemployed"],
        [rng.normal(np.log(52_000), 0.45, n), rng.normal(np.log(58_000), 0.75, n), rng.normal(np.log(11_000), 0.6, n)],
        default=rng.normal(np.log(9_000), 0.6, n),
    )
    # Earnings rise to the mid-fifties, then fall off into retirement.
    log_income += 0.015 * (np.minimum(age, 55) - 40) - 0.02 * np.maximum(age - 65, 0)
    income = np.maximum(np.round(np.exp(log_income), -2), 0)

    p_own = _sigmoid((age - 55) / 7) * 0.7
    p_mortgage = _sigmoid((age - 30) / 5) * (1 - p_own) * np.where(student, 0.1, 0.65)
    home_ownership = _pick(rng, ["own", "rent", "mortgage"], np.stack([p_own, 1 - p_own - p_mortgage, p_mortgage], 1))

    credit_score = (
        655 + 1.6 * (age - 40) + 30 * np.log(income / 40_000 + 0.05) - 45 * (employment == "unemployed")
        + rng.normal(0, 55, n)
    )
    credit_score = np.clip(np.round(credit_score), 300, 850)

    loan_amount = np.exp(rng.normal(np.log(0.22 * income + 4_000), 0.55, n))
    loan_amount = np.clip(np.round(loan_amount, -2), 500, 250_000)

    debt_ratio = rng.beta(2.2, 4.5, n) + 0.06 * (home_ownership == "mortgage") - 0.05 * (home_ownership == "own")
    debt_ratio = np.clip(np.round(debt_ratio, 3), 0, 1)

    logit = (
        -2.7
        - 0.011 * (credit_score - 660)
        + 3.2 * (debt_ratio - 0.3)
        + 0.8 * np.log(loan_amount / (income + 5_000) / 0.25)
        - 0.008 * (age - 40)
        + np.select(
            [employment == "self_employed", employment == "unemployed", employment == "student"], [0.35, 1.1, 0.45], 0
        )
        + np.select([home_ownership == "own", home_ownership == "rent"], [-0.35, 0.25], 0)
    )
    defaulted = rng.random(n) < _sigmoid(logit)

    columns = {
        "age": age, "income": income, "loan_amount": loan_amount, "credit_score": credit_score,
        "debt_ratio": debt_ratio, "employment": employment, "home_ownership": home_ownership,
    }
    return columns, defaulted.astype(np.int64)


def make_house_data(rng, n):
    neighborhoods = HOUSE_FEATURES[5]["categories"]
    neighborhood = rng.choice(neighborhoods, size=n, p=[0.24, 0.22, 0.2, 0.16, 0.18]).astype(object)
    # Price per sqft and how far out each neighbourhood typically sits.
    per_sqft = dict(zip(neighborhoods, [235.0, 310.0, 180.0, 420.0, 265.0]))
    typical_km = dict(zip(neighborhoods, [9.0, 4.0, 22.0, 6.0, 14.0]))

    sqft = np.clip(np.round(np.exp(rng.normal(np.log(1_750), 0.42, n)), -1), 200, 10_000)
    bedrooms = np.clip(np.round(sqft / 620 + rng.normal(0.3, 0.7, n)), 0, 10)
    bathrooms = np.clip(np.round((0.55 * bedrooms + rng.normal(0.4, 0.45, n)) * 2) / 2, 0, 8)
    bathrooms = np.maximum(bathrooms, 1.0)  # even a studio has a bathroom
    age_years = np.clip(np.round(rng.gamma(2.0, 16.0, n)), 0, 150)
    base_km = np.array([typical_km[v] for v in neighborhood])
    distance_km = np.clip(np.round(base_km * rng.lognormal(0, 0.45, n), 1), 0, 100)

    rate = np.array([per_sqft[v] for v in neighborhood])
    price = (
        rate * sqft ** 0.93 * 1.7
        * (1 + 0.035 * np.minimum(bathrooms - 0.55 * bedrooms, 2))
        # Houses depreciate for decades, then "period" homes climb back.
        * (1 - 0.0075 * np.minimum(age_years, 60) + 0.004 * np.maximum(age_years - 60, 0))
        * np.exp(-distance_km / 45)
        * rng.lognormal(0, 0.1, n)
    )
    price = np.round(np.maximum(price, 20_000), -2)

    columns = {
        "sqft": sqft, "bedrooms": bedrooms, "bathrooms": bathrooms, "age_years": age_years,
        "distance_km": distance_km, "neighborhood": neighborhood,
    }
    return columns, price


# --------------------------------------------------------------------------------------------
# Encoding: the same layout Sightline's FeatureEncoder builds from the manifest.
# --------------------------------------------------------------------------------------------

def encode(features, rows):
    """rows: list of dicts of raw values (absent optional numeric -> default). Returns float64 [n, width]."""
    cols = []
    for f in features:
        if f["type"] == "numeric":
            cols.append(np.array([[r.get(f["name"], f.get("default"))] for r in rows], dtype=np.float64))
        else:
            cats = f["categories"]
            block = np.zeros((len(rows), len(cats)))
            for i, r in enumerate(rows):
                if r[f["name"]] in cats:
                    block[i, cats.index(r[f["name"]])] = 1.0
            cols.append(block)
    return np.hstack(cols)


def column_names(features):
    names = []
    for f in features:
        names += [f["name"]] if f["type"] == "numeric" else [f"{f['name']}={c}" for c in f["categories"]]
    return names


def to_rows(features, columns, index):
    """Raw feature dicts as a client would send them: ints where the feature is whole-valued."""
    rows = []
    for i in index:
        row = {}
        for f in features:
            v = columns[f["name"]][i]
            if f["type"] == "categorical":
                row[f["name"]] = str(v)
            elif f["decimals"] == 0:
                row[f["name"]] = int(v)
            else:
                row[f["name"]] = round(float(v), f["decimals"])
        rows.append(row)
    return rows


def numeric_scaler(n_numeric):
    # Numeric features come first in both layouts, so the transformer's output keeps column order.
    return ColumnTransformer([("num", StandardScaler(), list(range(n_numeric)))], remainder="passthrough")


def scaling_of(scaler, width):
    """The fitted column transformer as per-column (mean, scale); one-hot columns pass through as (0, 1)."""
    num = scaler.named_transformers_["num"]
    mean, scale = np.zeros(width), np.ones(width)
    mean[: len(num.mean_)], scale[: len(num.scale_)] = num.mean_, num.scale_
    return mean, scale


# --------------------------------------------------------------------------------------------
# ONNX graphs
# --------------------------------------------------------------------------------------------

def _f32(name, array):
    return numpy_helper.from_array(np.asarray(array, dtype=np.float32), name)


def _model(graph, doc):
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="sightline-train-demo",
        producer_version="1", doc_string=doc,
    )
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def classifier_graph(weights, bias, n_classes, doc):
    """input [batch, width] -> MatMul -> Add -> Softmax -> probabilities; ArgMax(logits) -> label."""
    width = weights.shape[0]
    nodes = [
        helper.make_node("MatMul", ["input", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "B"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
        # ArgMax over logits, not probabilities: sklearn's predict() thresholds the decision function,
        # and float32 softmax can round a near-tie to exactly 0.5/0.5.
        helper.make_node("ArgMax", ["logits"], ["label"], axis=1, keepdims=0),
    ]
    graph = helper.make_graph(
        nodes, "classifier",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", width])],
        [
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", n_classes]),
            helper.make_tensor_value_info("label", TensorProto.INT64, ["batch"]),
        ],
        initializer=[_f32("W", weights), _f32("B", bias)],
    )
    return _model(graph, doc)


def mlp_graph(w1, b1, w2, b2, y_scale, y_mean, doc):
    """input -> MatMul/Add/Relu -> MatMul/Add (standardized price) -> Mul/Add -> price [batch, 1]."""
    width = w1.shape[0]
    nodes = [
        helper.make_node("MatMul", ["input", "W1"], ["h_lin"]),
        helper.make_node("Add", ["h_lin", "B1"], ["h_pre"]),
        helper.make_node("Relu", ["h_pre"], ["h"]),
        helper.make_node("MatMul", ["h", "W2"], ["z_lin"]),
        helper.make_node("Add", ["z_lin", "B2"], ["z"]),
        helper.make_node("Mul", ["z", "Y_SCALE"], ["price_centered"]),
        helper.make_node("Add", ["price_centered", "Y_MEAN"], ["price"]),
    ]
    graph = helper.make_graph(
        nodes, "regressor",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", width])],
        [helper.make_tensor_value_info("price", TensorProto.FLOAT, ["batch", 1])],
        initializer=[
            _f32("W1", w1), _f32("B1", b1), _f32("W2", w2), _f32("B2", b2),
            _f32("Y_SCALE", [y_scale]), _f32("Y_MEAN", [y_mean]),
        ],
    )
    return _model(graph, doc)


# --------------------------------------------------------------------------------------------
# Writing a version directory
# --------------------------------------------------------------------------------------------

def manifest_features(features):
    return [{k: v for k, v in f.items() if k != "decimals"} for f in features]


def write_json(path, doc):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def fmt(value, decimals):
    return f"{float(value):.{decimals}f}"


def write_reference(path, features, columns, index, targets, predictions, target_fmt, prediction_fmt):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow([f["name"] for f in features] + ["__target__", "__prediction__"])
        for k, i in enumerate(index):
            row = [
                str(columns[f["name"]][i]) if f["type"] == "categorical" else fmt(columns[f["name"]][i], f["decimals"])
                for f in features
            ]
            w.writerow(row + [target_fmt(targets[k]), prediction_fmt(predictions[k])])


def write_version(out_dir, name, version, model, manifest, reference, samples):
    vdir = os.path.join(out_dir, name, version)
    os.makedirs(vdir, exist_ok=True)
    with open(os.path.join(vdir, "model.onnx"), "wb") as fh:
        fh.write(model.SerializeToString())
    write_json(os.path.join(vdir, "manifest.json"), manifest)
    write_reference(os.path.join(vdir, "reference.csv"), *reference)
    write_json(os.path.join(vdir, "samples.json"), samples)
    return vdir


def split(rng, n):
    order = rng.permutation(n)
    test, train = np.sort(order[:N_TEST]), np.sort(order[N_TEST:])
    reference = np.sort(rng.choice(train, size=N_REFERENCE, replace=False))
    samples = test[np.sort(rng.choice(len(test), size=N_SAMPLES, replace=False))]
    return train, test, reference, samples


def assert_close(name, baked, expected, tol):
    err = float(np.max(np.abs(baked - expected)))
    if not err <= tol:
        raise SystemExit(f"{name}: baked float32 graph differs from sklearn by {err:.3g} (> {tol})")
    return err


# --------------------------------------------------------------------------------------------
# loan-risk
# --------------------------------------------------------------------------------------------

LOAN_VERSIONS = {
    # Same features and data; v1 is the heavily shrunk first cut, v2 lets the coefficients breathe.
    "1": {"C": 0.0005, "description": "Probability that a personal loan defaults (logistic regression, C=0.0005)"},
    "2": {"C": 1.0, "description": "Probability that a personal loan defaults (logistic regression, C=1.0)"},
}


def train_loan_risk(out_dir):
    rng = np.random.default_rng(20240611)
    columns, y = make_loan_data(rng, N_ROWS)
    features = [dict(f) for f in LOAN_FEATURES]
    debt = next(f for f in features if f["name"] == "debt_ratio")
    debt["default"] = round(float(np.median(columns["debt_ratio"])), 2)

    train, test, ref, smp = split(np.random.default_rng(20240612), N_ROWS)
    all_rows = to_rows(features, columns, range(N_ROWS))
    X = encode(features, all_rows)
    n_numeric = sum(f["type"] == "numeric" for f in features)
    print(f"loan-risk: {X.shape[1]} columns {column_names(features)}; default rate {y.mean():.3f}")

    for version, cfg in LOAN_VERSIONS.items():
        pipe = Pipeline([
            ("scale", numeric_scaler(n_numeric)),
            ("clf", LogisticRegression(C=cfg["C"], max_iter=5_000, tol=1e-10)),
        ]).fit(X[train], y[train])

        # Fold standardization into the weights: w.(x - m)/s + b = (w/s).x + (b - w.m/s).
        mean, scale = scaling_of(pipe.named_steps["scale"], X.shape[1])
        clf = pipe.named_steps["clf"]
        w = clf.coef_[0] / scale
        b = clf.intercept_[0] - float(np.sum(clf.coef_[0] * mean / scale))
        # Class "repaid" gets a zero logit, so softmax([0, z]) = [1 - sigmoid(z), sigmoid(z)], exactly sklearn's.
        weights = np.stack([np.zeros_like(w), w], axis=1)
        bias = np.array([0.0, b])
        model = classifier_graph(weights, bias, 2, f"loan-risk v{version}: {cfg['description']}")

        proba = pipe.predict_proba(X)
        logits = X.astype(np.float32) @ weights.astype(np.float32) + bias.astype(np.float32)
        baked = np.exp(logits - logits.max(1, keepdims=True))
        baked /= baked.sum(1, keepdims=True)
        err = assert_close(f"loan-risk/{version}", baked, proba, 1e-5)
        pred = pipe.predict(X)
        print(
            f"  v{version}: C={cfg['C']} test AUC {roc_auc_score(y[test], proba[test, 1]):.4f} "
            f"accuracy {accuracy_score(y[test], pred[test]):.4f}; baked-vs-sklearn max |dp| {err:.2e}"
        )

        manifest = {
            "task": "classification",
            "description": cfg["description"],
            "features": manifest_features(features),
            "labels": LOAN_LABELS,
            "inputs": [{"name": "input", "features": [f["name"] for f in features]}],
            "outputs": {"label": "label", "probabilities": "probabilities"},
            "sanitize": {"fields": {"customer_email": "mask", "customer_id": "hash", "ssn": "drop"}},
            # reference.csv's true label: estimated performance (CBPE) calibrates on it
            "performance": {"target": "__target__"},
        }
        samples = [
            {
                "features": all_rows[i],
                "probabilities": [float(p) for p in proba[i]],
                "label": LOAN_LABELS[int(pred[i])],
            }
            for i in smp
        ]
        label = lambda k: LOAN_LABELS[int(k)]  # noqa: E731
        reference = (features, columns, ref, y[ref], pred[ref], label, label)
        vdir = write_version(out_dir, "loan-risk", version, model, manifest, reference, samples)
        print(f"  wrote {vdir}")

    write_json(os.path.join(out_dir, "loan-risk", "model.json"), {"defaultVersion": "2", "serveAsDefault": True})


# --------------------------------------------------------------------------------------------
# house-price
# --------------------------------------------------------------------------------------------

def train_house_price(out_dir):
    rng = np.random.default_rng(20240621)
    columns, y = make_house_data(rng, N_ROWS)
    features = [dict(f) for f in HOUSE_FEATURES]
    dist = next(f for f in features if f["name"] == "distance_km")
    dist["default"] = round(float(np.median(columns["distance_km"])), 1)

    train, test, ref, smp = split(np.random.default_rng(20240622), N_ROWS)
    all_rows = to_rows(features, columns, range(N_ROWS))
    X = encode(features, all_rows)
    n_numeric = sum(f["type"] == "numeric" for f in features)
    print(f"house-price: {X.shape[1]} columns {column_names(features)}; median price {np.median(y):.0f}")

    mlp = MLPRegressor(
        hidden_layer_sizes=(16,), activation="relu", solver="adam", alpha=1e-4, learning_rate_init=3e-3,
        max_iter=300, early_stopping=True, validation_fraction=0.1, n_iter_no_change=25, random_state=7,
    )
    model = TransformedTargetRegressor(
        regressor=Pipeline([("scale", numeric_scaler(n_numeric)), ("mlp", mlp)]), transformer=StandardScaler()
    )
    with warnings.catch_warnings():
        # Early stopping ends training deliberately; a max_iter warning here is not a failure.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X[train], y[train])

    pipe = model.regressor_
    mean, scale = scaling_of(pipe.named_steps["scale"], X.shape[1])
    net = pipe.named_steps["mlp"]
    w1, w2 = net.coefs_
    b1, b2 = net.intercepts_
    # First layer absorbs input standardization; the target scaler stays as explicit Mul/Add.
    w1_baked = w1 / scale[:, None]
    b1_baked = b1 - (mean / scale) @ w1
    y_scaler = model.transformer_
    y_scale, y_mean = float(y_scaler.scale_[0]), float(y_scaler.mean_[0])
    onnx_model = mlp_graph(w1_baked, b1_baked, w2, b2, y_scale, y_mean, "house-price v1: sale price in dollars")

    pred = model.predict(X)
    f32 = lambda a: np.asarray(a, dtype=np.float32)  # noqa: E731
    h = np.maximum(f32(X) @ f32(w1_baked) + f32(b1_baked), 0)
    baked = (h @ f32(w2) + f32(b2))[:, 0] * np.float32(y_scale) + np.float32(y_mean)
    # Relative, not absolute: float32 carries ~7 significant digits, i.e. cents on a $300k price.
    err = float(np.max(np.abs(baked - pred) / np.maximum(np.abs(pred), 1)))
    if not err <= 1e-4:
        raise SystemExit(f"house-price/1: baked float32 graph differs from sklearn by {err:.3g} relative")
    print(
        f"  v1: {net.n_iter_} epochs, test R2 {r2_score(y[test], pred[test]):.4f} "
        f"MAE {mean_absolute_error(y[test], pred[test]):.0f}; baked-vs-sklearn max relative error {err:.2e}, "
        f"max abs ${float(np.max(np.abs(baked - pred))):.2f}"
    )

    manifest = {
        "task": "regression",
        "description": "Expected sale price of a house in dollars (MLP, 16 ReLU units)",
        "features": manifest_features(features),
        "inputs": [{"name": "input", "features": [f["name"] for f in features]}],
        "outputs": {"value": "price"},
        "sanitize": {"fields": {"owner_name": "drop", "owner_email": "mask", "listing_id": "hash"}},
    }
    samples = [{"features": all_rows[i], "value": float(pred[i])} for i in smp]
    reference = (features, columns, ref, y[ref], pred[ref], lambda v: fmt(v, 0), lambda v: fmt(v, 2))
    vdir = write_version(out_dir, "house-price", "1", onnx_model, manifest, reference, samples)
    print(f"  wrote {vdir}")


def out_dir_arg(doc):
    """The --out models directory of a training script (default: the repository's models/)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    default_out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")
    parser.add_argument("--out", default=default_out, help="models directory (default: %(default)s)")
    return parser.parse_args().out


def main():
    out = out_dir_arg(__doc__)
    train_loan_risk(out)
    train_house_price(out)


if __name__ == "__main__":
    main()
