#!/usr/bin/python3
"""Runs the official Open Inference Protocol clients, from their public source, against a running
Sightline with the demo models (open, no API key): Triton's tritonclient.http (and .aio) and
KServe's InferenceRESTClient. Their code is not part of this repository; point the script at a
checkout of each:

  git clone https://github.com/triton-inference-server/client   # src/python/library
  git clone https://github.com/kserve/kserve                     # python/kserve
  apt-get install python3-geventhttpclient python3-rapidjson python3-numpy python3-aiohttp \
    python3-httpx python3-grpcio python3-protobuf python3-pandas python3-yaml python3-psutil \
    python3-fastapi python3-pydantic
  /usr/bin/python3 scripts/check-official-clients.py --url http://localhost:3000 \
    --triton client/src/python/library --kserve kserve/python/kserve

KServe's package imports orjson, pydantic v2 and cloudevents at load time, which Debian lacks:
its modules are loaded without its __init__, with orjson answered by the standard json module and
the pydantic/cloudevents names it only declares (never calls on the REST path) stubbed. Every
request and every response is built and read by the clients' own code.
"""

import argparse
import asyncio
import json
import sys
import types

failures = []


def check(name, fn):
    try:
        detail = fn()
        print(f"PASS {name}" + (f": {detail}" if detail else ""))
    except Exception as e:  # noqa: BLE001 - every failure is reported, the run goes on
        failures.append(name)
        print(f"FAIL {name}: {type(e).__name__}: {e}")


ROW = [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0]


def triton(url, src):
    sys.path.insert(0, src)
    import numpy as np
    import tritonclient.http as http
    import tritonclient.http.aio as aio
    from tritonclient.utils import InferenceServerException

    host = url.split("://", 1)[1]
    c = http.InferenceServerClient(host)
    x = np.array([ROW], dtype=np.float32)

    def infer(binary_in=False, binary_out=False, rows=1, **kw):
        data = np.repeat(x, rows, axis=0)
        i = http.InferInput("input", list(data.shape), "FP32")
        i.set_data_from_numpy(data, binary_data=binary_in)
        o = http.InferRequestedOutput("probabilities", binary_data=binary_out)
        return c.infer("loan-risk", [i], outputs=[o], **kw).as_numpy("probabilities")

    try:
        reference = infer()
    except InferenceServerException:
        reference = infer(binary_in=True)  # the JSON case is then reported below as a failure
    check("triton: server live, ready, metadata", lambda: (
        c.is_server_live() and c.is_server_ready() or (_ for _ in ()).throw(AssertionError("not ready")),
        c.get_server_metadata()["extensions"])[1])
    check("triton: model ready and metadata", lambda: c.is_model_ready("loan-risk") and c.get_model_metadata("loan-risk")["inputs"])
    check("triton: infer, JSON tensors (no Content-Type)", lambda: infer().tolist())
    for name, kw in [
        ("binary input", dict(binary_in=True)),
        ("binary output", dict(binary_out=True)),
        ("gzip request", dict(request_compression_algorithm="gzip")),
        ("deflate request", dict(request_compression_algorithm="deflate")),
        ("gzip response", dict(response_compression_algorithm="gzip")),
        ("deflate response", dict(response_compression_algorithm="deflate")),
        ("binary + gzip both ways", dict(binary_in=True, binary_out=True, request_compression_algorithm="gzip",
                                         response_compression_algorithm="gzip")),
    ]:
        check(f"triton: infer, {name}", lambda kw=kw: np.testing.assert_allclose(infer(**kw), reference, rtol=1e-6))
    check("triton: 200 rows, binary out, gzip answer", lambda: infer(binary_out=True, rows=200,
          response_compression_algorithm="gzip").shape)

    def error(fn, status, text):
        try:
            fn()
        except InferenceServerException as e:
            assert e.status() == status and text in e.message(), f"{e.status()} {e.message()}"
            return f"{e.status()} {e.message()}"
        raise AssertionError("no error")

    check("triton: unknown model is a 404 with its message",
          lambda: error(lambda: c.infer("nope", [http.InferInput("input", [1, 12], "FP32").set_data_from_numpy(x)]),
                        "404", 'No model named "nope"'))
    check("triton: wrong shape is a 400 with its message",
          lambda: error(lambda: c.infer("loan-risk", [http.InferInput("input", [1, 3], "FP32").set_data_from_numpy(
              np.zeros((1, 3), dtype=np.float32))]), "400", 'input "input"'))
    check("triton: statistics extension", lambda: [
        (s["name"], s["version"], s["inference_count"]) for s in c.get_inference_statistics()["model_stats"]][:3])
    check("triton: statistics of one version", lambda: c.get_inference_statistics("loan-risk", "2")["model_stats"][0][
        "inference_stats"]["success"])

    async def with_aio():
        a = aio.InferenceServerClient(host)
        try:
            i = aio.InferInput("input", [1, 12], "FP32")
            i.set_data_from_numpy(x, binary_data=False)
            return (await a.infer("loan-risk", [i])).as_numpy("probabilities").tolist()
        finally:
            await a.close()

    check("triton aio (aiohttp, application/octet-stream JSON)", lambda: asyncio.run(with_aio()))


