// Shows whether the service and its database are ready, from the readiness check.
const status = document.getElementById('status');

async function showReadiness() {
  try {
    const response = await fetch('/q/health/ready', { headers: { Accept: 'application/json' } });
    const health = await response.json();
    const db = (health.checks || []).find((check) => check.name === 'PostGIS');
    const version = db && db.data ? db.data.postgis : '?';
    status.dataset.state = health.status === 'UP' ? 'up' : 'down';
    status.textContent = health.status === 'UP'
      ? `服务正常 (ready) · PostGIS ${version}`
      : '服务未就绪 (not ready): 数据库不可用';
  } catch (error) {
    status.dataset.state = 'down';
    status.textContent = `无法连接服务 (unreachable): ${error.message}`;
  }
}

showReadiness();
