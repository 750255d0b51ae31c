#!/usr/bin/env node
// The performance benchmark of issue 11, in ONE interleaved run (benchmarks/run.sh builds everything first and calls
// this). Every number is printed with its floor or its competitor and the target of the ratio:
//  1. start-up: process spawn to the first stdout line (the port line the Pulumi CLI waits for) of the published pack,
//     of a Native AOT hello world (the floor), and of the official @pulumi/policy pack (OFFICIAL_PACK, optional),
//     interleaved, median of ROUNDS;
//  2. the compiler as Pulumi runs it (`sh infra/compile.sh`, prod config, built) against the AOT hello world started
//     the same way (`sh benchmarks/hello.sh`), interleaved, median of ROUNDS;
//  3. AnalyzeStack over gRPC (@pulumi/pulumi's generated client) for 1,000 / 10,000 / 50,000 resources (copies of the
//     interop fixture's broken preview stack, each copy its own VPC and its own application name): ours and the official pack alternately on the
//     same pre-serialized request, warm medians (the official pack is slow: its calls are bounded);
//  4. in process (benchmarks/AnalyzeStackFloor, Native AOT as the pack ships): AnalyzeStack from the request bytes against Google.Protobuf parsing
//     the same bytes (the floor), growth 1,000 -> 10,000, and bytes allocated per call against the request size;
//     FLOOR_RUNS processes (default 3), the run with the median ratio kept.
// The machine is shared: every figure is a median of interleaved runs, and still noisy.
// usage: node benchmarks/analyzer.js [rounds]   (rounds >= 5, default 11); env OFFICIAL_PACK=<installed copy>
//        node benchmarks/analyzer.js --dump DIR   writes the three requests to DIR/<resources>.bin and exits (for
//        `dotnet artifacts/bench/floor/AnalyzeStackFloor.dll --phases DIR/10000.bin`, the per-phase profile)
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { spawn, spawnSync } = require('child_process');
const readline = require('readline');
const root = path.resolve(__dirname, '..');
const engine = require(path.join(root, 'tests/Analyzer.Tests/interop/engine.js'));

const ours = path.join(root, 'artifacts/policy-pack/pulumi-analyzer-policy-fargate-network');
const hello = path.join(root, 'artifacts/bench/hello/hello-world');
const floorBench = path.join(root, 'artifacts/bench/floor-aot/AnalyzeStackFloor');
const official = process.env.OFFICIAL_PACK ? path.join(process.env.OFFICIAL_PACK, 'pack-js/launch') : null;
const stack = JSON.parse(fs.readFileSync(path.join(root, 'tests/Analyzer.Tests/interop/private-endpoints.json'), 'utf8'));
const dumpTo = process.argv[2] === '--dump' ? process.argv[3] : null;
const rounds = dumpTo ? 5 : Number(process.argv[2] || 11);
if (process.argv[2] === '--dump' && !dumpTo) { console.error('--dump needs a directory'); process.exit(2); }
if (!(rounds >= 5)) { console.error('rounds must be at least 5'); process.exit(2); }
const sizes = [1000, 10000, 50000];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const rows = [];
// Every row carries the 1-minute load average when its measurement ended (the machine is shared: a ratio read at
// load 40 is not one read at load 1), and the target its ratio must meet, if any.
const row = (what, value, unit, against, ratio, target) => rows.push({ what, value, unit, against, ratio, target, load: os.loadavg()[0] });

function firstLine(exe, args, cwd) {
  const started = process.hrtime.bigint();
  const child = spawn(exe, args, { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    let done = false;
    lines.on('line', (line) => {
      if (done) return;
      done = true;
      const elapsed = ms(started);
      resolve({ child, port: Number(line.trim()), elapsed });
    });
    child.on('exit', (code) => { if (!done) reject(new Error(`${exe} exited (${code}) before its first line`)); });
    child.on('error', reject);
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => { child.on('exit', resolve); child.kill('SIGINT'); });
}

async function startTime(exe) {
  const r = await firstLine(exe, ['127.0.0.1:1'], root);
  await stop(r.child);
  return r.elapsed;
}

const compilerEnv = {
  ...process.env, PULUMI_STACK: 'prod', PULUMI_PROJECT: 'fargate-network', PULUMI_ORGANIZATION: 'organization', PULUMI_ROOT_DIRECTORY: root,
  PULUMI_CONFIG: JSON.stringify(Object.fromEntries(Object.entries(require('./prod-config.json')))),
};
function runTime(script) {
  const t = process.hrtime.bigint();
  const r = spawnSync('sh', [script], { cwd: root, env: compilerEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = ms(t);
  if (r.status !== 0) throw new Error(`sh ${script} failed (${r.status}): ${r.stderr}`);
  return elapsed;
}

// Each copy is its own application, as in a real stack of many services: the fixture's application name "app" (the
// cluster, the task family, the log group, the image, the container definitions inside their secret) becomes
// "app-<copy>" in every string value, so no two copies share their names or their container definitions.
function ownApplication(value, copy) {
  if (typeof value === 'string') return value.replace(/\bapp\b/g, `app-${copy}`);
  if (Array.isArray(value)) return value.map((v) => ownApplication(v, copy));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownApplication(v, copy)]));
  }
  return value;
}

