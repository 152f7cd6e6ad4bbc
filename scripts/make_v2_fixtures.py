#!/usr/bin/python3
"""Build the bare ONNX models the Open Inference Protocol (v2) tests serve.

Run with Debian's interpreter, which has onnx (the pyenv `python3` on PATH does not):

    /usr/bin/python3 scripts/make_v2_fixtures.py [--out test/fixtures/v2-models]

Each model is written as <out>/<name>/1/model.onnx with no manifest, so Sightline serves it on /v2
only, with its metadata read from the graph. The graphs are hand-built from the onnx helper API
(no training, no randomness): two runs write byte-identical files.

Models:
  stateful-scorer  several inputs (int64 tokens [batch, seq], int64 scalar step [], float32 state
                   [batch, hidden] with dynamic dims) and several outputs:
                     new_state = state * 0.5 + float(step)       float32 [batch, hidden]
                     token_sum = sum(tokens, axis=1)               int64   [batch]
                     next_step = step + 1                          int64   []
                     score     = sum(new_state, axis=1) + float(token_sum)   float32 [batch]
  dtype-zoo        one input in_<t> of shape [n] per datatype the protocol and onnxruntime share
                   (bool, uint8..uint64, int8..int64, float16, float32, float64, string), each
                   echoed as out_<t> by Identity, plus two computed outputs:
                     fp16_as_fp32 = Cast(in_fp16 -> float32)
                     bool_not     = Not(in_bool)
  fixed-batch      x float32 [2, 3] (fixed batch): y = x * 2 [2, 3], row_max = max(x, axis=1) [2]
"""

import argparse
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# Old enough for any onnxruntime since 1.8 (onnxruntime-node 1.30 included).
OPSET = 13
IR_VERSION = 7

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "v2-models"

# protocol datatype suffix -> ONNX element type
ZOO_TYPES = [
    ("bool", TensorProto.BOOL),
    ("uint8", TensorProto.UINT8),
    ("uint16", TensorProto.UINT16),
    ("uint32", TensorProto.UINT32),
    ("uint64", TensorProto.UINT64),
    ("int8", TensorProto.INT8),
    ("int16", TensorProto.INT16),
    ("int32", TensorProto.INT32),
    ("int64", TensorProto.INT64),
    ("fp16", TensorProto.FLOAT16),
    ("fp32", TensorProto.FLOAT),
    ("fp64", TensorProto.DOUBLE),
    ("bytes", TensorProto.STRING),
]


def _model(graph):
    model = helper.make_model(
        graph,
        producer_name="sightline-fixtures",
        opset_imports=[helper.make_opsetid("", OPSET)],
    )
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def stateful_scorer():
    half = numpy_helper.from_array(np.array(0.5, dtype=np.float32), "half")
    one = numpy_helper.from_array(np.array(1, dtype=np.int64), "one")
    axis1 = numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")
    nodes = [
        helper.make_node("Cast", ["step"], ["step_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["state", "half"], ["state_half"]),
        helper.make_node("Add", ["state_half", "step_f"], ["new_state"]),
        helper.make_node("ReduceSum", ["tokens", "axis1"], ["token_sum"], keepdims=0),
        helper.make_node("Add", ["step", "one"], ["next_step"]),
        helper.make_node("ReduceSum", ["new_state", "axis1"], ["state_sum"], keepdims=0),
        helper.make_node("Cast", ["token_sum"], ["token_sum_f"], to=TensorProto.FLOAT),
        helper.make_node("Add", ["state_sum", "token_sum_f"], ["score"]),
    ]
    graph = helper.make_graph(
        nodes,
        "stateful_scorer",
        inputs=[
            helper.make_tensor_value_info("tokens", TensorProto.INT64, ["batch", "seq"]),
            helper.make_tensor_value_info("step", TensorProto.INT64, []),
            helper.make_tensor_value_info("state", TensorProto.FLOAT, ["batch", "hidden"]),
        ],
        outputs=[
            helper.make_tensor_value_info("new_state", TensorProto.FLOAT, ["batch", "hidden"]),
            helper.make_tensor_value_info("token_sum", TensorProto.INT64, ["batch"]),
            helper.make_tensor_value_info("next_step", TensorProto.INT64, []),
            helper.make_tensor_value_info("score", TensorProto.FLOAT, ["batch"]),
        ],
        initializer=[half, one, axis1],
    )
    return _model(graph)


def dtype_zoo():
    nodes = [helper.make_node("Identity", [f"in_{t}"], [f"out_{t}"]) for t, _ in ZOO_TYPES]
    nodes.append(helper.make_node("Cast", ["in_fp16"], ["fp16_as_fp32"], to=TensorProto.FLOAT))
    nodes.append(helper.make_node("Not", ["in_bool"], ["bool_not"]))
    outputs = [helper.make_tensor_value_info(f"out_{t}", e, ["n"]) for t, e in ZOO_TYPES]
    outputs.append(helper.make_tensor_value_info("fp16_as_fp32", TensorProto.FLOAT, ["n"]))
    outputs.append(helper.make_tensor_value_info("bool_not", TensorProto.BOOL, ["n"]))
    graph = helper.make_graph(
        nodes,
        "dtype_zoo",
        inputs=[helper.make_tensor_value_info(f"in_{t}", e, ["n"]) for t, e in ZOO_TYPES],
        outputs=outputs,
    )
    return _model(graph)


def fixed_batch():
    two = numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")
    nodes = [
        helper.make_node("Mul", ["x", "two"], ["y"]),
        helper.make_node("ReduceMax", ["x"], ["row_max"], axes=[1], keepdims=0),
    ]
    graph = helper.make_graph(
        nodes,
        "fixed_batch",
        inputs=[helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        outputs=[
            helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3]),
            helper.make_tensor_value_info("row_max", TensorProto.FLOAT, [2]),
        ],
        initializer=[two],
    )
    return _model(graph)


MODELS = {
    "stateful-scorer": stateful_scorer,
    "dtype-zoo": dtype_zoo,
    "fixed-batch": fixed_batch,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for name, build in MODELS.items():
        target = args.out / name / "1" / "model.onnx"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build().SerializeToString())
        print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
