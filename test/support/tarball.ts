// The npm package as users get it: `npm pack` of this repository (the dist/
// that `npm test` built; --ignore-scripts so prepack's production build does
// not rewrite dist/ under other tests), installed with `npm install -g
// --prefix` into an empty folder. Offline: the package has no dependencies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './engine.ts';

export const VERSION: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

function npm(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** Packs the repository into a new temporary folder; returns the tarball's path. */
export function packTarball(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pack-'));
  const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root));
  return join(dir, out[0].filename);
}

/** Installs a tarball globally into an empty prefix, offline, with a cache of its own; returns the prefix. */
export function installTarball(tarball: string): string {
  const prefix = mkdtempSync(join(tmpdir(), 'nianbao-prefix-'));
  npm(['install', '--global', '--prefix', prefix, '--offline', tarball], tmpdir(), { npm_config_cache: join(prefix, '.npm-cache') });
  return prefix;
}
