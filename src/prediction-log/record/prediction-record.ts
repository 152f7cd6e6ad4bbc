import { PredictionLogEntity } from '../store/prediction-log.entity';

export type { LoggedOutputs, PredictionRoute } from '../store/prediction-log.entity';

/**
 * One logged prediction attempt, already sanitized: what the journal holds, the writer buffers and
 * the database stores. It is the entity's row as a plain object; records are built by
 * PredictionRecordFactory and nowhere else.
 */
export type PredictionRecord = { [K in keyof PredictionLogEntity]: PredictionLogEntity[K] };
