import { NotFoundException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import {
  DomainError,
  ModelNotFoundError,
  ModelNotReadyError,
  ValidationFailedError,
  VersionNotFoundError,
} from '../../common/errors/domain-error';
import { BinaryBodyError } from './binary-body';
import { toProtocolError } from './protocol-errors';

describe(toProtocolError.name, () => {
  it.each<[string, unknown, number, string | RegExp]>([
    [
      'a protocol validation error',
      new ValidationFailedError([{ field: 'a', message: 'input "a" is bad' }], 'input "a" is bad'),
      400,
      'input "a" is bad',
    ],
    [
      'another validation error',
      new ValidationFailedError([
        { field: 'id', message: 'is too long' },
        { field: 'b', message: 'is odd' },
      ]),
      400,
      'id is too long; b is odd',
    ],
    [
      'a graph that cannot run the tensors',
      new DomainError('inference_failed', 'could not run'),
      400,
      'could not run',
    ],
    ['an unknown model', new ModelNotFoundError('m'), 404, 'No model named "m"'],
    ['an unknown version', new VersionNotFoundError('m', '9'), 404, 'Model "m" has no version "9"'],
    [
      'a version that did not load',
      new ModelNotReadyError('m', '1', 'bad graph'),
      503,
      /not ready: bad graph/,
    ],
    [
      'a missing key',
      new DomainError('unauthorized', 'A valid API key is required'),
      401,
      'A valid API key is required',
    ],
    ['malformed JSON', new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), 400, 'the body is not valid JSON'],
    ['a body too large', new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), 413, /V2_MAX_BODY_BYTES/],
    ['a foreign content type', new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), 415, /application\/json/],
    ['a bad binary body', new BinaryBodyError('header length'), 400, 'header length'],
    ['a Nest HTTP exception', new NotFoundException('no route'), 404, 'no route'],
    [
      'anything else',
      new Error('secret detail'),
      500,
      'the server failed to handle the request (request id r1)',
    ],
  ])('maps %s', (_case, err, status, error) => {
    const mapped = toProtocolError(err, 'r1');
    expect(mapped.status).toBe(status);
    if (typeof error === 'string') expect(mapped.error).toBe(error);
    else expect(mapped.error).toMatch(error);
  });
});
