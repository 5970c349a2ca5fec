#!/usr/bin/env node
// Writes examples/leaves.csv: 300 made-up leaves (length and width in cm, three species) from a
// seeded generator, plus two deliberately bad rows (a word and an empty cell) so that loading it
// shows the bad-rows report. Usage: node scripts/makeExampleCsv.mjs
import { writeFileSync } from 'node:fs';

let state = 20261205;
/** Park–Miller minimal standard generator, uniform on (0, 1). */
const uniform = () => (state = (state * 16807) % 2147483647) / 2147483647;
/** Standard normal by Box–Muller. */
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

const SPECIES = [
  ['oak', 9, 5.5],
  ['birch', 6, 4],
  ['willow', 11, 1.8],
];
const rows = ['leaf_length_cm,leaf_width_cm,species'];
for (let i = 0; i < 300; i++) {
  const [name, length, width] = SPECIES[i % 3];
  const l = (length + 1.3 * normal()).toFixed(2);
  const w = Math.max(0.5, width + 0.6 * normal()).toFixed(2);
  rows.push(`${l},${w},${name}`);
}
rows.splice(17, 0, 'abc,4.10,birch');
rows.splice(42, 0, '7.25,,oak');
const out = new URL('../examples/leaves.csv', import.meta.url);
writeFileSync(out, rows.join('\n') + '\n');
console.log(`wrote ${out.pathname} (${rows.length - 1} rows)`);
