// Loading `.nianbaorc.json`, the configuration file the CLI reads, found
// upward from a document. JSON only: nothing from the workspace is ever
// executed, so the server is safe in untrusted workspaces. Finding the file
// and loading template files reuse the CLI's helpers (server/src/cli/config.ts);
// reading the file itself does not, because the CLI caches each file for the
// life of the process, and the editor must see a changed file at once. Unlike
// the CLI, which stops on an invalid file, the editor keeps the valid fields
// and logs the rest: the JSON schema already marks the mistake in the file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_NAME, findConfigPath, loadTemplateFile } from '../cli/config.ts';
import { BLANK_CELL_POLICIES, type BlankCellPolicy } from '../engine/parse/blanks.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import type { SeveritySetting } from '../engine/types.ts';

export const RC_NAME = CONFIG_NAME;
const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export interface RcConfig {
  path: string;
  template?: string;
  rules: Record<string, SeveritySetting>;
  /** Templates loaded from the `templates` files, validated. */
  templates: Template[];
  /** Globs, relative to the file's directory. */
  files: string[];
  maxFileSize?: number;
  blankCells?: BlankCellPolicy;
  /** What was wrong with the file; the valid parts are still used. */
  problems: string[];
}

/** The nearest `.nianbaorc.json` in `dir` or a parent directory. */
export function findRcFile(dir: string): string | undefined {
  return findConfigPath(dir);
}

function loadTemplate(path: string, problems: string[]): Template | undefined {
  try {
    return loadTemplateFile(path);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** Reads and checks one file; fields with wrong types are reported and ignored. */
export function loadRcFile(path: string): RcConfig {
  const out: RcConfig = { path, rules: {}, templates: [], files: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    out.problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    return out;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    out.problems.push(`${path}: not a JSON object`);
    return out;
  }
  const rc = raw as Record<string, unknown>;
  if (typeof rc.template === 'string') out.template = rc.template;
  else if (rc.template !== undefined) out.problems.push(`${path}: "template" must be a string`);
  if (typeof rc.rules === 'object' && rc.rules !== null && !Array.isArray(rc.rules)) {
    for (const [id, level] of Object.entries(rc.rules)) {
      if (typeof level === 'string' && SEVERITIES.has(level)) out.rules[id] = level as SeveritySetting;
      else out.problems.push(`${path}: rules.${id} must be one of off, info, warning, error`);
    }
  } else if (rc.rules !== undefined) out.problems.push(`${path}: "rules" must be an object`);
  const strings = (key: string): string[] => {
    const v = rc[key];
    if (v === undefined) return [];
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
    out.problems.push(`${path}: "${key}" must be an array of strings`);
    return [];
  };
  out.files = strings('files');
  for (const file of strings('templates')) {
    const t = loadTemplate(resolve(dirname(path), file), out.problems);
    if (t) out.templates.push(t);
  }
  if (typeof rc.maxFileSize === 'number' && rc.maxFileSize >= 1) out.maxFileSize = rc.maxFileSize;
  else if (rc.maxFileSize !== undefined) out.problems.push(`${path}: "maxFileSize" must be a positive integer`);
  if ((BLANK_CELL_POLICIES as readonly unknown[]).includes(rc.blankCells)) out.blankCells = rc.blankCells as BlankCellPolicy;
  else if (rc.blankCells !== undefined) out.problems.push(`${path}: "blankCells" must be one of ${BLANK_CELL_POLICIES.join(', ')}`);
  return out;
}

/**
 * The builtin templates, then the user's: the order the CLI uses
 * (check-file.ts), so the editor chooses the same format as `nianbao check`.
 */
export function withUserTemplates(user: readonly Template[]): readonly Template[] {
  return user.length === 0 ? builtinTemplates : [...builtinTemplates, ...user];
}
