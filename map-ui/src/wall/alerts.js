// Group-event warnings (群体性事件苗头) on the wall: a banner over the map and a mark on the
// village, both kept while /live lists the warning as open, that is until a duty officer
// acknowledges it on the desk (POST /api/group-alerts/{id}/acknowledge). /live sends the open
// warnings in every snapshot, and in a delta those raised or changed (alertsRaised) and the ids of
// those acknowledged (alertsGone), so a wall that reconnects shows the same as one that never lost
// its line.
import maplibregl from 'maplibre-gl';

const hm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, hour: '2-digit', minute: '2-digit' });

/**
 * The banner (#alerts) and marks of a map; villages: the village labels (/labels), whose points
 * place the marks; onChange runs after the banner changed (the map keeps the county clear of it).
 */
export function showGroupAlerts(map, { villages, onChange }) {
  const where = new Map(villages.map((village) => [village.code, village]));
  const banner = document.getElementById('alerts');
  const marks = new Map(); // alert id -> marker
  let current = [];
  const line = (alert) => {
    const item = document.createElement('li');
    item.dataset.alert = alert.id;
    item.dataset.village = alert.village;
    item.append(`群体性事件苗头：${alert.townshipName} ${alert.villageName} · ${alert.categoryName} ${alert.cases} 件 `);
    const note = document.createElement('small');
    note.textContent = `${hm.format(new Date(alert.raisedAt))} 起 · 待指挥台确认 group-event warning, until acknowledged on the desk`;
    item.append(note);
    return item;
  };
  const mark = (alert) => {
    const at = where.get(alert.village);
    if (!at) return null;
    const element = document.createElement('div');
    element.className = 'alert-mark';
    element.dataset.village = alert.village;
    const name = document.createElement('span');
    name.textContent = `! ${alert.villageName}`;
    element.append(name);
    return new maplibregl.Marker({ element, anchor: 'center' }).setLngLat([at.lon, at.lat]).addTo(map);
  };
  return {
    show(alerts) {
      const changed = alerts.length !== current.length || alerts.some((alert, i) => alert.id !== current[i].id);
      banner.replaceChildren(...alerts.map(line));
      banner.hidden = alerts.length === 0;
      const open = new Set(alerts.map((alert) => alert.id));
      for (const [id, marker] of marks) {
        if (!open.has(id)) {
          marker.remove();
          marks.delete(id);
        }
      }
      for (const alert of alerts) {
        if (!marks.has(alert.id)) {
          const marker = mark(alert);
          if (marker) marks.set(alert.id, marker);
        }
      }
      current = alerts;
      if (changed) onChange();
    },
    /** A delta's changes: raised or changed alerts, ids of those gone; kept in the order raised, as /live lists them. */
    change(raised = [], gone = []) {
      if (raised.length === 0 && gone.length === 0) return;
      const fresh = new Map(raised.map((alert) => [alert.id, alert]));
      const dropped = new Set(gone);
      const kept = current.filter((alert) => !dropped.has(alert.id) && !fresh.has(alert.id));
      const order = (a, b) => new Date(a.raisedAt) - new Date(b.raisedAt) || a.id - b.id;
      this.show([...kept, ...fresh.values()].sort(order));
    },
    shown: () => current.map((alert) => ({ id: alert.id, village: alert.village, marked: marks.has(alert.id) })),
  };
}
