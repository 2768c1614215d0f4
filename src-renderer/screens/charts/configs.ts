/** chart.js configurations for each chart, built from the shaped series. */
import type { ChartConfiguration } from 'chart.js';
import type { ComparisonSeries, Series } from './series';
import { PALETTE } from './chartSetup';

// headroom above the tallest bar so its value label is not clipped
const countAxis = () => ({ beginAtZero: true, grace: '12%', ticks: { precision: 0 } });

export function barConfig(s: Series, label: string, color = PALETTE[0]!): ChartConfiguration {
  return {
    type: 'bar',
    data: { labels: s.labels, datasets: [{ label, data: s.data, backgroundColor: color, maxBarThickness: 48 }] },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: countAxis(), x: { ticks: { autoSkip: false, maxRotation: 60 } } },
      layout: { padding: { top: 16 } },
    },
  };
}

export function roundConfig(s: Series, label: string, kind: 'doughnut' | 'pie', colors: readonly string[] = PALETTE): ChartConfiguration {
  return {
    type: kind,
    data: {
      labels: s.labels.map((l, i) => `${l}：${s.data[i]}`),
      datasets: [{ label, data: s.data, backgroundColor: s.labels.map((_, i) => colors[i % colors.length]!), borderColor: '#fff' }],
    },
    // many categories on the right spilled one item into a second column: below the ring they flow in rows
    options: {
      plugins: { legend: { position: s.labels.length > 6 ? 'bottom' : 'right', labels: { boxWidth: 12, padding: 8 } } },
      layout: { padding: 8 },
    },
  };
}

export function comparisonConfig(s: ComparisonSeries, year: number): ChartConfiguration {
  // no figure at all for last year: no empty series in the chart or its exported image
  const hasLast = s.lastYear.some((v) => v !== null);
  return {
    type: 'bar',
    data: {
      labels: s.labels,
      datasets: [
        ...(hasLast ? [{ label: `${year - 1}年`, data: s.lastYear, backgroundColor: '#bfbfbf', maxBarThickness: 40 }] : []),
        { label: `${year}年`, data: s.thisYear, backgroundColor: PALETTE[0], maxBarThickness: 40 },
      ],
    },
    options: {
      plugins: { legend: { position: 'top' } },
      scales: { y: { beginAtZero: true, grace: '12%' }, x: { ticks: { autoSkip: false, maxRotation: 45 } } },
      layout: { padding: { top: 16 } },
    },
  };
}

export const OUTCOME_COLORS = ['#52c41a', '#f5222d', '#faad14'];
