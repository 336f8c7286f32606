// The requests behind the client's commands: the templates on offer, a new
// report from a template, next year's report from this one (../report-text.ts),
// a published report imported for 导入并检查 (../import-request.ts).
// Fix all is features/code-actions.ts.
import { ResponseError } from 'vscode-languageserver/node.js';
import { builtinTemplates } from '../../engine/templates/builtin.ts';
import { describe, guard, type Feature, type ServerContext } from '../context.ts';
import {
  NEW_REPORT_REQUEST, NEXT_YEAR_REQUEST, TEMPLATES_REQUEST,
  type NewReportParams, type NextYearParams, type ReportTextResult, type TemplateInfo,
} from '../protocol.ts';
import { importRequest } from '../import-request.ts';
import { IMPORT_PUBLISHED_REQUEST, type ImportPublishedParams } from '../protocol.ts';
import { newReport, nextYearReport, ReportTextError } from '../report-text.ts';

export function registerCommands(ctx: ServerContext): Feature {
  const { connection, configs } = ctx;

  connection.onRequest(TEMPLATES_REQUEST, (params: { uri?: string } | undefined, token) => guard(ctx, 'templates', [] as TemplateInfo[], async () => {
    const lang = ctx.client.lang;
    const templates = params?.uri ? (await configs.get(params.uri)).analyze.templates ?? builtinTemplates : builtinTemplates;
    return templates.map((t) => ({ id: t.id, name: t.name[lang], from: t.years.from, to: t.years.to }));
  }, token));

  // 导入并检查: a published report imported, a free name beside it (../import-request.ts).
  connection.onRequest(IMPORT_PUBLISHED_REQUEST, (params: ImportPublishedParams) => importRequest(params, configs, ctx.client.lang, ctx.log));

  connection.onRequest(NEW_REPORT_REQUEST, async (params: NewReportParams & { uri?: string }): Promise<ReportTextResult> => {
    const templates = params.uri ? (await configs.get(params.uri)).analyze.templates ?? builtinTemplates : builtinTemplates;
    try {
      return newReport(templates, params.year, params.template, params.agency, ctx.client.lang);
    } catch (error) {
      if (error instanceof ReportTextError) throw new ResponseError(1, error.message);
      ctx.log(`nianbao: new report failed: ${describe(error)}`);
      throw new ResponseError(2, describe(error));
    }
  });

  connection.onRequest(NEXT_YEAR_REQUEST, async (params: NextYearParams): Promise<ReportTextResult> => {
    const lang = ctx.client.lang;
    const c = await ctx.checkedFor(params.uri);
    if (!c?.analysis) throw new ResponseError(1, lang === 'en' ? 'The document is not open or not a report.' : '文档未打开或不是年度报告。');
    try {
      return nextYearReport(c.analysis, c.config.analyze.templates ?? builtinTemplates, lang);
    } catch (error) {
      if (error instanceof ReportTextError) throw new ResponseError(1, error.message);
      ctx.log(`nianbao: next year's report failed: ${describe(error)}`);
      throw new ResponseError(2, describe(error));
    }
  });

  return {};
}
