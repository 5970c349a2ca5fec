/**
 * The public contract of the pure core, built to `dist/core.js` (CommonJS, plain Node) for tests,
 * benchmarks and other tools. One line per module.
 */
export {
  parseWebviewMessage,
  parseHostMessage,
  parseShowRequest,
} from './protocol/webviewProtocol';
/** The core's one error hook: receives what its "never throws" functions caught. */
export { setCoreErrorHandler } from './errors';
export {
  analyzePython,
  PythonAnalysis,
  MAX_DOCUMENT_CHARS,
  WINDOW_MAX_CHARS,
  LONG_LINE_WINDOW_CHARS,
  HEADER_MAX_CHARS,
  IMPORTS_MAX_CHARS,
} from './python/parse';
export { analyzeCells, NotebookAnalyses } from './python/notebookCells';
export { findMention, type Mention } from './python/mentions';
export { resolveMention } from './python/resolveMention';
export {
  completionContext,
  type CompletionContext,
  type KerasStringContext,
  type MemberContext,
} from './python/completionContext';
export { type PyValue as MentionValue, type CallArgs as MentionArgs } from './python/literals';
export {
  createTrainer,
  tryCreateTrainer,
  validateTrainerConfig,
  catalogLookup,
} from './train/createTrainer';
export {
  createTrainerWith,
  tryCreateTrainerWith,
  TrainerConfigError,
  type Trainer,
  type StepResult,
  type CreateResult,
} from './train/trainer';
export {
  TRAIN_LIMITS,
  DEFAULT_TRAINER_CONFIG,
  DEFAULT_DATASET_OPTIONS,
  FEATURE_IDS,
  type TrainerConfig,
  type DatasetConfig,
  type DatasetOptions,
  type FeatureId,
  type ActivationChoice,
  type CustomActivation,
  type InitScheme,
  type OptimizerConfig,
  type RegularizationConfig,
} from './train/config';
export {
  generateDataset,
  DATASET_INFO,
  DATASET_IDS,
  type DatasetId,
  type DatasetInfo,
  type Dataset,
  type DataSplit,
  type Extent,
} from './train/datasets';
export { type ConfigIssue, type ConfigResult, type ResolvedTrainerConfig } from './train/validate';
export { createRng, type Rng } from './train/rng';
export {
  listActivations,
  getActivation,
  defaultParams,
  validateParams,
  disagreementsFor,
  type Validation,
} from './catalog/catalog';
export {
  resolveActivation,
  resolveActivationDetailed,
  resolveKerasString,
  kerasStringNames,
  type Resolution,
} from './catalog/resolve';
export { lookupDispatch, dispatchNames } from './catalog/dispatch/lookup';
export type { DispatchLibrary, DispatchResult, DispatchSource } from './catalog/dispatch/types';
export { evaluate, derivative, sampleCurve, type CurveBuffers } from './catalog/sample';
export { localize, type Lang } from './catalog/text';
export { erf, erfc, normCdf, normPdf, sigmoid, softplus, logSigmoid } from './math/special';
export type {
  Activation,
  ElementwiseActivation,
  VectorActivation,
  Params,
  ParamSpec,
  ApiAlias,
  ApiArg,
  Resolved,
  Disagreement,
  LocalText,
  Framework,
  Family,
  Properties,
  Origin,
} from './catalog/types';
export { hoverAt, type HoverAnswer } from './hover/hoverAt';
export {
  hoverMarkdown,
  DEFAULT_HOVER_OPTIONS,
  type HoverOptions,
  type HoverSubject,
} from './hover/hoverContent';
export {
  plotSvg,
  svgDataUri,
  type PlotSeries,
  type PlotOptions,
  type ThemeKind,
} from './hover/svgPlot';
export { largestGap, type Gap } from './hover/gap';
export {
  generateImplementation,
  implementationText,
  evaluateNeutral,
  pyParamName,
  IMPL_FRAMEWORKS,
  type Implementation,
  type ImplFramework,
} from './snippets/generate';
export { insertionEdits, missingImports, placeCode } from './snippets/insertion';
export { fitToImports, frameworksUsed } from './snippets/fileImports';
export {
  parseTable,
  detectDelimiter,
  looksLikeHeader,
  TABLE_LIMITS,
  type ParsedTable,
  type TableError,
} from './data/parseTable';
export {
  pickColumns,
  sampleIndices,
  type ColumnChoice,
  type TableData,
  type PickResult,
} from './data/tableColumns';
export { fitStandardizer, standardize, unstandardize, type Standardizer } from './data/standardize';
export { MIN_TABLE_ROWS, type TableDatasetConfig, type TableScale } from './train/tableDataset';
export {
  exportModel,
  ExportError,
  EXPORT_FRAMEWORKS,
  type ExportFramework,
} from './export/exportModel';
export { EXPORTABLE_FUNCTIONS } from './export/formulaPy';
export { diagnosePython, diagnoseCells, diagnoseNotebook, RULES } from './diagnostics/diagnose';
export {
  DIAGNOSTIC_CODES,
  DEFAULT_SEVERITY,
  type DiagnosticCode,
  type PitfallDiagnostic,
  type Severity,
  type Fix as DiagnosticFix,
  type TextEdit as DiagnosticEdit,
} from './diagnostics/types';
