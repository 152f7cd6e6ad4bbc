import { negotiateEncoding } from './response-compression';

describe(negotiateEncoding.name, () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['gzip, deflate', 'gzip'],
    ['deflate, gzip;q=0.5', 'deflate'],
    ['gzip;q=0, deflate', 'deflate'],
    ['br', undefined],
    ['*', 'gzip'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['GZIP ; q=1.0', 'gzip'],
  ])('Accept-Encoding %p answers with %p', (header, coding) => {
    expect(negotiateEncoding(header)).toBe(coding);
  });
});
