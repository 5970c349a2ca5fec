/**
 * The pitfall diagnostics over the hand-labelled real-world corpus (test/fixtures/realworld):
 * no warning or error at all except the true positives listed below, each verified by reading
 * the code; hints and information are counted and printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseNotebook, diagnosePython } from '../../src/core/diagnostics/diagnose';
import type { PitfallDiagnostic } from '../../src/core/diagnostics/types';
import { setCoreErrorHandler } from '../../src/core/errors';

const DIR = join(__dirname, '../../../test/fixtures/realworld/files');

/** Verified true positives: "<file>:<code>:<1-based line>" (see the comment on each). */
const ALLOWED = new Set<string>([]);

function notebookCells(text: string): string[] {
  const nb = JSON.parse(text) as {
    cells?: Array<{ cell_type: string; source: string | string[] }>;
  };
  return (nb.cells ?? [])
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

test('the real-world corpus draws no warning or error except verified true positives', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  const loud: string[] = [];
  const quiet = new Map<string, number>();
  let files = 0;
  for (const name of readdirSync(DIR).sort()) {
    const text = readFileSync(join(DIR, name), 'utf8');
    const found: Array<[string, PitfallDiagnostic]> = [];
    if (name.endsWith('.py')) for (const d of diagnosePython(text)) found.push([text, d]);
    else if (name.endsWith('.ipynb')) {
      const cells = notebookCells(text);
      diagnoseNotebook(cells).forEach((ds, k) => ds.forEach((d) => found.push([cells[k], d])));
    } else continue;
    files++;
    for (const [t, d] of found) {
      const key = `${name}:${d.code}:${lineOf(t, d.start)}`;
      if (d.severity === 'error' || d.severity === 'warning') {
        if (!ALLOWED.has(key)) loud.push(`${key} ${t.slice(d.start, d.end)}`);
      } else {
        quiet.set(d.code, (quiet.get(d.code) ?? 0) + 1);
        console.log(`  ${d.severity}: ${key} ${JSON.stringify(t.slice(d.start, d.end))}`);
      }
    }
  }
  setCoreErrorHandler(undefined);
  console.log(
    `diagnostics over ${files} corpus files: hints/information by code`,
    Object.fromEntries(quiet),
  );
  assert.ok(files >= 10, `corpus files found: ${files}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(loud, [], 'unexpected warnings/errors in the corpus');
});
