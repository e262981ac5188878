import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import './csv.css';

/** Leads → Import / export: leads in from a spreadsheet or a business-card app, leads and initiatives out. */
export default function CsvView() {
  return (
    <div className="csv-view">
      <ImportSection />
      <ExportSection />
    </div>
  );
}
