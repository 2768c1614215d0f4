import { useEffect, useRef } from 'react';
import { canDraw, Chart, configFor, type ChartConfiguration, type RenderMode } from './chartSetup';

interface Props {
  config: ChartConfiguration;
  /** accessible name (the chart's title) */
  label: string;
  mode?: RenderMode;
  /** CSS height when responsive */
  height?: number;
}

/** One chart.js chart on a canvas; rebuilt when its config changes. Nothing is drawn where there is no canvas (jsdom). */
export function ChartView({ config, label, mode, height = 300 }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !canDraw(canvas)) return;
    const chart = new Chart(canvas, configFor(config, mode ?? {}));
    return () => chart.destroy();
  }, [config, mode]);
  const fixed = mode?.fixed;
  if (fixed) {
    return (
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        width={fixed.width}
        height={fixed.height}
        style={{ width: fixed.width, height: fixed.height, display: 'block' }}
      />
    );
  }
  return (
    <div className="fz-chart-box" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
