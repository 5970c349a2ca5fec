/**
 * The playground's UI state: what is plotted, with which parameters, over which range, on which
 * tab. It is saved with `setState` (so it survives reloads and the panel serializer) and is checked
 * when it is read back, since an older version of the extension may have written it.
 */
import * as v from 'valibot';
import { PLAYGROUND_TABS } from '../src/core/protocol/webviewProtocol';
import { loadState, saveState } from './vscodeApi';

const finite = v.pipe(v.number(), v.finite());
/**
 * A parameter value: finite, or ±∞ (a Python `None` such as Keras `max_value=None`), which is
 * saved as the text `∞` because the saved state goes through JSON.
 */
const paramValue = v.union([
  finite,
  v.pipe(
    v.picklist(['∞', '-∞']),
    v.transform((x) => (x === '∞' ? Infinity : -Infinity)),
  ),
]);
const paramRecord = v.record(v.pipe(v.string(), v.maxLength(64)), paramValue);
const range = v.pipe(
  v.tuple([finite, finite]),
  v.check(([a, b]) => a < b && b - a >= MIN_SPAN && b - a <= MAX_SPAN, 'bad range'),
);

/** Smallest and largest width of an axis range the zoom allows. */
export const MIN_SPAN = 1e-3;
export const MAX_SPAN = 1e4;
/** Most curves the graph holds at once. */
export const MAX_CURVES = 8;
/** Id of the custom formula curve (not a catalog id). */
export const CUSTOM_ID = 'custom';

const CurveSchema = v.object({
  key: v.pipe(v.number(), v.integer(), v.minValue(0)),
  id: v.pipe(v.string(), v.maxLength(64)),
  params: paramRecord,
  api: v.optional(v.pipe(v.string(), v.maxLength(128))),
  color: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(63)),
  visible: v.boolean(),
  /** A custom curve's own formula (each custom curve keeps its formula; the box is for typing). */
  formula: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
export type CurveState = v.InferOutput<typeof CurveSchema>;

const StateSchema = v.object({
  version: v.literal(1),
  tab: v.picklist(PLAYGROUND_TABS),
  curves: v.pipe(v.array(CurveSchema), v.maxLength(MAX_CURVES)),
  active: v.number(),
  showDf: v.boolean(),
  showD2f: v.boolean(),
  x: range,
  /** `null` = fit the y axis to the curves. */
  y: v.nullable(range),
  shade: v.object({ on: v.boolean(), threshold: v.pipe(finite, v.minValue(0), v.maxValue(10)) }),
  diff: v.object({ on: v.boolean(), a: v.number(), b: v.number() }),
  custom: v.object({ text: v.pipe(v.string(), v.maxLength(500)) }),
  vector: v.object({
    id: v.pipe(v.string(), v.maxLength(64)),
    logits: v.pipe(v.array(finite), v.minLength(2), v.maxLength(8)),
    temperature: v.pipe(finite, v.minValue(0.01), v.maxValue(100)),
    params: paramRecord,
  }),
  /** Id of the rendered page whose embedded show request was applied (see main.ts). */
  shown: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** The training tab's UI slice (checked by webview/train/uiState.ts). */
  training: v.optional(v.unknown()),
});
export type UiState = v.InferOutput<typeof StateSchema>;

export const DEFAULT_X: [number, number] = [-5, 5];

export function defaultState(): UiState {
  return {
    version: 1,
    tab: 'graphs',
    curves: [],
    active: -1,
    showDf: true,
    showD2f: false,
    x: [...DEFAULT_X],
    y: null,
    shade: { on: true, threshold: 0.05 },
    diff: { on: false, a: -1, b: -1 },
    custom: { text: 'x * sigmoid(1.702 * x)' },
    vector: { id: 'softmax', logits: [2, 1, 0.1, -1], temperature: 1, params: {} },
  };
}

/** The saved state if it is valid, else `undefined`. */
export function restoreState(): UiState | undefined {
  const r = v.safeParse(StateSchema, loadState());
  return r.success ? r.output : undefined;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Saves the state soon (coalescing the bursts of a slider drag). */
export function persist(state: UiState): void {
  clearTimeout(timer);
  timer = setTimeout(() => saveState(encodeInfinity(state)), 150);
}

/** The state with ±∞ written as `∞` / `-∞`, so it survives JSON. */
function encodeInfinity<T>(state: T): T {
  return JSON.parse(
    JSON.stringify(state, (_k, x: unknown) => (x === Infinity ? '∞' : x === -Infinity ? '-∞' : x)),
  ) as T;
}
