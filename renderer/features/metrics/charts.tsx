/**
 * The metric charts, on Chart.js. This module is imported lazily (React.lazy in
 * OverviewPanel), so Chart.js stays out of the start-up bundle and loads with the first chart.
 * Only the parts drawn here are registered, so the rest of Chart.js is tree-shaken away.
 *
 * Colours come from the design tokens (tokens.css) as they are now, so the charts follow the
 * light or dark theme and change with it; animation is off when the OS asks for reduced motion.
 * Every canvas is an image with a spoken summary; the numbers themselves are in the cards and
 * in the data table beside the large chart.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, type ChartOptions, type ScriptableContext } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { Language } from '../../../shared/domain/model';
import { formatNumber } from '../../i18n/format';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

// ---------------------------------------------------------------------------------------------
// Theme and motion, read from the page and followed as they change

const THEME_VARIABLES = ['--marketing', '--marketing-soft', '--text', '--text-muted', '--border', '--surface', '--font-ui'] as const;

function readTheme(): string {
  const style = getComputedStyle(document.documentElement);
  return THEME_VARIABLES.map((name) => style.getPropertyValue(name).trim()).join('\u0001');
}

function subscribeTheme(onChange: () => void): () => void {
  // Settings switches the theme with html[data-theme]; "system" follows the OS scheme.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', onChange);
  };
}

interface ChartTheme {
  line: string;
  fill: string;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  font: string;
}

function useChartTheme(): ChartTheme {
  const snapshot = useSyncExternalStore(subscribeTheme, readTheme);
  return useMemo(() => {
    const [line, fill, text, muted, grid, surface, font] = snapshot.split('\u0001');
    return {
      line: line || '#0f766e',
      fill: fill || 'transparent',
      text: text || '#1c1c1a',
      muted: muted || '#5b5b55',
      grid: grid || '#dcdcd6',
      surface: surface || '#ffffff',
      font: font || 'system-ui, sans-serif',
    };
  }, [snapshot]);
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeMotion(onChange: () => void): () => void {
  const query = matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, () => matchMedia(REDUCED_MOTION).matches);
}

// ---------------------------------------------------------------------------------------------
// Charts

export interface ChartPoint {
  /** Tick label: "Nov 16" / "11/16". */
  label: string;
  /** Tooltip title: "Nov 16, 2026" / "2026/11/16". */
  longLabel: string;
  /** null where nothing was entered: a gap, not a zero. */
  value: number | null;
}

/** A small line for a card of the overview: no axes, the latest point marked. */
export function Sparkline({ points, ariaLabel, language }: { points: readonly ChartPoint[]; ariaLabel: string; language: Language }) {
  const theme = useChartTheme();
  const reduced = useReducedMotion();
  const data = useMemo(
    () => ({
      labels: points.map((p) => p.label),
      datasets: [
        {
          data: points.map((p) => p.value),
          borderColor: theme.line,
          backgroundColor: theme.fill,
          fill: 'origin' as const,
          tension: 0.25,
          borderWidth: 2,
          spanGaps: false,
          // The latest point is marked; a value with no neighbour (a monthly webinar, a gap) would
          // draw no line at all, so it gets a dot too.
          pointRadius: (ctx: ScriptableContext<'line'>) =>
            ctx.dataIndex === points.length - 1 ? 3 : (points[ctx.dataIndex - 1]?.value ?? null) === null && (points[ctx.dataIndex + 1]?.value ?? null) === null ? 2.5 : 0,
          pointHoverRadius: 4,
          pointBackgroundColor: theme.line,
        },
      ],
    }),
    [points, theme],
  );
  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 350 },
      interaction: { mode: 'index', intersect: false },
      layout: { padding: { top: 4, bottom: 2, left: 2, right: 4 } },
      scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
      plugins: {
        legend: { display: false },
        tooltip: {
          displayColors: false,
          titleFont: { family: theme.font },
          bodyFont: { family: theme.font },
          callbacks: {
            title: (items) => points[items[0]?.dataIndex ?? 0]?.longLabel ?? '',
            label: (item) => formatNumber(item.parsed.y ?? 0, language),
          },
        },
      },
    }),
    [points, theme, reduced, language],
  );
  return <Line data={data} options={options} role="img" aria-label={ariaLabel} fallbackContent={ariaLabel} />;
}

/**
 * The large chart of one metric: the recent periods, and the same periods a year earlier as a
 * dashed line where there is data for them.
 */
export function TrendChart({
  points,
  lastYear,
  seriesLabel,
  lastYearLabel,
  ariaLabel,
  language,
}: {
  points: readonly ChartPoint[];
  /** Aligned with `points`; omitted when the year before has no data at all. */
  lastYear?: readonly ChartPoint[];
  seriesLabel: string;
  lastYearLabel: string;
  ariaLabel: string;
  language: Language;
}) {
  const theme = useChartTheme();
  const reduced = useReducedMotion();
  const data = useMemo(
    () => ({
      labels: points.map((p) => p.label),
      datasets: [
        {
          label: seriesLabel,
          data: points.map((p) => p.value),
          borderColor: theme.line,
          backgroundColor: theme.fill,
          fill: 'origin' as const,
          tension: 0.2,
          borderWidth: 2.5,
          pointRadius: 3,
          pointBackgroundColor: theme.line,
          spanGaps: false,
        },
        ...(lastYear
          ? [
              {
                label: lastYearLabel,
                data: lastYear.map((p) => p.value),
                borderColor: theme.muted,
                backgroundColor: theme.muted,
                borderDash: [6, 4],
                fill: false as const,
                tension: 0.2,
                borderWidth: 1.5,
                pointRadius: 2,
                spanGaps: false,
              },
            ]
          : []),
      ],
    }),
    [points, lastYear, seriesLabel, lastYearLabel, theme],
  );
  const options = useMemo<ChartOptions<'line'>>(() => {
    const font = { family: theme.font, size: 12 };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 400 },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.muted, font, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.muted, font, precision: 0, callback: (value) => formatNumber(Number(value), language) },
        },
      },
      plugins: {
        legend: { position: 'bottom', align: 'start', labels: { color: theme.text, font, boxWidth: 14, boxHeight: 2, usePointStyle: false } },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items) => points[items[0]?.dataIndex ?? 0]?.longLabel ?? '',
            label: (item) => {
              const value = item.parsed.y === null ? '—' : formatNumber(item.parsed.y, language);
              if (item.datasetIndex === 1 && lastYear) return `${lastYear[item.dataIndex]?.longLabel ?? ''}: ${value}`;
              return `${item.dataset.label ?? ''}: ${value}`;
            },
          },
        },
      },
    };
  }, [points, lastYear, theme, reduced, language]);
  return <Line data={data} options={options} role="img" aria-label={ariaLabel} fallbackContent={ariaLabel} />;
}