def kserve(url, src):
    orjson = types.ModuleType("orjson")
    orjson.dumps = lambda obj, *a, **k: json.dumps(obj).encode()
    orjson.loads = json.loads
    orjson.JSONDecodeError = json.JSONDecodeError
    orjson.orjson = orjson
    sys.modules["orjson"] = orjson
    import pydantic

    if not hasattr(pydantic, "ConfigDict"):
        pydantic.ConfigDict = dict
    for name in ["cloudevents", "cloudevents.conversion", "cloudevents.http"]:
        stub = types.ModuleType(name)
        stub.to_binary = stub.to_structured = stub.CloudEvent = None
        sys.modules[name] = stub
    pkg = types.ModuleType("kserve")
    pkg.__path__ = [f"{src}/kserve"]
    sys.modules["kserve"] = pkg
    import numpy as np
    from kserve.inference_client import InferenceRESTClient, RESTConfig
    from kserve.protocol.infer_type import InferInput, InferRequest

    async def run():
        client = InferenceRESTClient(RESTConfig(protocol="v2", timeout=30))
        try:
            live = await client.is_server_live(url)
            ready = await client.is_server_ready(url)
            model_ready = await client.is_model_ready(url, "loan-risk")
            assert live and ready and model_ready, (live, ready, model_ready)
            out = {}
            for binary in (False, True):
                i = InferInput("input", [1, 12], "FP32")
                i.set_data_from_numpy(np.array([ROW], dtype=np.float32), binary_data=binary)
                res = await client.infer(url, InferRequest("loan-risk", [i], request_id="r1"), model_name="loan-risk")
                out[binary] = res.outputs[0].as_numpy().tolist()
            as_dict = await client.infer(url, {"inputs": [{"name": "input", "shape": [1, 12], "datatype": "FP32",
                                                           "data": ROW}]}, model_name="loan-risk")
            try:
                await client.infer(url, {"inputs": []}, model_name="nope")
                raise AssertionError("no error")
            except Exception as e:  # httpx.HTTPStatusError
                message = str(e)
            return out, as_dict.outputs[0].name, message
        finally:
            await client.close()

    def main():
        (out, name, message) = asyncio.run(run())
        assert out[False] == out[True], out
        assert 'No model named "nope"' in message, message
        return f"{out[False]} {name}; error shown: {message}"

    check("kserve: live, ready, model ready, infer JSON and binary, error message", main)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:3000")
    p.add_argument("--triton", required=True, help="the client repo's src/python/library")
    p.add_argument("--kserve", required=True, help="the kserve repo's python/kserve")
    args = p.parse_args()
    triton(args.url, args.triton)
    kserve(args.url, args.kserve)
    print(f"{len(failures)} failed" if failures else "all passed")
    sys.exit(1 if failures else 0)
