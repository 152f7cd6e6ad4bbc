/**
 * The Sightline API's types, generated from clients/openapi.json by openapi-typescript
 * (`npm run clients:generate`). Do not edit: the contract test fails when this is stale.
 */
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (docs/metrics.md); OpenMetrics with trace-id exemplars when Accept asks for application/openmetrics-text */
        get: operations["metricsScrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's models with their versions and load status */
        get: operations["modelsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model card: versions, default version, task, features, labels, status */
        get: operations["modelsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Predict with a model (default version unless ?version=) */
        post: operations["predictionPredict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Predict with the default model (DEFAULT_MODEL) */
        post: operations["predictionPredictDefault"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/predictions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged record of one prediction (sanitized inputs, outputs, latency, ids) */
        get: operations["predictionGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server metadata: name, version and the protocol extensions supported */
        get: operations["protocolServerServer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server live: the process can answer metadata and inference requests */
        get: operations["protocolServerLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server ready: models loaded and at least one version can serve (503 otherwise) */
        get: operations["protocolServerReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of every ready model version (Triton's statistics extension) */
        get: operations["protocolModelsAllStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of every version of one model */
        get: operations["protocolModelsModelStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of one model version */
        get: operations["protocolModelsVersionStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata (default version): inputs and outputs from the ONNX graph */
        get: operations["protocolModelsModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata of one version */
        get: operations["protocolModelsModelVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model ready (default version): 200, or 503 when it did not load */
        get: operations["protocolModelsReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model ready (one version) */
        get: operations["protocolModelsVersionReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inference: JSON tensors, or the binary tensor extension (Inference-Header-Content-Length) */
        post: operations["protocolModelsInfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inference: JSON tensors, or the binary tensor extension (Inference-Header-Content-Length) */
        post: operations["protocolModelsInferVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/predictions/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feedback stored for a prediction (404 when there is none) */
        get: operations["feedbackGet"];
        /** Store or replace the true outcome of a prediction (200; 201 if there was none) */
        put: operations["feedbackReplace"];
        /** Record the true outcome of a prediction (201; 200 if the same actual is already stored) */
        post: operations["feedbackSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record many outcomes; every item gets its own status */
        post: operations["feedbackSubmitBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["healthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable, models loaded and warmed, log writer keeping up (503 otherwise) */
        get: operations["healthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every key, revoked ones included (never the key or its hash) */
        get: operations["adminKeysList"];
        put?: never;
        /** Create an API key; the key is in this response only */
        post: operations["adminKeysCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key (kept, with revoked_at, for the record) */
        delete: operations["adminKeysRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model quality from feedback over a window of prediction time, computed now; with estimated=true also estimated without labels (CBPE) */
        get: operations["performanceGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/performance/estimated/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the scheduled estimation stored for a configured window, newest first */
        get: operations["performanceEstimatedHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/performance/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the scheduled job computed for a configured window, newest first */
        get: operations["performanceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/drift/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drift runs, newest first, a page at a time */
        get: operations["driftHistory"];
        put?: never;
        /** Run drift now over a window (default DRIFT_WINDOW ending now); returns the report */
        post: operations["driftTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest completed drift report of a version */
        get: operations["driftLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/drift/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One drift run, in full */
        get: operations["driftRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/drift/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A drift report as a web page: a row and a chart per feature */
        get: operations["driftPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/drift/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reference profile drift compares against */
        get: operations["driftReference"];
        /** Make a window of logged predictions the reference (sampled to DRIFT_MAX_SAMPLE rows) */
        put: operations["driftSetReference"];
        post?: never;
        /** Go back to the version's reference.csv */
        delete: operations["driftResetReference"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Feature: {
            /** @example age */
            name: string;
            /** @enum {string} */
            type: "numeric" | "categorical" | "text";
            required: boolean;
            /** @example 18 */
            min?: number;
            /** @example 100 */
            max?: number;
            default?: number;
            /** @enum {string} */
            out_of_range?: "reject" | "clip" | "accept";
            /**
             * @example [
             *       "own",
             *       "rent",
             *       "mortgage"
             *     ]
             */
            categories?: string[];
            /** @enum {string} */
            unseen?: "reject" | "ignore";
            /**
             * @description text: most characters (code points)
             * @example 2000
             */
            max_length?: number;
            /**
             * @description text: what a longer text gets
             * @enum {string}
             */
            over_length?: "reject" | "truncate";
        };
        Tensor: {
            /** @example input */
            name: string;
            /** @example float32 */
            datatype: string;
            /**
             * @example [
             *       -1,
             *       14
             *     ]
             */
            shape: number[];
        };
        ModelVersion: {
            /** @example 2 */
            version: string;
            /** @enum {string} */
            status: "loading" | "ready" | "failed";
            /** @example manifest does not match the graph: ... */
            error?: string;
            loaded_at?: string;
            /** @description false for a bare model.onnx, served on /v2 only */
            has_manifest: boolean;
            /** @enum {string|null} */
            task: "classification" | "regression" | null;
            inputs: components["schemas"]["Tensor"][];
            outputs: components["schemas"]["Tensor"][];
            /**
             * @description tokenizer models: most tokens per text, special tokens included
             * @example 64
             */
            max_tokens?: number;
        };
        ModelCard: {
            /** @example loan-risk */
            name: string;
            /** @example 2 */
            default_version: string | null;
            /**
             * @description status of the default version
             * @enum {string}
             */
            status: "loading" | "ready" | "failed";
            /** @enum {string|null} */
            task: "classification" | "regression" | null;
            description?: string;
            /**
             * @example [
             *       "repaid",
             *       "default"
             *     ]
             */
            labels: string[];
            features: components["schemas"]["Feature"][];
            versions: components["schemas"]["ModelVersion"][];
            /** @description problems with the model directory itself */
            problems: string[];
        };
        ModelList: {
            models: components["schemas"]["ModelCard"][];
        };
        Truncation: {
            /** @example text */
            field: string;
            /** @enum {string} */
            unit: "characters" | "tokens";
            /** @example 2412 */
            from: number;
            /** @example 2000 */
            to: number;
        };
        ModelRef: {
            /** @example loan-risk */
            name: string;
            /** @example 2 */
            version: string;
        };
        PredictResponse: {
            /**
             * Format: uuid
             * @description UUIDv7, time-ordered
             * @example 0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f
             */
            prediction_id: string;
            /** @example repaid */
            prediction: string | number;
            /**
             * @description classification only: each label and its probability
             * @example {
             *       "repaid": 0.91,
             *       "default": 0.09
             *     }
             */
            probabilities?: {
                [key: string]: number;
            };
            /** @description texts the model saw shortened (to the manifest maxLength, or to the tokenizer maximum) */
            truncated?: components["schemas"]["Truncation"][];
            model: components["schemas"]["ModelRef"];
        };
        PredictionItem: {
            /**
             * Format: uuid
             * @description UUIDv7, time-ordered
             * @example 0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f
             */
            prediction_id: string;
            /** @example repaid */
            prediction: string | number;
            /**
             * @description classification only: each label and its probability
             * @example {
             *       "repaid": 0.91,
             *       "default": 0.09
             *     }
             */
            probabilities?: {
                [key: string]: number;
            };
            /** @description texts the model saw shortened (to the manifest maxLength, or to the tokenizer maximum) */
            truncated?: components["schemas"]["Truncation"][];
        };
        BatchPredictResponse: {
            model: components["schemas"]["ModelRef"];
            predictions: components["schemas"]["PredictionItem"][];
        };
        PredictRequest: {
            /**
             * @description One row: an object keyed by feature name, or an array of values in the order of the model card
             * @example {
             *       "age": 42,
             *       "income": 52000,
             *       "loan_amount": 12000,
             *       "credit_score": 690,
             *       "employment": "employed",
             *       "home_ownership": "rent"
             *     }
             */
            features?: {
                [key: string]: number | (string | null);
            } | (number | (string | null))[];
            /**
             * @description For a model with one text feature: that text, as the whole row
             * @example This is a fantastic product!
             */
            text?: string;
            /** @description For a model with one text feature: a batch of texts (at most MAX_BATCH_SIZE) */
            texts?: string[];
            /** @description A batch of rows (objects or arrays); at most MAX_BATCH_SIZE (default 1000) */
            instances?: ({
                [key: string]: number | (string | null);
            } | (number | (string | null))[])[];
            /**
             * @description Free-form context logged with the prediction (sanitized), e.g. a customer id to join on later
             * @example {
             *       "customer_id": "c-1042"
             *     }
             */
            metadata?: {
                [key: string]: unknown;
            };
        };
        Feedback: {
            /** Format: uuid */
            feedback_id: string;
            /** Format: uuid */
            prediction_id: string;
            /** @example default */
            actual: string | number;
            /** @description with PII patterns masked */
            comment: string | null;
            /** @description sanitized */
            metadata: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @description when the first label arrived (label delay is measured to here)
             */
            created_at: string;
            /**
             * Format: date-time
             * @description when the feedback was last replaced (PUT)
             */
            updated_at: string;
        };
        PredictionRecord: {
            /** Format: uuid */
            prediction_id: string;
            /** Format: date-time */
            created_at: string;
            model: components["schemas"]["ModelRef"];
            /** @enum {string} */
            status: "success" | "error";
            /** @example validation_failed */
            error_class: string | null;
            /**
             * @description sanitized inputs
             * @example {
             *       "age": 42,
             *       "employment": "employed"
             *     }
             */
            inputs: {
                [key: string]: unknown;
            };
            /** @description sanitized metadata */
            metadata: {
                [key: string]: unknown;
            } | null;
            /** @description null when it failed */
            prediction: (string | number) | null;
            probabilities?: {
                [key: string]: number;
            };
            /** @example 0.42 */
            latency_ms: number;
            request_id: string | null;
            trace_id: string | null;
            /** @enum {string} */
            source: "v1" | "v2";
            /** @description the true outcome, once posted */
            feedback: components["schemas"]["Feedback"] | null;
        };
        ServerMetadata: {
            /** @example sightline */
            name: string;
            /** @example 0.1.0 */
            version: string;
            /**
             * @example [
             *       "binary_tensor_data"
             *     ]
             */
            extensions: string[];
        };
        ServerLive: {
            /** @example true */
            live: boolean;
        };
        ServerReady: {
            /** @example true */
            ready: boolean;
            /**
             * @description the field name the specification text uses for this response
             * @example true
             */
            live: boolean;
            /** @description why the server is not ready (with status 503) */
            error?: string;
        };
        ProtocolError: {
            /** @example input "step": shape [1] has rank 1, the model expects rank 0 [] */
            error: string;
        };
        DurationStat: {
            /**
             * @description how many times this was measured
             * @example 12
             */
            count: number;
            /**
             * @description total duration, in nanoseconds
             * @example 3456789
             */
            ns: number;
        };
        InferenceStats: {
            /** @description successful requests and their time (input preparation and inference) */
            success: components["schemas"]["DurationStat"];
            /** @description failed requests and their time */
            fail: components["schemas"]["DurationStat"];
            /** @description time requests waited in the dynamic batching queue */
            queue: components["schemas"]["DurationStat"];
            /** @description time validating and decoding the inputs into tensors */
            compute_input: components["schemas"]["DurationStat"];
            /** @description time in the session run that served each request */
            compute_infer: components["schemas"]["DurationStat"];
            /** @description time extracting each request’s outputs after its run */
            compute_output: components["schemas"]["DurationStat"];
            /** @description always zero: Sightline has no response cache */
            cache_hit: components["schemas"]["DurationStat"];
            /** @description always zero: Sightline has no response cache */
            cache_miss: components["schemas"]["DurationStat"];
        };
        BatchStats: {
            /** @example 8 */
            batch_size: number;
            /** @description zero time: inputs are prepared per request, before batching */
            compute_input: components["schemas"]["DurationStat"];
            /** @description session runs of this size and their time */
            compute_infer: components["schemas"]["DurationStat"];
            /** @description zero time: outputs are extracted per request, after the run */
            compute_output: components["schemas"]["DurationStat"];
        };
        ModelStatistics: {
            /** @example loan-risk */
            name: string;
            /** @example 2 */
            version: string;
            /**
             * @description last successful request, ms since the epoch; 0 if none
             * @example 1767225600000
             */
            last_inference: number;
            /**
             * @description rows answered (a request of 8 rows counts 8)
             * @example 64
             */
            inference_count: number;
            /**
             * @description session runs (one dynamic batch is one run)
             * @example 9
             */
            execution_count: number;
            inference_stats: components["schemas"]["InferenceStats"];
            batch_stats: components["schemas"]["BatchStats"][];
        };
        StatisticsResponse: {
            model_stats: components["schemas"]["ModelStatistics"][];
        };
        MetadataTensor: {
            /** @example state */
            name: string;
            /** @example FP32 */
            datatype: string;
            /**
             * @description -1 for a dynamic dimension
             * @example [
             *       -1,
             *       -1
             *     ]
             */
            shape: number[];
        };
        ModelMetadata: {
            /** @example stateful-scorer */
            name: string;
            /**
             * @example [
             *       "1"
             *     ]
             */
            versions: string[];
            /** @example onnxruntime_onnx */
            platform: string;
            inputs: components["schemas"]["MetadataTensor"][];
            outputs: components["schemas"]["MetadataTensor"][];
        };
        ModelReady: {
            /** @example stateful-scorer */
            name: string;
            /** @example true */
            ready: boolean;
            /** @description why the version is not ready (with status 503) */
            error?: string;
        };
        FeedbackRequest: {
            /**
             * @description The true outcome: one of the model's labels (classification) or a finite number (regression)
             * @example default
             */
            actual: string | number;
            /** @description Free text, stored with PII patterns masked */
            comment?: string;
            /**
             * @description Free-form context, sanitized like prediction inputs
             * @example {
             *       "source": "collections"
             *     }
             */
            metadata?: {
                [key: string]: unknown;
            };
        };
        BulkFeedbackRequest: {
            /**
             * @description Up to FEEDBACK_MAX_BULK_ITEMS (default 10,000) items of {prediction_id, actual, comment?, metadata?}; each is checked on its own
             * @example [
             *       {
             *         "prediction_id": "0196b1f2-7c1a-7d3e-9a4b-5c6d7e8f9a0b",
             *         "actual": "default"
             *       }
             *     ]
             */
            items: {
                /** Format: uuid */
                prediction_id: string;
                actual: string | number;
                comment?: string;
                metadata?: {
                    [key: string]: unknown;
                };
            }[];
        };
        BulkFeedbackCounts: {
            created: number;
            unchanged: number;
            conflict: number;
            not_found: number;
            invalid: number;
        };
        BulkFeedbackItemResult: {
            /** @description position of the item in the request */
            index: number;
            /** @description null when the item has none */
            prediction_id: string | null;
            /** @enum {string} */
            status: "created" | "unchanged" | "conflict" | "not_found" | "invalid";
            /** @description the stored actual, on conflict */
            existing_actual?: string | number;
            /** @description why the item is invalid (fields are relative to the item) */
            errors?: components["schemas"]["FieldError"][];
        };
        BulkFeedbackResponse: {
            counts: components["schemas"]["BulkFeedbackCounts"];
            items: components["schemas"]["BulkFeedbackItemResult"][];
        };
        CreateApiKey: {
            /** @example checkout-service */
            name: string;
            /**
             * @example [
             *       "predict",
             *       "read"
             *     ]
             */
            scopes: ("predict" | "feedback" | "read" | "admin")[];
            /**
             * @description Restrict the key to these models (absent: every model)
             * @example [
             *       "loan-risk"
             *     ]
             */
            models?: string[];
        };
        CreatedApiKey: {
            /** @example 3f9a0c1d2e4b */
            id: string;
            name: string;
            scopes: ("predict" | "feedback" | "read" | "admin")[];
            /** @description null: every model */
            models: string[] | null;
            created_at: string;
            revoked_at: string | null;
            /** @description The key itself: shown this once, only its hash is stored */
            key: string;
        };
        ApiKey: {
            /** @example 3f9a0c1d2e4b */
            id: string;
            name: string;
            scopes: ("predict" | "feedback" | "read" | "admin")[];
            /** @description null: every model */
            models: string[] | null;
            created_at: string;
            revoked_at: string | null;
        };
        ApiKeyList: {
            keys: components["schemas"]["ApiKey"][];
        };
        PerClass: {
            label: string;
            precision: number;
            recall: number;
            f1: number;
            /** @description labelled rows of this class */
            support: number;
        };
        ConfusionMatrix: {
            labels: string[];
            /** @description rows: actual class, columns: predicted class */
            matrix: number[][];
        };
        ClassificationMetrics: {
            /** @example 0.91 */
            accuracy: number | null;
            precision_macro: number | null;
            recall_macro: number | null;
            f1_macro: number | null;
            /** @description from the logged probabilities, clipped to [ε, 1-ε] */
            log_loss: number | null;
            /** @description binary models only */
            roc_auc: number | null;
            roc_auc_positive_label: string | null;
            /** @description each class seen in the window */
            per_class: components["schemas"]["PerClass"][];
            /**
             * @example {
             *       "labels": [
             *         "a",
             *         "b"
             *       ],
             *       "matrix": [
             *         [
             *           5,
             *           1
             *         ],
             *         [
             *           2,
             *           7
             *         ]
             *       ]
             *     }
             */
            confusion_matrix: components["schemas"]["ConfusionMatrix"];
        };
        RegressionMetrics: {
            mae: number | null;
            rmse: number | null;
            /** @description a fraction, over non-zero actuals */
            mape: number | null;
            /** @description labelled rows left out of MAPE because their actual is 0 */
            mape_skipped_zero_actuals: number;
            r2: number | null;
        };
        EstimateReference: {
            /** @description labelled reference rows CBPE was fitted on */
            rows: number;
            /**
             * @description reference.csv's __proba_<label>__ columns, or the model run on it
             * @enum {string}
             */
            probabilities: "file" | "model";
            /**
             * @description per calibrated label (the positive one for binary models): isotonic calibration applied
             * @example {
             *       "default": true
             *     }
             */
            calibrated: {
                [key: string]: boolean;
            };
            created_at: string;
        };
        Threshold: {
            lower: number | null;
            upper: number | null;
        };
        MetricEstimate: {
            /** @example 0.76 */
            value: number | null;
            /** @description from the reference's sampling variability */
            sampling_error: number | null;
            /** @description confidence band: value − 3 sampling errors */
            lower: number | null;
            /** @description value + 3 sampling errors */
            upper: number | null;
            /** @description mean ± 3 std of the realized figure on reference chunks */
            threshold: components["schemas"]["Threshold"];
            /**
             * @description outside the threshold band
             * @enum {string|null}
             */
            alert: "below" | "above" | null;
        };
        MetricEstimates: {
            accuracy: components["schemas"]["MetricEstimate"];
            precision_macro: components["schemas"]["MetricEstimate"];
            recall_macro: components["schemas"]["MetricEstimate"];
            f1_macro: components["schemas"]["MetricEstimate"];
            /** @description binary models only (value null otherwise) */
            roc_auc: components["schemas"]["MetricEstimate"];
        };
        ExpectedConfusion: {
            labels: string[];
            /** @description expected counts; rows: actual class, columns: predicted class */
            matrix: number[][];
        };
        EstimationErrorFigure: {
            estimated: number | null;
            realized: number | null;
            /** @description estimated − realized */
            error: number | null;
        };
        EstimationErrorMetrics: {
            accuracy: components["schemas"]["EstimationErrorFigure"];
            precision_macro: components["schemas"]["EstimationErrorFigure"];
            recall_macro: components["schemas"]["EstimationErrorFigure"];
            f1_macro: components["schemas"]["EstimationErrorFigure"];
            roc_auc: components["schemas"]["EstimationErrorFigure"];
        };
        EstimationError: {
            /** @description labelled predictions of the window the estimate was scored on */
            labelled: number;
            /** @enum {string} */
            status: "ok" | "insufficient_data";
            metrics: components["schemas"]["EstimationErrorMetrics"];
        };
        EstimatedPerformance: {
            /** @enum {string} */
            method: "cbpe";
            /** @enum {string} */
            status: "ok" | "insufficient_data" | "unavailable";
            /** @description why insufficient or unavailable */
            reason: string | null;
            /** @enum {string|null} */
            verdict: "ok" | "degraded" | "insufficient_data" | null;
            /** @description successful classifications in the window */
            predictions: number;
            /** @description of which had logged probabilities (estimated) */
            scored: number;
            /** @description PERFORMANCE_MIN_SAMPLE */
            min_sample: number;
            reference: components["schemas"]["EstimateReference"] | null;
            metrics: components["schemas"]["MetricEstimates"] | null;
            confusion_matrix: components["schemas"]["ExpectedConfusion"] | null;
            /** @description the estimate against the labels that arrived */
            estimation_error: components["schemas"]["EstimationError"] | null;
            /**
             * @description realized figures against the same thresholds
             * @enum {string|null}
             */
            realized_verdict: "ok" | "degraded" | "insufficient_data" | null;
        };
        Performance: {
            /**
             * Format: date-time
             * @description start of the window (exclusive)
             */
            window_start: string;
            /**
             * Format: date-time
             * @description end of the window (inclusive): when it was computed
             */
            window_end: string;
            /**
             * @description insufficient_data: fewer labelled predictions than min_sample; the figures are noise
             * @enum {string}
             */
            status: "ok" | "insufficient_data";
            /** @description PERFORMANCE_MIN_SAMPLE: labelled predictions a trusted figure needs */
            min_sample: number | null;
            /** @description successful predictions made in the window */
            predictions: number;
            /** @description of which have feedback */
            labelled: number;
            /** @description labelled / predictions */
            label_coverage: number | null;
            median_label_delay_seconds: number | null;
            metrics: components["schemas"]["ClassificationMetrics"] | components["schemas"]["RegressionMetrics"];
            model: components["schemas"]["ModelRef"];
            /** @enum {string} */
            task: "classification" | "regression";
            /** @example 24h */
            window: string;
            /** @description with ?estimated=true: the same window estimated without labels (CBPE), computed now */
            estimated?: components["schemas"]["EstimatedPerformance"];
        };
        EstimateHistoryItem: {
            window_start: string;
            window_end: string;
            estimated: components["schemas"]["EstimatedPerformance"];
        };
        EstimateHistory: {
            model: components["schemas"]["ModelRef"];
            /** @example 24h */
            window: string;
            /** @description newest first */
            items: components["schemas"]["EstimateHistoryItem"][];
        };
        PerformanceFigures: {
            /**
             * Format: date-time
             * @description start of the window (exclusive)
             */
            window_start: string;
            /**
             * Format: date-time
             * @description end of the window (inclusive): when it was computed
             */
            window_end: string;
            /**
             * @description insufficient_data: fewer labelled predictions than min_sample; the figures are noise
             * @enum {string}
             */
            status: "ok" | "insufficient_data";
            /** @description PERFORMANCE_MIN_SAMPLE: labelled predictions a trusted figure needs */
            min_sample: number | null;
            /** @description successful predictions made in the window */
            predictions: number;
            /** @description of which have feedback */
            labelled: number;
            /** @description labelled / predictions */
            label_coverage: number | null;
            median_label_delay_seconds: number | null;
            metrics: components["schemas"]["ClassificationMetrics"] | components["schemas"]["RegressionMetrics"];
        };
        PerformanceHistory: {
            model: components["schemas"]["ModelRef"];
            /** @example 24h */
            window: string;
            /** @description newest first */
            items: components["schemas"]["PerformanceFigures"][];
        };
        DriftWindow: {
            /**
             * Format: date-time
             * @description inclusive
             */
            from: string;
            /**
             * Format: date-time
             * @description exclusive
             */
            to: string;
        };
        ReferenceSummary: {
            /** @enum {string} */
            source: "file" | "window";
            rows: number;
            source_rows: number;
            /** Format: date-time */
            created_at: string;
            window?: components["schemas"]["DriftWindow"];
        };
        SampleSizes: {
            reference: number;
            current: number;
        };
        DatasetDrift: {
            /**
             * @description insufficient_data when no feature had enough values to be tested
             * @enum {string}
             */
            verdict: "drift" | "no_drift" | "insufficient_data";
            drift_share: number | null;
            drift_detected: boolean;
            share_threshold: number;
            drifted_features: string[];
            /** @description features with enough values to be judged */
            tested_features: number;
            /** @description features the run looked at */
            monitored_features: number;
            /** @description features below their minimum sample */
            insufficient_data_features: string[];
            /** @enum {string} */
            correction: "none" | "bonferroni" | "bh";
        };
        Ks: {
            statistic: number;
            p_value: number;
            /** @enum {string} */
            method: "exact" | "asymp";
        };
        Wasserstein: {
            distance: number;
            /** @description distance / reference_std */
            normed: number;
            reference_std: number;
        };
        ChiSquare: {
            /** @description null when infinite (a category the reference lacks) */
            statistic: number | null;
            p_value: number;
            degrees_of_freedom: number;
        };
        ZTest: {
            statistic: number;
            p_value: number;
        };
        FeatureStatistics: {
            ks?: components["schemas"]["Ks"];
            /** @description natural log, reference-decile bins or categories */
            psi?: number;
            /** @description base 2, the same bins as PSI */
            jensen_shannon?: number;
            wasserstein?: components["schemas"]["Wasserstein"];
            chi_square?: components["schemas"]["ChiSquare"];
            z?: components["schemas"]["ZTest"];
        };
        UnseenCategory: {
            category: string;
            count: number;
        };
        DataQuality: {
            /** @description rows in the window without a value */
            missing: number;
            missing_share: number | null;
            /** @description numeric: values outside the manifest's min/max */
            out_of_range?: number;
            out_of_range_share?: number | null;
            /** @description categorical: values the reference never had */
            unseen_category?: number;
            unseen_category_share?: number | null;
        };
        DriftChart: {
            labels: string[];
            /** @description proportions per bar, summing to 1 */
            reference: number[];
            /** @description proportions per bar, summing to 1 */
            current: number[];
        };
        FeatureDrift: {
            /**
             * @description `__prediction__` is the model output
             * @example income
             */
            name: string;
            /** @enum {string} */
            kind: "numeric" | "categorical";
            /** @enum {string|null} */
            test: "ks" | "chisquare" | "z" | "wasserstein" | "jensenshannon" | "psi" | null;
            /** @enum {string|null} */
            test_source: "default" | "manifest" | null;
            /** @description p-value or distance */
            score: number | null;
            /** @description p-value after DRIFT_CORRECTION */
            adjusted_score?: number | null;
            threshold: number | null;
            /** @enum {string|null} */
            score_kind: "p-value" | "distance" | null;
            /** @description null unless verdict is drift or no_drift */
            drift_detected: boolean | null;
            /**
             * @description insufficient_data: fewer values in the window than min_sample, so not judged
             * @enum {string}
             */
            verdict: "drift" | "no_drift" | "insufficient_data" | "error";
            reference_size: number;
            current_size: number;
            /** @description DRIFT_MIN_SAMPLE or the manifest override */
            min_sample: number | null;
            /** @description the statistics the feature kind has */
            statistics: components["schemas"]["FeatureStatistics"];
            /** @description categories the reference never had, most frequent first */
            unseen_categories?: components["schemas"]["UnseenCategory"][];
            data_quality: components["schemas"]["DataQuality"];
            /** @description the report page draws these bars */
            chart: components["schemas"]["DriftChart"] | null;
            /** @description why there is no verdict */
            error?: string;
        };
        LabelShare: {
            label: string;
            share: number;
        };
        PredictionDrift: {
            /**
             * @description `__prediction__` is the model output
             * @example income
             */
            name: string;
            /** @enum {string} */
            kind: "numeric" | "categorical";
            /** @enum {string|null} */
            test: "ks" | "chisquare" | "z" | "wasserstein" | "jensenshannon" | "psi" | null;
            /** @enum {string|null} */
            test_source: "default" | "manifest" | null;
            /** @description p-value or distance */
            score: number | null;
            /** @description p-value after DRIFT_CORRECTION */
            adjusted_score?: number | null;
            threshold: number | null;
            /** @enum {string|null} */
            score_kind: "p-value" | "distance" | null;
            /** @description null unless verdict is drift or no_drift */
            drift_detected: boolean | null;
            /**
             * @description insufficient_data: fewer values in the window than min_sample, so not judged
             * @enum {string}
             */
            verdict: "drift" | "no_drift" | "insufficient_data" | "error";
            reference_size: number;
            current_size: number;
            /** @description DRIFT_MIN_SAMPLE or the manifest override */
            min_sample: number | null;
            /** @description the statistics the feature kind has */
            statistics: components["schemas"]["FeatureStatistics"];
            /** @description categories the reference never had, most frequent first */
            unseen_categories?: components["schemas"]["UnseenCategory"][];
            data_quality: components["schemas"]["DataQuality"];
            /** @description the report page draws these bars */
            chart: components["schemas"]["DriftChart"] | null;
            /** @description why there is no verdict */
            error?: string;
            /** @description classifiers: share of each predicted label */
            label_shares?: components["schemas"]["LabelShare"][];
        };
        SkippedFeature: {
            name: string;
            reason: string;
        };
        DriftTimings: {
            buckets: number;
            crossings: number;
        };
        DriftReport: {
            /** Format: uuid */
            id: string;
            model: components["schemas"]["ModelRef"];
            /** @enum {string} */
            trigger: "manual" | "schedule";
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            window: components["schemas"]["DriftWindow"];
            /** @description null until a reference exists */
            reference: components["schemas"]["ReferenceSummary"] | null;
            /** @description rows on each side */
            sample_sizes: components["schemas"]["SampleSizes"];
            dataset: components["schemas"]["DatasetDrift"];
            features: components["schemas"]["FeatureDrift"][];
            /** @description the model's output */
            prediction: components["schemas"]["PredictionDrift"] | null;
            /** @description features not monitored and why */
            skipped_features: components["schemas"]["SkippedFeature"][];
            /** Format: date-time */
            created_at: string;
            completed_at: string | null;
            duration_ms: number | null;
            error: string | null;
            /** @description milliseconds in Postgres, per pass */
            timings_ms?: components["schemas"]["DriftTimings"];
        };
        DriftRunSummary: {
            /** Format: uuid */
            id: string;
            version: string;
            /** @enum {string} */
            trigger: "manual" | "schedule";
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            window: components["schemas"]["DriftWindow"];
            current_rows: number | null;
            drift_share: number | null;
            dataset_drift: boolean | null;
            drifted_features: string[];
            created_at: string;
            completed_at: string | null;
            error: string | null;
        };
        DriftHistory: {
            model: string;
            /** @description newest first */
            items: components["schemas"]["DriftRunSummary"][];
            /** @description pass as ?before= for the next page; null on the last page */
            next_before: string | null;
        };
        ReferenceFeature: {
            name: string;
            /** @enum {string} */
            kind: "numeric" | "categorical";
            /** @description values present */
            count: number;
            missing: number;
            /** @description numeric: distinct values kept (the exact support) */
            distinct?: number;
            min?: number;
            max?: number;
            /** @description numeric: PSI/JS bin edges (reference deciles) */
            bin_edges?: number[];
            /** @description categorical: [category, count] pairs */
            categories?: (string | number)[][];
        };
        DriftReference: {
            model: components["schemas"]["ModelRef"];
            /** @enum {string} */
            source: "file" | "window";
            /** @description rows in the profile */
            rows: number;
            /** @description rows in the source (a larger window is sampled to DRIFT_MAX_SAMPLE) */
            source_rows: number;
            /** @description window references: the window */
            window?: components["schemas"]["DriftWindow"];
            /** Format: date-time */
            created_at: string;
            features: components["schemas"]["ReferenceFeature"][];
            prediction: components["schemas"]["ReferenceFeature"] | null;
        };
        /** @enum {string} */
        Datatype: "BOOL" | "UINT8" | "UINT16" | "UINT32" | "UINT64" | "INT8" | "INT16" | "INT32" | "INT64" | "FP16" | "FP32" | "FP64" | "BYTES";
        /** @description Row-major elements, flat or nested as the shape; numbers, booleans (BOOL), strings (BYTES; "NaN"/"Infinity"/"-Infinity" for floats; decimal strings for 64-bit integers past 2^53) */
        TensorData: (number | string | boolean | unknown[])[];
        /** @description Free-form parameters; those below are the binary tensor extension */
        InferenceParameters: {
            /** @description request: every output in binary */
            binary_data_output?: boolean;
            /** @description requested output: this one in binary (or not) */
            binary_data?: boolean;
            /** @description tensor: its bytes follow the JSON header instead of `data` */
            binary_data_size?: number;
        } & {
            [key: string]: unknown;
        };
        /** @description An input tensor: `data`, or `parameters.binary_data_size` with the binary extension */
        RequestInput: {
            /** @example input */
            name: string;
            /** @description dimensions, outermost first; [] for a scalar */
            shape: number[];
            datatype: components["schemas"]["Datatype"];
            parameters?: components["schemas"]["InferenceParameters"];
            data?: components["schemas"]["TensorData"];
        };
        RequestOutput: {
            /** @example probabilities */
            name: string;
            parameters?: components["schemas"]["InferenceParameters"];
        };
        InferenceRequest: {
            /** @description echoed in the response */
            id?: string;
            parameters?: components["schemas"]["InferenceParameters"];
            inputs: components["schemas"]["RequestInput"][];
            /** @description the outputs to compute, in this order; all of them when absent or empty */
            outputs?: components["schemas"]["RequestOutput"][];
        };
        /** @description An output tensor: `data`, or `parameters.binary_data_size` for a binary output */
        ResponseOutput: {
            /** @example probabilities */
            name: string;
            /** @description dimensions, outermost first; [] for a scalar */
            shape: number[];
            datatype: components["schemas"]["Datatype"];
            parameters?: components["schemas"]["InferenceParameters"];
            data?: components["schemas"]["TensorData"];
        };
        InferenceResponse: {
            /** @example loan-risk */
            model_name: string;
            /** @example 2 */
            model_version: string;
            id?: string;
            parameters?: components["schemas"]["InferenceParameters"];
            outputs: components["schemas"]["ResponseOutput"][];
        };
        FieldError: {
            /** @example features.age */
            field: string;
            message: string;
        };
        Problem: {
            /** @example urn:sightline:problem:validation-failed */
            type: string;
            /** @example Validation failed */
            title: string;
            /** @example 422 */
            status: number;
            /** @example The request does not match the schema */
            detail: string;
            /** @example /predict */
            instance?: string;
            request_id?: string;
            errors?: components["schemas"]["FieldError"][];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    metricsScrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exposition, in the negotiated format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                    "application/openmetrics-text": string;
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    modelsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    modelsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelCard"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    predictionPredict: {
        parameters: {
            query?: {
                /** @description a version (default: the default version) */
                version?: string;
            };
            header?: never;
            path: {
                /** @description Model name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictRequest"];
            };
        };
        responses: {
            /** @description A single prediction, or a batch when the request used `instances` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictResponse"] | components["schemas"]["BatchPredictResponse"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    predictionPredictDefault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PredictRequest"];
            };
        };
        responses: {
            /** @description A single prediction, or a batch when the request used `instances` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictResponse"] | components["schemas"]["BatchPredictResponse"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    predictionGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionRecord"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    protocolServerServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerMetadata"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolServerLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerLive"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolServerReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerReady"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerReady"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsAllStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsResponse"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsModelStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsResponse"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsVersionStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsResponse"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelMetadata"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsModelVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelMetadata"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsReady: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelReady"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsVersionReady: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelReady"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsInfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Binary tensor extension: the length in bytes of the JSON part that starts the body; the tensors follow it */
                "Inference-Header-Content-Length"?: number;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InferenceRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs; application/octet-stream when some are binary */
            200: {
                headers: {
                    /** @description Set with binary outputs. Binary tensor extension: the length in bytes of the JSON part that starts the body; the tensors follow it */
                    "Inference-Header-Content-Length"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InferenceResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description a malformed request, or tensors the model cannot take */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    protocolModelsInferVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Binary tensor extension: the length in bytes of the JSON part that starts the body; the tensors follow it */
                "Inference-Header-Content-Length"?: number;
            };
            path: {
                version: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InferenceRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs; application/octet-stream when some are binary */
            200: {
                headers: {
                    /** @description Set with binary outputs. Binary tensor extension: the length in bytes of the JSON part that starts the body; the tensors follow it */
                    "Inference-Header-Content-Length"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InferenceResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description a malformed request, or tensors the model cannot take */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description unknown model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description the version did not load */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProtocolError"];
                };
            };
        };
    };
    feedbackGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    feedbackReplace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description there was none: stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    feedbackSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description the same actual was already stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a different actual is stored (named in existing_actual) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    feedbackSubmitBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkFeedbackRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkFeedbackResponse"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminKeysList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminKeysCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the body is over the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a content type or encoding the route does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminKeysRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    performanceGet: {
        parameters: {
            query?: {
                /** @description window of prediction time, e.g. 30m, 1h, 24h, 7d (default 24h) */
                window?: string;
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description true: add the estimate without labels (CBPE) of the same window, under `estimated` */
                estimated?: boolean;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Performance"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    performanceEstimatedHistory: {
        parameters: {
            query?: {
                /** @description window of prediction time, e.g. 30m, 1h, 24h, 7d (default 24h) */
                window?: string;
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description newest first, at most 1000 (default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EstimateHistory"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    performanceHistory: {
        parameters: {
            query?: {
                /** @description window of prediction time, e.g. 30m, 1h, 24h, 7d (default 24h) */
                window?: string;
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description newest first, at most 1000 (default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PerformanceHistory"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftHistory: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description runs per page, newest first (1-100, default 20) */
                limit?: number;
                /** @description the previous page's next_before: runs older than this run id */
                before?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftHistory"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftTrigger: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description window ending now, e.g. 30m, 1h, 24h, 7d (default DRIFT_WINDOW) */
                window?: string;
                /** @description start of the window (ISO 8601, inclusive); instead of window */
                from?: string;
                /** @description end of the window (ISO 8601, exclusive; default now) */
                to?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReport"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftLatest: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReport"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReport"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftPage: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description a run id (default: the latest completed run of the version) */
                run?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftReference: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReference"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftSetReference: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
                /** @description window ending now, e.g. 30m, 1h, 24h, 7d (default DRIFT_WINDOW) */
                window?: string;
                /** @description start of the window (ISO 8601, inclusive); instead of window */
                from?: string;
                /** @description end of the window (ISO 8601, exclusive; default now) */
                to?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReference"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    driftResetReference: {
        parameters: {
            query?: {
                /** @description model version (default: the model's default version) */
                version?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DriftReference"];
                };
            };
            /** @description no valid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description the key lacks the scope or the model */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description no such model, version or record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description a field fails validation (each one is named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description over the key's rate limit (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description any other client error */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
