#!/usr/bin/env node
// Plays the Pulumi engine against the published analyzer with the official generated classes of @pulumi/pulumi
// (node_modules/@pulumi/pulumi/proto, 3.248.0). Starts the executable as the CLI does (executable mode: the engine
// address as the only argument, the project directory as working directory; or directory mode: `<address> .` in the
// pack directory with PULUMI_* variables), reads the port from the first stdout line, and runs the calls of a preview:
// Handshake, ConfigureStack, GetPluginInfo, GetAnalyzerInfo, Configure, per resource Remediate + Analyze,
// AnalyzeStack, Cancel, then SIGINT. Prints one JSON object on stdout.
//
// usage: node engine.js <analyzer-exe> <stack.json> [--without <name>]... [--mode executable|directory]
//                      [--config <policy-pack-config.json>] [--no-sigint] [--stack <name>]
// <stack.json> is the fixture notation (see private-endpoints.json) or a Pulumi YAML template (*.yaml, see template.js).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const readline = require('readline');

function load() {
  let grpc, pb, services, pluginPb, structPb, emptyPb;
  try {
    grpc = require('@grpc/grpc-js');
    pb = require('@pulumi/pulumi/proto/analyzer_pb');
    services = require('@pulumi/pulumi/proto/analyzer_grpc_pb');
    pluginPb = require('@pulumi/pulumi/proto/plugin_pb');
    // The same google-protobuf instance the generated files use (their serializers check instanceof).
    const from = path.dirname(require.resolve('@pulumi/pulumi/proto/analyzer_pb'));
    structPb = require(require.resolve('google-protobuf/google/protobuf/struct_pb', { paths: [from] }));
    emptyPb = require(require.resolve('google-protobuf/google/protobuf/empty_pb', { paths: [from] }));
  } catch (e) {
    throw new Error(`the npm packages @pulumi/pulumi@3.248.0 and @grpc/grpc-js are not installed: run \`npm ci --ignore-scripts\` in the repository root (${e.message})`);
  }
  return { grpc, pb, services, pluginPb, structPb, emptyPb };
}

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SIG = '4dabf18193072939515e22adb298388d';
const SECRET = '1b47061264138c4ac30d75fd1eb44270';

/** The stack fixture as preview messages: refs become unknowns plus propertyDependencies, secrets are wrapped. */
function previewResources(stack, without = []) {
  const urn = (r) => `urn:pulumi:${stack.stack}::${stack.project}::${r.type}::${r.name}`;
  const byName = new Map(stack.resources.map((r) => [r.name, r]));
  const resources = stack.resources.filter((r) => !without.includes(r.name));
  return resources.map((r) => {
    const deps = {};
    const encode = (v, key) => {
      if (Array.isArray(v)) return v.map((x) => encode(x, key));
      if (v && typeof v === 'object') {
        if ('$ref' in v) {
          const target = byName.get(v.$ref);
          if (!target) throw new Error(`${r.name}.${key}: $ref to unknown resource ${v.$ref}`);
          if (!without.includes(v.$ref)) (deps[key] ||= new Set()).add(urn(target));
          return UNKNOWN;
        }
        if ('$unknown' in v) {
          // Unknown, derived from several resources (an interpolation).
          for (const name of v.$unknown) {
            const target = byName.get(name);
            if (!target) throw new Error(`${r.name}.${key}: $unknown names unknown resource ${name}`);
            if (!without.includes(name)) (deps[key] ||= new Set()).add(urn(target));
          }
          return UNKNOWN;
        }
        if ('$secret' in v) return { [SIG]: SECRET, value: encode(v.$secret, key) };
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x, key)]));
      }
      return v;
    };
    const inputs = Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, encode(v, k)]));
    const outputs = { ...inputs, id: UNKNOWN, arn: UNKNOWN };
    const propertyDependencies = Object.fromEntries(Object.entries(deps).map(([k, s]) => [k, [...s]]));
    const dependencies = [...new Set(Object.values(propertyDependencies).flat())];
    return { type: r.type, name: r.name, urn: urn(r), inputs, outputs, propertyDependencies, dependencies };
  });
}

function call(client, method, request) {
  return new Promise((resolve, reject) =>
    client[method](request, (err, res) => (err ? reject(Object.assign(new Error(`${method}: ${err.details || err.message}`), { code: err.code })) : resolve(res))));
}

