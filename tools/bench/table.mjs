// Prints the bench results as a fixed-width table: each figure for Cinnabar, for Redis, and
// the ratio Cinnabar ÷ Redis (rps: higher is better; latency and CPU: lower is better).

const COLUMNS = [
  ['test', 12], ['P', 3],
  ['rps cnb', 10], ['rps redis', 10], ['ratio', 6],
  ['p50 cnb', 8], ['p50 redis', 9], ['ratio', 6],
  ['p99 cnb', 8], ['p99 redis', 9], ['ratio', 6],
  ['cpu µs cnb', 10], ['cpu µs redis', 12], ['ratio', 6], ['paired', 6],
];

const thousands = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => n.toFixed(3);
const us = (n) => n.toFixed(2);
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : '-');

function cells(row) {
  const c = row.cinnabar;
  const r = row.redis;
  const head = [row.test.toUpperCase(), String(row.pipeline)];
  if ('error' in c || 'error' in r) {
    const fmt = (x, f) => ('error' in x ? 'error' : f(x));
    return [...head,
      fmt(c, (x) => thousands(x.rps)), fmt(r, (x) => thousands(x.rps)), '-',
      fmt(c, (x) => ms(x.p50)), fmt(r, (x) => ms(x.p50)), '-',
      fmt(c, (x) => ms(x.p99)), fmt(r, (x) => ms(x.p99)), '-',
      fmt(c, (x) => us(x.cpuUsPerRequest)), fmt(r, (x) => us(x.cpuUsPerRequest)), '-', '-'];
  }
  return [...head,
    thousands(c.rps), thousands(r.rps), ratio(c.rps, r.rps),
    ms(c.p50), ms(r.p50), ratio(c.p50, r.p50),
    ms(c.p99), ms(r.p99), ratio(c.p99, r.p99),
    us(c.cpuUsPerRequest), us(r.cpuUsPerRequest), ratio(c.cpuUsPerRequest, r.cpuUsPerRequest),
    Number.isNaN(row.cpuPaired) ? '-' : row.cpuPaired.toFixed(2)];
}

function line(values) {
  return values.map((v, i) => (i === 0 ? v.padEnd(COLUMNS[i][1]) : v.padStart(COLUMNS[i][1]))).join('  ');
}

export function printTable(results) {
  console.log('');
  console.log(line(COLUMNS.map(([name]) => name)));
  console.log(line(COLUMNS.map(([, w]) => '-'.repeat(w))));
  for (const row of results) console.log(line(cells(row)));
  console.log('');
  console.log('rps: requests/s; p50/p99: latency in ms; cpu µs: server utime+stime per request; ratio = Cinnabar ÷ Redis');
  console.log('paired: median over the repeats of Cinnabar ÷ Redis CPU per request, each Cinnabar run against the Redis run next to it');
  const notes = new Set();
  for (const row of results) {
    for (const [name, x] of [['cinnabar', row.cinnabar], ['redis', row.redis]]) {
      if ('error' in x) notes.add(`${row.test.toUpperCase()} on ${name}: ${x.error.slice(0, 100)}`);
      else if (x.rows.length > 1) notes.add(`${row.test.toUpperCase()}: cpu per request spans ${x.rows.join(' + ')}`);
    }
  }
  for (const n of notes) console.log(`note: ${n}`);
}
