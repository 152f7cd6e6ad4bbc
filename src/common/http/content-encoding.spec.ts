import { Readable } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import {
  BadContentEncodingError,
  decompressedBody,
  UnsupportedContentEncodingError,
} from './content-encoding';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A source in 16 KiB chunks that counts how much of it was consumed. */
function counted(data: Buffer): { source: Readable; consumed: () => number } {
  let consumed = 0;
  let offset = 0;
  const source = new Readable({
    read() {
      if (offset >= data.length) return void this.push(null);
      const chunk = data.subarray(offset, offset + 16 * 1024);
      offset += chunk.length;
      consumed += chunk.length;
      this.push(chunk);
    },
  });
  return { source, consumed: () => consumed };
}

describe(decompressedBody.name, () => {
  it('inflates gzip and zlib deflate, and counts the encoded bytes for the Content-Length check', async () => {
    const text = Buffer.from('{"inputs":[]}'.repeat(100));
    for (const [encoding, packed] of [
      ['gzip', gzipSync(text)],
      ['x-gzip', gzipSync(text)],
      ['deflate', deflateSync(text)],
    ] as const) {
      const body = decompressedBody(Readable.from([packed]), encoding, 1 << 20);
      await expect(read(body)).resolves.toEqual(text);
      expect((body as unknown as { receivedEncodedLength: number }).receivedEncodedLength).toBe(
        packed.length,
      );
    }
  });

  it('stops inflating a bomb at the limit (413) instead of reading it to the end', async () => {
    // 256 gzip members of 16 MiB of zeros: 4 GiB inflated from ~4 MiB
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 256 }, () => member));
    const { source, consumed } = counted(bomb);
    await expect(read(decompressedBody(source, 'gzip', 1024 * 1024))).rejects.toMatchObject({
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    // 1 MiB of output needs ~1 KiB of it; the streams' buffers read a little more, never the rest
    expect(consumed()).toBeLessThan(bomb.length / 10);
  });

  it('refuses data that is not what it claims, and encodings it does not know', async () => {
    await expect(read(decompressedBody(Readable.from([Buffer.from('plain')]), 'gzip', 1024))).rejects.toThrow(
      BadContentEncodingError,
    );
    expect(() => decompressedBody(Readable.from([]), 'br', 1024)).toThrow(UnsupportedContentEncodingError);
  });
});
