import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { setCoreErrorHandler } from '../../src/core/errors';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { findMention } from '../../src/core/python/mentions';

const PRELUDE = 'import torch.nn as nn\nimport keras\n';

/** The mention and the hover on the first `at` in `call` (after the usual imports). */
function at(call: string, token: string) {
  const src = `${PRELUDE}y = ${call}\n`;
  const offset = src.indexOf(token, PRELUDE.length) + 1;
  const analysis = analyzePython(src);
  return { mention: findMention(analysis, offset), hover: hoverAt(analysis, offset) };
}

test('a keyword named __proto__ is an argument like any other, not the prototype', () => {
  const { mention, hover } = at('nn.LeakyReLU(__proto__=[1])', 'LeakyReLU');
  assert.ok(mention);
  assert.ok(Object.hasOwn(mention.args.keywords, '__proto__'));
  assert.deepEqual(mention.args.keywords.__proto__, [1]);
  // torch.nn.LeakyReLU has no argument __proto__=: no hover rather than a wrong one.
  assert.equal(hover, undefined);
});

test('names of Object.prototype members index no table', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    for (const [call, token] of [
      ['nn.LeakyReLU(constructor=1)', 'LeakyReLU'],
      ['keras.layers.constructor(3, "relu")', 'relu'],
      ['keras.layers.toString(3, "relu")', 'relu'],
      ['keras.layers.Dense(3, activation="constructor")', 'constructor'],
      ['keras.layers.Dense(3, activation="__proto__")', '__proto__'],
      ['nn.hasOwnProperty(1)', 'hasOwnProperty'],
    ]) {
      assert.equal(at(call, token).hover, undefined, call);
    }
  } finally {
    setCoreErrorHandler(undefined);
  }
  assert.deepEqual(errors, []);
});
