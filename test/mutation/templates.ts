// Mutants of the templates' sum relations (the JSON data the arithmetic rules
// interpret): a term dropped, a term moved to the other side of the equation,
// the cell a relation corrects changed, a relation reported by another rule.
// They are applied to the imported template objects when the engine loads
// (builtin.ts in the sandbox calls __nbTemplates), one at a time like the
// source mutants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TemplatePatch {
  template: string;
  table: string;
  relation: number;
  kind: 'drop-term' | 'move-term' | 'target' | 'rule';
  side?: 'lhs' | 'rhs';
  term?: string;
  value?: string;
}

export interface TemplateMutant {
  operator: string;
  file: string;
  line: number;
  description: string;
  patch: TemplatePatch;
}

interface RelationJson {
  rule: string;
  lhs: string[];
  rhs: string[];
  target: string;
}

const RULES = ['total-row', 'total-results', 'balance', 'total-review'];

/** 1-based line of the n-th (0-based) `"rule":` key of a table's relations in the JSON text. */
function relationLine(text: string, table: string, index: number): number {
  const tableAt = text.indexOf(`"id": "${table}"`);
  let at = text.indexOf('"relations"', tableAt);
  for (let k = 0; k <= index; k++) at = text.indexOf('"rule"', at + 1);
  return text.slice(0, at).split('\n').length;
}

export function templateMutants(root: string, templates: readonly string[] = ['2019', '2021']): TemplateMutant[] {
  const out: TemplateMutant[] = [];
  for (const id of templates) {
    const file = `server/src/engine/templates/${id}.json`;
    const text = readFileSync(join(root, file), 'utf8');
    const json = JSON.parse(text) as { tables: { id: string; relations?: RelationJson[] }[] };
    for (const table of json.tables) {
      (table.relations ?? []).forEach((rel, relation) => {
        const line = relationLine(text, table.id, relation);
        const base = { template: id, table: table.id, relation };
        for (const side of ['lhs', 'rhs'] as const) {
          for (const term of rel[side]) {
            if (rel[side].length > 1) out.push({ operator: 'RelationTerm', file, line, description: `${table.id} ${rel.rule}: drop ${term} from ${side}`, patch: { ...base, kind: 'drop-term', side, term } });
            out.push({ operator: 'RelationTerm', file, line, description: `${table.id} ${rel.rule}: move ${term} from ${side} to the other side`, patch: { ...base, kind: 'move-term', side, term } });
          }
        }
        const other = [...rel.lhs, ...rel.rhs].find((t) => t !== rel.target);
        if (other) out.push({ operator: 'RelationTarget', file, line, description: `${table.id} ${rel.rule}: target ${rel.target} → ${other}`, patch: { ...base, kind: 'target', value: other } });
        const rule = RULES.find((r) => r !== rel.rule)!;
        out.push({ operator: 'RelationRule', file, line, description: `${table.id} ${rel.rule}: reported as ${rule}`, patch: { ...base, kind: 'rule', value: rule } });
      });
    }
  }
  return out;
}

/** Code for the sandbox's builtin.ts: applies the active template mutant, if any, to the imported JSON. */
export function templateRuntime(mutants: readonly { id: number; patch: TemplatePatch }[]): string {
  return `const __nbTemplatePatches = ${JSON.stringify(mutants.map((m) => ({ id: m.id, ...m.patch })))};
function __nbTemplates(template, id) {
  for (const p of __nbTemplatePatches) {
    if (p.template !== id || !__nb.is(p.id)) continue;
    const rel = template.tables.find((t) => t.id === p.table).relations[p.relation];
    const other = p.side === 'lhs' ? 'rhs' : 'lhs';
    if (p.kind === 'drop-term') rel[p.side] = rel[p.side].filter((t) => t !== p.term);
    if (p.kind === 'move-term') { rel[p.side] = rel[p.side].filter((t) => t !== p.term); rel[other] = [...rel[other], p.term]; }
    if (p.kind === 'target') rel.target = p.value;
    if (p.kind === 'rule') rel.rule = p.value;
  }
  return template;
}
`;
}
