// The editor-side settings (`nianbao.*` in VS Code, or the `nianbao` object a
// generic LSP client sends) and their defaults. Values of the wrong type are
// ignored rather than trusted: settings come from user JSON.
import { BLANK_CELL_POLICIES, type BlankCellPolicy } from '../engine/parse/blanks.ts';
import type { SeveritySetting } from '../engine/types.ts';

export type InlayHintMode = 'all' | 'errors' | 'off';

export interface EditorSettings {
  /** Template id to force; empty means choose by the report year. */
  template?: string;
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the workspace folder) of files checked even without a report title. */
  files: string[];
  inlayHints: InlayHintMode;
  /** Bytes (UTF-8) above which a document is not analysed; undefined: the default (MAX_FILE_SIZE in host/limits.ts). */
  maxFileSize?: number;
  /** How blank cells are read; undefined: the engine's default. */
  blankCells?: BlankCellPolicy;
  /** A baseline file (docs/baseline.md), relative to the workspace folder: its accepted findings are not shown. */
  baseline?: string;
  /** Seconds one analysis of a large document may take; undefined: DEFAULT_MAX_ANALYSIS_TIME in config.ts. */
  maxAnalysisTime?: number;
}

export const defaultSettings: EditorSettings = { rules: {}, files: [], inlayHints: 'all' };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function readSettings(value: unknown): EditorSettings {
  if (typeof value !== 'object' || value === null) return defaultSettings;
  const v = value as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (typeof v.rules === 'object' && v.rules !== null) {
    for (const [id, level] of Object.entries(v.rules)) if (typeof level === 'string' && SEVERITIES.has(level)) rules[id] = level as SeveritySetting;
  }
  const files = Array.isArray(v.files) ? v.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [];
  // Booleans are accepted too, for clients that expose a plain switch.
  const hints = v.inlayHints;
  const inlayHints: InlayHintMode = hints === false || hints === 'off' ? 'off' : hints === 'errors' ? 'errors' : 'all';
  const template = typeof v.template === 'string' && v.template.trim() !== '' && v.template !== 'auto' ? v.template.trim() : undefined;
  const size = v.maxFileSize;
  const maxFileSize = typeof size === 'number' && Number.isFinite(size) && size >= 1 ? Math.floor(size) : undefined;
  const blankCells = (BLANK_CELL_POLICIES as readonly unknown[]).includes(v.blankCells) ? (v.blankCells as BlankCellPolicy) : undefined;
  const baseline = typeof v.baseline === 'string' && v.baseline.trim() !== '' ? v.baseline.trim() : undefined;
  const seconds = v.maxAnalysisTime;
  const maxAnalysisTime = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  return { template, rules, files, inlayHints, maxFileSize, blankCells, baseline, maxAnalysisTime };
}
