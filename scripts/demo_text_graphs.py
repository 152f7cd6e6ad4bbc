"""ONNX graphs of the text demo models, built with onnx.helper, and the same computations in numpy
(float32) so that the training script can check a graph before writing it."""

import re

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# TfIdfVectorizer and StringNormalizer are ai.onnx ops (9, 10); Tokenizer is onnxruntime's com.microsoft op.
OPSET = 13
IR_VERSION = 7
HIDDEN = 128
FFN = 128
# sklearn's (?u)\b\w\w+\b for RE2, whose \w is ASCII only: Python's Unicode \w is letters, numbers and "_".
RE2_TOKEN = r"[\p{L}\p{N}_][\p{L}\p{N}_]+"
PY_TOKEN = re.compile(r"(?u)\b\w\w+\b")
# StringNormalizer's default locale (en_US.UTF-8) is missing on many servers and images; C.UTF-8 is in glibc.
LOCALE = "C.UTF-8"


def _t(name, array, dtype=np.float32):
    return numpy_helper.from_array(np.asarray(array, dtype=dtype), name)


def _model(graph, doc, extra_opsets=()):
    opsets = [helper.make_opsetid("", OPSET)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="sightline-train-demo",
                              producer_version="1", doc_string=doc)
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


# --------------------------------------------------------------------------------------------------
# sentiment: strings in, TF-IDF and logistic regression inside the graph
# --------------------------------------------------------------------------------------------------

def _ngram_pool(vocabulary):
    """TfIdfVectorizer's pool: unigrams, then bigrams as consecutive pairs; indexes are sklearn's columns.
    The op's `weights` follow the pool's order, not the output columns'."""
    unigrams = sorted((t, i) for t, i in vocabulary.items() if " " not in t)
    bigrams = sorted((t, i) for t, i in vocabulary.items() if " " in t)
    pool = [t for t, _ in unigrams] + [w for t, _ in bigrams for w in t.split(" ")]
    indexes = [i for _, i in unigrams] + [i for _, i in bigrams]
    return pool, [0, len(unigrams)], indexes


def tfidf_logistic_graph(tfidf, clf, doc):
    pool, counts, indexes = _ngram_pool(tfidf.vocabulary_)
    width = len(tfidf.vocabulary_)
    nodes = [
        helper.make_node("Reshape", ["text", "FLAT"], ["flat"]),
        helper.make_node("StringNormalizer", ["flat"], ["lower"], case_change_action="LOWER",
                         is_case_sensitive=0, locale=LOCALE),
        helper.make_node("Tokenizer", ["lower"], ["tokens"], domain="com.microsoft", mark=0, mincharnum=1,
                         pad_value="#", tokenexp=RE2_TOKEN),
        helper.make_node("TfIdfVectorizer", ["tokens"], ["tfidf"], mode="TFIDF", min_gram_length=1,
                         max_gram_length=2, max_skip_count=0, pool_strings=pool, ngram_counts=counts,
                         ngram_indexes=indexes, weights=[float(tfidf.idf_[i]) for i in indexes]),
        # sklearn's l2 norm; an all-zero row (no known term) stays zero instead of dividing by zero
        helper.make_node("Mul", ["tfidf", "tfidf"], ["squares"]),
        helper.make_node("ReduceSum", ["squares", "AXIS1"], ["sum_squares"], keepdims=1),
        helper.make_node("Sqrt", ["sum_squares"], ["norm"]),
        helper.make_node("Max", ["norm", "EPS"], ["safe_norm"]),
        helper.make_node("Div", ["tfidf", "safe_norm"], ["unit"]),
        helper.make_node("MatMul", ["unit", "W"], ["xw"]),
        helper.make_node("Add", ["xw", "B"], ["z"]),
        helper.make_node("Sigmoid", ["z"], ["p_positive"]),
        helper.make_node("Sub", ["ONE", "p_positive"], ["p_negative"]),
        helper.make_node("Concat", ["p_negative", "p_positive"], ["probabilities"], axis=1),
        # sklearn's predict(): decision function > 0
        helper.make_node("Greater", ["z", "ZERO"], ["is_positive"]),
        helper.make_node("Cast", ["is_positive"], ["label_column"], to=TensorProto.INT64),
        helper.make_node("Squeeze", ["label_column", "AXIS1"], ["label"]),
    ]
    graph = helper.make_graph(
        nodes, "tfidf_logistic",
        [helper.make_tensor_value_info("text", TensorProto.STRING, ["batch", 1])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["batch"]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 2]),
        ],
        initializer=[
            _t("FLAT", [-1], np.int64), _t("AXIS1", [1], np.int64), _t("EPS", [1e-12]), _t("ONE", [1.0]),
            _t("ZERO", [0.0]), _t("W", clf.coef_[0].reshape(width, 1)), _t("B", clf.intercept_),
        ],
    )
    return _model(graph, doc, [("com.microsoft", 1)])


