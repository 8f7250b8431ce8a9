/**
 * What the .vsix ships: the .vscodeignore allowlist must name every file the bundles load at run
 * time (the bundles, the libraries split out to dist/vendor, the compiled data), or the packaged
 * extension fails on first use while every test against the repository passes.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

/** The allowlist's patterns ("!path" lines) as regular expressions over paths relative to the root. */
function allowlist(): RegExp[] {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  return lines.filter((l) => l.startsWith('!')).map((l) => {
    const pattern = l.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
    return new RegExp(`^${pattern}$`);
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('packaging', () => {
  it('ships every bundle, vendor library and data file the built extension loads', { skip: !existsSync(join(dist, 'server.js')) && 'run the build first' }, () => {
    const allowed = allowlist();
    const runtime = filesUnder(dist).map((f) => relative(root, f).split('\\').join('/')).filter((f) => !f.endsWith('.map'));
    assert.ok(runtime.some((f) => f.startsWith('dist/vendor/')), 'the lazily loaded libraries are built');
    for (const file of runtime) assert.ok(allowed.some((p) => p.test(file)), `${file} is not in the .vscodeignore allowlist`);
  });

  it('every file a bundle requires by a relative path exists next to it', { skip: !existsSync(join(dist, 'server.js')) && 'run the build first' }, () => {
    for (const bundle of ['cli-main.js', 'server.js']) {
      const code = readFileSync(join(dist, bundle), 'utf8');
      const required = [...code.matchAll(/require\("(\.\/[^"]+)"\)/g)].map((m) => m[1]!);
      assert.ok(required.length > 0, `${bundle} requires its vendor libraries by relative path`);
      for (const path of required) assert.ok(existsSync(join(dist, path)), `${bundle} requires ${path}, which the build did not write`);
    }
  });
});
