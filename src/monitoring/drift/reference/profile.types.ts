/**
 * What a drift run needs to know about the reference, stored once in Postgres (jsonb) so that
 * a run never re-reads the training file. Numeric features keep their exact sorted support
 * (distinct values with multiplicities): that is what makes KS and Wasserstein exact.
 */

export interface NumericProfile {
  kind: 'numeric';
  /** Non-missing reference values. */
  count: number;
  missing: number;
  /** Distinct values, ascending. */
  values: number[];
  /** Multiplicity of each value. */
  counts: number[];
  /** Population standard deviation (ddof = 0), the Wasserstein normaliser. */
  std: number;
  /** Interior PSI / Jensen-Shannon bin edges: de-duplicated reference deciles. */
  binEdges: number[];
}

export interface CategoricalProfile {
  kind: 'categorical';
  count: number;
  missing: number;
  /** [category, count] pairs in code-point order (pairs, not an object: categories are user data). */
  categories: [string, number][];
}

export type FeatureProfile = NumericProfile | CategoricalProfile;

export interface ReferenceProfile {
  /** Rows the profile was built from. */
  rows: number;
  features: Record<string, FeatureProfile>;
  /** The model output (`__prediction__`): labels for classifiers, values for regressors. */
  prediction: FeatureProfile | null;
}

/** Where a profile came from. */
export type ReferenceSource = 'file' | 'window';

/** A stored profile with its provenance. */
export interface StoredReference {
  id: string;
  modelName: string;
  modelVersion: string;
  source: ReferenceSource;
  /** sha256 of reference.csv (file profiles): a changed file is re-read once. */
  sourceDigest: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  /** Rows in the source before sampling (a window larger than DRIFT_MAX_SAMPLE is sampled). */
  sourceRows: number;
  profile: ReferenceProfile;
  createdAt: Date;
}

/** The column holding the model output in reference.csv. */
export const PREDICTION_COLUMN = '__prediction__';
/** The feature name the model output is reported and exported under. */
export const PREDICTION_FEATURE = '__prediction__';
