const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressOptions {
  /** Rows to do in all, when known (a file's rows are counted up front). */
  total: number | undefined;
  /** Rows already done by an earlier run (--resume). */
  start: number;
  write(text: string): void;
  /** A terminal: one line redrawn in place; otherwise a line every tenth of the way. */
  tty: boolean;
  now?: () => number;
}

/**
 * A progress bar on stderr: `[#########.....]  62%  62,000/100,000 rows  4,100 rows/s  eta 9s`.
 * On a terminal it redraws at most every 100 ms; in a log it prints a line per 10%.
 */
export class Progress {
  private done: number;
  private failed = 0;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastTenth = -1;
  /** Rows done when the last line was printed (not on a terminal). */
  private printedAt = -1;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.done = options.start;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  advance(rows: number, failed = 0): void {
    this.done += rows;
    this.failed += failed;
    const total = this.options.total;
    if (this.options.tty) {
      const t = this.now();
      if (t - this.lastDraw < REDRAW_MS && this.done !== total) return;
      this.lastDraw = t;
      this.options.write(`\r${this.line()}`);
      return;
    }
    const tenth = total ? Math.floor((this.done / total) * 10) : Math.floor(this.done / 10_000);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.printedAt = this.done;
      this.options.write(`${this.line()}\n`);
    }
  }

  /** The last state, on its own line. */
  finish(): void {
    if (this.options.tty) this.options.write(`\r${this.line()}\n`);
    else if (this.printedAt !== this.done) this.options.write(`${this.line()}\n`);
  }

  line(): string {
    const { total, start } = this.options;
    const seconds = Math.max((this.now() - this.started) / 1000, 1e-3);
    const rate = (this.done - start) / seconds;
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const failed = this.failed ? `  ${n(this.failed)} failed` : '';
    if (!total) return `${n(this.done)} rows  ${n(rate)} rows/s${failed}`;
    const share = Math.min(this.done / total, 1);
    const filled = Math.round(share * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`;
    const eta = rate > 0 && this.done < total ? `  eta ${Math.ceil((total - this.done) / rate)}s` : '';
    const pct = `${Math.floor(share * 100)}%`.padStart(4);
    return `${bar} ${pct}  ${n(this.done)}/${n(total)} rows  ${n(rate)} rows/s${eta}${failed}`;
  }
}
