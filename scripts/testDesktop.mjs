#!/usr/bin/env node
// Runs the extension-host suite (test/desktop) in desktop VS Code via @vscode/test-electron.
// It downloads VS Code on first use; where that is impossible it says so in one line.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--desktop-tests'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);
const { runTests } = await import('@vscode/test-electron');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve('out/test/desktop/index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  const msg = String(e?.message ?? e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(msg)) {
    console.error(
      'test:desktop could not download desktop VS Code (no access to update.code.visualstudio.com here); run `npm test` instead, which tests in code-server.',
    );
  } else {
    console.error(`test:desktop failed: ${msg}`);
  }
  process.exit(1);
}
