"""The FastAPI + pydantic + scikit-learn server of the tutorials, serving POST /predict.

    cd bench/peers && /usr/bin/python3 -m uvicorn fastapi_app:app --port 3904   (Debian python3-fastapi, python3-uvicorn)
"""
from typing import Literal

from fastapi import FastAPI
from pydantic import BaseModel, Field

from tutorial_model import predict, train


class LoanFeatures(BaseModel):
    age: int = Field(ge=18, le=100)
    income: float = Field(ge=0)
    loan_amount: float = Field(ge=1)
    credit_score: int = Field(ge=300, le=850)
    debt_ratio: float = Field(ge=0, le=1)
    employment: Literal["employed", "self_employed", "unemployed", "student"]
    home_ownership: str


class PredictRequest(BaseModel):
    features: LoanFeatures


app = FastAPI()
model = train()


@app.get("/")
def ready():
    return {"status": "ok"}


@app.post("/predict")
def predict_route(request: PredictRequest):
    return predict(model, request.features.dict())
