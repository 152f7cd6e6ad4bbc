"""The Flask + scikit-learn server of the tutorials, serving POST /predict.

    cd bench/peers && /usr/bin/python3 -m gunicorn --bind 127.0.0.1:3905 flask_app:app   (Debian python3-flask, gunicorn)
"""
from flask import Flask, jsonify, request

from tutorial_model import FEATURES, predict, train

app = Flask(__name__)
model = train()


@app.get("/")
def ready():
    return jsonify(status="ok")


@app.post("/predict")
def predict_route():
    body = request.get_json(force=True, silent=True) or {}
    features = body.get("features") or {}
    missing = [name for name in FEATURES if name not in features]
    if missing:
        return jsonify(error=f"missing features: {', '.join(missing)}"), 422
    return jsonify(predict(model, features))