/** Starts the analyzer as the CLI does and resolves to { child, port, stderr }. */
function startAnalyzer(exe, mode, stack) {
  if (!fs.existsSync(exe)) {
    throw new Error(`analyzer executable ${exe} not found: run scripts/publish-policy-pack first`);
  }
  const engineAddress = '127.0.0.1:1'; // an engine the analyzer never needs to call
  const env = { ...process.env };
  let args;
  let cwd;
  if (mode === 'directory') {
    // Legacy directory form: `<address> .` in the pack directory, with the stack's PULUMI_* variables.
    args = [engineAddress, '.'];
    cwd = path.dirname(exe);
    Object.assign(env, { PULUMI_CONFIG: '{}', PULUMI_PROJECT: stack.project, PULUMI_STACK: stack.stack, PULUMI_ORGANIZATION: 'organization', PULUMI_DRY_RUN: 'true' });
  } else {
    args = [engineAddress];
    cwd = process.cwd(); // the Pulumi project directory
  }
  const started = process.hrtime.bigint();
  const child = spawn(exe, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    let first = true;
    const later = [];
    lines.on('line', (line) => {
      if (!first) { later.push(line); return; }
      first = false;
      const port = Number(line.trim());
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        child.kill('SIGKILL');
        reject(new Error(`the analyzer wrote an invalid port to stdout: ${JSON.stringify(line)}`));
        return;
      }
      resolve({ child, port, startMs: Number(process.hrtime.bigint() - started) / 1e6, stderr: () => stderr, stdoutAfterPort: later });
    });
    child.on('exit', (code) => { if (first) reject(new Error(`the analyzer exited (${code}) before printing a port; stderr: ${stderr}`)); });
    child.on('error', reject);
  });
}

function toStruct(m, obj) { return m.structPb.Struct.fromJavaScript(obj); }

function diagnostics(response) {
  return response.getDiagnosticsList().map((d) => ({
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    policyPackVersion: d.getPolicypackversion(),
    description: d.getDescription(),
    message: d.getMessage(),
    enforcementLevel: d.getEnforcementlevel(),
    urn: d.getUrn(),
  }));
}

