/**
 * Facts stated twice because one side cannot import the other: the manifest's setting bounds
 * (package.json) against the core's tables, and the families every catalog entry uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listActivations } from '../../src/core/catalog/catalog';
import { FAMILY_ORDER } from '../../src/core/catalog/groups';
import { EPOCH_LIMIT, epochLimit } from '../../src/core/train/config';

const root = resolve(__dirname, '../../..');

test('the maxTrainingEpochs setting in package.json has the bounds and default of EPOCH_LIMIT', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Record<string, unknown>> }[] };
  };
  const setting = pkg.contributes.configuration
    .map((g) => g.properties['activationLab.playground.maxTrainingEpochs'])
    .find((s) => s !== undefined);
  assert.deepEqual(
    { min: setting?.minimum, max: setting?.maximum, default: setting?.default },
    { ...EPOCH_LIMIT },
  );
});

test('epochLimit rounds and caps a number and falls back to the default otherwise', () => {
  assert.equal(epochLimit(150), 150);
  assert.equal(epochLimit(150.4), 150);
  assert.equal(epochLimit(1e9), EPOCH_LIMIT.max);
  for (const bad of [0, -3, NaN, Infinity, '500', undefined])
    assert.equal(epochLimit(bad), EPOCH_LIMIT.default, String(bad));
});

test('every catalog entry is in a family the pickers list', () => {
  for (const e of listActivations()) assert.ok(FAMILY_ORDER.includes(e.family), e.id);
});
