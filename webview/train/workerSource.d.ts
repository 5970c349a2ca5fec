/** The training worker's bundled source, inlined as a string by `scripts/build.mjs` (`workerSourcePlugin`). */
declare module 'worker-source:*' {
  const source: string;
  export default source;
}