function request(m, count) {
  const base = engine.previewResources(stack, ['ecr-api']);
  const list = [];
  for (let copy = 0; list.length < count; copy++) {
    for (const r of base) {
      if (list.length === count) break;
      const rename = (u) => `${u}-${copy}`;
      const ar = new m.pb.AnalyzerResource();
      ar.setType(r.type); ar.setName(`${r.name}-${copy}`); ar.setUrn(rename(r.urn));
      ar.setProperties(m.structPb.Struct.fromJavaScript(ownApplication(r.outputs, copy)));
      ar.setDependenciesList(r.dependencies.map(rename));
      // The engine always sends the options (the official SDK refuses a resource without them).
      const options = new m.pb.AnalyzerResourceOptions();
      options.setCustomtimeouts(new m.pb.AnalyzerResourceOptions.CustomTimeouts());
      ar.setOptions(options);
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new m.pb.AnalyzerPropertyDependencies();
        pd.setUrnsList(urns.map(rename));
        ar.getPropertydependenciesMap().set(key, pd);
      }
      list.push(ar);
    }
  }
  const req = new m.pb.AnalyzeStackRequest();
  req.setResourcesList(list);
  return req;
}

async function connect(m, exe) {
  const a = await firstLine(exe, ['127.0.0.1:1'], root);
  const client = new m.services.AnalyzerClient(`127.0.0.1:${a.port}`, m.grpc.credentials.createInsecure(),
    { 'grpc.max_receive_message_length': 400 * 1024 * 1024, 'grpc.max_send_message_length': 400 * 1024 * 1024 });
  return { client, child: a.child };
}

