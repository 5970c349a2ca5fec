/**
 * The public contract of the pure core, built to `dist/core.js` (CommonJS, plain Node) for tests,
 * benchmarks and other tools. One line per module.
 */
export {
  parseWebviewMessage,
  parseHostMessage,
  parseShowRequest,
} from './protocol/webviewProtocol';
export { analyzePython, analyzeCells, PythonAnalysis, setDetectorErrorHandler, MAX_DOCUMENT_CHARS, WINDOW_MAX_CHARS, LONG_LINE_WINDOW_CHARS, HEADER_MAX_CHARS, IMPORTS_MAX_CHARS } from './python/parse';
export { findMention, type Mention } from './python/mentions';
export { completionContext, type CompletionContext, type KerasStringContext, type MemberContext } from './python/completionContext';
export { type PyValue, type CallArgs } from './python/literals';
