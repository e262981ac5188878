import { ComingScreen } from '../ComingScreen';

export default function WinsScreen() {
  return <ComingScreen screen="wins" counts={['wins']} />;
}
