// `render` charts: the worker builds the same Vega-Lite specification the CLI draws for `--chart` (src/node/chart.ts
// over src/node/chart-series.ts); here vega-embed draws it as SVG. vega-embed is loaded on the first chart only.
export async function drawChart(host: HTMLElement, chart: { spec?: unknown; error?: string; kind: string }): Promise<void> {
  host.replaceChildren();
  if (chart.error !== undefined || chart.spec === undefined) {
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = `render ${chart.kind}: ${chart.error ?? 'nothing to draw'}`;
    host.append(p);
    return;
  }
  const { default: embed } = await import('vega-embed');
  const target = document.createElement('div');
  target.className = 'chart';
  host.append(target);
  await embed(target, chart.spec as never, {
    renderer: 'svg',
    // Nothing leaves the page: no "open in editor" (it posts the spec to another site); exports are local files.
    actions: { export: true, source: false, compiled: false, editor: false },
  });
}
