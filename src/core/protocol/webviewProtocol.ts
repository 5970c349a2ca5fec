/**
 * The message protocol between the extension host and the playground webview.
 * One union per direction, discriminated by `type` in `noun/verb` form. Every message that
 * crosses the boundary is validated at runtime with the schemas below; a malformed message is
 * dropped by the receiver (and logged), never thrown.
 */
import * as v from 'valibot';
import { EPOCH_LIMIT } from '../train/config';
import { replyEntries, RequestIdSchema } from './channel';
import { ExportedCodeSchema, ExportFrameworkSchema } from './exportCode';
import { check, type Checked } from './validate';
import { TABLE_LIMITS } from '../data/limits';

/** Largest payload a webview may ask the host to save (a PNG of a large chart is ~1–3 MB as base64). */
export const MAX_SAVE_BYTES = 16 * 1024 * 1024;
/** Largest message text (error reports, ids) accepted from the webview. */
const MAX_TEXT = 4096;
/** Longest file URI a data message may carry. */
export const MAX_URI = 4096;

const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));
const finite = v.pipe(v.number(), v.finite());
const ParamsSchema = v.pipe(
  v.record(text(64), finite),
  v.check((r) => Object.keys(r).length <= 16, 'too many parameters'),
);

/** One plotted activation: catalog id, its effective parameters and, optionally, which framework API it came from. */
const CurveSelectionSchema = v.object({
  id: text(64),
  params: ParamsSchema,
  api: v.optional(text(128)),
});

/**
 * The playground's tabs, in the order the tab bar shows them: the one list of tab ids (the page's
 * labels and panels are `Record<PlaygroundTab, …>` tables, so a new id fails to compile until
 * each exists).
 */
export const PLAYGROUND_TABS = ['graphs', 'vector', 'train'] as const;
export type PlaygroundTab = (typeof PLAYGROUND_TABS)[number];

/** Deepest network of the training lab's Gradient-flow view (hidden layers). */
export const GRADIENT_DEPTH = { min: 2, max: 30 } as const;

/** The Gradient-flow view preset: `depth` hidden layers, each applying activation `id`. */
const GradientPresetSchema = v.object({
  id: text(64),
  depth: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(GRADIENT_DEPTH.min),
    v.maxValue(GRADIENT_DEPTH.max),
  ),
});
export type GradientPreset = v.InferOutput<typeof GradientPresetSchema>;

/** What the host asks the playground to show (from a hover link or a command). */
const ShowRequestSchema = v.object({
  curves: v.pipe(v.array(CurveSelectionSchema), v.maxLength(12)),
  /** Which tab to open: the graphs, the vector activations or the training lab. */
  tab: v.optional(v.picklist(PLAYGROUND_TABS)),
  /** Start training immediately with the first curve's activation. */
  train: v.optional(v.boolean()),
  /** Open the training lab's Gradient-flow view with this network (with `tab: 'train'`). */
  gradient: v.optional(GradientPresetSchema),
});
export type ShowRequest = v.InferOutput<typeof ShowRequestSchema>;

// ---- webview → host ----

/** The page has started (from the snapshot embedded in its HTML) and listens for messages. */
const ReadySchema = v.object({ type: v.literal('webview/ready') });
/** The webview reports an error a person should not lose (it is written to the log channel). */
const ErrorReportSchema = v.object({ type: v.literal('log/error'), message: text() });
/**
 * When the first chart reached the screen (the page's first contentful paint): in ms after the
 * page started and, when the host said when its command ran (`openedAt`), after that moment.
 */
const FirstChartSchema = v.object({
  type: v.literal('timing/firstChart'),
  sincePageStartMs: v.pipe(finite, v.minValue(0)),
  sinceCommandMs: v.optional(v.pipe(finite, v.minValue(0))),
});
/** File formats the page can save: a chart as PNG (base64) or SVG (text), points as CSV. */
const SAVE_FORMATS = ['png', 'svg', 'csv'] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];

/** Save a chart (PNG as base64, SVG text) or sampled points (CSV text) through the host's save dialog. */
export const SaveFileSchema = v.object({
  type: v.literal('file/save'),
  requestId: RequestIdSchema,
  format: v.picklist(SAVE_FORMATS),
  /** A plain file name: no path separators, no leading dot, no `..`. */
  suggestedName: v.pipe(text(128), v.regex(/^(?!\.)(?!.*\.\.)[\w.\- ]+$/)),
  /** Base64 for PNG, plain text for SVG and CSV. */
  data: text(MAX_SAVE_BYTES),
});
/** Insert an implementation of an activation at the cursor of the last active editor. */
const InsertSnippetSchema = v.object({ type: v.literal('snippet/insert'), id: text(64) });

