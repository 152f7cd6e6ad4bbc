// How the built server is started, everywhere: `npm start`, the Dockerfile's CMD (a test checks it
// matches) and the bench. The OpenTelemetry SDK is loaded before any application module; the 64 MB
// young-generation semi-space lets short-lived request garbage die in fewer scavenges (+16% req/s
// with everything on, +4% with it off: BENCHMARKS.md).
const SERVER_ARGS = [
  '--max-semi-space-size=64',
  '--require',
  './dist/src/instrumentation.js',
  'dist/src/main.js',
];

module.exports = { SERVER_ARGS };
