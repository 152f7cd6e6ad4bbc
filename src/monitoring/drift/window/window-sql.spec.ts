import { MonitoredFeature } from '../monitored-features';
import { categoricalProfile, numericProfile } from '../reference/profile-builder';
import { planFeature } from './feature-plan';
import { bucketsQuery, decodeKey, KEY_FEATURE, KEY_OFFSET } from './window-sql';

const filter = { modelName: 'm', modelVersion: '1', from: new Date(0), to: new Date(1000) };
const numeric = (name: string): MonitoredFeature => ({
  name,
  kind: 'numeric',
  source: 'input',
  categories: [],
});

describe(bucketsQuery.name, () => {
  it('reads features through jsonb_to_record, quoting names, and by parameter past 63 bytes', () => {
    const long = 'x'.repeat(70);
    const plans = [
      planFeature(0, numeric('we"ird'), numericProfile([1, 2])),
      planFeature(1, numeric(long), numericProfile([1, 2])),
      planFeature(
        2,
        { name: 'c', kind: 'categorical', source: 'input', categories: ['a'] },
        categoricalProfile(['a']),
      ),
      planFeature(
        3,
        { name: '__prediction__', kind: 'categorical', source: 'prediction', categories: ['y'] },
        categoricalProfile(['y']),
      ),
    ];
    const q = bucketsQuery(plans, filter, 200);
    expect(q.text).toContain('jsonb_to_record(p.inputs) AS r("we""ird" float8, "c" text)');
    expect(q.text).toContain('r."we""ird"');
    expect(q.text).toMatch(/\(p\.inputs ->> \$\d+\)::float8/);
    expect(q.values).toContain(long);
    expect(q.text).toContain('p.predicted_label');
    expect(q.values.slice(0, 4)).toEqual(['m', '1', new Date(0).toISOString(), new Date(1000).toISOString()]);
  });

  it('packs a feature and a code (missing -1, unseen 0) into one positive key', () => {
    for (const [index, code] of [
      [0, -1],
      [3, 0],
      [7, 4001],
    ]) {
      expect(decodeKey(index * KEY_FEATURE + KEY_OFFSET + code)).toEqual({ index, code });
    }
  });
});
