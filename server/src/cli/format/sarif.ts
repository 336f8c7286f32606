// SARIF 2.1.0 for GitHub code scanning: one run, the rules as reportingDescriptors
// with their doc pages, results with regions in UTF-16 columns.
import { pathToFileURL } from 'node:url';
import { relative, resolve } from 'node:path';
import { rules } from '../../engine/rules/index.ts';
import { createHash } from 'node:crypto';
import type { FileResult, OutDiagnostic } from '../check-file.ts';
import { keyString, type FindingKey } from '../../engine/finding-key.ts';
import { RULE_DOCS_URL } from '../../engine/rules/rule.ts';
import type { Formatter, FormatterIO } from './formatter.ts';
import { VERSION } from '../../host/version.ts';



const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const PARTIAL = 'nianbaoFinding/v1';
const partial = (k: FindingKey) => createHash('sha256').update(keyString(k)).digest('hex');
/**
 * A finding in a published form (PDF, Word, web page): the file, with no text
 * region (its lines are not the report's), and the place as a logical
 * location: `page 3/table 2/row 27/column 4` and its name (表三 （七）总计「自然人」).
 * The position in the imported Markdown is in the result's properties.
 */
function publishedLocation(uri: string, d: OutDiagnostic): unknown {
  const s = d.source ?? {};
  const path = [s.page !== undefined ? `page ${s.page}` : '', s.table !== undefined ? `table ${s.table}` : '', s.row !== undefined ? `row ${s.row}` : '', s.column !== undefined ? `column ${s.column}` : ''].filter(Boolean).join('/');
  return {
    physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } },
    ...(path || s.where ? { logicalLocations: [{ ...(s.where ? { name: s.where } : {}), ...(path ? { fullyQualifiedName: path } : {}), kind: 'element' }] } : {}),
  };
}

export function sarifFormatter(io: FormatterIO): Formatter {
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const uri = (p: string) => relative(process.cwd(), resolve(p)).split('\\').join('/');
  return {
    file(r: FileResult) {
      if (r.status === 'error') {
        notifications.push({ level: 'error', message: { text: `${r.path}: ${r.reason}` }, locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' } } }] });
        return;
      }
      const result = (d: OutDiagnostic, state?: 'new' | 'unchanged') => {
        const index = ruleIndex.get(d.ruleId);
        results.push({
          ruleId: d.ruleId,
          ...(index !== undefined ? { ruleIndex: index } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          // The finding's identity across runs (cli/fingerprint.ts), not its line.
          fingerprints: { 'nianbao/v1': d.fingerprint },
          // What the finding is without the file (engine/finding-key.ts): what a baseline records.
          partialFingerprints: { [PARTIAL]: partial(d) },
          locations: [r.form ? publishedLocation(uri(r.path), d) : {
            physicalLocation: {
              artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' },
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : d.endColumn) },
            },
          }],
          ...(state ? { baselineState: state } : {}),
          // Accepted in the baseline file: a suppression kept outside the source (SARIF 3.35.2 "external").
          ...(state === 'unchanged' ? { suppressions: [{ kind: 'external', status: 'accepted', justification: 'nianbao --baseline' }] } : {}),
          ...(r.form ? { properties: { form: r.form, source: d.source ?? {}, markdown: { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn } } } : {}),
        });
      };
      // With --baseline every result says whether it is new, accepted (unchanged) or gone (absent).
      const withBaseline = r.baselined !== undefined;
      for (const d of r.diagnostics) {
        if (io.quiet && d.severity !== 'error') continue;
        result(d, withBaseline ? 'new' : undefined);
      }
      for (const d of r.baselined ?? []) {
        if (io.quiet && d.severity !== 'error') continue;
        result(d, 'unchanged');
      }
      for (const e of r.absent ?? []) {
        const index = ruleIndex.get(e.ruleId);
        const rule = index !== undefined ? rules[index] : undefined;
        for (let i = 0; i < e.count; i++) {
          results.push({
            ruleId: e.ruleId,
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: rule ? LEVEL[rule.severity] : 'warning',
            message: { text: e.message ?? `${e.ruleId} ${e.subject}` },
            partialFingerprints: { [PARTIAL]: partial(e) },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' } } }],
            baselineState: 'absent',
          });
        }
      }
    },
    end() {
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'nianbao',
              version: VERSION,
              informationUri: 'https://github.com/nianbao/nianbao',
              rules: rules.map((r) => ({
                id: r.id,
                name: r.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
                shortDescription: { text: io.lang === 'zh' ? r.description.zh : r.description.en },
                fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
                helpUri: `${RULE_DOCS_URL}${r.id}.md`,
                defaultConfiguration: { level: LEVEL[r.severity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + '/').href } },
          invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
          results,
        }],
      };
      io.out(JSON.stringify(log, null, 2));
    },
  };
}
