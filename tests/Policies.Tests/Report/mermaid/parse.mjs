// Parses every ```mermaid block of the Markdown files given (or of stdin) with the real Mermaid library, under jsdom.
// Prints {"diagrams": N, "errors": ["block K: message", ...]} and exits 1 when a block does not parse.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
globalThis.HTMLElement = dom.window.HTMLElement;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const files = process.argv.slice(2);
const texts = files.length ? files.map((f) => readFileSync(f, 'utf8')) : [readFileSync(0, 'utf8')];
const blocks = texts.flatMap((t) => [...t.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]));
const errors = [];
for (const [i, block] of blocks.entries()) {
  try {
    await mermaid.parse(block, { suppressErrors: false });
  } catch (e) {
    errors.push(`block ${i + 1}: ${String(e?.message ?? e).split('\n').slice(0, 4).join(' ')}`);
  }
}
process.stdout.write(JSON.stringify({ diagrams: blocks.length, errors }) + '\n');
process.exit(errors.length ? 1 : 0);
