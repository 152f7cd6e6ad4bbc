import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * A key is `sl_<id>_<secret>`: the 12-hex-digit id finds the row, the 256-bit secret proves
 * possession. Only the SHA-256 of the whole key is stored: with that much entropy a fast hash is
 * enough (a slow KDF protects guessable passwords, which these are not).
 */
const KEY = /^sl_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

export interface GeneratedKey {
  id: string;
  key: string;
  hash: string;
}

export function generateApiKey(): GeneratedKey {
  const id = randomBytes(6).toString('hex');
  const key = `sl_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key id, or undefined when the text cannot be a Sightline key at all. */
export function apiKeyId(key: string): string | undefined {
  return KEY.exec(key)?.[1];
}

/** Constant-time comparison of a presented key with a stored hash. */
export function keyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
