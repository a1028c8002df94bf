// The reports as CSV files (GET /api/reports/{daily,weekly,monthly}?grid=, Accept: text/csv; the
// same address answers JSON to a plain link, so the page asks for CSV and saves what it gets).
import { problemError } from '../ui/page.js';
import { sayProblem } from './state.js';

export async function downloadReport(period, grid) {
  try {
    const response = await fetch(`/api/reports/${period}?grid=${grid}`, { headers: { Accept: 'text/csv' } });
    if (!response.ok) throw problemError(response.status, await response.text());
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `${period}-${grid}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    sayProblem(error);
  }
}
