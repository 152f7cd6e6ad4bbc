// Health of a monitoring job (drift or performance): time since its last success and its runs.
const { timeseries } = require('../grafana');

function jobPanels(config, job) {
  const sel = `${config.selectors.jobLabel}="${job}"`;
  const name = job.replace(/_/g, ' ');
  return [
    timeseries({
      title: `Time since the last successful ${name} run`,
      description:
        `Seconds since the ${name} job last succeeded; the dashed line (two intervals) is where ` +
        'SightlineMonitoringJobStale starts counting.',
      unit: 's',
      axisLabel: 'seconds',
      threshold: 2 * config.jobs[job].intervalSeconds,
      targets: [
        {
          expr: `time() - max(sightline_job_last_success_timestamp_seconds{${sel}})`,
          legend: 'since last success',
        },
      ],
    }),
    timeseries({
      title: `${name[0].toUpperCase()}${name.slice(1)} runs`,
      description: `${name} job runs per outcome over the dashboard's time range.`,
      unit: 'short',
      axisLabel: 'runs',
      min: 0,
      decimals: 0,
      targets: [
        {
          expr: `sum by (outcome) (increase(sightline_job_runs_total{${sel}}[$__range]))`,
          legend: '{{outcome}}',
        },
      ],
    }),
  ];
}

module.exports = { jobPanels };
