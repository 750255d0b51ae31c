'use strict';
// Turns a Pulumi YAML template (what infra/ prints) into the harness's stack notation, as a preview would see it:
// every resource to be created has unknown outputs, so `${name.prop}` is {"$ref": name} (unknown, with a property
// dependency on that resource), a string interpolating resources is {"$unknown": [names]}, and fn::toJSON is the JSON
// text when it holds no resource output, else {"$unknown": [names]}. `${pulumi.project}` and `${pulumi.stack}` are
// known. `${root["key"]}` whose root is not a resource reads the stack's config (infra/ writes tag values that way so
// Pulumi keeps their secret flag): a preview knows it, the harness has no config, so it becomes the marked text
// `<config root["key"]>`. Options (dependsOn, version) are not properties and are dropped.
const yaml = require('js-yaml');

const REF = /\$\{([^}.[]+)(?:[.[][^}]*)?\}/g;
const CONFIG_REF = /^\$\{([^}.[]+)\["((?:\\"|[^"])*)"\]\}$/;

function fromTemplate(text, stack) {
  const template = yaml.load(text);
  const project = template.name;
  const names = new Set(Object.keys(template.resources || {}));
  const convert = (value, where) => {
    if (Array.isArray(value)) return value.map((v) => convert(v, where));
    if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === 'fn::toJSON') {
        const inner = convert(value['fn::toJSON'], where);
        const refs = collect(inner);
        return refs.length ? { $unknown: refs } : JSON.stringify(plain(inner));
      }
      if (keys.some((k) => k.startsWith('fn::'))) throw new Error(`${where}: ${keys.join(', ')} is not supported by the harness`);
      return Object.fromEntries(keys.map((k) => [k, convert(value[k], `${where}.${k}`)]));
    }
    if (typeof value !== 'string') return value;
    const text = value.replaceAll('${pulumi.project}', project).replaceAll('${pulumi.stack}', stack);
    const config = text.match(CONFIG_REF);
    if (config && !names.has(config[1])) return `<config ${config[1]}["${config[2]}"]>`;
    const refs = [...text.matchAll(REF)].map((m) => m[1]);
    for (const r of refs) if (!names.has(r)) throw new Error(`${where}: \${${r}...} names no resource of the template`);
    if (refs.length === 0) return text;
    const exact = text.match(/^\$\{([^}.[]+)(?:\.[^}]*)?\}$/);
    return exact ? { $ref: exact[1] } : { $unknown: [...new Set(refs)] };
  };
  const resources = Object.entries(template.resources || {}).map(([name, r]) => ({
    type: r.type,
    name,
    inputs: convert(r.properties || {}, name),
  }));
  return { project, stack, resources };
}

function collect(value, into = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => collect(v, into));
  else if (value && typeof value === 'object') {
    if ('$ref' in value) into.add(value.$ref);
    else if ('$unknown' in value) value.$unknown.forEach((r) => into.add(r));
    else Object.values(value).forEach((v) => collect(v, into));
  }
  return [...into];
}

function plain(value) { return value; }

module.exports = { fromTemplate };
