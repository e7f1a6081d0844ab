// Prints the table of `deploy/dev bench` and writes results.json.
//   node bench_report.js runs.jsonl domain.txt results.json CORES KERNEL
// runs.jsonl: one object per load run, written by deploy/bench (server, kind, connections,
// slack_delay_ms, rss_idle_kb, rss_load_kb, server_cpu_pct, slack_calls, load: slack_load's JSON).
// domain.txt: domain_bench's "<name> <value>" lines.
'use strict';
const fs = require('fs');

const [runsPath, domainPath, resultsPath, cores, kernel] = process.argv.slice(2);
const runs = fs
  .readFileSync(runsPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const domainText = fs.existsSync(domainPath) ? fs.readFileSync(domainPath, 'utf8') : '';

const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const find = (server, kind, connections, delay) =>
  runs.find(
    (r) => r.server === server && r.kind === kind && r.connections === connections && r.slack_delay_ms === delay,
  );

const mainDelay = Math.max(...runs.map((r) => r.slack_delay_ms));
const rows = [];
const comparisons = [];
for (const run of runs) {
  let ratio = '';
  if (run.server === 'officer' && run.slack_delay_ms === mainDelay) {
    const bolt = find('bolt', run.kind, run.connections, run.slack_delay_ms);
    if (bolt && bolt.load.rps > 0) {
      const throughput = run.load.rps / bolt.load.rps;
      const p99 = bolt.load.p99_ms > 0 ? run.load.p99_ms / bolt.load.p99_ms : null;
      ratio = `${throughput.toFixed(2)}x req/s, p99 ${p99 === null ? '-' : p99.toFixed(2) + 'x'}`;
      comparisons.push({
        kind: run.kind,
        connections: run.connections,
        throughput_ratio: throughput,
        p99_ratio: p99,
        goal_met: throughput >= 3 && run.load.p99_ms < bolt.load.p99_ms,
      });
    }
  }
  rows.push([
    run.server,
    run.kind === 'help' ? '/standup help' : 'click Accept',
    `${run.slack_delay_ms} ms`,
    String(run.connections),
    run.load.rps.toFixed(0),
    ms(run.load.p50_ms),
    ms(run.load.p99_ms),
    ms(run.load.max_ms),
    String(run.load.errors),
    mib(run.rss_idle_kb),
    mib(run.rss_load_kb),
    `${run.server_cpu_pct}%`,
    `${run.load.generator_cpu_pct.toFixed(0)}%`,
    ratio,
  ]);
}
const header = [
  'server',
  'request',
  'slack',
  'conns',
  'req/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'errors',
  'RSS idle',
  'RSS load',
  'srv CPU',
  'gen CPU',
  'Officer/Bolt',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const numeric = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const line = (cells) =>
  cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log('');
console.log(
  `Slack acknowledgements, closed loop, ${runs[0] ? runs[0].load.duration_s : 0} s per run, ` +
    `${cores} cores shared by server, load generator (1 thread) and PostgreSQL; kernel ${kernel}`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log('');
console.log(
  "slack: the fake Slack Web API's answer delay. srv CPU: the server process's CPU over the run " +
    '(200% = both cores). gen CPU: the load generator\'s, taken from the same two cores.',
);

// The ack never waits on Slack: Officer's click p99 with Slack at 500 ms against 0 ms.
const slackCheck = [];
for (const run of runs.filter((r) => r.server === 'officer' && r.kind === 'click' && r.slack_delay_ms === 0)) {
  const slow = find('officer', 'click', run.connections, mainDelay);
  if (!slow) continue;
  slackCheck.push({
    connections: run.connections,
    p99_ms_slack_slow: slow.load.p99_ms,
    p99_ms_slack_fast: run.load.p99_ms,
    slack_delay_ms: mainDelay,
    slack_calls_during_slow_run: slow.slack_calls,
  });
  console.log(
    `Officer click ack at ${run.connections} connections: p99 ${ms(slow.load.p99_ms)} ms with Slack ` +
      `answering in ${mainDelay} ms, ${ms(run.load.p99_ms)} ms with Slack at 0 ms ` +
      `(${slow.slack_calls} Slack calls were in flight behind the acks).`,
  );
}
for (const c of comparisons.filter((c) => c.connections === Math.max(...comparisons.map((x) => x.connections)))) {
  console.log(
    `Goal at ${c.connections} connections, ${c.kind}: >= 3x Bolt's req/s with a lower p99 — ` +
      `${c.goal_met ? 'met' : 'NOT met'} (${c.throughput_ratio.toFixed(2)}x, p99 ${
        c.p99_ratio === null ? '-' : c.p99_ratio.toFixed(2) + 'x'
      }).`,
  );
}

const domain = {};
if (domainText.trim() !== '') {
  console.log('');
  console.log('Domain (build-release/tests/domain_bench):');
  for (const text of domainText.split('\n')) {
    if (text.trim() === '') continue;
    console.log(`  ${text}`);
    const match = text.trim().match(/^(\S+)\s+(-?[0-9.eE+-]+)(?:\s|$)/);
    if (match) domain[match[1]] = Number(match[2]);
  }
}

const results = {
  generated_at: new Date().toISOString(),
  machine: { cores: Number(cores), kernel },
  runs: runs.map((r) => ({
    server: r.server,
    kind: r.kind,
    connections: r.connections,
    slack_delay_ms: r.slack_delay_ms,
    duration_s: r.load.duration_s,
    requests: r.load.requests,
    rps: r.load.rps,
    p50_ms: r.load.p50_ms,
    p99_ms: r.load.p99_ms,
    max_ms: r.load.max_ms,
    errors: r.load.errors,
    non_2xx: r.load.non_2xx,
    socket_errors: r.load.socket_errors,
    timeouts: r.load.timeouts,
    statuses: r.load.statuses,
    rss_idle_kb: r.rss_idle_kb,
    rss_load_kb: r.rss_load_kb,
    server_cpu_pct: r.server_cpu_pct,
    generator_cpu_pct: r.load.generator_cpu_pct,
    slack_calls: r.slack_calls,
  })),
  officer_vs_bolt: comparisons,
  ack_vs_slack_delay: slackCheck,
  domain,
  domain_lines: domainText.split('\n').filter((l) => l.trim() !== ''),
};
fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
console.log('');
console.log(`Figures written to ${resultsPath}`);
