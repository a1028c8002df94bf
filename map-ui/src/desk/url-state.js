// The desk's place in the browser's history: the grid, the case and the filter are the URL's
// query (?grid=&case=&overdue=1&category=&channel=), so Back, Forward and reload show what the officer saw. Other
// parameters (county, live) are kept as they are.
const KEYS = ['grid', 'case', 'overdue', 'category', 'channel'];

/** The desk's state as the URL has it. */
export function readUrl() {
  const params = new URLSearchParams(location.search);
  return {
    grid: params.get('grid'), case: params.get('case'), overdue: params.get('overdue') === '1',
    category: params.get('category'), channel: params.get('channel'),
  };
}

function urlOf(state) {
  const params = new URLSearchParams(location.search);
  for (const key of KEYS) {
    const value = key === 'overdue' ? (state.overdue ? '1' : null) : state[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** go(change) moves to a new state (a new history entry) and shows it; Back shows the one before. */
export function routing(render) {
  let current = readUrl();
  window.addEventListener('popstate', () => {
    current = readUrl();
    render(current);
  });
  return {
    go(change, { replace = false } = {}) {
      const next = { ...current, ...change };
      const url = urlOf(next);
      if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
      current = next;
      render(next);
    },
    now: () => current,
  };
}
