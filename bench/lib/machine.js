// What the numbers were measured on: they only compare within one run on one machine.
const os = require('node:os');
const fs = require('node:fs');

function machine() {
  const cpus = os.cpus();
  let ort = '?';
  try {
    ort = require('onnxruntime-node/package.json').version;
  } catch {
    // reported as unknown
  }
  let distro = os.release();
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {
    // keep the kernel release
  }
  return {
    cpu: `${cpus[0]?.model ?? '?'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${distro} (kernel ${os.release()})`,
    node: process.version,
    onnxruntime: ort,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

module.exports = { machine };