def tfidf_logistic_numpy(tfidf, clf, texts):
    """P(positive) as the graph computes it, in float32: lower, tokenize, count n-grams, idf, l2, linear."""
    vocab, idf = tfidf.vocabulary_, tfidf.idf_.astype(np.float32)
    x = np.zeros((len(texts), len(vocab)), dtype=np.float32)
    for r, text in enumerate(texts):
        tokens = PY_TOKEN.findall(text.lower())
        for gram in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]:
            if gram in vocab:
                x[r, vocab[gram]] += 1
    x *= idf
    x /= np.maximum(np.sqrt((x * x).sum(1, keepdims=True)), np.float32(1e-12))
    z = x @ clf.coef_[0].astype(np.float32) + np.float32(clf.intercept_[0])
    return 1 / (1 + np.exp(-z))


# --------------------------------------------------------------------------------------------------
# sentiment-bert: input_ids / attention_mask / token_type_ids in, logits out
# --------------------------------------------------------------------------------------------------

def encoder_weights(rng, vocab_size, max_positions):
    n = lambda *shape, scale=1.0: (rng.standard_normal(shape) * scale).astype(np.float32)  # noqa: E731
    h = HIDDEN
    return {
        "WORD": n(vocab_size, h), "POS": n(max_positions, h, scale=0.1), "TYPE": n(2, h, scale=0.1),
        "WQ": n(h, h, scale=h ** -0.5), "WK": n(h, h, scale=h ** -0.5), "WV": n(h, h, scale=h ** -0.5),
        "WO": n(h, h, scale=0.5 * h ** -0.5), "W1": n(h, FFN, scale=h ** -0.5), "B1": n(FFN, scale=0.1),
        "W2": n(FFN, h, scale=FFN ** -0.5), "B2": n(h, scale=0.1),
    }


def _softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def encoder_numpy(w, sequences):
    """Masked mean of the encoder's output per sequence, each run alone (no padding), float32."""
    out = np.zeros((len(sequences), HIDDEN), dtype=np.float32)
    for r, ids in enumerate(sequences):
        ids = np.asarray(ids)
        e = w["WORD"][ids] + w["POS"][: len(ids)] + w["TYPE"][np.zeros(len(ids), dtype=np.int64)]
        q, k, v = e @ w["WQ"], e @ w["WK"], e @ w["WV"]
        attn = _softmax((q @ k.T) * np.float32(HIDDEN ** -0.5))
        h = e + (attn @ v) @ w["WO"]
        h2 = h + np.maximum(h @ w["W1"] + w["B1"], 0) @ w["W2"] + w["B2"]
        out[r] = h2.mean(0)
    return out


def _head(head, n_labels):
    """Binary logistic regression as two logits [0, z]: softmax gives sklearn's predict_proba."""
    weights = np.zeros((HIDDEN, n_labels), dtype=np.float32)
    weights[:, 1] = head.coef_[0]
    bias = np.array([0.0, head.intercept_[0]], dtype=np.float32)
    return weights, bias


