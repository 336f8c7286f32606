// The texts used to judge the mutants of parse/labels.ts (docs/testing.md, "the 8,146 texts"): every prefix of
// every label of both templates, each label with one character dropped or replaced, with 情况 or （注） after it,
// and every variant, matched against each table's rows and columns and each template's whole label lists.
// Prints "text<TAB>item/kind" per line. Run it in a sandbox kept by `npm run mutate -- --keep`, with the mutant
// on and off, and compare:  cd <sandbox> && NB_MUTANT=<id> node --import tsx test/mutation/label-probe.ts
import { matchLabel, type Labelled } from '../../server/src/engine/parse/labels.ts';
import { builtinTemplates } from '../../server/src/engine/templates/builtin.ts';

const lists: Labelled[][] = [];
for (const t of builtinTemplates) {
  lists.push(t.tables.flatMap((x) => x.rows), t.tables.flatMap((x) => [...x.rows, ...x.columns]));
  for (const tb of t.tables) lists.push(tb.rows, tb.columns);
}
const out: string[] = [];
for (const items of lists) {
  const texts = new Set<string>();
  for (const it of items) {
    const l = it.label;
    for (let i = 1; i <= l.length; i++) texts.add(l.slice(0, i));
    for (let i = 0; i < l.length; i++) {
      texts.add(l.slice(0, i) + l.slice(i + 1));
      texts.add(l.slice(0, i) + '某' + l.slice(i + 1));
    }
    texts.add(l + '情况');
    texts.add(l + '（注）');
    for (const v of it.variants ?? []) texts.add(v);
  }
  for (const t of texts) {
    const h = matchLabel(t, items);
    out.push(`${t}\t${h ? `${h.item.label}/${h.match}` : '-'}`);
  }
}
console.log(out.join('\n'));
