// The case's photos: thumbnails (the photo itself, scaled by the browser; the service checks who may
// see it on every read), a click opens it in full. A confidential report's photos are withheld
// from all but the unit handling it: counted here, not shown.
import { el } from '../ui/page.js';
import { at } from './labels.js';

export function photoStrip(view) {
  const media = view.media || [];
  if (media.length === 0) return el('p', { class: 'empty photos-none' }, '无照片 no photos');
  if (media.some((m) => !m.url)) {
    return el('p', { class: 'photos-withheld' }, `照片 ${media.length} 张：保密，仅承办单位可见 `, el('small', {}, 'withheld: confidential report'));
  }
  return el('ul', { class: 'photos' }, media.map((m) => el('li', {},
    el('button', { type: 'button', class: 'thumb', dataset: { n: m.n }, title: `照片 ${m.n}：点击查看原图 (click for the full photo)`,
      onclick: () => showPhoto(m) },
    el('img', { src: m.url, alt: `照片 ${m.n}` })))));
}

// Photos are personal data that no cache keeps: a refresh that lists the same photos keeps the
// thumbnails already shown rather than fetch every photo again.
export function keepPhotos(shown, fresh) {
  const urls = (list) => [...(list?.querySelectorAll('img') || [])].map((img) => img.getAttribute('src')).join();
  if (shown && fresh && urls(shown) === urls(fresh)) fresh.replaceWith(shown);
}

const photoViewer = document.getElementById('photo-viewer');
const PHOTO_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

function showPhoto(m) {
  document.getElementById('photo-full').src = m.url;
  document.getElementById('photo-full').alt = `照片 ${m.n}`;
  document.getElementById('photo-open').href = m.url;
  document.getElementById('photo-caption').textContent =
    `照片 ${m.n} · ${PHOTO_TYPES[m.contentType] || m.contentType} · ${Math.ceil(m.size / 1024)} KB · 上传于 ${at(m.at)}`;
  photoViewer.showModal();
}

document.getElementById('photo-close').addEventListener('click', () => photoViewer.close());
// A click beside the photo (on the backdrop) closes it too.
photoViewer.addEventListener('click', (event) => { if (event.target === photoViewer) photoViewer.close(); });
