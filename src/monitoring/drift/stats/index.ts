/**
 * Sightline drift statistics: a pure, dependency-free library reproducing scipy/Evidently figures.
 * Definitions, conventions and thresholds are documented in docs/drift-statistics.md.
 */
export type { NotComputable, NotComputableReason, Sample } from './types';

export { ks2samp } from './ks';
export type { KsResult, KsSampleResult } from './ks';
export { ksCurrentCounts, ksFromCounts, ksReferenceSupport } from './ks-counts';
export type { KsCurrentCounts, KsReferenceSupport } from './ks-counts';
export { KS_MAX_EXACT_N, ksTwoSampleTwoSidedPValue } from './ks-pvalue';
export type { KsPValue } from './ks-pvalue';

export { alignCategoryCounts, countCategories } from './categories';
export type { AlignedCounts, CategoryCounts, CategoryValue } from './categories';
export { chiSquareTest } from './chi-square';
export type { ChiSquareOptions, ChiSquareResult } from './chi-square';
export { zTest } from './z-test';
export type { ZTestResult } from './z-test';

export { DEFAULT_BINS, binCounts, fillZeroProportions, quantileBinEdges } from './binning';
export type { NumericBinningOptions } from './binning';
export { psiCategorical, psiFromCounts, psiNumeric } from './psi';
export type { CategoricalPsiResult, NumericPsiResult, PsiOptions, PsiResult } from './psi';
export {
  jensenShannonCategorical,
  jensenShannonDistance,
  jensenShannonFromCounts,
  jensenShannonNumeric,
} from './jensen-shannon';
export type { JensenShannonOptions, JensenShannonResult } from './jensen-shannon';
export { WASSERSTEIN_MIN_STD, populationStd, wasserstein, wassersteinDistance } from './wasserstein';
export type { WassersteinResult } from './wasserstein';

export { benjaminiHochberg, bonferroni, falseDiscoveryControl } from './corrections';
export { SMALL_REFERENCE_MAX, isDrift, selectDefaultTest } from './select-test';
export type { DriftTestChoice, DriftTestName, FeatureKind } from './select-test';

export { chi2Sf, erf, erfc, gammainc, gammaincc, lgamma, ndtr } from './special-functions';
export { kolmogorov, smirnov } from './smirnov';
export { kstwoSf } from './kstwo';
