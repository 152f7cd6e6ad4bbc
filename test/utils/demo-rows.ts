/** Valid feature rows for the demo models, shared by the end-to-end tests. */
export const LOAN_ROW = {
  age: 42,
  income: 52000,
  loan_amount: 12000,
  credit_score: 690,
  debt_ratio: 0.3,
  employment: 'employed',
  home_ownership: 'rent',
};

export const HOUSE_ROW = {
  sqft: 1800,
  bedrooms: 3,
  bathrooms: 2,
  age_years: 20,
  distance_km: 12,
  neighborhood: 'fernwick',
};

/** LOAN_ROW as loan-risk's graph takes it on v2: the `input` FP32 [1, 12] row (numbers, then one-hot). */
export const LOAN_INPUT = [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0];
