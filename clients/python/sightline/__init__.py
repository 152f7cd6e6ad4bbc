"""Sightline's Python client: the standard library only, typed dataclasses for the answers."""

from .client import Client
from .errors import FieldError, SightlineError
from .models import (
    BatchPrediction,
    BulkFeedbackItem,
    BulkFeedbackResult,
    DatasetDrift,
    DriftReport,
    FeatureDrift,
    Feedback,
    ModelRef,
    Performance,
    Prediction,
    PredictionRecord,
)

__all__ = [
    "BatchPrediction",
    "BulkFeedbackItem",
    "BulkFeedbackResult",
    "Client",
    "DatasetDrift",
    "DriftReport",
    "FeatureDrift",
    "Feedback",
    "FieldError",
    "ModelRef",
    "Performance",
    "Prediction",
    "PredictionRecord",
    "SightlineError",
]
