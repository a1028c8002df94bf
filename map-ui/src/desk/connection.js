// How the line to /live is, in the header (#connection). The wall has the same until the pages share one (issue 21, item 20).
const connection = document.getElementById('connection');
const hms = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function showConnection(state, since) {
  connection.dataset.state = state;
  document.body.dataset.connection = state;
  connection.innerHTML = {
    connecting: '连接中 <small>connecting</small>',
    live: '实时 <small>live</small>',
    reconnecting: '重连中 <small>reconnecting</small>',
    stale: `数据停留于 ${hms.format(since)} <small>stale</small>`,
  }[state];
}
