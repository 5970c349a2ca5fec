#!/usr/bin/env node
// One build script for every runtime: the extension host (Node and browser), the webview,
// its training worker, the plain-Node core, and the test and benchmark bundles.
// Usage: node scripts/build.mjs [--watch] [--dev] [--tests] [--bench] [--only=ext,web,webview,core]
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const dev = args.has('--dev') || watch;
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const common = {
  bundle: true,
  charset: 'utf8',
  logLevel: 'warning',
  sourcemap: dev ? 'linked' : false,
  target: 'es2022',
};

/** The worker is bundled first and handed to the webview bundle as a string module `trainWorker:source`. */
function workerSourcePlugin() {
  return {
    name: 'worker-source',
    setup(build) {
      build.onResolve({ filter: /^worker-source:/ }, (a) => ({
        path: join(root, a.path.slice('worker-source:'.length)),
        namespace: 'worker-source',
      }));
      build.onLoad({ filter: /.*/, namespace: 'worker-source' }, async (a) => {
        const r = await esbuild.build({
          ...common,
          entryPoints: [a.path],
          format: 'iife',
          platform: 'browser',
          minify: !dev,
          sourcemap: false,
          write: false,
        });
        return {
          contents: r.outputFiles[0].text,
          loader: 'text',
          watchFiles: Object.keys(r.metafile?.inputs ?? {}),
        };
      });
    },
  };
}

/**
 * Writes `dist/webview.preload.json`: the chunks `webview.js` imports statically (transitively),
 * which the host lists as `modulepreload` links so they load in parallel with the entry.
 */
function preloadManifestPlugin() {
  return {
    name: 'preload-manifest',
    setup(build) {
      build.onEnd((result) => {
        const outputs = result.metafile?.outputs;
        if (!outputs) return;
        const seen = new Set();
        const visit = (file) => {
          for (const imp of outputs[file]?.imports ?? []) {
            if (imp.kind !== 'import-statement' || imp.external || seen.has(imp.path)) continue;
            seen.add(imp.path);
            visit(imp.path);
          }
        };
        visit('dist/webview.js');
        const chunks = [...seen].map((f) => f.replace(/^dist\//, ''));
        writeFileSync('dist/webview.preload.json', JSON.stringify(chunks) + '\n');
      });
    },
  };
}

const configs = {
  ext: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    minify: !dev,
    metafile: true,
    define: { EXTENSION_HOST_KIND: '"node"' },
  },
  web: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    minify: !dev,
    define: { 'process.env.NODE_ENV': '"production"', EXTENSION_HOST_KIND: '"web worker"' },
  },
  webview: {
    ...common,
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: !dev,
    metafile: true,
    loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
    assetNames: 'assets/[name]-[hash]',
    plugins: [workerSourcePlugin(), preloadManifestPlugin()],
  },
  core: {
    ...common,
    entryPoints: ['src/core/coreApi.ts'],
    outfile: 'dist/core.js',
    platform: 'node',
    format: 'cjs',
    minify: false,
  },
};

/** Bundles every `*.test.ts` / `*.bench.ts` of a folder for plain Node, leaving node_modules external. */
function folderConfig(dir, suffix, outdir) {
  if (!existsSync(dir)) return undefined;
  const entryPoints = readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
  if (entryPoints.length === 0) return undefined;
  return {
    ...common,
    entryPoints,
    outdir,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    external: ['vscode'],
  };
}

const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = Object.entries(configs).filter(([k]) => !only || only.includes(k));
if (args.has('--tests')) {
  // A test whose source was deleted must not keep running from a stale bundle.
  rmSync('out/test', { recursive: true, force: true });
  for (const tier of ['unit', 'webview', 'e2e']) {
    const c = folderConfig(`test/${tier}`, '.test.ts', `out/test/${tier}`);
    if (c) wanted.push([`test-${tier}`, c]);
  }
}
if (args.has('--desktop-tests')) {
  wanted.push([
    'test-desktop',
    { ...folderConfig('test/desktop', '.ts', 'out/test/desktop'), sourcemap: false },
  ]);
}
if (args.has('--bench')) {
  const c = folderConfig('bench', '.bench.ts', 'out/bench');
  if (c) wanted.push(['bench', c]);
}

if (!watch && (!only || only.includes('webview'))) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const started = Date.now();
if (watch) {
  for (const [name, c] of wanted) {
    const ctx = await esbuild.context(c);
    await ctx.watch();
    console.log(`watching ${name}`);
  }
} else {
  const results = await Promise.all(
    wanted.map(async ([name, c]) => {
      try {
        return [name, await esbuild.build(c)];
      } catch (e) {
        console.error(`build ${name} failed`);
        throw e;
      }
    }),
  );
  // Keep the metafiles: the benchmark reads them to size the webview's initial (static) import graph.
  mkdirSync('out/meta', { recursive: true });
  for (const [name, r] of results) {
    if (r.metafile) writeFileSync(`out/meta/${name}.json`, JSON.stringify(r.metafile));
  }
  const sizes = results
    .filter(([, r]) => r.metafile)
    .flatMap(([, r]) => Object.entries(r.metafile.outputs))
    .filter(([f]) => f.endsWith('.js'))
    .map(([f, o]) => `${basename(f)} ${(o.bytes / 1024).toFixed(1)} KB`);
  console.log(
    `built ${wanted.map(([n]) => n).join(', ')} in ${Date.now() - started} ms${sizes.length ? ` (${sizes.join(', ')})` : ''}`,
  );
}
