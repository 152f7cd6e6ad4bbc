"""End-to-end tests of the Python client against a running Sightline with the demo models, open
(no API key yet) and DEFAULT_MODEL=loan-risk: `SIGHTLINE_URL=http://... python3 -m unittest`.
The last test creates the first key, which closes the server."""

import os
import unittest
import urllib.request

from sightline import BatchPrediction, Client, DriftReport, Feedback, Prediction, PredictionRecord, SightlineError

LOAN = {
    "age": 42,
    "income": 52000,
    "loan_amount": 12000,
    "credit_score": 690,
    "debt_ratio": 0.3,
    "employment": "employed",
    "home_ownership": "rent",
}
HOUSE = {"sqft": 1800, "bedrooms": 3, "bathrooms": 2, "age_years": 20, "distance_km": 12, "neighborhood": "fernwick"}


class ClientTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls):
        if not os.environ.get("SIGHTLINE_URL"):
            raise unittest.SkipTest("set SIGHTLINE_URL to a running server")
        cls.client = Client()

    def test_1_predicts_and_every_id_is_in_the_log(self):
        one = self.client.predict(LOAN, model="loan-risk", version="1", metadata={"channel": "web"})
        self.assertIsInstance(one, Prediction)
        self.assertEqual((one.model.name, one.model.version), ("loan-risk", "1"))
        self.assertIn(one.prediction, ("repaid", "default"))
        self.assertAlmostEqual(sum(one.probabilities.values()), 1.0, places=5)
        ordered = self.client.predict([42, 52000, 12000, 690, 0.3, "employed", "rent"], model="loan-risk", version="1")
        self.assertEqual(ordered.probabilities, one.probabilities)
        batch = self.client.predict_batch([HOUSE, dict(HOUSE, sqft=2400)], model="house-price")
        self.assertIsInstance(batch, BatchPrediction)
        self.assertEqual(len(batch.predictions), 2)
        self.assertIsInstance(batch.predictions[0].prediction, float)
        default = self.client.predict(LOAN)
        self.assertEqual(default.model.name, "loan-risk")
        for p in [one, ordered, default, *batch.predictions]:
            record = self.client.prediction(p.prediction_id)
            self.assertIsInstance(record, PredictionRecord)
            self.assertEqual((record.prediction_id, record.status, record.source), (p.prediction_id, "success", "v1"))
        self.assertEqual(self.client.prediction(one.prediction_id).metadata, {"channel": "web"})

    def test_1b_predicts_texts(self):
        one = self.client.predict_text("This is a fantastic product!", model="sentiment")
        self.assertEqual(one.prediction, "positive")
        batch = self.client.predict_texts(["Terrible service, it arrived broken.", "Lovely design"], model="sentiment")
        self.assertEqual([p.prediction for p in batch.predictions], ["negative", "positive"])

    def test_2_feedback_single_bulk_and_conflict(self):
        p = self.client.predict(LOAN)
        stored = self.client.feedback(p.prediction_id, "default", comment="charged off")
        self.assertIsInstance(stored, Feedback)
        self.assertEqual(stored.actual, "default")
        with self.assertRaises(SightlineError) as conflict:
            self.client.feedback(p.prediction_id, "repaid")
        self.assertEqual(conflict.exception.status, 409)
        replaced = self.client.feedback(p.prediction_id, "repaid", replace=True)
        self.assertEqual(replaced.actual, "repaid")
        self.assertEqual(self.client.prediction(p.prediction_id).feedback.actual, "repaid")
        other = self.client.predict(LOAN)
        result = self.client.feedback_bulk(
            [
                {"prediction_id": other.prediction_id, "actual": "default"},
                {"prediction_id": "0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f", "actual": "default"},
                {"prediction_id": other.prediction_id, "actual": "maybe"},
            ]
        )
        self.assertEqual([i.status for i in result.items], ["created", "not_found", "invalid"])
        self.assertEqual(result.counts["created"], 1)

    def test_3_errors_name_the_fields(self):
        with self.assertRaises(SightlineError) as bad:
            self.client.predict(dict(LOAN, age=7, employment="astronaut"), model="loan-risk")
        err = bad.exception
        self.assertEqual(err.status, 422)
        self.assertEqual(err.title, "Validation failed")
        self.assertEqual({e.field for e in err.errors}, {"features.age", "features.employment"})
        self.assertIn("features.age must be between 18 and 100, got 7", str(err))
        with self.assertRaises(SightlineError) as missing:
            self.client.model("nope")
        self.assertEqual((missing.exception.status, missing.exception.detail), (404, 'No model named "nope"'))
        with self.assertRaises(SightlineError) as v2:
            self.client.infer("nope", {"inputs": []})
        self.assertEqual((v2.exception.status, v2.exception.detail), (404, 'No model named "nope"'))

    def test_4_drift_run_latest_and_report_page(self):
        run = self.client.run_drift("loan-risk", window="1h")
        self.assertIsInstance(run, DriftReport)
        self.assertEqual(run.status, "completed")
        self.assertGreater(len(run.features), 0)
        self.assertTrue(all(f.kind in ("numeric", "categorical") for f in run.features))
        latest = self.client.drift("loan-risk")
        self.assertEqual(latest.id, run.id)
        with urllib.request.urlopen(self.client.drift_report_url("loan-risk", run=run.id)) as page:
            self.assertEqual(page.status, 200)
            self.assertIn("<html", page.read().decode())

    def test_5_performance_models_v2_and_statistics(self):
        perf = self.client.performance("loan-risk", window="1h")
        self.assertEqual((perf.task, perf.window), ("classification", "1h"))
        self.assertGreaterEqual(perf.labelled, 1)
        names = [m["name"] for m in self.client.models()]
        self.assertIn("house-price", names)
        out = self.client.infer(
            "loan-risk",
            {"inputs": [{"name": "input", "datatype": "FP32", "shape": [1, 12], "data": [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0]}]},
            version="2",
        )
        self.assertEqual(out["model_version"], "2")
        stats = self.client.statistics("loan-risk", "2")
        self.assertGreaterEqual(stats[0]["inference_count"], 1)

    def test_6_keys_close_the_server(self):
        admin = self.client.create_key("python-admin", ["admin", "read"])
        with self.assertRaises(SightlineError) as anonymous:
            self.client.models()
        self.assertEqual(anonymous.exception.status, 401)
        keyed = Client(api_key=admin["key"])
        self.assertIn("loan-risk", [m["name"] for m in keyed.models()])
        self.assertIn("python-admin", [k["name"] for k in keyed.keys()])
        self.assertIsNotNone(keyed.revoke_key(admin["id"])["revoked_at"])


if __name__ == "__main__":
    unittest.main()
