// The version printed by --version and written into SARIF; esbuild inlines package.json.
import pkg from '../../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
