#!/usr/bin/env node
// Benchmark of the published analyzer, measured from the engine's side with @pulumi/pulumi's generated gRPC client:
//  1. start-up: process spawn to the port line on stdout (what the Pulumi CLI waits for), median of N starts;
//  2. AnalyzeStack for 1,000 and 10,000 resources (copies of the interop fixture's broken preview stack, each copy
//     its own VPC) on one running process: the first call (the 1,000 one is cold, as the engine's single call per
//     process is), then the median of 5 more calls.
// usage: node benchmarks/analyzer.js [starts]   (starts >= 5, default 11)
'use strict';
const path = require('path');
const fs = require('fs');
const root = path.resolve(__dirname, '..');
const engine = require(path.join(root, 'tests/Analyzer.Tests/interop/engine.js'));

const exe = path.join(root, 'artifacts/policy-pack/pulumi-analyzer-policy-fargate-network');
const stack = JSON.parse(fs.readFileSync(path.join(root, 'tests/Analyzer.Tests/interop/private-endpoints.json'), 'utf8'));
const starts = Number(process.argv[2] || 11);
if (!(starts >= 5)) { console.error('starts must be at least 5'); process.exit(2); }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function stop(child) {
  return new Promise((resolve) => { child.on('exit', resolve); child.kill('SIGINT'); });
}

function resources(m, count) {
  const base = engine.previewResources(stack, ['ecr-api']);
  const list = [];
  for (let copy = 0; list.length < count; copy++) {
    for (const r of base) {
      if (list.length === count) break;
      const rename = (u) => `${u}-${copy}`;
      const ar = new m.pb.AnalyzerResource();
      ar.setType(r.type); ar.setName(`${r.name}-${copy}`); ar.setUrn(rename(r.urn));
      ar.setProperties(m.structPb.Struct.fromJavaScript(r.outputs));
      ar.setDependenciesList(r.dependencies.map(rename));
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new m.pb.AnalyzerPropertyDependencies();
        pd.setUrnsList(urns.map(rename));
        ar.getPropertydependenciesMap().set(key, pd);
      }
      list.push(ar);
    }
  }
  return list;
}

(async () => {
  const m = engine.load();
  const startTimes = [];
  for (let i = 0; i < starts; i++) {
    const a = await engine.startAnalyzer(exe, 'executable', stack);
    startTimes.push(a.startMs);
    await stop(a.child);
  }
  console.log(`start-up to port line: median ${median(startTimes).toFixed(0)} ms, min ${Math.min(...startTimes).toFixed(0)} ms, max ${Math.max(...startTimes).toFixed(0)} ms (${starts} starts)`);

  const a = await engine.startAnalyzer(exe, 'executable', stack);
  const client = new m.services.AnalyzerClient(`127.0.0.1:${a.port}`, m.grpc.credentials.createInsecure(),
    { 'grpc.max_receive_message_length': 400 * 1024 * 1024, 'grpc.max_send_message_length': 400 * 1024 * 1024 });
  try {
    for (const count of [1000, 10000]) {
      const request = new m.pb.AnalyzeStackRequest();
      request.setResourcesList(resources(m, count));
      const bytes = request.serializeBinary().length;
      let diagnostics = 0;
      const times = [];
      let first = 0;
      for (let i = 0; i < 6; i++) {
        const t = process.hrtime.bigint();
        const response = await engine.call(client, 'analyzeStack', request);
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        diagnostics = response.getDiagnosticsList().length;
        if (i > 0) times.push(ms); else first = ms;
      }
      console.log(`AnalyzeStack ${count} resources (${(bytes / 1048576).toFixed(1)} MiB request, ${diagnostics} diagnostics): first call ${first.toFixed(0)} ms, then median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms (5 calls)`);
    }
  } finally {
    client.close();
    await stop(a.child);
  }
})().catch((e) => { console.error(`benchmark: ${e.message}`); process.exit(1); });
