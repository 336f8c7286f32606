// What `import { Ajv } from 'ajv'` gives inside dist/server.cjs, dist/cli.cjs and dist/worker.cjs
// (esbuild.mjs aliases the package here): a constructor that requires the real
// Ajv from dist/lib/ajv.cjs on first use. Only a .nianbaorc.json or a user
// template needs a schema validator, and loading ajv costs every run ~15 ms.
// Never run from source, where 'ajv' is the package itself.
import type { Ajv as RealAjv, Options } from 'ajv';

let real: typeof RealAjv | undefined;

// A plain function, not a class: `new LazyAjv(o)` returns the object the function returns, a real Ajv.
function LazyAjv(options?: Options): RealAjv {
  // Left to run time by esbuild.mjs: the file beside the bundle.
  real ??= (require('./lib/ajv.cjs') as { Ajv: typeof RealAjv }).Ajv;
  return new real(options);
}

export const Ajv = LazyAjv as unknown as typeof RealAjv;
