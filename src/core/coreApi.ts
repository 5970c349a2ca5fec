/**
 * The public contract of the pure core, built to `dist/core.js` (CommonJS, plain Node) for tests,
 * benchmarks and other tools. One line per module.
 */
export {
  parseWebviewMessage,
  parseHostMessage,
  parseShowRequest,
} from './protocol/webviewProtocol';
