// Renders the first ```mermaid block of a Markdown file in headless Chromium with mermaid's browser bundle, and
// prints the rendered <svg>'s text labels as JSON: {"state": "rendered"|"failed"|..., "labels": [...], "error": ...}.
// Usage: node render.mjs REPORT.md [CHROMIUM]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const markdown = readFileSync(process.argv[2], 'utf8');
const chromium = process.argv[3] ?? 'chromium';
const block = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
if (!block) { console.error('render.mjs: no mermaid block'); process.exit(2); }
const bundle = resolve(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
const dir = mkdtempSync(join(tmpdir(), 'mermaid-render-'));
try {
  const html = readFileSync(join(here, 'render.html.template'), 'utf8')
    .replace('MERMAID_JS', pathToFileURL(bundle).href)
    .replace('DIAGRAM_JSON', JSON.stringify(block).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const page = join(dir, 'page.html');
  writeFileSync(page, html);
  const dom = execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', `--user-data-dir=${join(dir, 'profile')}`,
    '--virtual-time-budget=20000', '--dump-dom', pathToFileURL(page).href,
  ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] });
  const doc = new JSDOM(dom).window.document;
  const out = doc.getElementById('out');
  const svg = out?.querySelector('svg');
  // Each <text> element's words (Mermaid wraps long labels over several <tspan>s).
  const labels = svg ? [...svg.querySelectorAll('text, foreignObject')].map((n) => n.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean) : [];
  process.stdout.write(JSON.stringify({ state: out?.getAttribute('data-state') ?? 'missing', labels, error: svg ? null : out?.textContent ?? null }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
