import { ComingScreen } from '../ComingScreen';

export default function MetricsScreen() {
  return <ComingScreen screen="metrics" counts={['metricEntries']} />;
}
