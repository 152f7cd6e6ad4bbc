import { ConfigError, loadConfig } from '../../config/app-config';

const base = { DATABASE_URL: 'postgres://localhost/x' };

describe('drift settings (loadConfig)', () => {
  it('defaults to a 5-minute schedule over the last hour, no correction, half the features', () => {
    expect(loadConfig(base).drift).toEqual({
      scheduleEnabled: true,
      intervalSeconds: 300,
      window: '1h',
      correction: 'none',
      shareThreshold: 0.5,
      maxSample: 20000,
      minSample: 500,
    });
  });

  it('reads every DRIFT_* variable', () => {
    const drift = loadConfig({
      ...base,
      DRIFT_SCHEDULE_ENABLED: 'false',
      DRIFT_INTERVAL_SECONDS: '60',
      DRIFT_WINDOW: '7d',
      DRIFT_CORRECTION: 'bh',
      DRIFT_SHARE_THRESHOLD: '0.3',
      DRIFT_MAX_SAMPLE: '5000',
      DRIFT_MIN_SAMPLE: '50',
    }).drift;
    expect(drift).toEqual({
      scheduleEnabled: false,
      intervalSeconds: 60,
      window: '7d',
      correction: 'bh',
      shareThreshold: 0.3,
      maxSample: 5000,
      minSample: 50,
    });
  });

  it.each([
    ['DRIFT_INTERVAL_SECONDS', '0'],
    ['DRIFT_WINDOW', '1 hour'],
    ['DRIFT_WINDOW', '60w'],
    ['DRIFT_CORRECTION', 'holm'],
    ['DRIFT_SHARE_THRESHOLD', '0'],
    ['DRIFT_SHARE_THRESHOLD', '1.5'],
    ['DRIFT_MAX_SAMPLE', '10'],
    ['DRIFT_MIN_SAMPLE', '0'],
    ['DRIFT_MIN_SAMPLE', '1.5'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(name);
  });
});
