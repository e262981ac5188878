import { ComingScreen } from '../ComingScreen';

export default function ReportsScreen() {
  return <ComingScreen screen="reports" counts={['timeEntries', 'leads', 'wins']} />;
}
