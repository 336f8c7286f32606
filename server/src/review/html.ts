// The review page as one self-contained HTML file: inline CSS, the charts as
// inline SVG, and a small inline script that sorts and filters the reports
// table. Nothing is fetched: the page opens from disk and can be mailed.
import type { FigureDiff } from '../engine/cross/year-diff.ts';
import { formatIndicator, formatQuantity, INDICATORS, type Indicator } from '../engine/indicators.ts';
import { formatNumber } from '../engine/relations.ts';
import { formName } from '../host/form.ts';
import { placeText } from '../host/load-report.ts';
import type { Lang } from '../engine/types.ts';
import type { Chart } from './charts.ts';
import type { ReviewFinding } from './context.ts';
import { indicatorLabel, TABLE_INDICATORS, type Cell, type PageModel } from './model.ts';
import { t } from './strings.ts';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Findings shown under 与上一年度比较 rather than with the others. */
export const YEAR_RULES = new Set(['copied-text', 'carryover']);

const CSS = `
:root{--err:#c0392b;--warn:#b9770e;--info:#2e86c1;--ok:#1e8449;--line:#d5d8dc;--muted:#5d6d7e}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;margin:0;color:#1b2631;background:#fbfcfc;line-height:1.5}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header h1{font-size:24px;margin:24px 0 4px}
h2{font-size:19px;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0}
.muted{color:var(--muted);font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 16px;min-width:130px}
.card .n{font-size:26px;font-weight:600}
.card.err .n{color:var(--err)}.card.warn .n{color:var(--warn)}.card.ok .n{color:var(--ok)}
.tools{display:flex;gap:16px;align-items:center;margin:8px 0}
.tools input[type=search]{padding:6px 8px;min-width:280px;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;background:#fff}
#reports{width:100%;font-size:13px}
#reports th,#reports td{border:1px solid var(--line);padding:4px 6px;text-align:left}
#reports th{background:#f2f4f4;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
#reports th[aria-sort=ascending]::after{content:" ▲"}#reports th[aria-sort=descending]::after{content:" ▼"}
#reports td.num{text-align:right;font-variant-numeric:tabular-nums}
#reports td.e{color:var(--err);font-weight:600}
.unreliable{color:var(--warn)}.unreliable::after{content:" ⚠"}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:12px 0;overflow-x:auto}
.chart h3{margin:4px 0}
details.report{content-visibility:auto;contain-intrinsic-size:auto 48px;background:#fff;border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:8px 14px}
details.report>summary{cursor:pointer;font-weight:600}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;margin-left:6px}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.info{background:var(--info)}.badge.clean{background:var(--ok)}
ol.findings{padding-left:22px}
li.finding{margin:8px 0}
li.finding .rule{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}
.sev{font-weight:600}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
table.row{font-size:12px;margin:4px 0}
table.row th,table.row td{border:1px solid var(--line);padding:2px 5px;text-align:center}
table.row th{background:#f8f9f9;font-weight:normal}
table.row td.label{text-align:left}
mark{background:#fadbd8;color:var(--err);font-weight:700;padding:0 2px}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid var(--line);background:#f8f9f9;font-size:13px}
.relation{font-family:ui-monospace,monospace;font-size:12px;background:#fef9e7;padding:2px 6px;display:block;margin:2px 0}
table.ind{font-size:13px}table.ind td,table.ind th{border:1px solid var(--line);padding:2px 8px}
details.figures>summary{cursor:pointer;font-size:13px}
table.figures{font-size:12px;margin:4px 0}table.figures td,table.figures th{border:1px solid var(--line);padding:2px 6px}
table.figures td.num{text-align:right;font-variant-numeric:tabular-nums}table.figures td.up{color:var(--ok)}table.figures td.down{color:var(--err)}
ul.related{margin:2px 0;padding-left:18px;font-size:12px;color:var(--muted)}
footer{margin:40px auto 30px}
@media print{.tools{display:none}details.report{break-inside:avoid}}
`;

