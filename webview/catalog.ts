/**
 * The webview's one door to the catalog: every other webview file reads activations, presets and
 * samples through here, so the catalog's API is adapted in one place.
 */
import {
  aliasDefaults,
  defaultParams,
  getActivation,
  listActivations,
  validateParams,
} from '../src/core/catalog/catalog';
import { sampleCurve } from '../src/core/catalog/sample';
import { localize } from '../src/core/catalog/text';
import type {
  Activation,
  ApiAlias,
  ElementwiseActivation,
  Framework,
  LocalText,
  Params,
  VectorActivation,
} from '../src/core/catalog/types';
import { locale } from './i18n';

/** Buffers one curve is sampled into (reused between redraws). */
export interface SampleBuffers {
  f: Float64Array;
  df: Float64Array;
  d2f?: Float64Array;
}

/** A framework preset: "as `torch.nn.LeakyReLU()`" and the parameters it means. */
export interface Preset {
  /** Unique key of the preset (the qualified name, with the arguments it requires). */
  key: string;
  qualifiedName: string;
  /** How the call reads: `torch.nn.GELU(approximate='tanh')`, `activation="leaky_relu"`. */
  call: string;
  framework: Framework;
  params: Params;
}

export function elementwiseEntries(): ElementwiseActivation[] {
  return listActivations().filter((e): e is ElementwiseActivation => e.kind === 'elementwise');
}

export function vectorEntries(): VectorActivation[] {
  return listActivations().filter((e): e is VectorActivation => e.kind === 'vector');
}

export function entryOf(id: string): Activation | undefined {
  return getActivation(id);
}

/** The entry's parameters: `given` values where valid, the catalog's defaults elsewhere. */
export function paramsFor(id: string, given: Params = {}): Params {
  const out: Params = { ...defaultParams(id) };
  for (const k of Object.keys(out)) {
    const v = given[k];
    if (typeof v === 'number' && !Number.isNaN(v)) out[k] = v;
  }
  const checked = validateParams(id, out);
  return checked.ok ? checked.params : defaultParams(id);
}

/** Why these parameters are not allowed (in the page's language), or undefined when they are. */
export function paramProblem(id: string, params: Params): string | undefined {
  const v = validateParams(id, params);
  return v.ok ? undefined : local(v.message);
}

function callText(a: ApiAlias): string {
  if (a.form === 'string') return `activation="${a.qualifiedName.split('.').pop()}"`;
  const req = Object.entries(a.requires ?? {}).map(([k, v]) => `${k}=${v}`);
  return `${a.qualifiedName}(${req.join(', ')})`;
}

/** The framework presets of an entry with parameters, one per API (string forms last). */
export function presetsFor(id: string): Preset[] {
  const e = getActivation(id);
  if (!e || e.params.length === 0) return [];
  const seen = new Set<string>();
  const out: Preset[] = [];
  const ordered = [
    ...e.apis.filter((a) => a.form !== 'string'),
    ...e.apis.filter((a) => a.form === 'string'),
  ];
  for (const a of ordered) {
    const call = callText(a);
    const key = `${a.framework}:${call}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = aliasDefaults(id, a);
    if (!validateParams(id, params).ok) continue;
    out.push({ key, qualifiedName: a.qualifiedName, call, framework: a.framework, params });
  }
  return out;
}

/**
 * Samples f, f′ (and f″ if asked and the entry has one) of a catalog entry at n evenly spaced
 * points of [x0, x1]; invalid parameters give NaN (a gap) rather than stale samples.
 */
export function sampleEntry(
  id: string,
  params: Params,
  x0: number,
  x1: number,
  n: number,
  out: SampleBuffers,
): boolean {
  const r = sampleCurve(id, params, x0, x1, n, out);
  if (!r) {
    out.f.fill(NaN);
    out.df.fill(NaN);
    out.d2f?.fill(NaN);
    return false;
  }
  return true;
}

/** A catalog text in the page's language. */
export function local(text: LocalText | undefined): string {
  return text ? localize(text, locale()) : '';
}