(async () => {
  const m = engine.load();
  if (dumpTo) {
    fs.mkdirSync(dumpTo, { recursive: true });
    for (const count of sizes) fs.writeFileSync(path.join(dumpTo, `${count}.bin`), request(m, count).serializeBinary());
    return;
  }
  // 1 + 2: start-up and compiler, interleaved.
  const t = { ours: [], hello: [], official: [], compiler: [], helloSh: [] };
  runTime('infra/compile.sh'); // builds the compiler if stale (not timed)
  for (let i = 0; i < rounds; i++) {
    t.ours.push(await startTime(ours));
    t.hello.push(await startTime(hello));
    if (official && i < 5) t.official.push(await startTime(official));
    t.compiler.push(runTime('infra/compile.sh'));
    t.helloSh.push(runTime('benchmarks/hello.sh'));
  }
  const helloStart = median(t.hello);
  row('pack start -> port line', median(t.ours), 'ms', `AOT hello world ${helloStart.toFixed(1)} ms`, median(t.ours) / helloStart, 3);
  if (official) row('official pack start -> port line', median(t.official), 'ms', `ours ${median(t.ours).toFixed(1)} ms`, median(t.ours) / median(t.official), null);
  row('compiler run (sh infra/compile.sh, prod)', median(t.compiler), 'ms', `AOT hello world via sh ${median(t.helloSh).toFixed(1)} ms`, median(t.compiler) / median(t.helloSh), 4);

  // 3: AnalyzeStack end to end, ours and official alternately.
  // The requests are built before connecting: building 50,000 resources blocks Node's event loop for seconds.
  const dump = fs.mkdtempSync(path.join(os.tmpdir(), 'analyze-stack-'));
  const requests = sizes.map((count) => request(m, count));
  const files = requests.map((req, i) => {
    const file = path.join(dump, `${sizes[i]}.bin`);
    fs.writeFileSync(file, req.serializeBinary());
    return file;
  });
  const a = await connect(m, ours);
  const b = official ? await connect(m, official) : null;
  try {
    for (const [index, count] of sizes.entries()) {
      const req = requests[index];
      const bytes = fs.readFileSync(files[index]);
      const oursTimes = [];
      const officialTimes = [];
      const officialCalls = count >= 50000 ? 2 : 4; // first call is a warm-up
      let diagnostics = 0;
      for (let i = 0; i < 6; i++) {
        let s = process.hrtime.bigint();
        const response = await engine.call(a.client, 'analyzeStack', req);
        process.stderr.write('.');
        if (i > 0) oursTimes.push(ms(s));
        diagnostics = response.getDiagnosticsList().length;
        if (b && i < officialCalls) {
          s = process.hrtime.bigint();
          await engine.call(b.client, 'analyzeStack', req);
          if (i > 0) officialTimes.push(ms(s));
        }
      }
      const label = `AnalyzeStack ${count.toLocaleString('en')} resources (${(bytes.length / 1048576).toFixed(1)} MiB, ${diagnostics} diagnostics), warm, gRPC`;
      if (b) row(label, median(oursTimes), 'ms', `official ${median(officialTimes).toFixed(1)} ms`, median(oursTimes) / median(officialTimes), null);
      else row(label, median(oursTimes), 'ms', 'official pack not installed', null, null);
    }
  } finally {
    a.client.close(); await stop(a.child);
    if (b) { b.client.close(); await stop(b.child); }
  }

  // 4: in process, against the protobuf floor. The machine's speed drifts between processes more than a change of a
  // round moves the figures (one process: medians of 9 calls), so AnalyzeStackFloor runs FLOOR_RUNS times (default 3)
  // and each size keeps the run with the median ratio to its own parse (the two are measured interleaved in one
  // process, so the ratio drifts less than either time).
  const floorRuns = Math.max(1, Number(process.env.FLOOR_RUNS || 3));
  const runs = {};
  for (let run = 0; run < floorRuns; run++) {
    const floor = spawnSync(floorBench, files, { encoding: 'utf8' });
    if (floor.status !== 0) throw new Error(`AnalyzeStackFloor failed: ${floor.stderr}`);
    const load = os.loadavg()[0];
    for (const line of floor.stdout.split('\n').filter((l) => l.startsWith('floor '))) {
      const [, n, parse, analyze, allocated, size, formerMs, formerAllocated] = line.split(' ');
      (runs[n] ||= []).push({ parse: +parse, analyze: +analyze, allocated: +allocated, size: +size, former: +formerMs, formerAllocated: +formerAllocated, load });
    }
  }
  const f = {};
  for (const [n, all] of Object.entries(runs)) {
    const sorted = [...all].sort((a, b) => a.analyze / a.parse - b.analyze / b.parse);
    const m = f[n] = sorted[Math.floor(sorted.length / 2)];
    const spread = all.length > 1 ? ` (ratios of ${all.length} runs ${sorted.map((r) => (r.analyze / r.parse).toFixed(2)).join(', ')})` : '';
    row(`AnalyzeStack ${Number(n).toLocaleString('en')} resources, in process`, m.analyze, 'ms', `Google.Protobuf parse ${m.parse.toFixed(1)} ms${spread}`, m.analyze / m.parse, +n === 10000 ? 1.5 : null);
    rows[rows.length - 1].load = m.load;
    row(`  former path (protobuf tree, then convert), ${Number(n).toLocaleString('en')} resources`, m.former, 'ms', `Google.Protobuf parse ${m.parse.toFixed(1)} ms`, m.former / m.parse, null);
    rows[rows.length - 1].load = m.load;
    row(`  allocated per call, ${Number(n).toLocaleString('en')} resources`, m.allocated / 1048576, 'MiB', `request ${(m.size / 1048576).toFixed(1)} MiB; former path ${(m.formerAllocated / 1048576).toFixed(1)} MiB`, m.allocated / m.size, 2);
    rows[rows.length - 1].load = m.load;
  }
  row('AnalyzeStack growth 1,000 -> 10,000, in process', f['10000'].analyze / f['1000'].analyze, 'x', `protobuf parse x${(f['10000'].parse / f['1000'].parse).toFixed(1)}, former path x${(f['10000'].former / f['1000'].former).toFixed(1)}`, null, null);
  rows[rows.length - 1].ratio = rows[rows.length - 1].value; rows[rows.length - 1].target = 12;
  rows[rows.length - 1].load = f['10000'].load;
  fs.rmSync(dump, { recursive: true, force: true });

  console.log(`benchmark: ${rounds} interleaved rounds on ${os.cpus().length} cores; medians; shared machine, noisy (each line: the 1-minute load average when it was measured)`);
  const verdict = (r) => (r.ratio <= r.target ? 'PASS' : 'MISS');
  for (const r of rows) {
    const target = r.target == null ? '' : `  target <= ${r.target}: ${verdict(r)}`;
    const ratio = r.ratio == null ? '' : `  ratio ${r.ratio.toFixed(2)}`;
    console.log(`${r.what}: ${r.value.toFixed(r.unit === 'ms' ? 1 : 2)} ${r.unit}  vs ${r.against}${ratio}${target}  (load ${r.load.toFixed(1)})`);
  }

  // Issue 11's targets, each with its ratio and verdict.
  console.log('\ntargets:');
  for (const r of rows.filter((x) => x.target != null)) {
    console.log(`  ${verdict(r)}  ${r.ratio.toFixed(2).padStart(6)} <= ${String(r.target).padEnd(4)} ${r.what.trim()} (load ${r.load.toFixed(1)})`);
  }
})().catch((e) => { console.error(`benchmark: ${e.message}`); process.exit(1); });