// Sorting and filtering of the reports table; every cell carries its sort value in data-v.
const SCRIPT = `
(function(){
var table=document.getElementById('reports');if(!table)return;
var body=table.tBodies[0],heads=table.tHead.rows[0].cells,rows=[].slice.call(body.rows);
var box=document.getElementById('filter'),only=document.getElementById('only-errors'),shown=document.getElementById('shown');
var zh=new Intl.Collator('zh');
function val(td){var v=td.getAttribute('data-v');if(v===null||v==='')return null;var n=Number(v);return isNaN(n)?v:n;}
[].forEach.call(heads,function(th,i){th.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';
[].forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var keyed=rows.map(function(r,k){return {r:r,v:val(r.cells[i]),k:k};});
keyed.sort(function(a,b){var x=a.v,y=b.v;
if(x===null||y===null)return x===y?a.k-b.k:(x===null?1:-1);
var c=(typeof x==='number'&&typeof y==='number')?x-y:zh.compare(String(x),String(y));return (asc?c:-c)||a.k-b.k;});
rows=keyed.map(function(e){return e.r;});
var f=document.createDocumentFragment();rows.forEach(function(r){f.appendChild(r);});body.appendChild(f);});});
function filter(){var q=box.value.trim().toLowerCase(),n=0;
rows.forEach(function(r){var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0||r.getAttribute('data-path').toLowerCase().indexOf(q)>=0)&&(!only.checked||Number(r.getAttribute('data-errors'))>0);
r.hidden=!ok;if(ok)n++;});shown.textContent=shown.getAttribute('data-template').replace('{n}',n);}
box.addEventListener('input',filter);only.addEventListener('change',filter);
})();
`;

function td(c: Cell, cls = ''): string {
  const classes = [cls, c.status === 'unreliable' ? 'unreliable' : ''].filter(Boolean).join(' ');
  const title = c.title ? ` title="${esc(c.title)}"` : '';
  return `<td${classes ? ` class="${classes}"` : ''} data-v="${esc(String(c.sort))}"${title}>${esc(c.text)}</td>`;
}

function overviewHtml(m: PageModel): string {
  const o = m.overview;
  const lang = m.lang;
  const share = o.cleanShare ? formatQuantity(o.cleanShare, lang) : '—';
  const card = (id: string, label: string, n: string, cls = '') => `<div class="card ${cls}" id="ov-${id}"><div class="n" data-n="${esc(n)}">${esc(n)}</div><div class="muted">${esc(label)}</div></div>`;
  const years = o.years.length ? o.years.join('、') : '—';
  return `<section id="overview"><h2>${esc(t('overview', lang))}</h2><div class="cards">
${card('reports', t('reports', lang), String(o.reports))}
${card('agencies', t('agencies', lang), String(o.agencies))}
${card('years', t('years', lang), years)}
${card('errors', t('errors', lang), String(o.errors), 'err')}
${card('warnings', t('warnings', lang), String(o.warnings), 'warn')}
${card('clean', t('cleanShare', lang), share, 'ok')}
${o.unreadable ? card('unreadable', t('unreadable', lang), String(o.unreadable), 'err') : ''}
</div></section>`;
}

