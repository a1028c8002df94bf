// A report's finding said in Chinese, from its stable kind (check) and its fields; the API's
// English message stays on hover. Each says what to do where there is something to do.
import { CHECK_NAMES, LEVELS, number } from './names.js';

const m2 = (p) => (p.areaM2 != null ? `${number(p.areaM2)} m²` : '');
const feature = (p) => (p.feature != null ? `第 ${p.feature} 个要素` : '');
const levelOf = (name) => LEVELS[name]?.name || name;
const small = '（低于容差，仅作提示）';

/** What to do about a part outside the parent: the parent's own boundary may be what moved. */
function parentHint(report) {
  const parent = LEVELS[report.level]?.parent;
  return parent && LEVELS[parent]
    ? `若上级边界也已调整，请先上传并发布「${LEVELS[parent].name}」层级的新边界，再上传本层级。`
    : '';
}

const TEXTS = {
  'no-geometry': (p) => `${feature(p)}没有几何图形。`,
  'not-polygon': (p) => `${feature(p)}不是面（网格须为多边形）。`,
  'invalid-geometry': (p) => `${feature(p)}的多边形无效（自相交等）。${p.repair ? '' : '请在 GIS 软件中修正。'}`,
  repaired: (p) => `${feature(p)}已用 make-valid 修复。`,
  'missing-code': (p) => `${feature(p)}没有编码。`,
  'bad-code': (p) => `编码 ${p.code} 格式不对：应为 6 位县代码，再加若干组 3 位数字。`,
  'wrong-level': (p, r) => `编码 ${p.code} 有 ${p.code.length} 位，不是「${levelOf(r.level)}」的编码。`,
  'level-mismatch': (p, r) => {
    const s = r.levelFromCodes;
    return s ? `${number(s.codes)} 个编码中 ${number(s.matching)} 个为 ${s.digits} 位，是「${levelOf(s.level)}」的编码，而本草稿替换的是「${levelOf(r.level)}」。请按「${levelOf(s.level)}」层级重新上传。`
      : '编码与所选层级不符，请选择正确的层级重新上传。';
  },
  'outside-scope': (p, r) => `编码 ${p.code} 不在范围 ${r.scope} 之下。`,
  'duplicate-code': (p) => `编码 ${p.code} 与前面的要素重复。`,
  'missing-name': (p) => `${feature(p)}没有名称。`,
  'parent-mismatch': (p) => `编码 ${p.code} 与所填上级编码 ${p.other} 不符。`,
  'unknown-parent': (p, r) => `上级 ${p.other} 不在现行版本中。若它是新的，请先上传并发布「${levelOf(LEVELS[r.level]?.parent)}」层级。`,
  overlap: (p) => `${p.code} 与 ${p.other} 重叠 ${m2(p)}。`,
  'small-overlap': (p) => `${p.code} 与 ${p.other} 重叠 ${m2(p)}${small}`,
  gap: (p) => `${p.code} 内有 ${m2(p)} 未被任何下级网格覆盖（缝隙）。`,
  'small-gap': (p) => `${p.code} 内有 ${m2(p)} 的缝隙${small}`,
  'outside-parent': (p, r) => `${p.code} 超出上级 ${p.other} ${m2(p)}。${parentHint(r)}`,
  'small-outside-parent': (p, r) => `${p.code} 略超上级 ${p.other} ${m2(p)}${small}${parentHint(r)}`,
  'orphaned-grids': (p) => `${p.code} 在本文件中已不存在，其下级网格（如 ${p.other}）失去上级：请补回它，或重画下级网格。`,
  sliver: (p) => `${p.code} 有一块仅 ${m2(p)} 的碎片，可能是数字化遗留。`,
  'no-features': () => '文件中没有要素。',
  file: (p) => `读取文件时的说明：${p.message}`,
};

export const kindName = (check) => CHECK_NAMES[check] || check;

/** The finding in Chinese; a kind this page does not know yet keeps the API's words. */
export function problemText(problem, report) {
  const text = TEXTS[problem.check];
  return text ? text(problem, report) : problem.message || '';
}
