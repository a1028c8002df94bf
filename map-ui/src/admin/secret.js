// The one showing of a new token's secret, in a modal dialog: for a wall, the link to open on the
// wall (/wall#token=..., which enrols it) and that link as a QR code to scan from the wall's
// browser; for others the token itself. Closing the dialog (button or Esc) drops the secret from
// the page: afterwards only its label and expiry are shown.
import QRCode from 'qrcode';
import { el } from '../ui/page.js';
import { at } from './format.js';

/** The address that enrols a wall with this display token (the wall page reads #token= and forgets it). */
export function wallLink(token) {
  return new URL(`/wall#token=${token}`, location.origin).href;
}

function copyField(id, label, value) {
  const input = el('input', { id, readonly: true, value, 'aria-label': label, spellcheck: 'false' });
  const copy = el('button', {
    type: 'button',
    onclick: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(value);
        copy.textContent = '已复制';
      } catch {
        copy.textContent = '已选中，请按 Ctrl+C 复制';
      }
    },
  }, '复制');
  return el('div', { class: 'copy' }, input, copy);
}

export function secretDialog(dialog) {
  const body = dialog.querySelector('#secret-body');
  const close = dialog.querySelector('#secret-close');
  let returnFocus = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    body.replaceChildren(); // the secret leaves the page with the dialog
    returnFocus?.focus();
  });

  /** Shows a made token ({id, token, label, expiresAt}) once; forWall: as the wall's link and QR code. */
  async function show(made, { forWall, username }) {
    returnFocus = document.activeElement;
    const expiry = made.expiresAt ? `有效至 ${at(made.expiresAt)}` : '长期有效';
    const about = el('p', {}, `用户 ${username} 的令牌「${made.label}」，${expiry}。`);
    if (!forWall) {
      body.replaceChildren(about, el('p', {}, '令牌（请求时放在 Authorization: Bearer 或 Open311 的 api_key 中）：'),
        copyField('secret-token', '令牌', made.token));
    } else {
      const link = wallLink(made.token);
      const qr = el('canvas', { id: 'secret-qr', role: 'img', 'aria-label': '大屏登记链接的二维码' });
      body.replaceChildren(about,
        el('p', {}, '在大屏的浏览器中打开下面的链接（或扫描二维码），大屏即完成登记，之后断电重启也保持登记：'),
        copyField('secret-link', '大屏登记链接', link),
        el('div', { class: 'qr' }, qr),
        el('p', { class: 'hint' }, '不要在本机打开此链接：本浏览器会变成大屏并退出管理员登录。'),
        el('p', { class: 'hint' }, `也可在大屏上打开 /login，在「登记大屏」中输入令牌：${made.token}`));
      await QRCode.toCanvas(qr, link, { errorCorrectionLevel: 'M', margin: 4, scale: 5 });
    }
    dialog.showModal();
    body.querySelector('input').focus();
  }

  return { show };
}
