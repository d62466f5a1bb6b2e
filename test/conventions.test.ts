// Conventions checked by a test, not by memory (see shared/STYLE.md in the steering repo).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(root, dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...files(relative(root, path), pattern));
    else if (pattern.test(name)) out.push(relative(root, path));
  }
  return out;
}
const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*(import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ line: m[0], source: m[2]! }));

describe('conventions', () => {
  it('shared/ imports nothing but zod and itself', () => {
    for (const file of files('shared', /\.ts$/).filter((f) => !f.endsWith('.test.ts'))) {
      for (const { source } of importsOf(file)) expect([file, source.startsWith('./') || source === 'zod' || source === 'zod/mini']).toEqual([file, true]);
    }
  });

  it('every route file has a test beside it', () => {
    const routes = files('bff/routes', /\.ts$/).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('dto.ts'));
    expect(routes.length).toBeGreaterThan(0);
    const tested = (f: string) => files('bff/routes', /\.test\.ts$/).includes(f.replace(/\.ts$/, '.test.ts'));
    expect(routes.filter((f) => !tested(f))).toEqual([]);
  });

  it('SQL lives in the data layer only: no other BFF file imports drizzle or the libSQL client', () => {
    const outside = files('bff', /\.ts$/).filter((f) => !f.startsWith('bff/db/') && !f.endsWith('.test.ts'));
    const offenders = outside.flatMap((f) => importsOf(f).filter((i) => /^(drizzle-orm|@libsql\/client)/.test(i.source)).map((i) => `${f}: ${i.source}`));
    expect(offenders).toEqual([]);
  });

  it('the domain layer does no I/O: it imports only shared/ and itself', () => {
    for (const file of files('bff/domain', /\.ts$/).filter((f) => !f.endsWith('.test.ts'))) {
      for (const { source } of importsOf(file)) {
        expect([file, source.startsWith('./') || source.startsWith('../../shared/') || source === 'ipaddr.js']).toEqual([file, true]);
      }
    }
  });

  it('only env.ts reads process.env', () => {
    const readers = files('bff', /\.ts$/).filter((f) => !f.endsWith('.test.ts') && /process\.env/.test(readFileSync(join(root, f), 'utf8')));
    expect(readers.sort()).toEqual(['bff/env.ts']);
  });

  it('the extension imports BFF code as types only', () => {
    const offenders = files('extension', /\.tsx?$/).flatMap((f) => importsOf(f).filter((i) => i.source.includes('/bff/') && !/^\s*import\s+type\b/.test(i.line)).map((i) => `${f}: ${i.line}`));
    expect(offenders).toEqual([]);
  });
});

describe('extension conventions', () => {
  const source = (f: string) => readFileSync(join(root, f), 'utf8');
  const code = (f: string) => source(f).replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const extensionFiles = files('extension', /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f) && !f.includes('/test-support/'));

  it('every page feature is registered, and the registry imports nothing else', () => {
    const features = files('extension/features', /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f) && !/(registry|page-feature)\.ts$/.test(f));
    expect(features.length).toBeGreaterThan(0);
    const registry = importsOf('extension/features/registry.ts').map((i) => i.source);
    const registered = registry.filter((s) => s !== './page-feature').map((s) => `extension/features/${s.slice(2)}`);
    expect(features.map((f) => f.replace(/\.tsx?$/, '')).sort()).toEqual(registered.sort());
  });

  it('state/ holds signals and pure logic: no DOM, no browser API, no network', () => {
    for (const file of files('extension/state', /\.ts$/).filter((f) => !f.endsWith('.test.ts'))) {
      expect([file, /\b(document|window|fetch|browser|chrome|localStorage)\b/.test(code(file))]).toEqual([file, false]);
    }
  });

  it('the BFF is reached only through the typed client: no other extension file calls fetch or writes a BFF path', () => {
    const offenders = extensionFiles.filter((f) => f !== 'extension/utils/bff-client.ts' && /\bfetch\s*\(|['"`]\/(v1|oauth)\//.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('runtime messages are received in utils/messaging.ts only, where they are parsed', () => {
    const listeners = extensionFiles.filter((f) => /onMessage\.addListener/.test(code(f)));
    expect(listeners).toEqual(['extension/utils/messaging.ts']);
  });

  it('entrypoints are thin: they wire modules up and hold no logic', () => {
    for (const file of files('extension/entrypoints', /\.tsx?$/)) {
      expect([file, code(file).split('\n').filter((l) => l.trim()).length <= 30]).toEqual([file, true]);
    }
  });

  it('stored items are defined once, in utils/storage.ts', () => {
    const definers = extensionFiles.filter((f) => /defineItem\s*[<(]/.test(code(f)));
    expect(definers).toEqual(['extension/utils/storage.ts']);
  });

  it('no source file passes about 250 lines', () => {
    const long = [...extensionFiles, ...files('console', /\.ts$/)].filter((f) => source(f).split('\n').length > 260);
    expect(long).toEqual([]);
  });
});
