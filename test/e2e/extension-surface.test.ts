// The built extension's attack surface, read from what ships: manifests and bundles of both builds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const builds = () => {
  const { chromeDir, firefoxDir, bffPort, consolePort } = inject('e2e');
  return [
    { name: 'chrome-mv3', dir: chromeDir, bffPort, consolePort },
    { name: 'firefox-mv2', dir: firefoxDir, bffPort, consolePort },
  ];
};

const scripts = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? scripts(path) : name.endsWith('.js') ? [path] : [];
  });

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s build', (name) => {
  const build = () => builds().find((b) => b.name === name)!;
  const manifest = () => JSON.parse(readFileSync(join(build().dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('asks for the loopback host only (the configured console and BFF), never <all_urls>', () => {
    const m = manifest();
    const hosts = [...((m.host_permissions as string[]) ?? []), ...((m.permissions as string[]) ?? []).filter((p) => p.includes('://'))];
    expect(hosts).toEqual(['http://127.0.0.1/*']);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
    const contentMatches = (m.content_scripts as { matches: string[] }[]).flatMap((c) => c.matches);
    expect(contentMatches).toEqual(['http://127.0.0.1/*']);
  });

  it('lets no web page message it, and allows no eval in its pages', () => {
    const m = manifest();
    expect(m).not.toHaveProperty('externally_connectable');
    expect(JSON.stringify(m.content_security_policy ?? '')).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('ships no eval or new Function in any bundle', () => {
    const offenders = scripts(build().dir).filter((file) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('carries the URLs it was built for, and no other origin of ours', () => {
    const { dir, bffPort, consolePort } = build();
    const code = scripts(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).toContain(`http://127.0.0.1:${bffPort}`);
    expect(code).toContain(`http://127.0.0.1:${consolePort}`);
    expect(code).not.toContain('http://127.0.0.1:8787');
  });
});