function tableHtml(m: PageModel): string {
  const lang = m.lang;
  const heads = [t('agency', lang), t('year', lang), t('format', lang), t('errors', lang), t('warnings', lang), ...TABLE_INDICATORS.map((id) => indicatorLabel(id, lang)), t('changeApplications', lang), t('changeOpenRate', lang)];
  const rows = m.rows.map((r) => `<tr data-path="${esc(r.path)}" data-errors="${r.errors.sort}">`
    + `<td data-v="${esc(String(r.agency.sort))}"><a href="#${r.id}">${esc(r.agency.text)}</a></td>`
    + td(r.year, 'num') + td(r.format) + td(r.errors, Number(r.errors.sort) > 0 ? 'num e' : 'num') + td(r.warnings, 'num')
    + r.indicators.map((c) => td(c, 'num')).join('') + r.changes.map((c) => td(c, 'num')).join('') + '</tr>');
  return `<section id="table"><h2>${esc(t('reportsTable', lang))}</h2>
<div class="tools"><input type="search" id="filter" placeholder="${esc(t('filter', lang))}"><label><input type="checkbox" id="only-errors"> ${esc(t('onlyErrors', lang))}</label>
<span id="shown" class="muted" data-template="${esc(t('shown', lang, '{n}', m.rows.length))}">${esc(t('shown', lang, m.rows.length, m.rows.length))}</span><span class="muted">${esc(t('sortHint', lang))}</span></div>
<table id="reports"><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function chartsHtml(charts: Chart[], lang: Lang): string {
  if (!charts.length) return '';
  return `<section id="charts"><h2>${esc(t('charts', lang))}</h2>
${charts.map((c) => `<figure class="chart" id="chart-${c.id}"><h3>${esc(c.title)}</h3>${c.note ? `<p class="muted">${esc(c.note)}</p>` : ''}${c.svg}</figure>`).join('\n')}
</section>`;
}

function contextHtml(f: ReviewFinding): string {
  const c = f.context;
  let out = '';
  if (c?.kind === 'row') {
    const heads = c.headers.slice(0, c.cells.length);
    out += `<table class="row"><caption class="muted">${esc(c.table)}</caption><tr><th></th>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`
      + `<tr><td class="label">${esc(c.label)}</td>${c.cells.map((x) => `<td>${x.marked ? `<mark>${esc(x.text || '␣')}</mark>` : esc(x.text)}</td>`).join('')}</tr></table>`;
  } else if (c?.kind === 'text') {
    out += `<blockquote>${esc(c.before)}<mark>${esc(c.marked)}</mark>${esc(c.after)}</blockquote>`;
  }
  for (const r of f.relations ?? []) out += `<code class="relation">${esc(r)}</code>`;
  // What the finding was compared with (the table cells a sentence contradicts, the first occurrence, …); a relation already shows its terms.
  if (!f.relations && f.related) {
    const shown = [...new Set(f.related)];
    out += `<ul class="related">${shown.slice(0, 8).map((r) => `<li>${esc(r)}</li>`).join('')}${shown.length > 8 ? '<li>…</li>' : ''}</ul>`;
  }
  return out;
}

function findingHtml(f: ReviewFinding, lang: Lang): string {
  // A published form's finding is placed in it (第 3 页 表三 …, 表格 2 第 27 行 …): a line of the imported Markdown would mean nothing to its reader.
  const at = f.source ? placeText(f.source, lang) : t('line', lang, f.line, f.column);
  const page = f.source?.page !== undefined ? ` data-page="${f.source.page}"` : '';
  return `<li class="finding" data-rule="${esc(f.ruleId)}" data-line="${f.line}" data-column="${f.column}"${page}><span class="sev ${f.severity}">${esc(t(f.severity, lang))}</span> ${esc(f.message)} <span class="rule">${esc(f.ruleId)} · <span class="at">${esc(at)}</span></span>${contextHtml(f)}</li>`;
}

function indicatorRow(ind: Indicator, lang: Lang): string {
  const def = INDICATORS.find((d) => d.id === ind.id)!;
  const value = formatIndicator(ind, lang);
  const unit = ind.value?.kind === 'number' && def.unit?.[lang] ? ` ${def.unit[lang]}` : '';
  const change = ind.change?.value ? formatQuantity(ind.change.value, lang, true) : '';
  const notes = [
    ind.status === 'unreliable' ? t('unreliable', lang) : ind.status === 'empty' ? t('statusEmpty', lang) : ind.status === 'missing' ? t('statusMissing', lang) : ind.status === 'absent' ? t('statusAbsent', lang) : '',
    ...(ind.problems ?? []).map((p) => p[lang]),
  ].filter(Boolean).join('；');
  const cls = ind.status === 'unreliable' ? ' class="unreliable"' : '';
  const ccls = ind.change?.status === 'unreliable' ? ' class="unreliable"' : '';
  return `<tr data-indicator="${ind.id}"><th scope="row">${esc(def.label[lang])}</th><td${cls}>${esc(value + unit)}</td><td${ccls}>${esc(change)}</td><td class="muted">${esc(notes)}</td></tr>`;
}

function figureValue(v: number | string | null): string {
  return v === null ? '—' : typeof v === 'number' ? formatNumber(v) : v;
}

/** The figures that changed from last year, as `nianbao diff` lists them: figure, last year, this year, change. */
function figuresHtml(figures: NonNullable<PageModel['reports'][number]['figures']>, lang: Lang): string {
  const { compared, changed } = figures;
  if (!changed.length) return `<p class="muted figures">${esc(t('figuresSame', lang, compared))}</p>`;
  const row = (f: FigureDiff) => {
    const cls = f.change === null ? 'num' : f.change > 0 ? 'num up' : 'num down';
    const change = f.change === null ? '—' : f.change > 0 ? `+${formatNumber(f.change)}` : `−${formatNumber(-f.change)}`;
    return `<tr data-figure="${esc(f.name)}"><td title="${esc(f.name)}">${esc(f.label)}</td><td class="num">${esc(figureValue(f.last))}</td><td class="num">${esc(figureValue(f.this))}</td><td class="${cls}">${esc(change)}</td></tr>`;
  };
  return `<details class="figures"><summary>${esc(t('figuresChanged', lang, changed.length, compared))}</summary>`
    + `<table class="figures"><tr><th>${esc(t('figure', lang))}</th><th>${esc(t('lastYear', lang))}</th><th>${esc(t('thisYear', lang))}</th><th>${esc(t('change', lang))}</th></tr>${changed.map(row).join('')}</table></details>`;
}

function reportHtml(r: PageModel['reports'][number], lang: Lang): string {
  const main = r.findings.filter((f) => !YEAR_RULES.has(f.ruleId));
  const yearly = r.findings.filter((f) => YEAR_RULES.has(f.ruleId));
  const badges = (r.errors ? `<span class="badge error">${r.errors} ${esc(t('errors', lang))}</span>` : `<span class="badge clean">✓ 0 ${esc(t('errors', lang))}</span>`)
    + (r.warnings ? `<span class="badge warning">${r.warnings} ${esc(t('warnings', lang))}</span>` : '');
  const name = `${r.agency ?? r.path}${r.year !== undefined ? ` · ${r.year}` : ''}`;
  const findings = main.length ? `<ol class="findings">${main.map((f) => findingHtml(f, lang)).join('')}</ol>` : `<p class="muted">${esc(t('noFindings', lang))}</p>`;
  const yoy = r.previous
    ? `<h4>${esc(t('yearOverYear', lang))}</h4><p class="muted">${esc(t('previous', lang))}：<code>${esc(r.previous)}</code></p>${yearly.length ? `<ol class="findings">${yearly.map((f) => findingHtml(f, lang)).join('')}</ol>` : `<p class="muted">${esc(t('noYearFindings', lang))}</p>`}${r.figures ? figuresHtml(r.figures, lang) : ''}`
    : `<h4>${esc(t('yearOverYear', lang))}</h4><p class="muted">${esc(t('noPrevious', lang))}</p>${yearly.length ? `<ol class="findings">${yearly.map((f) => findingHtml(f, lang)).join('')}</ol>` : ''}`;
  const indicators = `<h4>${esc(t('indicators', lang))}</h4><table class="ind"><tr><th>${esc(t('indicator', lang))}</th><th>${esc(t('value', lang))}</th><th>${esc(t('change', lang))}</th><th>${esc(t('status', lang))}</th></tr>${r.indicators.map((i) => indicatorRow(i, lang)).join('')}</table>`;
  return `<details class="report" id="${r.id}" data-path="${esc(r.path)}"${r.errors ? ' open' : ''}><summary>${esc(name)}${badges}</summary>
<p class="muted">${esc(t('source', lang))}：<code>${esc(r.path)}</code>${r.form ? `（${esc(t('publishedForm', lang, formName(r.form, lang)))}）` : ''}${r.title ? ` · ${esc(r.title)}` : ''}</p>
${findings}
${yoy}
${indicators}
</details>`;
}

export function pageHtml(m: PageModel, charts: Chart[], version: string): string {
  const lang = m.lang;
  const unreadable = m.unreadable.length
    ? `<section id="unreadable"><h2>${esc(t('unreadable', lang))}</h2><ul>${m.unreadable.map((u) => `<li><code>${esc(u.path)}</code>：${esc(u.reason)}</li>`).join('')}</ul></section>`
    : '';
  const body = m.rows.length ? `${tableHtml(m)}\n${chartsHtml(charts, lang)}\n<section id="details"><h2>${esc(t('details', lang))}</h2>\n${m.reports.map((r) => reportHtml(r, lang)).join('\n')}\n</section>` : `<p>${esc(t('noReports', lang))}</p>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="nianbao ${esc(version)}">
<title>${esc(t('title', lang))}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(t('title', lang))}</h1></header>
<main>
${overviewHtml(m)}
${unreadable}
${body}
</main>
<footer class="muted">${esc(t('generatedBy', lang, version))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
