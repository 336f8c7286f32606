// Test-only hooks for the protocol tests, off unless the environment asks:
// - NIANBAO_TEST_ENGINE_FAULT=1: the engine throws a RangeError (as a stack
//   overflow inside remark would) on any document containing ENGINE_FAULT_MARK,
//   so the tests can prove an engine failure is caught, logged and shown as a
//   notice while the server keeps serving.
// - NIANBAO_TEST_HOOKS=1 with node started with --expose-gc: the request
//   nianbao/test/gc runs a full garbage collection and answers the memory use
//   and the number of documents the server still holds, so the stress tests
//   can bound memory after an open/close storm.
// Never set in use: VS Code starts the server without them.
import type { Connection } from 'vscode-languageserver/node.js';
import type { analyze } from '../engine/analyze.ts';

type AnalyzeFn = typeof analyze;

export const ENGINE_FAULT_MARK = '<!-- nianbao-test: engine fault -->';
export const GC_REQUEST = 'nianbao/test/gc';

export interface HeldState {
  documents: number;
  analyses: number;
  published: number;
}

export interface GcResult {
  memory: NodeJS.MemoryUsage;
  held: HeldState;
}

export function testAnalyze(analyze: AnalyzeFn, env: NodeJS.ProcessEnv = process.env): AnalyzeFn {
  if (env.NIANBAO_TEST_ENGINE_FAULT !== '1') return analyze;
  return (text, options) => {
    if (text.includes(ENGINE_FAULT_MARK)) throw new RangeError('Maximum call stack size exceeded (test: engine fault on purpose)');
    return analyze(text, options);
  };
}

export function installTestHooks(connection: Connection, held: () => HeldState, env: NodeJS.ProcessEnv = process.env): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (env.NIANBAO_TEST_HOOKS !== '1' || typeof gc !== 'function') return;
  connection.onRequest(GC_REQUEST, (): GcResult => {
    gc();
    gc();
    return { memory: process.memoryUsage(), held: held() };
  });
}
