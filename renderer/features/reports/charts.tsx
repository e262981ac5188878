/**
 * The report's charts, drawn as SVG rather than with Chart.js: the same markup is on screen, in the
 * browser's print and in Electron's printToPDF, where vectors stay sharp at any zoom and print
 * resolution (a canvas would be a bitmap in the PDF, sized to the screen's pixel ratio), nothing
 * animates, nothing has to finish drawing before the page is printed, and the charts cost no
 * extra chunk. Colours are the design tokens (--marketing, --sales) through CSS classes, so the
 * print stylesheet can put them on paper. Each chart is an image with a spoken summary; its
 * numbers are in the tables beside it and in the CSV.
 */
import type { SparkPoint, WeekPoint } from '../../../shared/domain/report';

const HOUR_MS = 3_600_000;

/** A round step for an axis reaching `max` in about `ticks` steps (1, 2, 5 × 10ⁿ). */
function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

export function WeeklyChart({
  weeks,
  label,
  weekLabel,
  hoursLabel,
}: {
  weeks: readonly WeekPoint[];
  label: string;
  /** The axis label of a week ("11/16"). */
  weekLabel: (weekStart: number) => string;
  hoursLabel: (hours: number) => string;
}) {
  const width = 640;
  const height = 200;
  const left = 44;
  const right = 8;
  const top = 10;
  const bottom = 26;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.marketingMs, w.salesMs, w.budgetMs) / HOUR_MS));
  const step = niceStep(max, 4);
  const ceiling = Math.ceil(max / step) * step;
  const y = (hours: number) => top + plotH - (hours / ceiling) * plotH;
  const slot = weeks.length > 0 ? plotW / weeks.length : plotW;
  const bar = Math.max(1.5, Math.min(14, slot * 0.34));
  const labelEvery = Math.ceil(weeks.length / 14);
  const ticks: number[] = [];
  for (let v = 0; v <= ceiling + 1e-9; v += step) ticks.push(v);
  return (
    <svg className="report-chart report-chart--weekly" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {ticks.map((v) => (
        <g key={v}>
          <line className="report-chart__grid" x1={left} x2={width - right} y1={y(v)} y2={y(v)} />
          <text className="report-chart__axis" x={left - 4} y={y(v) + 3} textAnchor="end">
            {hoursLabel(v)}
          </text>
        </g>
      ))}
      {weeks.map((w, i) => {
        const x = left + i * slot + slot / 2;
        const m = w.marketingMs / HOUR_MS;
        const s = w.salesMs / HOUR_MS;
        const b = w.budgetMs / HOUR_MS;
        return (
          <g key={w.weekStart}>
            <rect className="report-chart__bar report-chart__bar--marketing" x={x - bar - 0.5} y={y(m)} width={bar} height={Math.max(0, y(0) - y(m))} />
            <rect className="report-chart__bar report-chart__bar--sales" x={x + 0.5} y={y(s)} width={bar} height={Math.max(0, y(0) - y(s))} />
            <line className="report-chart__budget" x1={x - slot * 0.45} x2={x + slot * 0.45} y1={y(b)} y2={y(b)} />
            {i % labelEvery === 0 ? (
              <text className="report-chart__axis" x={x} y={height - bottom + 14} textAnchor="middle">
                {weekLabel(w.weekStart)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line className="report-chart__baseline" x1={left} x2={width - right} y1={y(0)} y2={y(0)} />
    </svg>
  );
}

/** The period's metric and the ones before it; gaps where a period has no data. */
export function Sparkline({ points, label }: { points: readonly SparkPoint[]; label: string }) {
  const width = 96;
  const height = 22;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) {
    return (
      <svg className="report-spark" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line className="report-spark__none" x1={2} x2={width - 2} y1={height / 2} y2={height / 2} />
      </svg>
    );
  }
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? width / 2 : 3 + (i / (points.length - 1)) * (width - 6));
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  // Runs of consecutive values; a null breaks the line.
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  const lastIndex = points.length - 1;
  return (
    <svg className="report-spark" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {runs.map((r) => (r.includes(' ') ? <polyline key={r} className="report-spark__line" points={r} /> : null))}
      {points.map((p, i) =>
        p.value !== null && (i === lastIndex || (points[i - 1]?.value ?? null) === null) ? (
          <circle key={p.start} className={i === lastIndex ? 'report-spark__dot report-spark__dot--last' : 'report-spark__dot'} cx={x(i)} cy={y(p.value)} r={i === lastIndex ? 2.2 : 1.4} />
        ) : null,
      )}
    </svg>
  );
}

export interface BarRow {
  label: string;
  values: number[];
}

/** Horizontal bars, stacked by series, with the total at the end of each bar. */
export function BarChart({
  rows,
  series,
  label,
  format,
}: {
  rows: readonly BarRow[];
  series: readonly { label: string; tone: 'marketing' | 'sales' }[];
  label: string;
  format: (value: number) => string;
}) {
  const width = 640;
  const rowH = 20;
  const labelW = 190;
  const valueW = 48;
  const legendH = series.length > 1 ? 20 : 0;
  const height = rows.length * rowH + 4 + legendH;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = (width - labelW - valueW - 8) / max;
  return (
    <svg className="report-chart report-chart--bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {rows.map((row, i) => {
        const yTop = 2 + i * rowH;
        let x = labelW;
        const total = row.values.reduce((a, b) => a + b, 0);
        return (
          <g key={row.label}>
            <text className="report-chart__label" x={labelW - 8} y={yTop + rowH / 2 + 4} textAnchor="end">
              {row.label}
            </text>
            {row.values.map((v, s) => {
              const w = v * scale;
              const rect = <rect key={series[s]?.label ?? s} className={`report-chart__bar report-chart__bar--${series[s]?.tone ?? 'marketing'}`} x={x} y={yTop + 3} width={w} height={rowH - 6} />;
              x += w;
              return rect;
            })}
            <text className="report-chart__value" x={x + 6} y={yTop + rowH / 2 + 4}>
              {format(total)}
            </text>
          </g>
        );
      })}
      {series.length > 1
        ? series.map((s, i) => (
            <g key={s.label} transform={`translate(${labelW + i * 200}, ${height - legendH + 4})`}>
              <rect className={`report-chart__bar report-chart__bar--${s.tone}`} x={0} y={2} width={10} height={10} />
              <text className="report-chart__label" x={16} y={11}>
                {s.label}
              </text>
            </g>
          ))
        : null}
    </svg>
  );
}
