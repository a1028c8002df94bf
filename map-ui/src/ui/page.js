// What a working page needs besides its map: an element builder that never takes text as HTML,
// the service's answers with problem+json turned into errors carrying the problem, and the
// message line that shows them (detail, then each errors[] entry).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child != null && child !== false) node.append(child);
  return node;
}

/** An Error for a refused answer: its message is the problem's detail, error.problem the body with the HTTP status. */
export function problemError(status, text) {
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const problem = body && typeof body === 'object' ? body : {};
  const error = new Error(problem.detail || problem.title || `HTTP ${status}`);
  // The answer's HTTP status is the one that counts, whatever the body says.
  error.problem = { ...problem, status };
  return error;
}

/** The service's JSON answer (null for 204) and its ETag, or a thrown problemError. */
export async function request(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw problemError(response.status, text);
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get('ETag') };
}

/** The service's JSON answer (null for 204), or a thrown problemError. */
export async function api(path, options) {
  return (await request(path, options)).data;
}

/** The message line of a page: say(text, 'info' | 'ok' | 'error', problem). */
export function messageLine(node) {
  const say = (text, kind = 'info', problem = null) => {
    node.hidden = !text;
    node.dataset.kind = kind;
    node.dataset.status = problem?.status ?? '';
    node.replaceChildren();
    if (!text) return;
    node.append(text);
    if (problem?.errors?.length) {
      node.append(el('ul', {}, problem.errors.map((e) => el('li', {}, e.field ? `${e.field}: ${e.message}` : e.message))));
    }
  };
  return { say, sayProblem: (error) => say(error.message, 'error', error.problem) };
}
