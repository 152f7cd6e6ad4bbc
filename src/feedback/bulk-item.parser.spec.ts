import { parseBulkItem } from './bulk-item.parser';

const ID = '0196b1f2-7c1a-7d3e-9a4b-5c6d7e8f9a0b';

describe(parseBulkItem.name, () => {
  it('reads a well-formed item, lower-casing the id', () => {
    expect(
      parseBulkItem({ prediction_id: ID.toUpperCase(), actual: 'x', comment: 'c', metadata: { a: 1 } }),
    ).toEqual({
      predictionId: ID,
      actual: 'x',
      comment: 'c',
      metadata: { a: 1 },
    });
  });

  it('reports every problem of an item, relative to the item', () => {
    expect(
      parseBulkItem({ prediction_id: 'x', comment: 'c'.repeat(1001), metadata: [1], extra: true }),
    ).toEqual([
      { field: 'extra', message: 'property extra should not exist' },
      { field: 'prediction_id', message: 'must be a UUID' },
      { field: 'actual', message: 'actual is required' },
      { field: 'comment', message: 'must be a string of at most 1000 characters' },
      { field: 'metadata', message: 'metadata must be an object' },
    ]);
  });

  it('refuses anything but an object', () => {
    for (const bad of [null, 'x', 1, [ID]]) {
      expect(parseBulkItem(bad)).toEqual([{ field: '', message: 'each item must be an object' }]);
    }
  });
});
