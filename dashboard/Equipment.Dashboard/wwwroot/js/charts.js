// uPlot time-series charts in the dashboard's dark theme, resized with their container.
const AXIS = { stroke: '#8a96a3', grid: { stroke: '#232a33', width: 1 }, ticks: { stroke: '#2b333d', width: 1 }, font: '11px system-ui, sans-serif' };

/**
 * Draws into `el`. series: [{label, color, unit, scale}], data: [xs, ...ys] (xs in seconds for time charts).
 * Returns {update(data), destroy()}.
 */
export function lineChart(el, { series, data, height = 180, time = true, xLabel, yLabel }) {
  const scales = [...new Set(series.map((s) => s.scale || 'y'))];
  const opts = {
    width: Math.max(200, el.clientWidth || 400),
    height,
    legend: { show: true, live: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time } },
    axes: [
      { ...AXIS, label: xLabel, labelSize: xLabel ? 16 : 0 },
      ...scales.map((scale, i) => ({ ...AXIS, scale, side: i === 0 ? 3 : 1, label: i === 0 ? yLabel : undefined, labelSize: i === 0 && yLabel ? 16 : 0, grid: { ...AXIS.grid, show: i === 0 }, size: 52 })),
    ],
    series: [
      { label: time ? 'time' : xLabel || 'x' },
      ...series.map((s) => ({ label: s.unit ? `${s.label} (${s.unit})` : s.label, stroke: s.color, width: 1.6, scale: s.scale || 'y', fill: s.fill, spanGaps: !!s.spanGaps, points: { show: !!s.points, size: 5 } })),
    ],
  };
  const plot = new uPlot(opts, data, el);
  el.dataset.points = String(data[0]?.length ?? 0);
  const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
  ro.observe(el);
  return {
    plot,
    update(next) { plot.setData(next); el.dataset.points = String(next[0]?.length ?? 0); },
    destroy() { ro.disconnect(); plot.destroy(); },
  };
}

export const COLORS = { amber: '#f5a524', cyan: '#39c5cf', green: '#3fb950', red: '#f85149', violet: '#a371f7', blue: '#58a6ff', orange: '#f0883e', grey: '#8a96a3' };
