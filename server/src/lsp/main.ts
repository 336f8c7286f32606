// Entry of the bundled language server (dist/server.cjs). The transport comes
// from the command line (--stdio, --node-ipc, --socket=N), read by
// vscode-languageserver's createConnection.
import { startServer } from './server.ts';

startServer();
