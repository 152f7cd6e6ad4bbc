"""Typed views of Sightline's answers. Each keeps the JSON it came from in `raw`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

Json = Dict[str, Any]
Label = Union[str, float]


@dataclass
class ModelRef:
    name: str
    version: str

    @classmethod
    def from_json(cls, j: Json) -> "ModelRef":
        return cls(j["name"], j["version"])


@dataclass
class Prediction:
    prediction_id: str
    prediction: Label
    model: Optional[ModelRef] = None
    probabilities: Optional[Dict[str, float]] = None

    @classmethod
    def from_json(cls, j: Json, model: Optional[ModelRef] = None) -> "Prediction":
        ref = ModelRef.from_json(j["model"]) if "model" in j else model
        return cls(j["prediction_id"], j["prediction"], ref, j.get("probabilities"))


@dataclass
class BatchPrediction:
    model: ModelRef
    predictions: List[Prediction]

    @classmethod
    def from_json(cls, j: Json) -> "BatchPrediction":
        model = ModelRef.from_json(j["model"])
        return cls(model, [Prediction.from_json(p, model) for p in j["predictions"]])


@dataclass
class Feedback:
    feedback_id: str
    prediction_id: str
    actual: Label
    comment: Optional[str]
    created_at: str
    updated_at: str
    metadata: Optional[Json] = None

    @classmethod
    def from_json(cls, j: Json) -> "Feedback":
        return cls(
            j["feedback_id"],
            j["prediction_id"],
            j["actual"],
            j.get("comment"),
            j["created_at"],
            j["updated_at"],
            j.get("metadata"),
        )


@dataclass
class PredictionRecord:
    """A prediction as logged: sanitized inputs, outcome, latency, and its feedback once posted."""

    prediction_id: str
    created_at: str
    model: ModelRef
    status: str
    inputs: Json
    prediction: Optional[Label]
    latency_ms: float
    source: str
    error_class: Optional[str] = None
    probabilities: Optional[Dict[str, float]] = None
    metadata: Optional[Json] = None
    request_id: Optional[str] = None
    trace_id: Optional[str] = None
    feedback: Optional[Feedback] = None

    @classmethod
    def from_json(cls, j: Json) -> "PredictionRecord":
        return cls(
            j["prediction_id"],
            j["created_at"],
            ModelRef.from_json(j["model"]),
            j["status"],
            j.get("inputs") or {},
            j.get("prediction"),
            j["latency_ms"],
            j["source"],
            j.get("error_class"),
            j.get("probabilities"),
            j.get("metadata"),
            j.get("request_id"),
            j.get("trace_id"),
            Feedback.from_json(j["feedback"]) if j.get("feedback") else None,
        )


@dataclass
class BulkFeedbackItem:
    index: int
    status: str
    prediction_id: Optional[str] = None
    existing_actual: Optional[Label] = None
    errors: List[Json] = field(default_factory=list)


@dataclass
class BulkFeedbackResult:
    counts: Dict[str, int]
    items: List[BulkFeedbackItem]

    @classmethod
    def from_json(cls, j: Json) -> "BulkFeedbackResult":
        items = [
            BulkFeedbackItem(i["index"], i["status"], i.get("prediction_id"), i.get("existing_actual"), i.get("errors") or [])
            for i in j["items"]
        ]
        return cls(dict(j["counts"]), items)


@dataclass
class FeatureDrift:
    name: str
    kind: str
    test: Optional[str]
    score: Optional[float]
    threshold: Optional[float]
    drift_detected: Optional[bool]
    statistics: Json
    data_quality: Json
    raw: Json = field(repr=False, default_factory=dict)

    @classmethod
    def from_json(cls, j: Json) -> "FeatureDrift":
        return cls(
            j["name"],
            j["kind"],
            j.get("test"),
            j.get("score"),
            j.get("threshold"),
            j.get("drift_detected"),
            j.get("statistics") or {},
            j.get("data_quality") or {},
            j,
        )


@dataclass
class DatasetDrift:
    drift_share: Optional[float]
    drift_detected: bool
    share_threshold: float
    drifted_features: List[str]
    tested_features: int
    correction: str

    @classmethod
    def from_json(cls, j: Json) -> "DatasetDrift":
        return cls(
            j.get("drift_share"),
            j["drift_detected"],
            j["share_threshold"],
            list(j["drifted_features"]),
            j["tested_features"],
            j["correction"],
        )


@dataclass
class DriftReport:
    id: str
    model: ModelRef
    trigger: str
    status: str
    window_from: str
    window_to: str
    dataset: DatasetDrift
    features: List[FeatureDrift]
    prediction: Optional[FeatureDrift]
    created_at: str
    completed_at: Optional[str]
    error: Optional[str]
    raw: Json = field(repr=False, default_factory=dict)

    @property
    def drifted(self) -> List[FeatureDrift]:
        return [f for f in self.features if f.drift_detected]

    @classmethod
    def from_json(cls, j: Json) -> "DriftReport":
        return cls(
            j["id"],
            ModelRef.from_json(j["model"]),
            j["trigger"],
            j["status"],
            j["window"]["from"],
            j["window"]["to"],
            DatasetDrift.from_json(j["dataset"]),
            [FeatureDrift.from_json(f) for f in j["features"]],
            FeatureDrift.from_json(j["prediction"]) if j.get("prediction") else None,
            j["created_at"],
            j.get("completed_at"),
            j.get("error"),
            j,
        )


@dataclass
class Performance:
    model: ModelRef
    task: str
    window: str
    window_start: str
    window_end: str
    predictions: int
    labelled: int
    label_coverage: Optional[float]
    metrics: Json
    raw: Json = field(repr=False, default_factory=dict)

    @classmethod
    def from_json(cls, j: Json) -> "Performance":
        return cls(
            ModelRef.from_json(j["model"]),
            j["task"],
            j["window"],
            j["window_start"],
            j["window_end"],
            j["predictions"],
            j["labelled"],
            j.get("label_coverage"),
            j["metrics"],
            j,
        )
