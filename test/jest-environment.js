// onnxruntime-node's native addon builds typed arrays in Node's main realm, while jest runs each
// test file in its own vm context with its own Float32Array: `instanceof` checks then fail inside
// onnxruntime-common. Sharing the main realm's typed-array constructors makes both sides agree.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class SightlineEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = SightlineEnvironment;
