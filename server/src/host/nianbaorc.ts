// `.nianbaorc.json`, the one loader for every front end: found upward from a
// file, JSON only (never executed, so the editor is safe in untrusted
// workspaces), validated with ajv against schemas/nianbaorc.schema.json;
// template files it names are JSON validated against
// schemas/template.schema.json.
//
// `readConfigFile` never throws: it keeps the valid fields and lists each
// problem with the JSON pointer it is at, which the editor shows as
// diagnostics on the file (lsp/). `loadConfigFile` and `configFor` are the
// CLI's strict view: any problem stops the run with every reason given; their
// results are cached for the run (the editor re-reads a file when it changes).
import { Ajv, type ErrorObject } from 'ajv';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import schema from '../../../schemas/nianbaorc.schema.json' with { type: 'json' };
import type { BlankCellPolicy } from '../engine/parse/blanks.ts';
import { templateProblems } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import type { SeveritySetting } from '../engine/types.ts';
import type { ChecksConfig } from './checks.ts';
import type { RollupEntry } from './rollup-config.ts';

export const CONFIG_NAME = '.nianbaorc.json';

export interface Config {
  template?: string;
  rules?: Record<string, SeveritySetting>;
  templates?: string[];
  files?: string[];
  maxFileSize?: number;
  /** Directories: also check published forms (PDF, Word, web page, text), as `--published`. */
  published?: boolean;
  /** How blank cells are read (engine/parse/blanks.ts). */
  blankCells?: BlankCellPolicy;
  /** A baseline file, relative to the config file: the editor hides the findings it accepted (docs/baseline.md). */
  baseline?: string;
  /** Thresholds and lists of the checks that judge with one (host/checks.ts). */
  checks?: ChecksConfig;
  /** Which reports make up which (host/rollup-config.ts). */
  rollup?: RollupEntry[];
}

export interface ConfigProblem {
  /** JSON pointer (RFC 6901) of the value at fault: '' for the whole file, `/templates/0` for a template file it names. */
  pointer: string;
  /** `path: what is wrong`, in English as ajv and JSON.parse say it. */
  message: string;
}

export interface ConfigFile {
  path: string;
  /** The valid fields only. */
  config: Config;
  /** The templates of `templates`, those that loaded. */
  templates: Template[];
  problems: ConfigProblem[];
}

export interface LoadedConfig {
  path?: string;
  config: Config;
  templates: Template[];
}

export class ConfigError extends Error {}

/** What the loader reads files through: the disk for the CLI, the server's Workspace (host/workspace.ts) in the editor. */
export interface ConfigFiles {
  stat(path: string): { isFile: boolean } | undefined;
  readFile(path: string): Uint8Array;
}

const disk: ConfigFiles = {
  stat(path) {
    try {
      return { isFile: statSync(path).isFile() };
    } catch {
      return undefined;
    }
  },
  readFile: (path) => readFileSync(path),
};

// Compiled on first use: most runs have no config file, and compiling costs ~70 ms of start-up.
let validator: ReturnType<Ajv['compile']> | undefined;
const cache = new Map<string, LoadedConfig>();

