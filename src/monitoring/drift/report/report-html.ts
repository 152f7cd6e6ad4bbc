import { DriftReport, FeatureDrift } from './drift-report.types';
import { chartSvg, escapeHtml as h } from './report-chart';

function num(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return '–';
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6)) return x.toExponential(2);
  return String(Number(x.toFixed(digits)));
}

function share(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

function verdict(f: FeatureDrift): string {
  if (f.verdict === 'insufficient_data') {
    const why = `${f.current_size} values in the window, fewer than the ${f.min_sample} a verdict needs`;
    return `<span class="verdict none insufficient" title="${h(why)}">insufficient data</span>`;
  }
  if (f.drift_detected === null)
    return `<span class="verdict none" title="${h(f.error ?? '')}">no verdict</span>`;
  return f.drift_detected
    ? '<span class="verdict drift">drift</span>'
    : '<span class="verdict ok">no drift</span>';
}

function statistics(f: FeatureDrift): string {
  const s = f.statistics;
  const rows: [string, string][] = [];
  if (s.ks) rows.push(['KS', `D = ${num(s.ks.statistic)}, p = ${num(s.ks.p_value)} (${s.ks.method})`]);
  if (s.wasserstein) {
    rows.push(['Wasserstein', `${num(s.wasserstein.distance)} (normed ${num(s.wasserstein.normed)})`]);
  }
  if (s.psi !== undefined) rows.push(['PSI', num(s.psi)]);
  if (s.jensen_shannon !== undefined) rows.push(['Jensen–Shannon', num(s.jensen_shannon)]);
  if (s.chi_square) {
    rows.push([
      'chi-square',
      `${s.chi_square.statistic === null ? '∞' : num(s.chi_square.statistic)}, p = ${num(s.chi_square.p_value)}`,
    ]);
  }
  if (s.z) rows.push(['Z', `${num(s.z.statistic)}, p = ${num(s.z.p_value)}`]);
  if (f.unseen_categories?.length) {
    rows.push([
      'unseen',
      f.unseen_categories
        .slice(0, 10)
        .map((u) => `${u.category} (${u.count})`)
        .join(', '),
    ]);
  }
  if (f.error) rows.push(['note', f.error]);
  if (f.verdict === 'insufficient_data') {
    rows.push(['note', `${f.current_size} values: below the minimum sample of ${f.min_sample}, not judged`]);
  }
  return `<dl>${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

function quality(f: FeatureDrift): string {
  const q = f.data_quality;
  const parts = [`missing ${share(q.missing_share)}`];
  if (q.out_of_range_share !== undefined) parts.push(`out of range ${share(q.out_of_range_share)}`);
  if (q.unseen_category_share !== undefined) parts.push(`unseen ${share(q.unseen_category_share)}`);
  return parts.map(h).join('<br>');
}

function row(f: FeatureDrift, output = false): string {
  const score =
    f.adjusted_score !== undefined && f.adjusted_score !== null
      ? `${num(f.score)}<br><small>adjusted ${num(f.adjusted_score)}</small>`
      : num(f.score);
  const direction = f.score_kind === 'p-value' ? 'p &lt;' : f.score_kind === 'distance' ? '≥' : '';
  return `<tr class="feature${f.drift_detected ? ' drifted' : ''}" data-feature="${h(f.name)}">
<th scope="row">${h(f.name)}${output ? '<br><small>model output</small>' : ''}<br><small>${h(f.kind)}</small></th>
<td>${h(f.test ?? '–')}${f.test_source === 'manifest' ? '<br><small>manifest</small>' : ''}</td>
<td class="num">${score}</td><td class="num">${direction} ${num(f.threshold)}</td><td>${verdict(f)}</td>
<td class="num">${f.reference_size} / ${f.current_size}</td><td>${quality(f)}</td>
<td>${f.chart ? chartSvg(f.name, f.chart) : '–'}${statistics(f)}</td></tr>`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2430}h1{font-size:20px;margin:0 0 4px}
.meta{color:#556;margin:0 0 16px}.summary{display:flex;gap:24px;flex-wrap:wrap;margin:12px 0 20px}
.summary div{background:#f4f6f9;border-radius:6px;padding:8px 12px}.summary b{display:block;font-size:18px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e6eb;padding:8px;vertical-align:top;text-align:left}
thead th{background:#f4f6f9;position:sticky;top:0}td.num{text-align:right;white-space:nowrap}tr.drifted{background:#fff5f2}
.verdict{border-radius:10px;padding:2px 8px;font-weight:600;white-space:nowrap}.drift{background:#e8553e;color:#fff}
.ok{background:#d8f0dd;color:#1e6b33}.none{background:#e3e6eb;color:#556}dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:6px 0 0;font-size:12px;color:#445}
dt{font-weight:600}dd{margin:0}svg.chart .bar.ref{fill:#7a8ca8}svg.chart .bar.cur{fill:#f08a24}svg.chart .axis{stroke:#889}
svg.chart text{font-size:9px;fill:#556}.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}`;

function datasetVerdict(d: DriftReport['dataset']): string {
  if (d.verdict === 'insufficient_data') return 'insufficient data';
  return d.drift_detected ? 'yes' : 'no';
}

function tested(d: DriftReport['dataset']): string {
  // reports stored before the minimum sample existed have no monitored_features
  if (d.monitored_features === undefined) return '';
  const short = d.insufficient_data_features?.length ?? 0;
  return (
    `${d.tested_features} of ${d.monitored_features} tested` + (short ? `, ${short} with too few values` : '')
  );
}

/** The report as one self-contained page: no script, nothing fetched, every value escaped. */
export function renderReportHtml(r: DriftReport): string {
  const title = `Drift report: ${r.model.name} version ${r.model.version}`;
  const d = r.dataset;
  const rows = r.features.map((f) => row(f)).join('\n');
  const output = r.prediction ? row(r.prediction, true) : '';
  const skipped = r.skipped_features.length
    ? `<p>Not monitored: ${r.skipped_features.map((s) => `${h(s.name)} (${h(s.reason)})`).join(', ')}</p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>
<h1>${h(title)}</h1>
<p class="meta">Run ${h(r.id)} (${h(r.trigger)}, ${h(r.status)}) · window ${h(r.window.from)} → ${h(r.window.to)} ·
reference: ${r.reference ? `${h(r.reference.source)}, ${r.reference.rows} rows` : '–'}${r.error ? ` · error: ${h(r.error)}` : ''}</p>
<div class="summary">
<div>Dataset drift<b class="dataset-verdict">${datasetVerdict(d)}</b></div>
<div>Drifting features<b>${d.drifted_features.length} of ${d.tested_features}</b><small>${tested(d)}</small></div>
<div>Drift share<b>${share(d.drift_share)}</b><small>threshold ${share(d.share_threshold)}</small></div>
<div>Rows<b>${r.sample_sizes.current}</b><small>reference ${r.sample_sizes.reference}</small></div>
<div>Correction<b>${h(d.correction)}</b></div></div>
<p class="legend">Charts: <span style="background:#7a8ca8"></span>reference <span style="background:#f08a24"></span>current (share of values per bin or category)</p>
<table><thead><tr><th>Feature</th><th>Test</th><th>Score</th><th>Threshold</th><th>Verdict</th><th>Values ref / cur</th>
<th>Data quality</th><th>Distribution and statistics</th></tr></thead>
<tbody>
${rows}
${output}
</tbody></table>${skipped}
</body></html>`;
}
