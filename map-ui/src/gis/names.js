// What the GIS page calls things: levels (the server's table), checks, states, steps; times and numbers as people here write them.
import { LEVELS as MAP_LEVELS } from '../map/grids.js';

// The levels a file can replace, keyed by level, with the zoom from which the tiles carry each
// and the level a scope grid is of (a special grid sits in a village).
export const LEVELS = Object.fromEntries(MAP_LEVELS.filter(({ layer }) => layer !== 'county')
  .map(({ layer, name, min, parent }) => [layer, { name, min, parent }]));
export const GRID_LEVELS = Object.keys(LEVELS);

export const CHECK_NAMES = {
  'no-geometry': '无几何图形', 'not-polygon': '不是面', 'invalid-geometry': '几何无效', repaired: '已修复',
  'missing-code': '缺少编码', 'bad-code': '编码格式错误', 'wrong-level': '层级不符', 'level-mismatch': '文件层级不符', 'outside-scope': '超出范围',
  'duplicate-code': '编码重复', 'missing-name': '缺少名称', 'parent-mismatch': '上级不符', 'unknown-parent': '上级不存在',
  overlap: '重叠', 'small-overlap': '微小重叠', gap: '缝隙', 'small-gap': '微小缝隙', 'outside-parent': '超出上级',
  'small-outside-parent': '略超上级', 'orphaned-grids': '下级网格失去上级', sliver: '碎片', 'no-features': '没有要素', file: '文件说明',
};
export const STATE_NAMES = { reading: '读取中', checking: '检查中', ready: '已检查', failed: '失败', published: '已发布' };
export const VERSION_NAMES = { draft: '草稿', published: '现行', retired: '已退役' };
export const STEP_NAMES = { reading: '读取文件 reading', features: '检查要素 features', coverage: '检查覆盖 coverage', changes: '计算变化 changes' };

const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
export const at = (iso) => (iso ? when.format(new Date(iso)) : '–');
export const number = (n) => (n ?? 0).toLocaleString('zh-CN');
export const levelName = (level) => (LEVELS[level] ? `${LEVELS[level].name} ${level}` : level);
