// Loading `.nianbaorc.json`, the configuration file the CLI reads, found
// upward from a document. JSON only: nothing from the workspace is ever
// executed, so the server is safe in untrusted workspaces. Written here
// because server/src/cli has no shared loader yet; keep the two in step
// (schemas/nianbaorc.schema.json is the contract).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinTemplates, templateProblems } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import type { SeveritySetting } from '../engine/types.ts';

export const RC_NAME = '.nianbaorc.json';
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
  /** What was wrong with the file; the valid parts are still used. */
  problems: string[];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.nianbaorc.json` in `dir` or a parent directory. */
export function findRcFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, RC_NAME);
    if (isFile(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function loadTemplate(path: string, problems: string[]): Template | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const found = templateProblems(value);
    if (found.length === 0) return value as Template;
    problems.push(`${path}: ${found.join('; ')}`);
  } catch (error) {
    problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

/** Reads and checks one file; fields with wrong types are reported and ignored. */
export function loadRcFile(path: string): RcConfig {
  const out: RcConfig = { path, rules: {}, templates: [], files: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
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
  return out;
}

/**
 * The user's templates, then the builtin ones (a user template replaces a
 * builtin of the same id). User templates come first so that one covering a
 * year wins the year-based choice over the open-ended builtin 2021 format.
 */
export function withUserTemplates(user: readonly Template[]): readonly Template[] {
  if (user.length === 0) return builtinTemplates;
  const ids = new Set(user.map((t) => t.id));
  return [...user, ...builtinTemplates.filter((t) => !ids.has(t.id))];
}
