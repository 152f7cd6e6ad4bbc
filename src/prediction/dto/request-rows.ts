import { FieldError } from '../../common/errors/domain-error';
import type { PredictRequestDto } from './predict-request.dto';

/** The rows of a predict body and how to name each in errors, whichever shape it came in. */
export interface RequestRows {
  rows: unknown[];
  batch: boolean;
  path: (i: number) => string;
  /** The field holding the rows: `features`, `instances`, `text` or `texts`. */
  field: string;
  /** `text` or `texts` when the rows are bare texts (the model needs a single text feature). */
  text?: 'text' | 'texts';
  /** Two shapes in one body. */
  conflict?: FieldError;
}

const SHAPES = ['features', 'instances', 'text', 'texts'] as const;

/**
 * `{"features": row}`, `{"instances": [rows]}`, and for a model with one text feature the seed
 * shapes of the classic sentiment APIs, `{"text": "..."}` and `{"texts": ["...", ...]}`.
 */
export function rowsOf(body: PredictRequestDto): RequestRows {
  const given = SHAPES.filter((s) => body[s] !== undefined);
  const conflict =
    given.length > 1
      ? {
          field: given[1],
          message: `send one of features, instances, text or texts, not ${given.join(' and ')}`,
        }
      : undefined;
  const shape = given[0] ?? 'features';
  switch (shape) {
    case 'instances':
      return { rows: body.instances!, batch: true, path: (i) => `instances[${i}]`, field: shape, conflict };
    case 'texts':
      return {
        rows: body.texts!,
        batch: true,
        path: (i) => `texts[${i}]`,
        field: shape,
        text: shape,
        conflict,
      };
    case 'text':
      return { rows: [body.text], batch: false, path: () => 'text', field: shape, text: shape, conflict };
    default:
      return { rows: [body.features], batch: false, path: () => 'features', field: shape, conflict };
  }
}
