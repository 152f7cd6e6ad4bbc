import type { FastifyInstance } from 'fastify';
import { FieldError, ValidationFailedError } from '../errors/domain-error';

export interface InputLimits {
  maxJsonDepth: number;
  maxStringLength: number;
}

interface Node {
  value: unknown;
  depth: number;
  parent?: Node;
  key?: string | number;
}

function path(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    parts.push(typeof n.key === 'number' ? `[${n.key}]` : `.${String(n.key).slice(0, 64)}`);
  }
  const joined = parts.reverse().join('').replace(/^\./, '');
  return joined.length > 300 ? `${joined.slice(0, 300)}…` : joined || '(body)';
}

/**
 * The first place a parsed body breaks a limit. Iterative, so a body nested 100,000 levels deep
 * is measured without recursion: everything after this (class-transformer, the validator, the
 * sanitizer) may recurse, and a stack overflow there would be a 500.
 */
export function findLimitViolation(body: unknown, limits: InputLimits): FieldError | undefined {
  const stack: Node[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        return { field: path(node), message: `must be at most ${limits.maxStringLength} characters long` };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (depth >= limits.maxJsonDepth) {
      return { field: path(node), message: `is nested deeper than ${limits.maxJsonDepth} levels` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, parent: node, key: i });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = { value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: node, key };
      if (key.length > limits.maxStringLength) {
        return {
          field: path({ ...child, key: key.slice(0, 64) }),
          message: 'has a field name that is too long',
        };
      }
      stack.push(child);
    }
  }
  return undefined;
}

/** Checks every parsed body before validation, for every route (Nest's and Fastify's own). */
export function applyInputLimits(fastify: FastifyInstance, limits: InputLimits): void {
  fastify.addHook('preValidation', (req, _reply, done) => {
    const violation =
      typeof req.body === 'object' && req.body !== null ? findLimitViolation(req.body, limits) : undefined;
    done(violation && new ValidationFailedError([violation], 'The request exceeds an input limit'));
  });
}
