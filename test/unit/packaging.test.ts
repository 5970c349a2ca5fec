// What a person sees of the package before running it (issue 15.13 and 15.17): the README that
// the Extensions view shows, and `npm ci` on Node 20 without engine or install-script warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The `!pattern` lines of .vscodeignore (which ignores `**` first) as regular expressions. */
function shippedPatterns(): RegExp[] {
  return read('.vscodeignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => {
      const glob = l.slice(1).replace(/^\//, '');
      const body = glob
        .split(/(\*\*\/?|\*)/)
        .map((part) =>
          part.startsWith('**')
            ? '.*'
            : part === '*'
              ? '[^/]*'
              : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      return new RegExp(`^${body}$`);
    });
}

test('README: every image is a relative file that exists and ships in the package', () => {
  const readme = read('README.md');
  const images = [
    ...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g),
    ...readme.matchAll(/<img[^>]+src="([^"]+)"/g),
  ].map((m) => m[1]);
  assert.ok(images.length > 0, 'the README shows the playground');
  const shipped = shippedPatterns();
  for (const src of images) {
    assert.doesNotMatch(src, /^[a-z]+:/i, `${src}: no address, the page must work offline`);
    const file = src.replace(/^\.\//, '');
    assert.ok(existsSync(join(root, file)), `${file} exists`);
    assert.ok(
      shipped.some((re) => re.test(file)),
      `${file} is in the package (.vscodeignore)`,
    );
  }
});

test('README: users first (what it does, settings, commands); contributor material after', () => {
  const readme = read('README.md');
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  const dev = headings.indexOf('Development');
  assert.ok(dev < 0 || dev === headings.length - 1, `Development is last: ${headings.join(' | ')}`);
  for (const h of ['Settings', 'Commands']) assert.ok(headings.includes(h), h);
  const users = readme.split(/^## Development$/m)[0];
  assert.doesNotMatch(users, /npm (ci|start|test|run)/, 'no build commands before Development');
});

/** Whether `version` (x.y.z) satisfies an npm `engines` range (comparators, ^, x-ranges, ||). */
function satisfies(version: string, range: string): boolean {
  const v = version.split('.').map(Number);
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const one = (c: string): boolean => {
    const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([\dx*]+)(?:\.([\dx*]+))?(?:\.([\dx*]+))?$/.exec(c);
    if (!m) throw new Error(`unread range part "${c}" in "${range}"`);
    const [, op = '', ...rest] = m;
    const parts = rest.filter((p) => p !== undefined && !/[x*]/.test(p)).map(Number);
    if (parts.length === 0) return true;
    const lo = [...parts, 0, 0].slice(0, 3);
    if (op === '>=') return cmp(v, lo) >= 0;
    if (op === '>') return cmp(v, lo) > 0;
    if (op === '<=') return cmp(v, lo) <= 0;
    if (op === '<') return cmp(v, lo) < 0;
    if (op === '^') return cmp(v, lo) >= 0 && v[0] === lo[0] && (lo[0] !== 0 || v[1] === lo[1]);
    if (op === '~') return cmp(v, lo) >= 0 && v[0] === lo[0] && v[1] === lo[1];
    // A partial version ("20", "6.x") matches every version it is a prefix of.
    return parts.every((p, i) => v[i] === p);
  };
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => c === '*' || one(c)),
  );
}

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}

test('the range reader agrees with npm on the forms package-lock.json uses', () => {
  assert.ok(satisfies('20.19.0', '^20.19.0 || ^22.13.0 || >=24'));
  assert.ok(!satisfies('20.18.0', '^20.19.0 || ^22.13.0 || >=24'));
  assert.ok(!satisfies('20.19.0', '>=22.12.0'), 'commander@15 needs Node 22.12');
  assert.ok(satisfies('20.19.0', '6.* || 8.* || >= 10.*'));
  assert.ok(satisfies('20.19.0', '>=16 || 14 >=14.17'));
  assert.ok(!satisfies('20.19.0', '>=0.6.11 <=0.7.0'));
  assert.ok(satisfies('20.19.0', '20 || >=22'));
});

test('npm ci on Node 20: every locked package accepts Node 20, every install script is declared', () => {
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockPackage> };
  const manifest = JSON.parse(read('package.json')) as { allowScripts?: Record<string, boolean> };
  const node = process.versions.node.startsWith('20.') ? process.versions.node : '20.19.0';
  const tooNew: string[] = [];
  const undeclared: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (!path) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const engines = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    if (engines && !satisfies(node, engines)) tooNew.push(`${name}@${pkg.version} (${engines})`);
    if (pkg.hasInstallScript && !Object.hasOwn(manifest.allowScripts ?? {}, name))
      undeclared.push(`${name}@${pkg.version}`);
  }
  assert.deepEqual(tooNew, [], `packages that need a newer Node than ${node}`);
  assert.deepEqual(undeclared, [], 'install scripts not named in package.json allowScripts');
});
