// The layer rules of ARCHITECTURE.md, checked on the real import graph of
// server/src and client/src (every import: static, dynamic, type-only and
// re-exports, read with TypeScript's own pre-processor):
// - no file imports itself through a chain (no file cycles);
// - the top folders (engine, host, cli, lsp, lazy, client) form no cycle;
// - nothing outside cli/ imports from cli/;
// - the engine imports only the engine (packages and the public JSON schemas
//   aside; no node: built-ins, it touches no file system).
// The checker is tested on small made-up graphs first, so a checker that
// finds nothing cannot pass for a clean graph.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Repository-relative path (posix) → the specifiers it imports. */
type Graph = Map<string, string[]>;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function realGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of [...sources('server/src'), ...sources('client/src')]) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    graph.set(file, info.importedFiles.map((f) => f.fileName));
  }
  return graph;
}

/** The layer a source file belongs to: its top folder under server/src, or `client`. */
function layerOf(file: string): string | undefined {
  const m = /^server\/src\/([^/]+)\//.exec(file);
  if (m) return m[1];
  return file.startsWith('client/src/') ? 'client' : undefined;
}

/** A relative specifier resolved to a repository-relative path; undefined for packages. */
function target(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(from), spec)).split('\\').join('/');
}

/** Every cycle's members, one list per strongly connected component of more than one node (or a self-loop). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** What breaks the layer rules in a graph, one line per problem, sorted. */
export function graphProblems(graph: Graph): string[] {
  const problems: string[] = [];
  const files = new Map<string, Set<string>>();
  const folders = new Map<string, Set<string>>();
  for (const [from, specs] of graph) {
    const fromLayer = layerOf(from);
    files.set(from, files.get(from) ?? new Set());
    for (const spec of specs) {
      if (fromLayer === 'engine' && spec.startsWith('node:')) problems.push(`engine imports a node built-in: ${from} → ${spec}`);
      const to = target(from, spec);
      if (!to) continue;
      const toLayer = layerOf(to);
      if (to.endsWith('.ts')) files.get(from)!.add(to);
      if (toLayer === 'cli' && fromLayer !== 'cli') problems.push(`import into cli/ from outside it: ${from} → ${to}`);
      if (fromLayer === 'engine' && toLayer !== 'engine' && !/^schemas\/[^/]+\.json$/.test(to)) problems.push(`engine imports outside the engine: ${from} → ${to}`);
      if (fromLayer && toLayer && fromLayer !== toLayer) {
        if (!folders.has(fromLayer)) folders.set(fromLayer, new Set());
        folders.get(fromLayer)!.add(toLayer);
      }
    }
  }
  for (const c of cycles(files)) problems.push(`file cycle: ${c.join(' ↔ ')}`);
  for (const c of cycles(folders)) problems.push(`folder cycle: ${c.join(' ↔ ')}`);
  return problems.sort();
}

describe('import graph checker (on made-up graphs)', () => {
  it('finds a file cycle, also through a type-only or dynamic import', () => {
    const g: Graph = new Map([
      ['server/src/cli/a.ts', ['./b.ts']],
      ['server/src/cli/b.ts', ['./c.ts']],
      ['server/src/cli/c.ts', ['./a.ts']],
      ['server/src/cli/d.ts', ['./a.ts']],
    ]);
    assert.deepEqual(graphProblems(g), ['file cycle: server/src/cli/a.ts ↔ server/src/cli/b.ts ↔ server/src/cli/c.ts']);
  });

  it('finds an import into cli/ from the server, and the folder cycle it makes', () => {
    const g: Graph = new Map([
      ['server/src/cli/main.ts', ['../lsp/main.ts']],
      ['server/src/lsp/main.ts', ['../cli/version.ts']],
      ['server/src/cli/version.ts', []],
    ]);
    assert.deepEqual(graphProblems(g), [
      'folder cycle: cli ↔ lsp',
      'import into cli/ from outside it: server/src/lsp/main.ts → server/src/cli/version.ts',
    ]);
  });

  it('finds the engine importing the host layer or node:fs, and allows packages and the schemas', () => {
    const g: Graph = new Map([
      ['server/src/engine/rules/x.ts', ['../../host/decode.ts', 'node:fs', 'unified', '../../../../schemas/template.schema.json', '../model.ts']],
      ['server/src/engine/model.ts', []],
      ['server/src/host/decode.ts', ['../engine/model.ts']],
    ]);
    assert.deepEqual(graphProblems(g), [
      'engine imports a node built-in: server/src/engine/rules/x.ts → node:fs',
      'engine imports outside the engine: server/src/engine/rules/x.ts → server/src/host/decode.ts',
      'folder cycle: engine ↔ host',
    ]);
  });

  it('passes a layered graph', () => {
    const g: Graph = new Map([
      ['server/src/cli/main.ts', ['../host/decode.ts', '../lsp/main.ts', '../engine/model.ts']],
      ['server/src/lsp/main.ts', ['../host/decode.ts']],
      ['server/src/host/decode.ts', ['../engine/model.ts', 'node:fs']],
      ['server/src/engine/model.ts', []],
      ['client/src/extension.ts', ['../../server/src/lsp/main.ts', 'vscode']],
    ]);
    assert.deepEqual(graphProblems(g), []);
  });
});

describe('the repository import graph', () => {
  const graph = realGraph();

  it('reads the sources it is meant to check', () => {
    // A scanner that found no files, or no imports, would pass any rule.
    assert.ok(graph.has('server/src/cli/main.ts') && graph.has('server/src/engine/analyze.ts') && graph.has('client/src/extension.ts'));
    assert.ok(graph.get('server/src/cli/main.ts')!.includes('./check-command.ts'));
    assert.ok(graph.get('server/src/cli/main.ts')!.includes('../lsp/main.ts'), 'dynamic imports are read');
  });

  it('keeps the layer rules: no cycles, nothing into cli/, the engine on its own', () => {
    assert.deepEqual(graphProblems(graph), []);
  });
});
