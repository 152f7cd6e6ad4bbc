import { Injectable } from '@nestjs/common';

export interface PredictionTimings {
  preprocessSeconds: number;
  inferenceSeconds: number;
}

/**
 * What the prediction path reports about itself. No-ops here; the telemetry module binds the
 * Prometheus implementation, so the service stays free of metric code.
 */
@Injectable()
export class PredictionEvents {
  succeeded(_model: string, _version: string, _rows: number, _timings: PredictionTimings): void {}
  /** `seconds`: how long the request took to fail, when known. */
  failed(_model: string, _version: string, _errorClass: string, _seconds?: number): void {}
}
