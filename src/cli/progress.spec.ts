import { Progress } from './progress';

describe(Progress.name, () => {
  const make = (tty: boolean, total: number | undefined, start = 0) => {
    const written: string[] = [];
    let now = 0;
    const progress = new Progress({ total, start, tty, write: (t) => written.push(t), now: () => now });
    return { progress, written, tick: (ms: number) => (now += ms) };
  };

  it('draws a bar with the share, the rows, the rate and what is left', () => {
    const { progress, tick } = make(true, 1000);
    tick(2000);
    progress.advance(250);
    expect(progress.line()).toBe('[########......................]  25%  250/1,000 rows  125 rows/s  eta 6s');
    progress.advance(750, 3);
    expect(progress.line()).toBe(
      '[##############################] 100%  1,000/1,000 rows  500 rows/s  3 failed',
    );
  });

  it('redraws in place on a terminal at most every 100 ms, and always the last state', () => {
    const { progress, written, tick } = make(true, 100);
    progress.advance(10);
    tick(50);
    progress.advance(10);
    tick(60);
    progress.advance(10);
    progress.advance(70);
    progress.finish();
    expect(written.map((w) => w.slice(0, 2))).toEqual(['\r[', '\r[', '\r[', '\r[']);
    expect(written.at(-1)).toMatch(/^\r\[#+\] 100% .*\n$/);
  });

  it('prints one line per tenth in a log, counting rows an earlier run did', () => {
    const { progress, written } = make(false, 100, 40);
    for (let i = 0; i < 60; i++) progress.advance(1);
    progress.finish();
    expect(written.map((w) => /\s(\d+)%/.exec(w)![1])).toEqual(['41', '50', '60', '70', '80', '90', '100']);
    expect(written.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
  });
});
