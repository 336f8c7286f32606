// .nianbaorc.json: found upward from each checked file, JSON only (never
// executed), validated against schemas/nianbaorc.schema.json. Template files it
// names are JSON validated against schemas/template.schema.json.
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import schema from '../../../schemas/nianbaorc.schema.json' with { type: 'json' };
import { templateProblems } from '../engine/templates/builtin.ts';
import type { BlankCellPolicy } from '../engine/parse/blanks.ts';
import type { Template } from '../engine/templates/template.ts';
import type { SeveritySetting } from '../engine/types.ts';

export interface Config {
  template?: string;
  rules?: Record<string, SeveritySetting>;
  templates?: string[];
  files?: string[];
  maxFileSize?: number;
  /** How blank cells are read (engine/parse/blanks.ts). */
  blankCells?: BlankCellPolicy;
}

export interface LoadedConfig {
  path?: string;
  config: Config;
  templates: Template[];
}

export class ConfigError extends Error {}

// Compiled on first use: most runs have no config file, and compiling costs ~70 ms of start-up.
let validator: ReturnType<Ajv['compile']> | undefined;
const cache = new Map<string, LoadedConfig>();

export const CONFIG_NAME = '.nianbaorc.json';

export function findConfigPath(fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const p = join(dir, CONFIG_NAME);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfigFile(path: string): LoadedConfig {
  const hit = cache.get(path);
  if (hit) return hit;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ConfigError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const validate = (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
  if (!validate(value)) {
    throw new ConfigError(`${path}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  }
  const config = value as Config;
  const templates = (config.templates ?? []).map((rel) => loadTemplateFile(resolve(dirname(path), rel)));
  const loaded = { path, config, templates };
  cache.set(path, loaded);
  return loaded;
}

export function loadTemplateFile(path: string): Template {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ConfigError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = templateProblems(value);
  if (problems.length) throw new ConfigError(`${path}: invalid template: ${problems.join('; ')}`);
  return value as Template;
}

/** The configuration for a file: --config wins, else the nearest .nianbaorc.json, else defaults. */
export function configFor(file: string, explicit?: string): LoadedConfig {
  const path = explicit ? resolve(explicit) : findConfigPath(dirname(resolve(file)));
  return path ? loadConfigFile(path) : { config: {}, templates: [] };
}
