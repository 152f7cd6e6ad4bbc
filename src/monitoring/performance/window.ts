const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Longer windows than this are a reporting job, not monitoring; they also defeat the indexes. */
export const MAX_WINDOW_SECONDS = 400 * 86_400;

/** "90m" → 5400; undefined for anything that is not a positive duration up to 400 days. */
export function parseWindow(text: string): number | undefined {
  const match = /^([1-9][0-9]{0,6})([smhdw])$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
  return seconds <= MAX_WINDOW_SECONDS ? seconds : undefined;
}

/** The window [end - seconds, end]: predictions made in it count, with the feedback known by `end`. */
export function windowBounds(end: Date, seconds: number): { start: Date; end: Date } {
  return { start: new Date(end.getTime() - seconds * 1000), end };
}
