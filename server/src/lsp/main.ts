// Entry of the bundled language server (dist/server.cjs). The transport comes
// from the command line (--stdio, --node-ipc, --socket=N), read by
// vscode-languageserver's createConnection.
import { setFlagsFromString } from 'node:v8';
import { startServer } from './server.ts';

// V8 lets the heap grow well past what is live before it collects: with 200
// reports open the server held 48 MB after a full GC but 204–225 MB of RSS,
// and V8's memory reducer never ran in the server's event loop. Growing the
// heap by 30 % at a time (the flag is read at each GC, so setting it here
// takes effect) brought RSS to 164–172 MB, with typing latency unchanged
// within noise (p95 19–21 ms against 17–19 ms on a 40 KB report, medians 7 ms). `--optimize-for-size`
// went lower (120–145 MB) but made each keystroke 3 ms slower. docs/performance.md.
setFlagsFromString('--heap-growing-percent=30');
startServer();
