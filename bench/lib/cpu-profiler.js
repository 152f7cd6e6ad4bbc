// Preloaded into a server by bench/profile.js (`--require`): the first SIGWINCH (Nest treats
// SIGUSR2 as a shutdown signal) starts the V8 CPU
// profiler, the second writes the profile to $SIGHTLINE_CPU_PROFILE, so start-up and warm-up stay
// out of the picture.
const inspector = require('node:inspector');
const fs = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, { profile } = {}) => {
    if (!err) fs.writeFileSync(process.env.SIGHTLINE_CPU_PROFILE, JSON.stringify(profile));
  });
});
