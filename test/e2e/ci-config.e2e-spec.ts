import * as yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../utils/test-app';

// .ci/run (what CI runs here) and .github/workflows/ci.yml (what users see on GitHub) must run the
// same command on the same Node majors with the same Debian packages; package.json, the Dockerfile
// and the compose file must agree with them on which Node that is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEBIAN_PACKAGES } = require('../../scripts/lib/test-tools') as { DEBIAN_PACKAGES: string[] };

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

interface Workflow {
  jobs: {
    test: {
      container: string;
      strategy: { matrix: { node: number[] } };
      services: Record<string, { image: string }>;
      steps: { run?: string; uses?: string; with?: Record<string, unknown> }[];
    };
  };
}

const ciRun = read('.ci/run');
const workflow = yaml.load(read('.github/workflows/ci.yml')) as Workflow;
const job = workflow.jobs.test;
const runs = job.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));

/** The README's test command: the second line of "The two commands". */
function readmeTestCommand(): string {
  const block = /## The two commands\s+```bash\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
  const line = block.split('\n').find((l) => /^npm test\b/.test(l)) ?? '';
  return line.replace(/\s+#.*$/, '').trim();
}

describe('CI configuration', () => {
  const majors = /^NODE_MAJORS="([\d ]+)"$/m.exec(ciRun)?.[1].split(' ').map(Number) ?? [];

  it('runs the same Node majors in .ci/run and the workflow, the LTS first', () => {
    expect(majors.length).toBeGreaterThanOrEqual(3);
    expect(job.strategy.matrix.node).toEqual(majors);
  });

  it("runs the README's test command in both", () => {
    const command = readmeTestCommand();
    expect(command).toBe('npm test');
    expect(runs).toContain(command);
    expect(ciRun).toMatch(/PATH="\$\(node_bin "\$major"\):\$PATH" npm test/);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version': '${{ matrix.node }}',
    });
  });

  it('installs the Debian packages the suite checks for, from Debian, in both', () => {
    expect(DEBIAN_PACKAGES).toEqual(expect.arrayContaining(['prometheus', 'chromium', 'python3-scipy']));
    const fromList = 'require("./scripts/lib/test-tools").DEBIAN_PACKAGES';
    expect(ciRun).toContain(fromList);
    expect(runs.some((r) => r.includes('apt-get install') && r.includes(fromList))).toBe(true);
    expect(job.container).toMatch(/^debian:bookworm/);
    expect(
      Object.values(job.services)
        .map((s) => s.image.split(':')[0])
        .sort(),
    ).toEqual(['postgres', 'redis']);
  });

  it('declares the oldest major as the minimum Node, and ships the LTS in the images', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { engines } = require('../../package.json') as { engines: { node: string } };
    expect(Number(/^>=(\d+)\./.exec(engines.node)?.[1])).toBe(Math.min(...majors));
    const lts = majors[0];
    const images = [...`${read('Dockerfile')}\n${read('docker-compose.yml')}`.matchAll(/node:(\d+)-/g)];
    expect(images.length).toBeGreaterThanOrEqual(4);
    expect([...new Set(images.map((m) => Number(m[1])))]).toEqual([lts]);
  });
});
