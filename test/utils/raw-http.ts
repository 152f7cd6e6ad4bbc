import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Writes one HTTP/1.1 request byte for byte as given (no header added, none normalised: what a
 * client library really sends) and reads the answer by its Content-Length.
 */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: [string, string][],
  body: Buffer = Buffer.alloc(0),
): Promise<RawResponse> {
  const head = [`${method} ${path} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(head), body])));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(parsed['content-length'] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.destroy();
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: parsed,
        body: received.subarray(end + 4, end + 4 + length),
      });
    });
    socket.on('error', reject);
  });
}
