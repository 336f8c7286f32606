// Apache ECharts as the review page uses it: the bar, heatmap and line charts
// with the server-side SVG renderer (no browser, no DOM). In the bundles this
// file is dist/lib/echarts.cjs, loaded by charts.ts on the first chart
// (esbuild.mjs), so that `nianbao check` never compiles it.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

/** One chart rendered to an SVG string at the given size (ECharts' SSR mode). */
export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
