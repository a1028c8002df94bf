// Shows whether the service and its database are ready, from the readiness check, and the admin
// page's link to a signed-in administrator.
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

// An administrator signed in finds its page here; nobody else is asked to sign in by the home page.
async function showAdminLink() {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const me = await response.json();
  if (me.role !== 'admin') return;
  const link = document.createElement('a');
  link.id = 'admin-link';
  link.href = '/admin';
  link.textContent = '用户与令牌管理 Users and tokens';
  const item = document.createElement('li');
  item.append(link, '（管理员：新建和停用用户、解锁、生成大屏令牌）');
  document.querySelector('main ul').prepend(item);
}

showAdminLink().catch(() => {});
