"""The error every non-2xx answer raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


@dataclass
class FieldError:
    field: str
    message: str


@dataclass
class SightlineError(Exception):
    """An answer that is not 2xx: problem+json (title, detail, field errors) or v2's {"error"}."""

    status: int
    title: str = ""
    detail: str = ""
    errors: List[FieldError] = field(default_factory=list)
    body: Optional[Dict[str, Any]] = None
    request_id: Optional[str] = None

    def __str__(self) -> str:
        head = ": ".join(p for p in (self.title, self.detail) if p) or f"HTTP {self.status}"
        fields = "; ".join(f"{e.field} {e.message}" for e in self.errors)
        return f"{head} ({fields})" if fields else head

    @classmethod
    def from_body(cls, status: int, body: Any, request_id: Optional[str]) -> "SightlineError":
        if not isinstance(body, dict):
            return cls(status, detail=str(body or "")[:500], request_id=request_id)
        if "error" in body and "title" not in body:
            return cls(status, title=f"HTTP {status}", detail=str(body["error"]), body=body, request_id=request_id)
        errors = [FieldError(str(e.get("field", "")), str(e.get("message", ""))) for e in body.get("errors") or []]
        return cls(
            status,
            title=str(body.get("title", "")),
            detail=str(body.get("detail", "")),
            errors=errors,
            body=body,
            request_id=request_id,
        )
