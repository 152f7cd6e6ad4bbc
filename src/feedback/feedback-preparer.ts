import { Injectable } from '@nestjs/common';
import { uuidv7 } from 'uuidv7';
import { FieldError } from '../common/errors/domain-error';
import { Sanitizer } from '../common/sanitize/sanitizer';
import { FeedbackFields } from './dto/feedback-request.dto';
import { NewFeedback, PredictionRef } from './feedback.record';
import { ModelTargets, parseActual } from './model-targets';

/** Checks feedback against the prediction it labels and sanitizes it for storage. */
@Injectable()
export class FeedbackPreparer {
  constructor(
    private readonly targets: ModelTargets,
    private readonly sanitizer: Sanitizer,
  ) {}

  /** The row to store, or field errors; `idField` names where the client put the prediction id. */
  prepare(prediction: PredictionRef, fields: FeedbackFields, idField: string): NewFeedback | FieldError[] {
    // a failed attempt has no output, so there is nothing for an actual to be compared with
    if (prediction.status !== 'success') {
      return [
        {
          field: idField,
          message: `the prediction failed (${prediction.errorClass ?? 'error'}) and has no output to label`,
        },
      ];
    }
    const spec = this.targets.specFor(prediction.modelName, prediction.modelVersion);
    if (!spec) {
      return [
        {
          field: idField,
          message: `model "${prediction.modelName}" version "${prediction.modelVersion}" is not loaded, so its labels are unknown`,
        },
      ];
    }
    const actual = parseActual(spec, fields.actual);
    if (typeof actual === 'string') return [{ field: 'actual', message: actual }];
    return {
      id: uuidv7(),
      predictionId: prediction.id,
      ...actual,
      comment: fields.comment === undefined ? null : this.sanitizer.maskText(fields.comment),
      metadata:
        fields.metadata === undefined ? null : this.sanitizer.sanitize(fields.metadata, spec.sanitizeFields),
    };
  }
}
