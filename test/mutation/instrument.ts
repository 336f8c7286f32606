// Mutation switching: every mutant of a file is compiled into one copy of it,
// each behind a check of its id, so the sandbox is built once and a mutant is
// chosen per process with NB_MUTANT=<id>. The same check records which
// mutants a test file reaches (NB_COVER=<dir>), so that each mutant is run
// only against the test files that execute its code.
import type { Site } from './operators.ts';

export interface Numbered extends Site {
  id: number;
}

/**
 * The runtime shared by every instrumented module (and by the bundles built
 * from them): one object on globalThis, so a bundle holding several
 * instrumented modules has one active mutant and one record of hits.
 */
export const PRELUDE = `const __nb = ((g) => g.__nbMutation ??= (() => {
  const dir = process.env.NB_COVER;
  const hits = new Set();
  if (dir) {
    const fs = process.getBuiltinModule('node:fs');
    const { threadId } = process.getBuiltinModule('node:worker_threads');
    process.on('exit', () => {
      if (hits.size === 0) return;
      fs.writeFileSync(dir + '/' + process.pid + '-' + threadId + '.json', JSON.stringify({ file: process.env.NB_TEST_FILE ?? '', hits: [...hits] }));
    });
  }
  // active: the mutant switched on (the worker changes it between mutants); record: where the worker collects hits.
  return {
    active: Number(process.env.NB_MUTANT ?? '-1'),
    record: dir ? hits : undefined,
    is(id) { this.record?.add(id); return id === this.active; },
    hit(id) { this.record?.add(id); },
  };
})())(globalThis);
`;

interface Group {
  start: number;
  end: number;
  mutants: Numbered[];
  children: Group[];
}

/** Groups mutants by span and nests the groups (spans of AST nodes nest or coincide). */
function tree(mutants: readonly Numbered[]): Group[] {
  const bySpan = new Map<string, Group>();
  for (const m of mutants) {
    const key = `${m.start}:${m.end}`;
    let g = bySpan.get(key);
    if (!g) bySpan.set(key, (g = { start: m.start, end: m.end, mutants: [], children: [] }));
    g.mutants.push(m);
  }
  const groups = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Group[] = [];
  const stack: Group[] = [];
  for (const g of groups) {
    while (stack.length > 0 && stack[stack.length - 1].end <= g.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && g.end > parent.end) throw new Error(`mutant spans overlap: ${parent.start}-${parent.end} and ${g.start}-${g.end}`);
    (parent ? parent.children : roots).push(g);
    stack.push(g);
  }
  return roots;
}

function emit(text: string, from: number, to: number, groups: readonly Group[]): string {
  let out = '';
  let at = from;
  for (const g of groups) {
    out += text.slice(at, g.start) + wrap(text, g);
    at = g.end;
  }
  return out + text.slice(at, to);
}

function wrap(text: string, g: Group): string {
  const inner = emit(text, g.start, g.end, g.children);
  const statements = g.mutants.filter((m) => m.statement);
  const expressions = g.mutants.filter((m) => !m.statement);
  let out = inner;
  if (expressions.length > 0) {
    out = '(' + expressions.map((m) => `__nb.is(${m.id}) ? (${m.replacement}) : `).join('') + `(${inner}))`;
  }
  // Braces around the if: an `else` after the statement must still belong to the statement's own if.
  for (const m of statements) out = `{ if (!__nb.is(${m.id})) { ${out} } }`;
  return out;
}

/** The source with every mutant compiled in. */
export function instrument(text: string, mutants: readonly Numbered[]): string {
  return PRELUDE + emit(text, 0, text.length, tree(mutants));
}
