// The configuration that applies to one document: the editor's `nianbao.*`
// settings merged with the nearest `.nianbaorc.json`. The file wins where both
// set something, so the editor shows what `nianbao check` shows in CI. Both are
// cached and dropped together when either changes (didChangeConfiguration or
// the `.nianbaorc.json` file watcher), so changes apply without a restart.
import { dirname, isAbsolute, parse, resolve } from 'node:path';
import type { BaselineEntry } from '../engine/baseline.ts';
import { BaselineStore } from './baseline.ts';
import { matchesGlob } from '../host/glob-match.ts';
import type { AnalyzeOptions } from '../engine/analyze.ts';
import { MAX_FILE_SIZE } from '../host/limits.ts';
import type { SeveritySetting } from '../engine/types.ts';
import { builtinTemplates } from '../engine/templates/builtin.ts';
import type { Template } from '../engine/templates/template.ts';
import { findConfigPath, readConfigFile, type ConfigFile, type ConfigProblem } from '../host/nianbaorc.ts';
import { DiskWorkspace, type Workspace } from '../host/workspace.ts';
import { resolveChecks } from '../host/checks.ts';
import type { RollupSetting } from '../host/rollup-config.ts';
import { relativeInside, uriToPath } from './paths.ts';
import { defaultSettings, readSettings, type EditorSettings, type InlayHintMode } from './editor-settings.ts';

/**
 * Default of `maxAnalysisTime` (seconds): a large document whose analysis
 * takes longer gets one notice instead of diagnostics. A 10 MB compendium of
 * about 2,500 reports takes about 10 s on a shared 2-core machine.
 */
export const DEFAULT_MAX_ANALYSIS_TIME = 60;

export interface DocumentConfig {
  analyze: Pick<AnalyzeOptions, 'templates' | 'template' | 'rules' | 'blankCells' | 'checks'>;
  /** True when a `files` glob names this document: checked even without a report title. */
  listed: boolean;
  inlayHints: InlayHintMode;
  maxFileSize: number;
  /** Milliseconds one analysis on the analysis thread may take. */
  maxAnalysisTime: number;
  rcPath?: string;
  /** Its `.nianbaorc.json`'s "rollup" (which reports make up which), globs relative to that file's folder. */
  rollup?: RollupSetting;
  /** The findings of this document a baseline accepted (docs/baseline.md); undefined without a usable baseline. */
  baseline?: BaselineEntry[];
}

export interface ConfigSource {
  /** The client's settings for a document (workspace/configuration), or undefined when it cannot be asked. */
  pull?(uri: string): Promise<unknown>;
  log(message: string): void;
  /** A config file was (re)read: what is wrong with it (an empty list when nothing is), for diagnostics on the file. */
  configProblems?(path: string, problems: readonly ConfigProblem[]): void;
}

/**
 * The builtin templates, then the user's: the order the CLI uses
 * (check-file.ts), so the editor chooses the same format as `nianbao check`.
 */
export function withUserTemplates(user: readonly Template[]): readonly Template[] {
  return user.length === 0 ? builtinTemplates : [...builtinTemplates, ...user];
}

/** `files` globs matched the CLI's way: against the path relative to `base` (a workspace folder, or the config file's folder). */
function matches(globs: readonly string[], base: string | undefined, path: string): boolean {
  return globs.some((g) => {
    try {
      return matchesGlob(path, g, base ?? parse(path).root);
    } catch {
      return false;
    }
  });
}

export class ConfigStore {
  /** Settings pushed by didChangeConfiguration or initializationOptions (clients without workspace/configuration). */
  private pushed: EditorSettings = defaultSettings;
  private readonly perUri = new Map<string, Promise<DocumentConfig>>();
  private readonly rcByDir = new Map<string, ConfigFile | undefined>();
  /** Each config file read since the last invalidation, by path. */
  private readonly rcByPath = new Map<string, ConfigFile>();
  workspaceFolders: string[] = [];
  private readonly baselines: BaselineStore;

  /** `workspace`: where `.nianbaorc.json` and its template files are read from. */
  constructor(private readonly source: ConfigSource, private readonly workspace: Workspace = new DiskWorkspace()) {
    this.baselines = new BaselineStore((m) => source.log(m));
  }

  setPushed(value: unknown): void {
    this.pushed = readSettings(value);
    this.invalidate();
  }

  invalidate(): void {
    this.perUri.clear();
    this.rcByDir.clear();
    this.rcByPath.clear();
    this.baselines.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  /** Cached per document until the next invalidation; the same object while valid, so analyses can be keyed by it. */
  get(uri: string): Promise<DocumentConfig> {
    let hit = this.perUri.get(uri);
    if (!hit) {
      hit = this.compute(uri);
      this.perUri.set(uri, hit);
    }
    return hit;
  }

  private rcFor(path: string): ConfigFile | undefined {
    const dir = dirname(path);
    if (this.rcByDir.has(dir)) return this.rcByDir.get(dir);
    const file = findConfigPath(dir, this.workspace);
    let rc = file ? this.rcByPath.get(file) : undefined;
    if (file && !rc) {
      // Read once per invalidation whatever the folder it is found from: the editor sees a changed file at once.
      rc = readConfigFile(file, this.workspace);
      this.rcByPath.set(file, rc);
      for (const p of rc.problems) this.source.log(`.nianbaorc.json: ${p.message}`);
      this.source.configProblems?.(file, rc.problems);
    }
    this.rcByDir.set(dir, rc);
    return rc;
  }

  private async editorSettings(uri: string): Promise<EditorSettings> {
    if (!this.source.pull) return this.pushed;
    try {
      const value = await this.source.pull(uri);
      return value === null || value === undefined ? this.pushed : readSettings(value);
    } catch (error) {
      this.source.log(`workspace/configuration failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.pushed;
    }
  }

  private baselineFor(path: string, baseline: string | undefined): BaselineEntry[] | undefined {
    return baseline ? this.baselines.entries(baseline, path) : undefined;
  }

  private async compute(uri: string): Promise<DocumentConfig> {
    const settings = await this.editorSettings(uri);
    const path = uriToPath(uri);
    const rc = path ? this.rcFor(path) : undefined;
    const rules: Record<string, SeveritySetting> = { ...settings.rules, ...rc?.config.rules };
    const folder = path ? this.workspaceFolders.find((f) => relativeInside(f, path) !== undefined) : undefined;
    const listed = path !== undefined && (matches(settings.files, folder, path) || (rc !== undefined && matches(rc.config.files ?? [], dirname(rc.path), path)));
    return {
      analyze: { templates: withUserTemplates(rc?.templates ?? []), template: rc?.config.template ?? settings.template, rules, blankCells: rc?.config.blankCells ?? settings.blankCells, checks: resolveChecks(rc?.config.checks, rc ? dirname(rc.path) : undefined, path) },
      listed,
      inlayHints: settings.inlayHints,
      maxFileSize: rc?.config.maxFileSize ?? settings.maxFileSize ?? MAX_FILE_SIZE,
      maxAnalysisTime: Math.round((settings.maxAnalysisTime ?? DEFAULT_MAX_ANALYSIS_TIME) * 1000),
      rcPath: rc?.path,
      ...(rc?.config.rollup ? { rollup: { entries: rc.config.rollup, base: dirname(rc.path) } } : {}),
      baseline: path ? this.baselineFor(path, (rc?.config.baseline ? resolve(dirname(rc.path), rc.config.baseline) : undefined) ?? (settings.baseline ? (isAbsolute(settings.baseline) ? settings.baseline : resolve(folder ?? dirname(path), settings.baseline)) : undefined)) : undefined,
    };
  }
}
