// `npm start`: builds the extension (Chrome and Firefox), starts the BFF and the reference console
// side by side, and says which folder to load as an unpacked extension. Ctrl+C stops both.
// `npm start -- --scale`: the BFF runs on the scale dataset instead (bff/.data/scale.db, generated
// on first use, about a minute: 100,000 tenants, 1,000,000 grants), so the switcher can be tried
// with 10,000 customers as scale-analyst@contoso-msp.example.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SCALE_DB, freshScaleDataset } from '../test/bench/dataset';
import { SCALE_ANALYST } from '../test/helpers/scale-dataset';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);
const bffUrl = process.env.WXT_BFF_URL ?? 'http://127.0.0.1:8787';
const consoleUrl = process.env.WXT_CONSOLE_URL ?? 'http://127.0.0.1:8788';

const scale = process.argv.includes('--scale');
const scaleEnv: Record<string, string> = {};
if (scale) {
  if (!existsSync(DEFAULT_SCALE_DB)) {
    console.log(`generating the scale dataset in ${DEFAULT_SCALE_DB} (about a minute, once)`);
    const s = await freshScaleDataset(DEFAULT_SCALE_DB);
    console.log(`  ${s.tenants.toLocaleString('en')} tenants, ${s.grants.toLocaleString('en')} grants, ${(s.bytes / 1e6).toFixed(0)} MB in ${(s.ms / 1000).toFixed(1)} s`);
  }
  Object.assign(scaleEnv, { DATABASE_URL: `file:${DEFAULT_SCALE_DB}`, SEED_DEMO: 'false' });
}

for (const args of [['build'], ['build', '-b', 'firefox']]) {
  console.log(`building the extension: wxt ${args.join(' ')}`);
  const built = spawnSync(bin('wxt'), args, { cwd: root, encoding: 'utf8', env: { ...process.env, WXT_BFF_URL: bffUrl, WXT_CONSOLE_URL: consoleUrl } });
  if (built.status !== 0) {
    console.error(built.stdout, built.stderr); // the build's own warnings are shown only when it fails
    process.exit(built.status ?? 1);
  }
}

const children: ChildProcess[] = [
  spawn(bin('tsx'), ['bff/server.ts'], { cwd: root, stdio: 'inherit', env: { CONSOLE_URL: consoleUrl, ...process.env, ...scaleEnv } }),
  spawn(bin('tsx'), ['console/server.ts'], { cwd: root, stdio: 'inherit', env: { BFF_URL: bffUrl, ...process.env } }),
];

setTimeout(() => {
  console.log(
    [
      '',
      'MSP Switchboard is running.',
      `  console:   ${consoleUrl}/login   (the reference monitoring console)`,
      `  BFF:       ${bffUrl}`,
      `  Chrome:    chrome://extensions > Developer mode > Load unpacked > ${resolve(root, '.output', 'chrome-mv3')}`,
      `  Firefox:   about:debugging#/runtime/this-firefox > Load Temporary Add-on > ${resolve(root, '.output', 'firefox-mv2', 'manifest.json')}`,
      scale
        ? `  Then click the MSP Switchboard toolbar button, sign in as ${SCALE_ANALYST.email} / ${SCALE_ANALYST.password} (10,000 customers), and search.`
        : '  Then click the MSP Switchboard toolbar button, sign in as analyst@contoso-msp.example / switchboard-demo, and pick a customer.',
      '',
    ].join('\n'),
  );
}, 2500);

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
