// Module hooks of the mutation worker (worker.ts): node:test resolves to the
// stand-in (shim.mjs), and every project module imported from a module of
// generation K (?nb=K in its URL) is itself loaded as generation K, so each
// mutant runs against fresh module state (caches, memos, loaded templates)
// while node_modules are loaded once.
const SHIM = new URL('./shim.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'node:test' || specifier === 'test') return { url: SHIM, shortCircuit: true };
  const r = await next(specifier, context);
  const gen = context.parentURL && /[?&]nb=(\d+)/.exec(context.parentURL)?.[1];
  if (gen && r.url.startsWith('file:') && !r.url.includes('/node_modules/') && r.url !== SHIM && !/[?&]nb=/.test(r.url)) {
    return { ...r, url: r.url + (r.url.includes('?') ? '&' : '?') + `nb=${gen}` };
  }
  return r;
}

/** Transformed sources by URL without the generation: a new generation re-evaluates modules, it need not transform them again. */
const sources = new Map();

export async function load(url, context, next) {
  const m = /[?&]nb=\d+/.exec(url);
  if (!m) return next(url, context);
  const key = url.replace(/([?&])nb=\d+&?/, '$1').replace(/[?&]$/, '');
  const hit = sources.get(key);
  if (hit) return { format: hit.format, source: hit.source, shortCircuit: true };
  const r = await next(url, context);
  if (r.source !== undefined && r.source !== null && (r.format === 'module' || r.format === 'json')) sources.set(key, { format: r.format, source: r.source });
  return r;
}