/**
 * Open an exported network (the person pressed "Export as code" on the page) in a new untitled
 * Python editor; the host answers with `export/opened`.
 */
const ExportOpenSchema = v.object({
  type: v.literal('export/open'),
  requestId: RequestIdSchema,
  framework: ExportFrameworkSchema,
  code: ExportedCodeSchema,
});
/**
 * The reply to the host's `export/request`: `ok` with the code of the network the page shows, or
 * `error` with why there is none (nothing trained yet), in the page's language, in `detail`.
 */
const ExportReplySchema = v.object({
  type: v.literal('export/reply'),
  ...replyEntries,
  code: v.optional(ExportedCodeSchema),
});
export type ExportReply = v.InferOutput<typeof ExportReplySchema>;
/** A file's URI as the host gave it to the page (`vscode.Uri.toString()`). */
const uriText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URI));

/** Ask the host for a data file: an open dialog (csv, tsv, txt) whose choice comes back as `data/loaded`. */
const DataOpenSchema = v.object({ type: v.literal('data/open') });
/**
 * Read again a data file the host sent before (the page was reloaded and restores its data
 * choice): answered by `data/loaded` or `data/failed`. The host reads only files it was asked to
 * load by the person (the command, the dialog) in this workspace.
 */
const DataReloadSchema = v.object({ type: v.literal('data/reload'), uri: uriText });

const WebviewToHostSchema = v.variant('type', [
  ReadySchema,
  ErrorReportSchema,
  FirstChartSchema,
  SaveFileSchema,
  InsertSnippetSchema,
  ExportOpenSchema,
  ExportReplySchema,
  DataOpenSchema,
  DataReloadSchema,
]);
export type WebviewToHost = v.InferOutput<typeof WebviewToHostSchema>;

// ---- host → webview ----

/** The user's playground settings (`activationLab.playground.*`). */
const SettingsSchema = v.object({
  reducedMotion: v.boolean(),
  maxTrainingEpochs: v.pipe(v.number(), v.integer()),
});
export type PlaygroundSettings = v.InferOutput<typeof SettingsSchema>;

/**
 * The snapshot the page starts from. The host embeds it in the page's HTML (a JSON data block),
 * so the first chart needs no round trip to the host.
 */
const PageInitSchema = v.object({
  /** Fresh per rendered HTML: a reload of the same HTML (the panel was hidden) shows `show` once only. */
  id: text(64),
  /** `en` or `ja`. */
  locale: v.picklist(['en', 'ja']),
  /** Localised strings for the webview, keyed by their English text (the l10n bundle). */
  strings: v.record(v.string(), v.string()),
  /** What to show first; absent means the webview restores its own saved state or a default. */
  show: v.optional(ShowRequestSchema),
  settings: SettingsSchema,
  /** When the host's command opened the panel (epoch ms, the host's clock); absent on a restore. */
  openedAt: v.optional(finite),
});
export type PageInit = v.InferOutput<typeof PageInitSchema>;

/** The settings changed (or differ from the ones embedded in the page). */
const SettingsChangedSchema = v.object({
  type: v.literal('settings/changed'),
  settings: SettingsSchema,
});
/** Show these activations (sent when the panel is already open). */
const ShowSchema = v.object({ type: v.literal('playground/show'), show: ShowRequestSchema });
/** The reply to a `file/save` request: `detail` is the saved path, or why it failed. */
const SaveResultSchema = v.object({ type: v.literal('file/saved'), ...replyEntries });
export type SaveResult = v.InferOutput<typeof SaveResultSchema>;

/**
 * The command "Export Trained Network as Code…": send the code of the network the page shows (the
 * Train view's, the run picked in the race results, the gradient view's) for `framework`. The page
 * answers with one `export/reply`.
 */
