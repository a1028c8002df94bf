// The desk map's rings around grids holding an open class-一 risk (the risk register's
// /api/risk-register/class-one-grids: the caller's own scope only), read at start and every minute.
import { request } from '../ui/page.js';
import { markRisks } from './map.js';

const EVERY_MS = 60_000;

export const riskMarks = { grids: [] };

export async function showRiskMarks() {
  try {
    const { data } = await request('/api/risk-register/class-one-grids');
    riskMarks.grids = data;
    markRisks(data.map((g) => g.grid));
  } catch {
    // The rings help; the desk works without them, and the next reading may bring them.
  }
  setTimeout(showRiskMarks, EVERY_MS);
}
