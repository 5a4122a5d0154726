import type * as PlotModule from '@observablehq/plot';
import type * as LinkedomModule from 'linkedom';
import { ChartPoint, QUARTER_MEASURES, SCHEME_MEASURES } from './chart-data';

/**
 * A real dynamic import: Plot and linkedom are ESM only, and TypeScript compiles `import()` to `require()` under
 * CommonJS. Node loads them on the first chart; Jest cannot, so charts are tested through the built server.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;

/** What the charts use of linkedom's DOM (the project compiles without the DOM's types). */
interface ChartElement {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelectorAll(selectors: string): Iterable<ChartElement>;
  insertBefore(node: ChartElement, before: unknown): unknown;
  firstChild: unknown;
  textContent: string | null;
  outerHTML: string;
}
interface ChartDocument {
  createElementNS(namespace: string, tag: string): ChartElement;
}

interface ChartLibraries {
  Plot: typeof PlotModule;
  parseHTML: typeof LinkedomModule.parseHTML;
}
let libraries: Promise<ChartLibraries> | undefined;
const chartLibraries = (): Promise<ChartLibraries> =>
  (libraries ??= Promise.all([
    importEsm<typeof PlotModule>('@observablehq/plot'),
    importEsm<typeof LinkedomModule>('linkedom'),
  ]).then(([Plot, linkedom]) => ({ Plot, parseHTML: linkedom.parseHTML })));

/** Two colours with at least 3:1 contrast against white (WCAG 1.4.11); each bar is also labelled on its axis. */
const COLOURS = ['#1d70b8', '#d53880'];

const POUNDS_TICK = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** A group's label on the axis, cut short (the table beside the chart gives it whole). */
const shortLabel = (text: string, max = 42): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * The SVG as markup for a page: an image with an accessible name and a <title> (axe: svg-img-alt), without the
 * aria-labels Plot puts on its groups (they name nothing a reader needs; the table beside the chart does).
 */
function accessibleSvg(svg: ChartElement, name: string, document: ChartDocument): string {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', name);
  for (const element of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  // an SVG <title>: its text is escaped when written out (an HTML element's text inside <svg> would not be)
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = name;
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}

/** Contributions against spend, a pair of bars per quarter. */
export async function quarterChart(points: ChartPoint[], name: string): Promise<string> {
  const { Plot, parseHTML } = await chartLibraries();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    document,
    width: 640,
    height: 320,
    marginLeft: 72,
    marginBottom: 32,
    style: { fontSize: '12px' },
    fx: { label: null, padding: 0.15, axis: 'bottom' },
    x: { label: null, domain: [...QUARTER_MEASURES], axis: null },
    y: { label: null, grid: true, tickFormat: (d: number) => POUNDS_TICK.format(d) },
    color: { domain: [...QUARTER_MEASURES], range: COLOURS },
    marks: [Plot.barY(points, { fx: 'group', x: 'measure', y: 'pounds', fill: 'measure' }), Plot.ruleY([0])],
  });
  return accessibleSvg(svg as unknown as ChartElement, name, document as unknown as ChartDocument);
}

/** Budget against actual, a pair of horizontal bars per scheme. */
export async function schemeChart(
  points: ChartPoint[],
  labels: Record<string, string>,
  name: string,
): Promise<string> {
  const { Plot, parseHTML } = await chartLibraries();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const groups = new Set(points.map((p) => p.group)).size;
  const svg = Plot.plot({
    document,
    width: 760,
    height: 50 + groups * 44,
    marginLeft: 300,
    marginRight: 24,
    style: { fontSize: '12px' },
    fy: { label: null, axis: 'left', tickFormat: (id: string) => shortLabel(labels[id] ?? id), padding: 0.2 },
    y: { label: null, domain: [...SCHEME_MEASURES], axis: null },
    x: { label: null, grid: true, tickFormat: (d: number) => POUNDS_TICK.format(d) },
    color: { domain: [...SCHEME_MEASURES], range: COLOURS },
    marks: [Plot.barX(points, { fy: 'group', y: 'measure', x: 'pounds', fill: 'measure' }), Plot.ruleX([0])],
  });
  return accessibleSvg(svg as unknown as ChartElement, name, document as unknown as ChartDocument);
}

/** The colour of each measure, for the legend the page draws beside the chart. */
export const legendOf = (measures: readonly string[]) =>
  measures.map((measure, i) => ({ measure, colour: COLOURS[i % COLOURS.length]! }));
