// What `import { create } from 'xmlbuilder2'` gives inside dist/cli.cjs (esbuild.mjs
// aliases the package here): `create` requiring the real xmlbuilder2 from
// dist/lib/xmlbuilder2.cjs on first use, so only `--format junit` pays for
// loading an XML library. Never run from source, where 'xmlbuilder2' is the package itself.
import type { create as realCreate } from 'xmlbuilder2';

let real: typeof realCreate | undefined;

export const create = ((...args: Parameters<typeof realCreate>) => {
  // Left to run time by esbuild.mjs: the file beside the bundle.
  real ??= (require('./lib/xmlbuilder2.cjs') as { create: typeof realCreate }).create;
  return (real as (...a: unknown[]) => unknown)(...args);
}) as typeof realCreate;
