import { uuidv7, uuidv7At } from './uuidv7';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, the millisecond timestamp first', () => {
    const ms = Date.UTC(2026, 10, 23, 12, 0, 0, 123);
    const id = uuidv7At(ms + 1000);
    expect(id).toMatch(FORMAT);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms + 1000);
  });

  it('sorts in creation order, within one millisecond and across a rollover of the sequence', () => {
    const ms = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => uuidv7At(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(FORMAT);
  });

  it('keeps order when the clock steps back', () => {
    const ms = Date.now() + 120_000;
    const first = uuidv7At(ms);
    const second = uuidv7At(ms - 5000);
    expect(second > first).toBe(true);
  });

  it('draws different random bits for each id', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => uuidv7().slice(19)));
    expect(tails.size).toBe(1000);
  });
});
