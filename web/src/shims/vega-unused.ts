// src/node/chart.ts imports vega and vega-lite for its headless SVG renderer (svgFromVegaLite), which the worker
// never calls: it only builds the Vega-Lite specification (chartSpec) and the page draws it with vega-embed. This
// stand-in keeps ~1 MB of vega out of the query worker. (Library change wanted: chartSpec in a module of its own.)
function unavailable(): never {
  throw new Error('the query worker does not draw charts: the page does, with vega-embed');
}
export const compile = unavailable;
export const View = unavailable;
export const parse = unavailable;
export const Warn = 2;
export const SVGStringRenderer = unavailable;
