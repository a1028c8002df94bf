// The connection indicator every live page shows (wall, desk, GIS), fed by live/live.js's onState:
// the state as data-state on the node and on <body> (pages fade stale data by it), the time of the
// last frame as data-since, and the words, in Chinese with English beneath.
const hms = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Shows a line's state ('connecting' | 'live' | 'reconnecting' | 'stale') and since when (a Date) in node. */
export function showConnection(node, state, since) {
  node.dataset.state = state;
  document.body.dataset.connection = state;
  node.dataset.since = since.toISOString();
  const at = hms.format(since);
  node.innerHTML = {
    connecting: '连接中 <small>connecting</small>',
    live: '实时 <small>live</small>',
    reconnecting: '重连中 <small>reconnecting</small>',
    stale: `数据停留于 ${at} <small>stale since ${at} · 重连中 reconnecting</small>`,
  }[state];
}