/** The nearest `.nianbaorc.json` in `fromDir` or a parent directory. */
export function findConfigPath(fromDir: string, files: ConfigFiles = disk): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const p = join(dir, CONFIG_NAME);
    if (files.stat(p)) return p;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function parseJson(path: string, files: ConfigFiles): unknown {
  return JSON.parse(Buffer.from(files.readFile(path)).toString('utf8').replace(/^\ufeff/, ''));
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Where an ajv error is, as the pointer of the value to drop: an unknown key
 * names itself; a bad rule severity is that rule only; anything else deeper
 * is its top-level field (a bad entry makes the whole `files` list suspect).
 */
function faultPointer(e: ErrorObject): string {
  const parts = e.instancePath.split('/').slice(1);
  if (e.keyword === 'additionalProperties' && parts.length === 0) return `/${String((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (parts[0] === 'rules' && parts.length >= 2) return `/rules/${parts[1]}`;
  return parts.length ? `/${parts[0]}` : '';
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Reads and validates one file; never throws. Invalid fields are left out of `config` and listed in `problems`. */
export function readConfigFile(path: string, files: ConfigFiles = disk): ConfigFile {
  const out: ConfigFile = { path, config: {}, templates: [], problems: [] };
  let value: unknown;
  try {
    value = parseJson(path, files);
  } catch (e) {
    out.problems.push({ pointer: '', message: `${path}: ${reason(e)}` });
    return out;
  }
  const validate = (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
  if (!validate(value)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const at = faultPointer(e);
      const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty: string }).additionalProperty)}"` : e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : '';
      const message = `${path}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
      if (seen.has(message)) continue;
      seen.add(message);
      out.problems.push({ pointer: at, message });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
    // Keep what is valid: a copy without the fields at fault (own keys only: `__proto__` in the file is data).
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(kept, k, { value: v, enumerable: true, writable: true, configurable: true });
    for (const { pointer } of out.problems) {
      const [top, rule] = pointer.split('/').slice(1).map(unescapePointer);
      if (top === undefined) continue;
      if (top === 'rules' && rule !== undefined && typeof kept.rules === 'object' && kept.rules !== null) {
        const rules: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(kept.rules)) if (k !== rule) Object.defineProperty(rules, k, { value: v, enumerable: true, writable: true, configurable: true });
        kept.rules = rules;
      } else delete kept[top];
    }
    value = kept;
  }
  out.config = value as Config;
  (out.config.templates ?? []).forEach((rel, i) => {
    try {
      out.templates.push(loadTemplateFile(resolve(dirname(path), rel), files));
    } catch (e) {
      out.problems.push({ pointer: `/templates/${i}`, message: reason(e) });
    }
  });
  return out;
}

/** A new run of the command line reads its config files afresh (runCli, when the tests run it in their process). */
export function forgetConfigFiles(): void {
  cache.clear();
  nearest.clear();
}

/** The CLI's view of a config file: every problem stops the run (ConfigError), cached for the run. */
export function loadConfigFile(path: string): LoadedConfig {
  const hit = cache.get(path);
  if (hit) return hit;
  const file = readConfigFile(path);
  if (file.problems.length) {
    // A file that does not parse or names a bad template says so; schema errors are joined after the path.
    const [first, ...rest] = file.problems.map((p) => p.message);
    throw new ConfigError([first, ...rest.map((m) => (m.startsWith(`${path}: `) ? m.slice(path.length + 2) : m))].join('; '));
  }
  const loaded = { path, config: file.config, templates: file.templates };
  cache.set(path, loaded);
  return loaded;
}

export function loadTemplateFile(path: string, files: ConfigFiles = disk): Template {
  let value: unknown;
  try {
    value = parseJson(path, files);
  } catch (e) {
    throw new ConfigError(`${path}: ${reason(e)}`);
  }
  const problems = templateProblems(value);
  if (problems.length) throw new ConfigError(`${path}: invalid template: ${problems.join('; ')}`);
  return value as Template;
}

// Directory → its nearest config file, for the run: the files of a folder share one lookup
// (the walk up stat'ed every parent for every file: a seventh of a cached re-run).
const nearest = new Map<string, string | undefined>();
/** No config file: one object, so what is derived from it per config (cache.ts's key) is derived once. */
const DEFAULTS: LoadedConfig = Object.freeze({ config: Object.freeze({}), templates: Object.freeze([]) as unknown as Template[] });

/** The configuration for a file: --config wins, else the nearest .nianbaorc.json, else defaults. */
export function configFor(file: string, explicit?: string): LoadedConfig {
  let path: string | undefined;
  if (explicit) path = resolve(explicit);
  else {
    const dir = dirname(resolve(file));
    if (nearest.has(dir)) path = nearest.get(dir);
    else nearest.set(dir, (path = findConfigPath(dir)));
  }
  return path ? loadConfigFile(path) : DEFAULTS;
}
