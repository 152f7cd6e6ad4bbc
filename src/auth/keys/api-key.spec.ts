import { apiKeyId, generateApiKey, hashApiKey, keyMatches } from './api-key';

describe(generateApiKey.name, () => {
  it('makes an sl_<id>_<secret> key whose id is found again and whose hash matches only itself', () => {
    const { id, key, hash } = generateApiKey();
    expect(key).toMatch(/^sl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyId(key)).toBe(id);
    expect(hash).toBe(hashApiKey(key));
    expect(keyMatches(key, hash)).toBe(true);
    expect(keyMatches(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'), hash)).toBe(false);
    expect(keyMatches(key, 'not-hex')).toBe(false);
  });

  it('never repeats, and rejects text that cannot be a key', () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateApiKey().id));
    expect(ids.size).toBe(200);
    for (const text of [
      '',
      'sl_',
      'Bearer x',
      `sl_ABCDEF012345_${'a'.repeat(43)}`,
      `sl_0123456789ab_${'a'.repeat(42)}`,
    ]) {
      expect(apiKeyId(text)).toBeUndefined();
    }
  });
});
