// `check --baseline FILE` and `check --write-baseline FILE`: each file's
// result is split into new findings (reported, and what the exit status
// follows) and baselined ones (kept on the result for SARIF's baselineState),
// and the accepted findings that are gone are counted. Writing records every
// finding of the run and reports none as new.
import { entriesOf, splitByBaseline, BASELINE_VERSION, type BaselineDocument } from '../engine/baseline.ts';
import { readBaseline, writeBaseline, baselineKey, type LoadedBaseline } from '../host/baseline-file.ts';
import type { FileResult, OutDiagnostic } from './check-file.ts';
import type { Summary } from './format/summary.ts';
import { VERSION } from '../host/version.ts';

const keyOf = (d: OutDiagnostic) => ({ ruleId: d.ruleId, subject: d.subject, covered: d.covered });

export interface BaselineRun {
  /** Splits a result in place (before it is counted and printed). */
  apply(r: FileResult): void;
  /** After the run: writes the file (--write-baseline) and returns the line to print. */
  finish(summary: Summary, lang: 'zh' | 'en'): string;
}

/** Reading the baseline happens here, before any file is checked: a bad baseline stops the run (exit 2). */
export function baselineRun(mode: { read?: string; write?: string }): BaselineRun | undefined {
  if (mode.write) return writing(mode.write);
  if (mode.read) return reading(readBaseline(mode.read));
  return undefined;
}

function reading(baseline: LoadedBaseline): BaselineRun {
  let baselined = 0;
  let gone = 0;
  return {
    apply(r) {
      if (r.status !== 'checked') return;
      const split = splitByBaseline(r.diagnostics, keyOf, baseline.entriesFor(r.path));
      r.diagnostics = split.fresh;
      r.baselined = split.baselined;
      r.absent = split.gone;
      baselined += split.baselined.length;
      gone += split.gone.reduce((n, e) => n + e.count, 0);
    },
    finish(summary, lang) {
      summary.baselined = baselined;
      summary.baselineGone = gone;
      return lang === 'zh'
        ? `基线 ${baseline.path}：${baselined} 个问题已接受、未报告；${gone} 个已接受的问题不再出现${gone ? '（可用 --write-baseline 更新基线）' : ''}`
        : `baseline ${baseline.path}: ${baselined} accepted findings not reported; ${gone} accepted findings are gone${gone ? ' (update the baseline with --write-baseline)' : ''}`;
    },
  };
}

function writing(path: string): BaselineRun {
  const document: BaselineDocument = { version: BASELINE_VERSION, tool: `nianbao ${VERSION}`, files: {} };
  let recorded = 0;
  return {
    apply(r) {
      if (r.status !== 'checked') return;
      document.files[baselineKey(path, r.path)] = entriesOf(r.diagnostics, keyOf, (d) => d.message);
      recorded += r.diagnostics.length;
      // Everything found today is accepted: nothing is new in this run.
      r.baselined = r.diagnostics;
      r.diagnostics = [];
    },
    finish(summary, lang) {
      writeBaseline(path, document);
      summary.baselined = recorded;
      summary.baselineGone = 0;
      const files = Object.values(document.files).filter((e) => e.length).length;
      return lang === 'zh'
        ? `已把 ${recorded} 个问题（${files} 个文件）记入基线 ${path}；以后用 --baseline ${path} 只报告新问题`
        : `recorded ${recorded} findings (${files} files) in the baseline ${path}; run with --baseline ${path} to report only new ones`;
    },
  };
}