def head_numpy(head, pooled):
    weights, bias = _head(head, 2)
    return pooled @ weights + bias


def encoder_graph(w, head, n_labels, doc):
    head_w, head_b = _head(head, n_labels)
    nodes = [
        helper.make_node("Gather", ["WORD", "input_ids"], ["word"]),
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Gather", ["ids_shape", "ONE_I"], ["seq_len"], axis=0),
        helper.make_node("Range", ["ZERO_I", "seq_len", "ONE_I"], ["positions"]),
        helper.make_node("Gather", ["POS", "positions"], ["pos"]),
        helper.make_node("Gather", ["TYPE", "token_type_ids"], ["type"]),
        helper.make_node("Add", ["word", "pos"], ["word_pos"]),
        helper.make_node("Add", ["word_pos", "type"], ["e"]),
        helper.make_node("MatMul", ["e", "WQ"], ["q"]),
        helper.make_node("MatMul", ["e", "WK"], ["k"]),
        helper.make_node("MatMul", ["e", "WV"], ["v"]),
        helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 2, 1]),
        helper.make_node("MatMul", ["q", "kt"], ["qk"]),
        helper.make_node("Mul", ["qk", "SCALE"], ["scores"]),
        # padded keys get -10000 before the softmax, exp() of which is exactly 0 in float32
        helper.make_node("Cast", ["attention_mask"], ["mask"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask", "AXIS1"], ["mask_keys"]),
        helper.make_node("Sub", ["mask_keys", "ONE_F"], ["mask_off"]),
        helper.make_node("Mul", ["mask_off", "BIG"], ["mask_bias"]),
        helper.make_node("Add", ["scores", "mask_bias"], ["masked_scores"]),
        helper.make_node("Softmax", ["masked_scores"], ["attn"], axis=-1),
        helper.make_node("MatMul", ["attn", "v"], ["ctx"]),
        helper.make_node("MatMul", ["ctx", "WO"], ["attn_out"]),
        helper.make_node("Add", ["e", "attn_out"], ["h"]),
        helper.make_node("MatMul", ["h", "W1"], ["f_lin"]),
        helper.make_node("Add", ["f_lin", "B1"], ["f_pre"]),
        helper.make_node("Relu", ["f_pre"], ["f"]),
        helper.make_node("MatMul", ["f", "W2"], ["f_out_lin"]),
        helper.make_node("Add", ["f_out_lin", "B2"], ["f_out"]),
        helper.make_node("Add", ["h", "f_out"], ["h2"]),
        # mean over the real tokens only, so padding to the longest sequence of a batch changes nothing
        helper.make_node("Unsqueeze", ["mask", "AXIS2"], ["mask_tokens"]),
        helper.make_node("Mul", ["h2", "mask_tokens"], ["h2_masked"]),
        helper.make_node("ReduceSum", ["h2_masked", "AXIS1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask", "AXIS1"], ["count"], keepdims=1),
        helper.make_node("Max", ["count", "ONE_F"], ["safe_count"]),
        helper.make_node("Div", ["summed", "safe_count"], ["pooled"]),
        helper.make_node("MatMul", ["pooled", "HEAD_W"], ["head_lin"]),
        helper.make_node("Add", ["head_lin", "HEAD_B"], ["logits"]),
    ]
    ids = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])  # noqa: E731
    initializers = [_t(name, value) for name, value in w.items()] + [
        _t("HEAD_W", head_w), _t("HEAD_B", head_b), _t("SCALE", [HIDDEN ** -0.5]), _t("BIG", [10000.0]),
        _t("ONE_F", [1.0]), _t("AXIS1", [1], np.int64), _t("AXIS2", [2], np.int64),
        numpy_helper.from_array(np.array(0, dtype=np.int64), "ZERO_I"),
        numpy_helper.from_array(np.array(1, dtype=np.int64), "ONE_I"),
    ]
    graph = helper.make_graph(
        nodes, "tiny_encoder",
        [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", n_labels])],
        initializer=initializers,
    )
    return _model(graph, doc)
