/**
 * chart.js options every line chart of the page shares: data already in `{x, y}` points sorted by
 * x (no parsing, normalised), no animation, no pointer events (the page's own handlers read the
 * pointer), and a size that follows the container.
 */
export const FAST_LINE_OPTIONS = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false as const,
  normalized: true,
  events: [] as never[],
};
