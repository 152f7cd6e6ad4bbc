export type Features = Record<string, string | number>;

export function readReference(file: string): { features: Features; target: string | number }[];
export function referenceFiles(modelsDir: string): Record<string, string>;
export function driftLoanRisk(features: Features): Features;
