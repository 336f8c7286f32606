// The two official formats shipped with nianbao, and validation of templates
// users add (JSON only, checked against schemas/template.schema.json; never
// required or evaluated).
import { Ajv } from 'ajv';
import schema from '../../../../schemas/template.schema.json' with { type: 'json' };
import t2019 from './2019.json' with { type: 'json' };
import t2021 from './2021.json' with { type: 'json' };
import type { Template } from './template.ts';

export const builtinTemplates: readonly Template[] = [t2019 as Template, t2021 as Template];

let validator: ReturnType<Ajv['compile']> | undefined;

/** Checks a parsed JSON value against the template schema; returns the problems, empty when valid. */
export function templateProblems(value: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validator(value)) return crossCheck(value as Template);
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/** What the schema cannot say: ids that relations and sections refer to must exist. */
function crossCheck(t: Template): string[] {
  const out: string[] = [];
  const parts = new Set(t.tables.map((x) => x.part));
  for (const s of t.sections) if (s.table && !parts.has(s.table)) out.push(`/sections/${s.id} refers to unknown table part ${s.table}`);
  for (const table of t.tables) {
    const rows = new Set(table.rows.map((r) => r.id));
    const cols = new Set(table.columns.map((c) => c.id));
    for (const rel of table.relations ?? []) {
      const ids = rel.per === 'row' ? cols : rows;
      for (const id of [...rel.lhs, ...rel.rhs, rel.target]) if (!ids.has(id)) out.push(`/tables/${table.id}/relations/${rel.rule} refers to unknown ${rel.per === 'row' ? 'column' : 'row'} ${id}`);
    }
    // A header group spans consecutive columns (the export merges its cell over them).
    const order = table.columns.map((c) => c.id);
    for (const g of table.headerGroups ?? []) {
      const at = g.columns.map((id) => order.indexOf(id));
      if (at.some((i) => i < 0)) out.push(`/tables/${table.id}/headerGroups/${g.label} refers to unknown column ${g.columns[at.findIndex((i) => i < 0)]}`);
      else if (at.some((i, k) => k > 0 && i !== at[k - 1] + 1)) out.push(`/tables/${table.id}/headerGroups/${g.label} columns are not consecutive`);
    }
  }
  return out;
}
