/** A daily chart's box in SVG units, apart from chart.ts so the page's component does not bring d3 to the browser. */
export const CHART = { width: 320, height: 130, top: 8, right: 8, bottom: 20, left: 36 } as const;