const ExportRequestSchema = v.object({
  type: v.literal('export/request'),
  requestId: RequestIdSchema,
  framework: ExportFrameworkSchema,
});
/** The reply to `export/open`: `detail` says why the code could not be opened. */
const ExportOpenedSchema = v.object({ type: v.literal('export/opened'), ...replyEntries });
export type ExportOpened = v.InferOutput<typeof ExportOpenedSchema>;
/** A data file the person chose, read by the host: its text goes to the page's parser as data. */
const DataLoadedSchema = v.object({
  type: v.literal('data/loaded'),
  uri: uriText,
  /** The file's base name, for display. */
  name: text(256),
  /** The decoded text (UTF-8), at most `TABLE_LIMITS.maxChars` characters. */
  text: v.pipe(v.string(), v.maxLength(TABLE_LIMITS.maxChars)),
  /** The file's size in bytes. */
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(TABLE_LIMITS.maxBytes)),
  /** The answer to `data/reload` (a page restoring its choice), not a file chosen just now. */
  restore: v.optional(v.boolean()),
});
/** Why a data file could not be read. */
const DATA_FAILURES = ['missing', 'tooLarge', 'notText', 'unreadable'] as const;
/** A data file could not be read (a reload of a file that is gone, one over 10 MB, …); the page keeps its data. */
const DataFailedSchema = v.object({
  type: v.literal('data/failed'),
  uri: uriText,
  name: text(256),
  reason: v.picklist(DATA_FAILURES),
  /** The size in bytes (`tooLarge`) or the file system's message (`unreadable`). */
  detail: v.optional(text(1000)),
  /** The answer to `data/reload`. */
  restore: v.optional(v.boolean()),
});
export type DataLoaded = v.InferOutput<typeof DataLoadedSchema>;
export type DataFailed = v.InferOutput<typeof DataFailedSchema>;

const HostToWebviewSchema = v.variant('type', [
  SettingsChangedSchema,
  ShowSchema,
  SaveResultSchema,
  ExportRequestSchema,
  ExportOpenedSchema,
  DataLoadedSchema,
  DataFailedSchema,
]);
export type HostToWebview = v.InferOutput<typeof HostToWebviewSchema>;

/** Validates a message received from the webview. */
export function parseWebviewMessage(raw: unknown): Checked<WebviewToHost> {
  return check(WebviewToHostSchema, raw);
}

/** Validates a message received from the host. */
export function parseHostMessage(raw: unknown): Checked<HostToWebview> {
  return check(HostToWebviewSchema, raw);
}

/** Validates the page's embedded start-up snapshot. */
export function parsePageInit(raw: unknown): Checked<PageInit> {
  return check(PageInitSchema, raw);
}

/** What a page starts from when its snapshot says nothing usable: English, default settings. */
const FALLBACK_INIT: PageInit = {
  id: '',
  locale: 'en',
  strings: {},
  settings: { reducedMotion: false, maxTrainingEpochs: EPOCH_LIMIT.default },
};

/**
 * Reads the start-up snapshot field by field, so a bad field costs only itself: each field of
 * `PageInitSchema` (and of its `settings`, and each entry of `strings`) that fails its check is
 * replaced by its `FALLBACK_INIT` value (or left out, when optional) and named in `rejected`.
 */
export function readPageInit(raw: unknown): { init: PageInit; rejected: string[] } {
  const whole = parsePageInit(raw);
  if (whole.ok) return { init: whole.message, rejected: [] };
  const o: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
  const rejected: string[] = [];
  const field = <T>(name: string, schema: v.GenericSchema<unknown, T>, x: unknown, def: T): T => {
    const r = check(schema, x);
    if (r.ok) return r.message;
    rejected.push(`${name}: ${r.reason}`);
    return def;
  };
  const e = PageInitSchema.entries;
  const f = FALLBACK_INIT;
  const s = (typeof o.settings === 'object' && o.settings !== null ? o.settings : {}) as Record<
    string,
    unknown
  >;
  const strings: Record<string, string> = {};
  if (typeof o.strings === 'object' && o.strings !== null && !Array.isArray(o.strings)) {
    for (const [k, val] of Object.entries(o.strings)) if (typeof val === 'string') strings[k] = val;
  } else rejected.push('strings: expected an object');
  const init: PageInit = {
    id: field('id', e.id, o.id, f.id),
    locale: field('locale', e.locale, o.locale, f.locale),
    strings,
    settings: {
      reducedMotion: field(
        'settings.reducedMotion',
        SettingsSchema.entries.reducedMotion,
        s.reducedMotion,
        f.settings.reducedMotion,
      ),
      maxTrainingEpochs: field(
        'settings.maxTrainingEpochs',
        SettingsSchema.entries.maxTrainingEpochs,
        s.maxTrainingEpochs,
        f.settings.maxTrainingEpochs,
      ),
    },
  };
  const show = field('show', e.show, o.show, undefined);
  if (show) init.show = show;
  const openedAt = field('openedAt', e.openedAt, o.openedAt, undefined);
  if (openedAt !== undefined) init.openedAt = openedAt;
  if (!rejected.length) rejected.push(whole.reason);
  return { init, rejected };
}

/** Validates a show request (e.g. the argument of a command link from a hover). */
export function parseShowRequest(raw: unknown): Checked<ShowRequest> {
  return check(ShowRequestSchema, raw);
}
