// What `import iconv from 'iconv-lite'` gives inside dist/server.cjs, dist/cli.cjs and
// dist/worker.cjs (esbuild.mjs aliases the package here): decode and encode,
// requiring the real iconv-lite (half a megabyte of code tables) from
// dist/lib/iconv-lite.cjs the first time a file is not UTF-8.
// Never run from source, where 'iconv-lite' is the package itself.
import type Iconv from 'iconv-lite';

type IconvLite = typeof Iconv;

let real: IconvLite | undefined;
// Left to run time by esbuild.mjs: the file beside the bundle.
const load = (): IconvLite => (real ??= require('./lib/iconv-lite.cjs') as IconvLite);

const lazy: Pick<IconvLite, 'decode' | 'encode'> = {
  decode: (...args) => load().decode(...args),
  encode: (...args) => load().encode(...args),
};

export default lazy;
