import { ComingScreen } from '../ComingScreen';

export default function PlanScreen() {
  return <ComingScreen screen="plan" counts={['timeBoxes', 'timeEntries']} />;
}
