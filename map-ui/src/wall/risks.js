// The wall's count of the risk register: how many grids hold an open class-一 entry, and the open
// entries by class, for the wall's area. Counts only (/api/risk-register/counts, which the wall
// role may read): no subject, person or grid of an entry reaches the wall. Read at start and every minute.
import { fetchJson } from '../map/grids.js';

const EVERY_MS = 60_000;

export function showRiskCounts(area, cell) {
  let last = null;
  const refresh = async () => {
    last = await fetchJson(`/api/risk-register/counts?grid=${area}`);
    cell.replaceChildren(String(last.gridsWithClassOne),
      Object.assign(document.createElement('small'), { textContent: `一类 ${last.classOne} · 二类 ${last.classTwo} · 三类 ${last.classThree}` }));
    setTimeout(refresh, EVERY_MS);
  };
  refresh();
  return { counts: () => last };
}
