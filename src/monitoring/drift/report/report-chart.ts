import { DriftChart } from './drift-report.types';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const WIDTH = 460;
const HEIGHT = 180;
const PAD = { left: 56, right: 6, top: 8, bottom: 44 };

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * Reference against current as grouped bars, one pair per bin or category, in plain SVG (no script,
 * nothing fetched): each bar carries its value in a <title>, shown on hover.
 */
export function chartSvg(feature: string, chart: DriftChart): string {
  const n = chart.labels.length;
  const max = Math.max(1e-9, ...chart.reference, ...chart.current);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(n, 1);
  const bar = Math.max(1, slot * 0.4);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>`,
  );
  parts.push(
    `<text class="tick" x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${pct(max)}</text>`,
  );
  parts.push(`<text class="tick" x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">0</text>`);
  // at most ~10 axis labels, always the first and the last
  const every = Math.max(1, Math.ceil(n / 10));
  chart.labels.forEach((label, i) => {
    const x0 = PAD.left + i * slot + (slot - 2 * bar) / 2;
    const name = escapeHtml(label);
    for (const [cls, value, x] of [
      ['ref', chart.reference[i], x0],
      ['cur', chart.current[i], x0 + bar],
    ] as const) {
      const top = y(value);
      parts.push(
        `<rect class="bar ${cls}" x="${x.toFixed(2)}" y="${top.toFixed(2)}" width="${bar.toFixed(2)}" height="${(
          PAD.top +
          plotH -
          top
        ).toFixed(
          2,
        )}"><title>${cls === 'ref' ? 'reference' : 'current'} ${name}: ${pct(value)}</title></rect>`,
      );
    }
    if (i % every === 0 || i === n - 1) {
      const short = label.length > 14 ? `${label.slice(0, 13)}…` : label;
      const cx = PAD.left + i * slot + slot / 2;
      parts.push(
        `<text class="label" x="${cx.toFixed(2)}" y="${PAD.top + plotH + 12}" text-anchor="end" transform="rotate(-30 ${cx.toFixed(
          2,
        )} ${PAD.top + plotH + 12})">${escapeHtml(short)}</text>`,
      );
    }
  });
  return `<svg class="chart" data-feature="${escapeHtml(feature)}" role="img" aria-label="${escapeHtml(
    `${feature}: reference against current distribution`,
  )}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${parts.join(
    '',
  )}</svg>`;
}
