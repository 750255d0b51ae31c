#!/usr/bin/env node
// Start-up alone, interleaved (part 1 of benchmarks/analyzer.js without the rest, for trying start-up changes): spawn
// to the first stdout line of each executable given (the port line for the pack, started as the CLI starts it with an
// engine address), then SIGINT; the executables take turns every round, and the medians are printed with their ratio
// to the first one (the floor) and the 1-minute load average before and after.
// usage: node benchmarks/startup.js ROUNDS FLOOR EXE...   e.g.
//        node benchmarks/startup.js 31 artifacts/bench/hello/hello-world artifacts/policy-pack/pulumi-analyzer-policy-fargate-network
'use strict';
const os = require('os');
const { spawn } = require('child_process');
const readline = require('readline');

const rounds = Number(process.argv[2]);
const exes = process.argv.slice(3);
if (!(rounds >= 5) || exes.length < 2) {
  console.error('usage: node benchmarks/startup.js ROUNDS FLOOR EXE...   (ROUNDS >= 5)');
  process.exit(2);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function startTime(exe) {
  const started = process.hrtime.bigint();
  const child = spawn(exe, ['127.0.0.1:1'], { stdio: ['pipe', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    let elapsed = null;
    lines.on('line', () => {
      if (elapsed !== null) return;
      elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.exitCode === null) child.kill('SIGINT');
    });
    child.on('exit', (code) => (elapsed === null ? reject(new Error(`${exe} exited (${code}) before its first line`)) : resolve(elapsed)));
    child.on('error', reject);
  });
}

(async () => {
  const loadBefore = os.loadavg()[0];
  const times = exes.map(() => []);
  for (let i = 0; i < rounds; i++) {
    for (let e = 0; e < exes.length; e++) times[e].push(await startTime(exes[e]));
  }
  const loadAfter = os.loadavg()[0];
  const floor = median(times[0]);
  for (let e = 0; e < exes.length; e++) {
    const m = median(times[e]);
    console.log(`${m.toFixed(1).padStart(7)} ms  ${(m / floor).toFixed(2)}x  ${exes[e]}`);
  }
  console.log(`median of ${rounds} interleaved rounds; load average ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)}`);
})().catch((e) => { console.error(e.message); process.exit(1); });
