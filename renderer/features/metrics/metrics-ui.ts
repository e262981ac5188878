/**
 * UI state of the Metrics screen: the open tab, what the grid and the overview show, and the
 * import being prepared (its text and the user's choices survive a switch to another tab, so a
 * pasted file is never lost by looking something up). Never DB rows.
 */
import { create } from 'zustand';
import type { DayKey } from '../../../shared/domain/calendar';
import type { MetricMergeMode } from '../../../shared/domain/metrics';
import type { MetricPeriod } from '../../../shared/domain/model';

export const METRICS_TABS = ['overview', 'entry', 'definitions', 'import'] as const;
export type MetricsTab = (typeof METRICS_TABS)[number];

/** What an unknown metric name in a CSV file becomes. */
export type NameMapping = { type: 'existing'; metricId: string } | { type: 'new'; id: string; period: MetricPeriod; unit: string };

/**
 * A grid cell's typing that is not (yet) stored: invalid (with its error key), or just saved and
 * waiting for the live query to show the stored value (`saving`), so the cell never flashes back.
 */
export interface CellDraft {
  text: string;
  error: string | null;
  saving?: boolean;
}

interface MetricsUiState {
  tab: MetricsTab;
  /** Which grid: weekly or monthly metrics. */
  gridPeriod: MetricPeriod;
  /** Key of the grid's last column; null follows the current week or month. */
  gridEnd: DayKey | null;
  /** Keyed `metricId|periodKey`; kept across tabs so an invalid cell's typing is not lost. */
  gridDrafts: Record<string, CellDraft>;
  /** The overview's step: by week (monthly metrics stay monthly) or by month. */
  overviewPeriod: MetricPeriod;
  /** A day inside the period the overview is about; null follows the latest period with data. */
  overviewAnchor: DayKey | null;
  /** The metric whose large chart is open in the overview. */
  detailMetricId: string | null;
  importText: string;
  importFileName: string | null;
  /** Keyed by the normalised name as written in the file. */
  importMappings: Record<string, NameMapping>;
  importMode: MetricMergeMode | null;
  setTab: (tab: MetricsTab) => void;
  setGrid: (change: Partial<Pick<MetricsUiState, 'gridPeriod' | 'gridEnd'>>) => void;
  /** Sets (or with null removes) the drafts of some cells. */
  setDrafts: (drafts: Record<string, CellDraft | null>) => void;
  setOverview: (change: Partial<Pick<MetricsUiState, 'overviewPeriod' | 'overviewAnchor' | 'detailMetricId'>>) => void;
  setImport: (change: Partial<Pick<MetricsUiState, 'importText' | 'importFileName' | 'importMappings' | 'importMode'>>) => void;
  resetImport: () => void;
}

const EMPTY_IMPORT = { importText: '', importFileName: null, importMappings: {}, importMode: null } as const;

export const useMetricsUi = create<MetricsUiState>((set) => ({
  tab: 'overview',
  gridPeriod: 'week',
  gridEnd: null,
  gridDrafts: {},
  overviewPeriod: 'week',
  overviewAnchor: null,
  detailMetricId: null,
  ...EMPTY_IMPORT,
  setTab: (tab) => set({ tab }),
  setGrid: (change) => set(change),
  setDrafts: (drafts) =>
    set((state) => {
      const next = { ...state.gridDrafts };
      for (const [id, draft] of Object.entries(drafts)) {
        if (draft) next[id] = draft;
        else delete next[id];
      }
      return { gridDrafts: next };
    }),
  setOverview: (change) => set(change),
  setImport: (change) => set(change),
  resetImport: () => set({ ...EMPTY_IMPORT }),
}));
