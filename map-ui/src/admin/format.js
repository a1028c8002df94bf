// How the admin page writes times and states: Beijing time, a dash for none.

const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** An ISO time from the service as Beijing time, '–' for none. */
export const at = (iso) => (iso ? when.format(new Date(iso)) : '–');

/** Whether a time from the service is still ahead (a lock in force, a token not yet expired). */
export const ahead = (iso) => iso != null && new Date(iso).getTime() > Date.now();
