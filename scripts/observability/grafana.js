// Small builders for Grafana dashboard JSON (schema 39), so the four dashboards stay declarative:
// every panel gets a description, a unit and the templated Prometheus data source.

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const WIDTH = 24;

function target(t, index) {
  return {
    refId: String.fromCharCode(65 + index),
    datasource: DATASOURCE,
    expr: t.expr,
    legendFormat: t.legend ?? '__auto',
    range: !t.instant,
    instant: Boolean(t.instant),
    ...(t.instant ? { format: 'table' } : {}),
    // exemplars carry trace ids: the Prometheus data source turns them into links to the trace
    ...(t.exemplar ? { exemplar: true } : {}),
  };
}

function thresholdSteps(line) {
  const steps = [{ color: 'green', value: null }];
  if (line !== undefined) steps.push({ color: 'red', value: line });
  return { mode: 'absolute', steps };
}

/** A panel; `threshold` draws a dashed line at that value (the alert's threshold). */
function panel(type, p) {
  if (!p.description) throw new Error(`panel "${p.title}" needs a description`);
  if (!p.unit) throw new Error(`panel "${p.title}" needs a unit`);
  const custom =
    type === 'timeseries'
      ? {
          axisLabel: p.axisLabel ?? '',
          drawStyle: 'line',
          fillOpacity: p.stack ? 60 : 10,
          lineWidth: 1,
          showPoints: 'never',
          spanNulls: false,
          stacking: { mode: p.stack ? 'normal' : 'none', group: 'A' },
          thresholdsStyle: { mode: p.threshold === undefined ? 'off' : 'dashed' },
        }
      : undefined;
  return {
    type,
    title: p.title,
    description: p.description,
    datasource: DATASOURCE,
    size: p.size ?? [12, 8],
    fieldConfig: {
      defaults: {
        unit: p.unit,
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
        ...(p.decimals !== undefined ? { decimals: p.decimals } : {}),
        ...(custom ? { custom } : {}),
        ...(p.mappings ? { mappings: p.mappings } : {}),
        thresholds: thresholdSteps(p.threshold),
      },
      overrides: p.overrides ?? [],
    },
    options: p.options ?? {
      legend: { displayMode: 'table', placement: 'right', showLegend: true, calcs: ['lastNotNull', 'max'] },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
    ...(p.transformations ? { transformations: p.transformations } : {}),
    targets: p.targets.map(target),
  };
}

const timeseries = (p) => panel('timeseries', p);
const stat = (p) =>
  panel('stat', {
    ...p,
    size: p.size ?? [6, 5],
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value' },
  });
const table = (p) => panel('table', { ...p, options: { showHeader: true, cellHeight: 'sm' } });
/** Value mappings for 0/1 gauges: `{ 0: ['ok', 'green'], 1: ['drift', 'red'] }`. */
const valueMappings = (spec) => [
  {
    type: 'value',
    options: Object.fromEntries(
      Object.entries(spec).map(([value, [text, color]], index) => [value, { text, color, index }]),
    ),
  },
];
const stateTimeline = (p) =>
  panel('state-timeline', {
    ...p,
    options: { showValue: 'never', mergeValues: true, rowHeight: 0.8, legend: { showLegend: false } },
  });

function queryVariable(name, label, query) {
  return {
    name,
    label,
    type: 'query',
    datasource: DATASOURCE,
    definition: query,
    query: { query, refId: `${name}-variable`, qryType: 1 },
    refresh: 2,
    multi: true,
    includeAll: true,
    allValue: '.*',
    current: { selected: true, text: ['All'], value: ['$__all'] },
    options: [],
    regex: '',
    sort: 1,
    hide: 0,
  };
}

const datasourceVariable = {
  name: 'datasource',
  label: 'Prometheus',
  type: 'datasource',
  query: 'prometheus',
  current: { selected: true, text: 'Prometheus', value: 'prometheus' },
  options: [],
  regex: '',
  refresh: 1,
  hide: 0,
};

/** Lays panels out left to right in rows of 24 columns; a string starts a new collapsible row. */
function layout(items) {
  const panels = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const item of items) {
    const id = panels.length + 1;
    if (typeof item === 'string') {
      y += rowHeight;
      panels.push({
        type: 'row',
        id,
        title: item,
        collapsed: false,
        gridPos: { h: 1, w: WIDTH, x: 0, y },
        panels: [],
      });
      x = 0;
      y += 1;
      rowHeight = 0;
      continue;
    }
    const [w, h] = item.size;
    if (x + w > WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const rest = { ...item };
    delete rest.size;
    panels.push({ id, ...rest, gridPos: { h, w, x, y } });
    x += w;
    rowHeight = Math.max(rowHeight, h);
  }
  return panels;
}

function dashboard({ uid, title, description, variables, items }) {
  return {
    uid,
    title,
    description,
    tags: ['sightline'],
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    timezone: 'browser',
    fiscalYearStartMonth: 0,
    liveNow: false,
    weekStart: '',
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    links: [
      {
        type: 'dashboards',
        title: 'Sightline',
        tags: ['sightline'],
        asDropdown: true,
        includeVars: true,
        keepTime: true,
      },
    ],
    templating: { list: [datasourceVariable, ...variables] },
    panels: layout(items),
  };
}

module.exports = { dashboard, timeseries, stat, table, stateTimeline, valueMappings, queryVariable };
