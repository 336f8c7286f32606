// Findings accepted in the report itself, with HTML comments (invisible when
// the Markdown is rendered, kept by `import` and `export`):
//
//   <!-- nianbao-disable-next-line total-row balance -- 原因 -->  the next non-blank line only
//   <!-- nianbao-disable total-row -->   from here on (no id: every rule) …
//   <!-- nianbao-enable total-row -->    … until here (no id: every rule)
//
// The shape is markdownlint's inline configuration and eslint's directives
// (ids separated by spaces or commas, a reason after ` -- `). A comment must
// sit between blocks: a comment line inside a table ends the table, so a
// finding in a table cell is accepted by a disable … enable pair around the
// table. Comments inside fenced code are examples, not directives.
//
// After every rule has run, analyze() drops the findings a directive covers
// and reports the directives that covered nothing (disable-unused) and the
// ids that name no rule (disable-unknown-rule). Those two are never
// suppressed by a comment themselves (only by configuration), or a directive
// could hide its own uselessness.
import { closest, distance } from 'fastest-levenshtein';
import { LineIndex } from './lines.ts';
import type { Report } from './model.ts';
import type { Diagnostic, Fix, Range } from './types.ts';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named, in order; none means every rule. */
  ids: { id: string; range: Range }[];
  /** The whole comment, `<!--` to `-->`. */
  range: Range;
  /** The text after ` -- `: why the finding is accepted (shown to nobody, kept for reviewers). */
  reason?: string;
}

/** A line that is one directive comment and nothing else (what `import` keeps as written). */
export const DIRECTIVE_LINE = /^\s*<!--\s*nianbao-(?:disable-next-line|disable|enable)(?=[\s,]|-->)[\s\S]*?-->\s*$/;

const COMMENT = /<!--\s*nianbao-(disable-next-line|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Offsets ranges of fenced code blocks (an unclosed fence runs to the end, as CommonMark reads it). */
function fencedRanges(text: string): Range[] {
  const out: Range[] = [];
  let open: { char: string; size: number; start: number } | undefined;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    // Quoted or listed fences are rare in reports; a top-level line scan is enough here.
    const m = FENCE.exec(text.slice(start, Math.min(end, start + 64)));
    if (m) {
      if (!open) open = { char: m[1][0], size: m[1].length, start };
      else if (m[1][0] === open.char && m[1].length >= open.size && /^\s*$/.test(text.slice(start + m[0].length, end))) {
        out.push({ start: open.start, end });
        open = undefined;
      }
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  if (open) out.push({ start: open.start, end: text.length });
  return out;
}

/** The directives of a text, in document order. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('nianbao-')) return [];
  const fenced = fencedRanges(text);
  const out: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index;
    if (fenced.some((f) => start >= f.start && start < f.end)) continue;
    const bodyStart = start + m[0].indexOf(m[1]) + m[1].length;
    // A reason follows ` -- ` (eslint's convention); ids are what comes before it.
    const body = m[2];
    const dash = /(^|\s)--(\s|$)/.exec(body);
    const idsPart = dash ? body.slice(0, dash.index) : body;
    const reason = dash ? body.slice(dash.index + dash[0].length).trim() || undefined : undefined;
    const ids: Directive['ids'] = [];
    for (const id of idsPart.matchAll(/[^\s,]+/g)) {
      ids.push({ id: id[0], range: { start: bodyStart + id.index, end: bodyStart + id.index + id[0].length } });
    }
    out.push({ kind: m[1] as DirectiveKind, ids, range: { start, end: start + m[0].length }, reason });
  }
  return out;
}

export interface InlineOptions {
  /** Every rule id that exists. */
  known: readonly string[];
  /**
   * Rule ids whose silence proves nothing in this run (off, failed, or lacking
   * what they compare with, such as the previous year's report): a directive
   * naming only these is not called unused.
   */
  unjudged: ReadonlySet<string>;
}

export interface InlineResult {
  /** The findings no directive covers. */
  kept: Diagnostic[];
  /** The findings a directive covers. */
  suppressed: Diagnostic[];
  /** Directives that covered nothing (per directive, the ids that covered nothing; [] for a directive without ids). */
  unused: { directive: Directive; ids: Directive['ids']; closesNothing: boolean }[];
  /** Ids that name no rule, with the nearest known id when one is close. */
  unknown: { directive: Directive; id: string; range: Range; suggestion?: string }[];
}

const ALL = '*';

/** Drops the findings the directives cover; `findings` sorted by start offset or not, the result keeps their order. */
export function applyDirectives(text: string, directives: readonly Directive[], findings: readonly Diagnostic[], options: InlineOptions): InlineResult {
  if (directives.length === 0) return { kept: [...findings], suppressed: [], unused: [], unknown: [] };
  const known = new Set(options.known);
  const unknown: InlineResult['unknown'] = [];
  for (const d of directives) {
    for (const x of d.ids) {
      if (known.has(x.id)) continue;
      const near = closest(x.id, options.known as string[]);
      const suggestion = near && distance(near, x.id) <= Math.max(2, Math.floor(x.id.length / 4)) ? near : undefined;
      unknown.push({ directive: d, id: x.id, range: x.range, suggestion });
    }
  }
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line;
  // Which (directive, id) pairs covered a finding; ALL stands for a directive without ids.
  const used = new Map<Directive, Set<string>>();
  const use = (d: Directive, id: string) => {
    let s = used.get(d);
    if (!s) used.set(d, (s = new Set()));
    s.add(id);
  };
  // next-line directives by the line they cover: the next line that is not blank (an import or a
  // formatter may put a blank line between the comment and the block it is about).
  const nextLine = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind !== 'disable-next-line') continue;
    // The first character that is not whitespace after the comment's own line.
    const nl = text.indexOf('\n', d.range.end);
    if (nl === -1) continue;
    const rest = /\S/g;
    rest.lastIndex = nl;
    const at = rest.exec(text)?.index;
    if (at === undefined) continue;
    const line = lineOf(at);
    nextLine.set(line, [...(nextLine.get(line) ?? []), d]);
  }
  const closesNothing = new Set<Directive>();
  // Region directives swept in document order against the findings in offset order.
  const regions = directives.filter((d) => d.kind !== 'disable-next-line');
  const order = findings.map((f, i) => i).sort((a, b) => findings[a].range.start - findings[b].range.start || a - b);
  let all: Directive | undefined;
  const except = new Set<string>();
  const byId = new Map<string, Directive>();
  let next = 0;
  const advance = (to: number) => {
    for (; next < regions.length && regions[next].range.end <= to; next++) {
      const d = regions[next];
      const ids = d.ids.filter((x) => known.has(x.id)).map((x) => x.id);
      if (d.kind === 'disable') {
        if (d.ids.length === 0) {
          all = d;
          except.clear();
        }
        for (const id of ids) {
          byId.set(id, d);
          except.delete(id);
        }
      } else if (d.ids.length === 0) {
        if (!all && byId.size === 0) closesNothing.add(d);
        all = undefined;
        byId.clear();
        except.clear();
      } else {
        let closed = false;
        for (const id of ids) {
          if (byId.delete(id)) closed = true;
          if (all && !except.has(id)) {
            except.add(id);
            closed = true;
          }
        }
        if (!closed && ids.length > 0) closesNothing.add(d);
      }
    }
  };
  const suppressedAt = new Set<number>();
  for (const i of order) {
    const f = findings[i];
    advance(f.range.start);
    const line = lineOf(f.range.start);
    const onLine = (nextLine.get(line) ?? []).find((d) => d.ids.length === 0 || d.ids.some((x) => x.id === f.ruleId));
    if (onLine) {
      use(onLine, onLine.ids.length === 0 ? ALL : f.ruleId);
      suppressedAt.add(i);
      continue;
    }
    const region = byId.get(f.ruleId) ?? (all && !except.has(f.ruleId) ? all : undefined);
    if (region) {
      use(region, byId.get(f.ruleId) === region ? f.ruleId : ALL);
      suppressedAt.add(i);
    }
  }
  advance(Infinity);
  const unused: InlineResult['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') {
      if (closesNothing.has(d)) unused.push({ directive: d, ids: d.ids.filter((x) => known.has(x.id)), closesNothing: true });
      continue;
    }
    const u = used.get(d);
    if (d.ids.length === 0) {
      if (!u) unused.push({ directive: d, ids: [], closesNothing: false });
      continue;
    }
    const idle = d.ids.filter((x) => known.has(x.id) && !options.unjudged.has(x.id) && !u?.has(x.id));
    if (idle.length) unused.push({ directive: d, ids: idle, closesNothing: false });
  }
  return {
    kept: findings.filter((_, i) => !suppressedAt.has(i)),
    suppressed: findings.filter((_, i) => suppressedAt.has(i)),
    unused,
    unknown,
  };
}

