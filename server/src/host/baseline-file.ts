// Reading and writing a baseline file (engine/baseline.ts has the matching,
// docs/baseline.md the format). A file that is not valid JSON or not of the
// schema (schemas/baseline.schema.json) is an error naming the file and what
// is wrong: a run against a misread baseline would report accepted findings as
// new, or worse, new ones as accepted.
import { Ajv } from 'ajv';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import schema from '../../../schemas/baseline.schema.json' with { type: 'json' };
import { BASELINE_VERSION, type BaselineDocument, type BaselineEntry } from '../engine/baseline.ts';

export class BaselineError extends Error {}

export interface LoadedBaseline {
  path: string;
  document: BaselineDocument;
  /** The entries of a checked file, by its path as given (relative to the working directory or absolute). */
  entriesFor(file: string): BaselineEntry[] | undefined;
  /** The key a file has in `files`. */
  keyOf(file: string): string;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** The key of `file` in a baseline at `baselinePath`: relative to its folder, `/`-separated. */
export function baselineKey(baselinePath: string, file: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(file)).split('\\').join('/');
}

function loaded(path: string, document: BaselineDocument): LoadedBaseline {
  return {
    path,
    document,
    entriesFor: (file) => document.files[baselineKey(path, file)],
    keyOf: (file) => baselineKey(path, file),
  };
}

export function readBaseline(path: string): LoadedBaseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    const why = e && typeof e === 'object' && 'code' in e && (e as { code: string }).code === 'ENOENT' ? '文件不存在 (no such file)' : e instanceof Error ? e.message : String(e);
    throw new BaselineError(`${path}: 无法读取基线 (cannot read the baseline): ${why}`);
  }
  const validate = (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
  if (!validate(value)) {
    const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
    const hint = typeof version === 'number' && version !== BASELINE_VERSION ? `；基线格式版本 ${version}，本程序读取版本 ${BASELINE_VERSION} (format version ${version}, this nianbao reads ${BASELINE_VERSION})` : '';
    throw new BaselineError(`${path}: 不是有效的 nianbao 基线 (not a valid nianbao baseline): ${(validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}${hint}`);
  }
  return loaded(path, value as BaselineDocument);
}

/** Writes the baseline atomically (a temp file in the same folder, then a rename), keys sorted, ending with a newline. */
export function writeBaseline(path: string, document: BaselineDocument): void {
  const files: Record<string, BaselineEntry[]> = {};
  for (const k of Object.keys(document.files).sort()) if (document.files[k].length) files[k] = document.files[k];
  const data = Buffer.from(JSON.stringify({ version: document.version, tool: document.tool, files }, null, 2) + '\n', 'utf8');
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.nianbao-${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(tmp);
    } catch {
      // gone already
    }
    throw e;
  }
}
