#!/usr/bin/python3
"""Train Sightline's text demo models and write them into models/ (see docs/text-models.md).

    /usr/bin/python3 scripts/train_demo_text.py [--out models]

Everything is seeded, so two runs write byte-identical files.

  sentiment/1       TF-IDF (unigrams and bigrams) + logistic regression in scikit-learn, written as an
                    ONNX graph that takes the raw strings: StringNormalizer, Tokenizer, TfIdfVectorizer,
                    L2 normalisation, the linear model. skl2onnx is not packaged for Debian, so the graph
                    is built here with onnx.helper and checked against scikit-learn's own answers.
  sentiment-bert/1  A Hugging Face style directory: model.onnx (a one-layer transformer encoder with
                    fixed random weights and a logistic-regression head trained on its pooled output),
                    tokenizer.json (WordPiece, built from the corpus), tokenizer_config.json and
                    config.json (id2label), served through Sightline's tokenizer.

Each version gets reference.csv (2,000 training texts with __target__ and __prediction__) and
samples.json (held-out and handwritten texts with the expected answers, which
scripts/check-demo-models.js and the test suite replay through onnxruntime).
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_text_graphs as graphs  # noqa: E402
import demo_wordpiece as wp  # noqa: E402
from demo_text_data import HANDWRITTEN, make_reviews  # noqa: E402
from train_demo import out_dir_arg, write_json  # noqa: E402

LABELS = ["negative", "positive"]
N_ROWS = 8_000
N_TEST = 1_600
N_REFERENCE = 2_000
N_SAMPLES = 20
MAX_CHARS = 2_000
MAX_TOKENS = 64
# sklearn's default token_pattern (?u)\b\w\w+\b in RE2 syntax: Python's Unicode \w is letters, digits, "_"
TOKEN_PATTERN = r"(?u)\b\w\w+\b"


def split(seed):
    rng = np.random.default_rng(seed)
    order = rng.permutation(N_ROWS)
    test, train = np.sort(order[:N_TEST]), np.sort(order[N_TEST:])
    reference = np.sort(rng.choice(train, size=N_REFERENCE, replace=False))
    samples = test[np.sort(rng.choice(len(test), size=N_SAMPLES, replace=False))]
    return train, test, reference, samples


def write_reference(path, texts, index, targets, predictions):
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["text", "__target__", "__prediction__"])
        for k, i in enumerate(index):
            w.writerow([texts[i], LABELS[int(targets[k])], LABELS[int(predictions[k])]])


def write_onnx(path, model):
    with open(path, "wb") as fh:
        fh.write(model.SerializeToString())


def check(name, got, expected, tol):
    err = float(np.max(np.abs(np.asarray(got) - np.asarray(expected))))
    if not err <= tol:
        raise SystemExit(f"{name}: the float32 graph differs from the reference computation by {err:.3g}")
    return err


def train_sentiment(out_dir, texts, y, train, test, ref, smp):
    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, token_pattern=TOKEN_PATTERN)),
        ("clf", LogisticRegression(C=4.0, max_iter=5_000, tol=1e-10)),
    ]).fit([texts[i] for i in train], y[train])
    tfidf, clf = pipe.named_steps["tfidf"], pipe.named_steps["clf"]
    model = graphs.tfidf_logistic_graph(tfidf, clf, "sentiment v1: TF-IDF (1-2 grams) + logistic regression")

    sample_texts = [texts[i] for i in smp] + HANDWRITTEN
    proba = pipe.predict_proba(sample_texts)
    pred = pipe.predict(sample_texts)
    baked = graphs.tfidf_logistic_numpy(tfidf, clf, sample_texts)
    err = check("sentiment/1", baked, proba[:, 1], 1e-5)
    test_texts = [texts[i] for i in test]
    accuracy = accuracy_score(y[test], pipe.predict(test_texts))
    print(f"sentiment/1: {len(tfidf.vocabulary_)} terms, test accuracy {accuracy:.4f}; numpy float32 vs sklearn {err:.1e}")

    vdir = os.path.join(out_dir, "sentiment", "1")
    os.makedirs(vdir, exist_ok=True)
    write_onnx(os.path.join(vdir, "model.onnx"), model)
    write_json(os.path.join(vdir, "manifest.json"), {
        "task": "classification",
        "description": "Sentiment of a product review (TF-IDF unigrams and bigrams, logistic regression)",
        "features": [{"name": "text", "type": "text", "required": True, "maxLength": MAX_CHARS,
                      "overLength": "reject"}],
        "labels": LABELS,
        "inputs": [{"name": "text", "features": ["text"]}],
        "outputs": {"label": "label", "probabilities": "probabilities"},
    })
    ref_pred = pipe.predict([texts[i] for i in ref])
    write_reference(os.path.join(vdir, "reference.csv"), texts, ref, y[ref], ref_pred)
    write_json(os.path.join(vdir, "samples.json"), [
        {"features": {"text": t}, "probabilities": [float(p) for p in proba[k]], "label": LABELS[int(pred[k])]}
        for k, t in enumerate(sample_texts)
    ])
    print(f"  wrote {vdir}")


def train_sentiment_bert(out_dir, texts, y, train, test, ref, smp):
    vocab = wp.build_vocab([texts[i] for i in train])
    weights = graphs.encoder_weights(np.random.default_rng(20240702), len(vocab), MAX_TOKENS)

    def pooled(batch):
        ids = [wp.encode(t, vocab, MAX_TOKENS) for t in batch]
        return graphs.encoder_numpy(weights, ids)

    # The encoder's weights are random; a logistic regression on its pooled output makes it a classifier.
    head = LogisticRegression(C=100.0, max_iter=5_000, tol=1e-10).fit(pooled([texts[i] for i in train]), y[train])
    model = graphs.encoder_graph(weights, head, len(LABELS), "sentiment-bert v1: one-layer encoder, random weights")

    accuracy = accuracy_score(y[test], head.predict(pooled([texts[i] for i in test])))
    sample_texts = [texts[i] for i in smp] + HANDWRITTEN
    ids = [wp.encode(t, vocab, MAX_TOKENS) for t in sample_texts]
    logits = graphs.head_numpy(head, graphs.encoder_numpy(weights, ids))
    proba = head.predict_proba(pooled(sample_texts))
    softmax = np.exp(logits - logits.max(1, keepdims=True))
    softmax /= softmax.sum(1, keepdims=True)
    err = check("sentiment-bert/1", softmax, proba, 1e-5)
    print(f"sentiment-bert/1: {len(vocab)} wordpieces, test accuracy {accuracy:.4f}; logits softmax vs sklearn {err:.1e}")

    vdir = os.path.join(out_dir, "sentiment-bert", "1")
    os.makedirs(vdir, exist_ok=True)
    write_onnx(os.path.join(vdir, "model.onnx"), model)
    write_json(os.path.join(vdir, "tokenizer.json"), wp.tokenizer_json(vocab))
    write_json(os.path.join(vdir, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizerFast", "do_lower_case": True, "model_max_length": MAX_TOKENS,
        "pad_token": "[PAD]", "unk_token": "[UNK]", "cls_token": "[CLS]", "sep_token": "[SEP]",
        "mask_token": "[MASK]",
    })
    write_json(os.path.join(vdir, "config.json"), {
        "architectures": ["BertForSequenceClassification"], "model_type": "bert",
        "hidden_size": graphs.HIDDEN, "num_hidden_layers": 1, "num_attention_heads": 1,
        "intermediate_size": graphs.FFN, "max_position_embeddings": MAX_TOKENS, "type_vocab_size": 2,
        "vocab_size": len(vocab), "pad_token_id": wp.PAD,
        "id2label": {str(i): label for i, label in enumerate(LABELS)},
        "label2id": {label: i for i, label in enumerate(LABELS)},
    })
    # The minimal manifest: the tokenizer is named, everything else comes from config.json and the graph.
    write_json(os.path.join(vdir, "manifest.json"), {
        "description": "Sentiment of a product review (tiny transformer, Hugging Face layout)",
        "tokenizer": "tokenizer.json",
    })
    ref_texts = [texts[i] for i in ref]
    ref_pred = head.predict(pooled(ref_texts))
    write_reference(os.path.join(vdir, "reference.csv"), texts, ref, y[ref], ref_pred)
    write_json(os.path.join(vdir, "samples.json"), [
        {"features": {"text": t}, "input_ids": ids[k], "logits": [float(v) for v in logits[k]],
         "probabilities": [float(p) for p in softmax[k]], "label": LABELS[int(np.argmax(logits[k]))]}
        for k, t in enumerate(sample_texts)
    ])
    print(f"  wrote {vdir}")


def main():
    out = out_dir_arg(__doc__)
    texts, y = make_reviews(20240701, N_ROWS)
    train, test, ref, smp = split(20240703)
    print(f"reviews: {N_ROWS}, positive share {y.mean():.3f}, mean length {np.mean([len(t) for t in texts]):.0f} chars")
    train_sentiment(out, texts, y, train, test, ref, smp)
    train_sentiment_bert(out, texts, y, train, test, ref, smp)


if __name__ == "__main__":
    main()