/** Runs the call sequence of `pulumi preview --policy-pack` and returns what the engine saw. */
async function preview(exe, stack, { without = [], mode = 'executable', config = null, signal = true } = {}) {
  const m = load();
  const resources = previewResources(stack, without);
  const analyzer = await startAnalyzer(exe, mode, stack);
  const client = new m.services.AnalyzerClient(`127.0.0.1:${analyzer.port}`, m.grpc.credentials.createInsecure(),
    { 'grpc.max_receive_message_length': 400 * 1024 * 1024, 'grpc.max_send_message_length': 400 * 1024 * 1024 });
  const result = { port: analyzer.port, startMs: analyzer.startMs };
  try {
    const hs = new m.pb.AnalyzerHandshakeRequest();
    hs.setEngineAddress('127.0.0.1:1');
    hs.setRootDirectory(path.dirname(exe));
    hs.setProgramDirectory(path.dirname(exe));
    await call(client, 'handshake', hs);

    const cs = new m.pb.AnalyzerStackConfigureRequest();
    cs.setStack(stack.stack); cs.setProject(stack.project); cs.setOrganization('organization'); cs.setDryRun(true);
    cs.getConfigMap().set('aws:region', 'ap-northeast-1');
    cs.getConfigMap().set('fargate-network:dbPassword', 'plain-config-secret');
    cs.setConfigSecretKeysList(['fargate-network:dbPassword']);
    cs.getTagsMap().set('team', 'fargate-network');
    await call(client, 'configureStack', cs);

    result.pluginVersion = (await call(client, 'getPluginInfo', new m.emptyPb.Empty())).getVersion();
    const info = await call(client, 'getAnalyzerInfo', new m.emptyPb.Empty());
    result.info = {
      name: info.getName(), version: info.getVersion(), supportsConfig: info.getSupportsconfig(), description: info.getDescription(),
      policies: info.getPoliciesList().map((p) => ({
        name: p.getName(), displayName: p.getDisplayname(), description: p.getDescription(), enforcementLevel: p.getEnforcementlevel(),
        policyType: p.getPolicyType(), configSchema: p.getConfigschema() ? p.getConfigschema().getProperties().toJavaScript() : null,
      })),
    };

    // The engine reconciles the config with the policies and always sends every policy's level and properties.
    const given = config || {};
    const levels = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
    const req = new m.pb.ConfigureAnalyzerRequest();
    for (const p of info.getPoliciesList()) {
      const entry = given[p.getName()];
      const pc = new m.pb.PolicyConfig();
      let level = p.getEnforcementlevel();
      const all = typeof given.all === 'string' ? given.all : given.all && given.all.enforcementLevel;
      if (all) level = levels[all];
      // Layer 1 of the engine's reconciliation: the schema's default values.
      const schema = p.getConfigschema() ? p.getConfigschema().getProperties().toJavaScript() : {};
      let props = Object.fromEntries(Object.entries(schema).filter(([, v]) => v && 'default' in v).map(([k, v]) => [k, v.default]));
      if (typeof entry === 'string') level = levels[entry];
      else if (entry && typeof entry === 'object') {
        const { enforcementLevel, ...rest } = entry;
        if (enforcementLevel) level = levels[enforcementLevel];
        props = { ...props, ...rest };
      }
      pc.setEnforcementlevel(level);
      pc.setProperties(toStruct(m, props));
      req.getPolicyconfigMap().set(p.getName(), pc);
    }
    if (typeof given.all === 'string' || (given.all && given.all.enforcementLevel)) {
      // The engine passes the file's "all" entry through too.
      const pc = new m.pb.PolicyConfig();
      pc.setEnforcementlevel(levels[typeof given.all === 'string' ? given.all : given.all.enforcementLevel]);
      pc.setProperties(toStruct(m, {}));
      req.getPolicyconfigMap().set('all', pc);
    }
    await call(client, 'configure', req);

    result.analyze = [];
    result.remediations = 0;
    result.remediated = [];
    for (const r of resources) {
      const a = new m.pb.AnalyzeRequest();
      a.setType(r.type); a.setName(r.name); a.setUrn(r.urn); a.setProperties(toStruct(m, r.inputs));
      const options = new m.pb.AnalyzerResourceOptions();
      options.setCustomtimeouts(new m.pb.AnalyzerResourceOptions.CustomTimeouts());
      a.setOptions(options);
      // As the engine does: each remediation's properties replace the inputs before Analyze sees them.
      const remediated = (await call(client, 'remediate', a)).getRemediationsList();
      result.remediations += remediated.length;
      for (const rem of remediated) {
        const properties = rem.getProperties().toJavaScript();
        result.remediated.push({ urn: r.urn, policyName: rem.getPolicyname(), policyPackName: rem.getPolicypackname(), properties });
        a.setProperties(toStruct(m, properties));
      }
      result.analyze.push(...diagnostics(await call(client, 'analyze', a)));
    }

    const stackRequest = new m.pb.AnalyzeStackRequest();
    stackRequest.setResourcesList(resources.map((r) => {
      const ar = new m.pb.AnalyzerResource();
      ar.setType(r.type); ar.setName(r.name); ar.setUrn(r.urn); ar.setProperties(toStruct(m, r.outputs));
      ar.setDependenciesList(r.dependencies);
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new m.pb.AnalyzerPropertyDependencies();
        pd.setUrnsList(urns);
        ar.getPropertydependenciesMap().set(key, pd);
      }
      return ar;
    }));
    const t = process.hrtime.bigint();
    result.analyzeStack = diagnostics(await call(client, 'analyzeStack', stackRequest));
    result.analyzeStackMs = Number(process.hrtime.bigint() - t) / 1e6;

    await call(client, 'cancel', new m.emptyPb.Empty());
  } finally {
    client.close();
    // What the engine does after Cancel: SIGINT to the plugin, then 5 s, then kill.
    const exited = new Promise((resolve) => {
      if (analyzer.child.exitCode !== null || analyzer.child.signalCode !== null) resolve(analyzer.child.exitCode);
      else analyzer.child.on('exit', (code, signal) => resolve(code === null ? `signal ${signal}` : code));
    });
    // With signal false, the analyzer must stop on Cancel alone.
    if (signal) analyzer.child.kill('SIGINT');
    result.signalled = signal;
    const timer = setTimeout(() => analyzer.child.kill('SIGKILL'), 5000);
    result.exitCode = await exited;
    clearTimeout(timer);
    result.stderr = analyzer.stderr();
    result.stdoutAfterPort = analyzer.stdoutAfterPort;
  }
  return result;
}

module.exports = { preview, previewResources, startAnalyzer, load, call, diagnostics };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const [exe, stackFile] = argv;
  const without = [];
  let mode = 'executable';
  let config = null;
  let signal = true;
  let stackName = 'prod';
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--without') without.push(argv[++i]);
    else if (argv[i] === '--mode') mode = argv[++i];
    else if (argv[i] === '--no-sigint') signal = false;
    else if (argv[i] === '--stack') stackName = argv[++i];
    else if (argv[i] === '--config') config = JSON.parse(fs.readFileSync(argv[++i], 'utf8'));
    else { console.error(`engine.js: unknown argument ${argv[i]}`); process.exit(2); }
  }
  if (!exe || !stackFile) { console.error('usage: node engine.js <analyzer-exe> <stack.json> [--without name]... [--mode executable|directory] [--config file] [--no-sigint]'); process.exit(2); }
  // A .yaml file is a Pulumi YAML template (what infra/ prints), previewed as the stack named by --stack.
  const text = fs.readFileSync(stackFile, 'utf8');
  const stack = /\.ya?ml$/.test(stackFile) ? require('./template').fromTemplate(text, stackName) : JSON.parse(text);
  preview(path.resolve(exe), stack, { without, mode, config, signal })
    .then((r) => { process.stdout.write(JSON.stringify(r, null, 2) + '\n'); })
    .catch((e) => { console.error(`engine.js: ${e.message}`); process.exit(1); });
}
