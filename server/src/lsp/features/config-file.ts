// Configuration: editor settings changed (didChangeConfiguration), and what is
// wrong with a `.nianbaorc.json` as diagnostics on the file itself: the
// problems of the one loader (host/nianbaorc.ts), each placed on the key its
// JSON pointer names (jsonc-parser finds it), a syntax error where the parser
// stopped. The valid fields still apply (the loader keeps them).
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../engine/types.ts';
import type { ConfigProblem } from '../../host/nianbaorc.ts';
import { DidChangeConfigurationNotification } from 'vscode-languageserver/node.js';
import { pathToFileURL } from 'node:url';
import { decodeBytes } from '../../host/decode.ts';
import type { Feature, ServerContext } from '../context.ts';

export const CONFIG_PROBLEM_CODE = 'config-invalid';

function segments(pointer: string): (string | number)[] {
  return pointer.split('/').slice(1).map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(k) ? Number(k) : k;
  });
}

/** The diagnostics for a config file's text and the problems the loader found in it. */
export function configDiagnostics(path: string, text: string, problems: readonly ConfigProblem[], lang: Lang): LspDiagnostic[] {
  const doc = TextDocument.create('file:///config.json', 'json', 0, text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const rangeOf = (start: number, length: number) => ({ start: doc.positionAt(start), end: doc.positionAt(start + Math.max(length, 1)) });
  return problems.map((p) => {
    let range = rangeOf(0, 0);
    const at = p.pointer && root ? findNodeAtLocation(root, segments(p.pointer)) : undefined;
    if (at) {
      // A property's key says which field; an array entry or a whole value is marked as it is.
      const key: Node | undefined = at.parent?.type === 'property' ? at.parent.children?.[0] : undefined;
      range = key ? rangeOf(key.offset, key.length) : rangeOf(at.offset, at.length);
    } else if (p.pointer === '' && errors.length) {
      range = rangeOf(errors[0].offset, errors[0].length);
    }
    const detail = p.message.startsWith(`${path}: `) ? p.message.slice(path.length + 2) : p.message;
    const syntax = p.pointer === '' && errors.length ? ` (${printParseErrorCode(errors[0].error)})` : '';
    const message = lang === 'en'
      ? `.nianbaorc.json: ${detail}${syntax}; this setting is ignored, the rest apply.`
      : `.nianbaorc.json 配置有误，此项被忽略，其余设置仍生效：${detail}${syntax}`;
    return { range, severity: DiagnosticSeverity.Error, code: CONFIG_PROBLEM_CODE, source: 'nianbao', message };
  });
}

export interface ConfigFileFeature extends Feature {
  /** A config file was read: show its problems on it (or clear those shown before). */
  show(path: string, problems: readonly ConfigProblem[]): void;
  /** A config file was deleted: clear what was shown on it. */
  deleted(path: string): void;
}

export function registerConfigFile(ctx: ServerContext): ConfigFileFeature {
  /** Config files whose problems are shown, so that fixing or deleting one clears them. */
  const shown = new Set<string>();
  const send = (path: string, diagnostics: LspDiagnostic[]) => void ctx.connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics });

  ctx.connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as { nianbao?: unknown } | null | undefined)?.nianbao;
    if (settings !== undefined) ctx.configs.setPushed(settings);
    ctx.recheckAll();
  });

  return {
    initialized() {
      if (ctx.client.canRegisterConfig) void ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' }).catch(() => undefined);
    },
    show(path, problems) {
      if (problems.length) shown.add(path);
      else if (!shown.delete(path)) return;
      let text = '';
      try {
        text = decodeBytes(ctx.workspace.readFile(path)).text;
      } catch {
        // Gone since it was read: the problems are placed at the start.
      }
      send(path, configDiagnostics(path, text, problems, ctx.client.lang));
    },
    deleted(path) {
      if (shown.delete(path)) send(path, []);
    },
  };
}
