// The label lists rules match cells against, one array per template or table
// and kind. They are built once and kept, not rebuilt per check: matchLabel
// memoises by the array it is given, so a stable array means each label text
// is matched once per format, not once per keystroke.
import type { ColumnDef, RowDef, TableDef, Template } from './template.ts';

function cached<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = build(key)));
    return v;
  };
}

/** Every row of every table of a template. */
export const rowsOf = cached((t: Template): readonly RowDef[] => t.tables.flatMap((x) => x.rows));

/** Every column of every table of a template. */
export const columnsOf = cached((t: Template): readonly ColumnDef[] => t.tables.flatMap((x) => x.columns));

/** Rows and columns of every table: any label a template's tables use. */
export const labelsOf = cached((t: Template): readonly (RowDef | ColumnDef)[] => t.tables.flatMap((x) => [...x.rows, ...x.columns]));

/** The rows of a table that carry a label. */
export const labelledRows = cached((t: TableDef): readonly RowDef[] => t.rows.filter((d) => !d.unlabeled));

const NONE: readonly never[] = [];
export const noLabels = NONE;
