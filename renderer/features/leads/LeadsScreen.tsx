import { ComingScreen } from '../ComingScreen';

export default function LeadsScreen() {
  return <ComingScreen screen="leads" counts={['leads', 'initiatives']} />;
}
