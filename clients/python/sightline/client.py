"""Sightline's API over the standard library only (urllib), so it runs wherever Python 3.8+ does."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from .errors import SightlineError
from .models import (
    BatchPrediction,
    BulkFeedbackResult,
    DriftReport,
    Feedback,
    Json,
    Label,
    Performance,
    Prediction,
    PredictionRecord,
)

Features = Union[Mapping[str, Any], Sequence[Any]]


class Client:
    """One method per call. `base_url` and `api_key` default to SIGHTLINE_URL and SIGHTLINE_API_KEY."""

    def __init__(self, base_url: Optional[str] = None, api_key: Optional[str] = None, timeout: float = 30.0):
        self.base_url = (base_url or os.environ.get("SIGHTLINE_URL") or "http://localhost:3000").rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("SIGHTLINE_API_KEY")
        self.timeout = timeout

    # -- models and predictions -------------------------------------------------------------

    def models(self) -> List[Json]:
        return self._call("GET", "/v1/models")["models"]

    def model(self, name: str) -> Json:
        return self._call("GET", f"/v1/models/{_q(name)}")

    def predict(
        self,
        features: Features,
        model: Optional[str] = None,
        version: Optional[str] = None,
        metadata: Optional[Json] = None,
    ) -> Prediction:
        """One row; without `model`, the server's default model (POST /predict)."""
        body = _compact({"features": features, "metadata": metadata})
        return Prediction.from_json(self._predict(body, model, version))

    def predict_batch(
        self,
        instances: Sequence[Features],
        model: Optional[str] = None,
        version: Optional[str] = None,
        metadata: Optional[Json] = None,
    ) -> BatchPrediction:
        """Several rows in one call (at most the server's MAX_BATCH_SIZE)."""
        body = _compact({"instances": list(instances), "metadata": metadata})
        return BatchPrediction.from_json(self._predict(body, model, version))

    def predict_text(self, text: str, model: Optional[str] = None, version: Optional[str] = None) -> Prediction:
        """One text, for a model with one text feature (a sentiment model, say)."""
        return Prediction.from_json(self._predict({"text": text}, model, version))

    def predict_texts(
        self, texts: Sequence[str], model: Optional[str] = None, version: Optional[str] = None
    ) -> BatchPrediction:
        return BatchPrediction.from_json(self._predict({"texts": list(texts)}, model, version))

    def prediction(self, prediction_id: str) -> PredictionRecord:
        return PredictionRecord.from_json(self._call("GET", f"/v1/predictions/{_q(prediction_id)}"))

    # -- feedback ---------------------------------------------------------------------------

    def feedback(
        self,
        prediction_id: str,
        actual: Label,
        comment: Optional[str] = None,
        metadata: Optional[Json] = None,
        replace: bool = False,
    ) -> Feedback:
        """The true outcome of a prediction; `replace=True` stores it over a different one (PUT)."""
        body = _compact({"actual": actual, "comment": comment, "metadata": metadata})
        method = "PUT" if replace else "POST"
        return Feedback.from_json(self._call(method, f"/v1/predictions/{_q(prediction_id)}/feedback", body=body))

    def feedback_bulk(self, items: Iterable[Mapping[str, Any]]) -> BulkFeedbackResult:
        """Items of {prediction_id, actual, comment?, metadata?}; each gets its own status."""
        return BulkFeedbackResult.from_json(self._call("POST", "/v1/feedback", body={"items": list(items)}))

    # -- monitoring -------------------------------------------------------------------------

    def run_drift(
        self,
        model: str,
        window: Optional[str] = None,
        version: Optional[str] = None,
        start: Optional[str] = None,
        end: Optional[str] = None,
    ) -> DriftReport:
        """Drift detection now, over `window` (e.g. "1h") or from `start` to `end` (ISO 8601)."""
        query = {"window": window, "version": version, "from": start, "to": end}
        return DriftReport.from_json(self._call("POST", f"/v1/models/{_q(model)}/drift/runs", query=query))

    def drift(self, model: str, version: Optional[str] = None) -> DriftReport:
        """The latest drift report."""
        return DriftReport.from_json(self._call("GET", f"/v1/models/{_q(model)}/drift", query={"version": version}))

    def drift_runs(self, model: str, version: Optional[str] = None, limit: Optional[int] = None) -> Json:
        return self._call("GET", f"/v1/models/{_q(model)}/drift/runs", query={"version": version, "limit": limit})

    def drift_report_url(self, model: str, version: Optional[str] = None, run: Optional[str] = None) -> str:
        """The report as a web page."""
        return self._url(f"/v1/models/{_q(model)}/drift/report", {"version": version, "run": run})

    def performance(self, model: str, window: Optional[str] = None, version: Optional[str] = None) -> Performance:
        query = {"window": window, "version": version}
        return Performance.from_json(self._call("GET", f"/v1/models/{_q(model)}/performance", query=query))

    # -- the Open Inference Protocol (v2) and keys ----------------------------------------------

    def infer(self, model: str, request: Json, version: Optional[str] = None) -> Json:
        """v2 inference with JSON tensors: `request` is {"inputs": [...], "outputs"?: [...]}."""
        path = f"/v2/models/{_q(model)}" + (f"/versions/{_q(version)}" if version else "") + "/infer"
        return self._call("POST", path, body=request)

    def statistics(self, model: Optional[str] = None, version: Optional[str] = None) -> List[Json]:
        """Triton's statistics extension: every ready version, one model's, or one version's."""
        path = "/v2/models" + (f"/{_q(model)}" if model else "") + (f"/versions/{_q(version)}" if version else "")
        return self._call("GET", f"{path}/stats")["model_stats"]

    def create_key(self, name: str, scopes: Sequence[str], models: Optional[Sequence[str]] = None) -> Json:
        body = _compact({"name": name, "scopes": list(scopes), "models": list(models) if models else None})
        return self._call("POST", "/v1/admin/keys", body=body)

    def keys(self) -> List[Json]:
        return self._call("GET", "/v1/admin/keys")["keys"]

    def revoke_key(self, key_id: str) -> Json:
        return self._call("DELETE", f"/v1/admin/keys/{_q(key_id)}")

    # -- transport --------------------------------------------------------------------------

    def _predict(self, body: Json, model: Optional[str], version: Optional[str]) -> Json:
        if model is None:
            return self._call("POST", "/predict", body=body)
        return self._call("POST", f"/v1/models/{_q(model)}/predict", query={"version": version}, body=body)

    def _url(self, path: str, query: Optional[Mapping[str, Any]] = None) -> str:
        pairs = {k: v for k, v in (query or {}).items() if v is not None}
        return self.base_url + path + (f"?{urllib.parse.urlencode(pairs)}" if pairs else "")

    def _call(self, method: str, path: str, query: Optional[Mapping[str, Any]] = None, body: Any = None) -> Any:
        headers = {"Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self._url(path, query), data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _read(response)
        except urllib.error.HTTPError as err:
            raise SightlineError.from_body(err.code, _read(err), err.headers.get("x-request-id")) from None


def _read(response: Any) -> Any:
    raw = response.read()
    kind = response.headers.get("Content-Type", "")
    if "json" in kind:
        return json.loads(raw.decode("utf-8")) if raw else None
    return raw.decode("utf-8", "replace")


def _q(segment: str) -> str:
    return urllib.parse.quote(str(segment), safe="")


def _compact(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