/** The comment without the ids in `drop`, or undefined when none would be left (the comment goes). */
export function withoutIds(d: Directive, drop: readonly { id: string }[]): string | undefined {
  const left = d.ids.filter((x) => !drop.some((y) => y.id === x.id));
  if (left.length === 0) return undefined;
  return `<!-- nianbao-${d.kind} ${left.map((x) => x.id).join(' ')}${d.reason ? ` -- ${d.reason}` : ''} -->`;
}

/** The edit that removes a whole directive: its line too when the comment stands alone on it. */
export function removalEdit(text: string, d: Directive): Fix['edits'][number] {
  const lineStart = text.lastIndexOf('\n', d.range.start - 1) + 1;
  const nl = text.indexOf('\n', d.range.end);
  const lineEnd = nl === -1 ? text.length : nl;
  const alone = text.slice(lineStart, d.range.start).trim() === '' && text.slice(d.range.end, lineEnd).trim() === '';
  if (!alone) return { range: d.range, newText: '' };
  return { range: { start: lineStart, end: nl === -1 ? lineEnd : nl + 1 }, newText: '' };
}


/**
 * The edits that accept one finding in the report (the editor's "accept" quick
 * action): a disable-next-line comment above the line it starts on, or, for a
 * finding inside a Markdown table (where a comment line would cut the table),
 * a disable … enable pair around the whole table. Never a fix applied
 * unattended; not offered for the findings about comments themselves.
 */
export function acceptEdits(report: Pick<Report, 'text' | 'rawTables'>, d: Pick<Diagnostic, 'ruleId' | 'range'>): { edits: Fix['edits']; wholeTable: boolean } | undefined {
  if (d.ruleId === 'disable-unused' || d.ruleId === 'disable-unknown-rule') return undefined;
  const text = report.text;
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const at = d.range.start;
  const table = report.rawTables.find((t) => at >= t.range.start && at <= t.range.end);
  if (table) {
    const start = lineStart(table.range.start);
    const nl = text.indexOf('\n', table.range.end);
    const end = nl === -1 ? text.length : nl;
    return {
      wholeTable: true,
      edits: [
        { range: { start, end: start }, newText: `<!-- nianbao-disable ${d.ruleId} -->\n` },
        { range: { start: end, end }, newText: `\n<!-- nianbao-enable ${d.ruleId} -->` },
      ],
    };
  }
  const start = lineStart(at);
  return { wholeTable: false, edits: [{ range: { start, end: start }, newText: `<!-- nianbao-disable-next-line ${d.ruleId} -->\n` }] };
}
