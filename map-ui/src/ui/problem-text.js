// A refused answer (problem+json) in Chinese: what went wrong and what to do. The service's own
// `detail` stays English (for logs and API clients); a page says it from the stable problem
// `type` (urn:gridcc:problem:..., backend common/ProblemType), the HTTP status and the names of
// the fields in `errors`. Usable by every page; a page may pass words of its own (the names of
// its actions, what each field of its form is called and asks for).

const TYPE_TEXT = {
  'malformed-json': '请求内容无法读取，请刷新页面后重试。',
  'invalid-input': '填写的内容有误，请按提示修改后重试。',
  'validation-failed': '还缺少必填内容或有内容超出范围，请按提示补全后重试。',
  unauthorized: '登录已失效，请重新登录。',
  forbidden: '您的账号无权进行此操作；如确需办理，请联系指挥中心。',
  'outside-scope': '不在您的辖区（或本单位承办范围）内，无法查看或办理；如应由您办理，请联系指挥中心派单。',
  'not-found': '未找到，请核对编码后重试。',
  'method-not-allowed': '不支持此操作，请刷新页面后重试。',
  'not-acceptable': '不支持所请求的格式，请刷新页面后重试。',
  conflict: '当前状态下无法进行此操作，请刷新后查看最新状态。',
  'action-not-allowed': '案件当前状态下不能进行此操作。',
  'precondition-failed': '案件已被他人更新，已重新读取；请核对最新情况后再提交。',
  'payload-too-large': '内容过大，请减小（如压缩照片）后重试。',
  'unsupported-media-type': '内容格式不支持，请检查后重试。',
  unprocessable: '内容无法使用，请按提示修改后重试。',
  'too-many-requests': '操作过于频繁，请稍后再试。',
  'server-error': '服务出现故障，请稍后重试；如仍不成功，请把错误编号告知管理员。',
  'database-unavailable': '数据库暂时无法连接，请稍后重试。',
};

// What each field is and what it asks for, for fields every page may meet.
// A key "403:unit" is the field under that status only.
const FIELD_TEXT = {
  code: '编码：有误（如校验位不符），请核对后重新输入',
  grid: '网格编码：请填写正确的网格编码',
  date: '日期：请按“年-月-日”填写',
};

const typeOf = (problem) => (problem.type || '').replace('urn:gridcc:problem:', '');

/**
 * The Chinese text of a problem: {text, items} (one item per field at fault).
 * words: { actions: {path: name}, fields: {field or 'status:field': text}, notFound: text } of the page.
 */
export function problemText(problem, words = {}) {
  if (!problem || !problem.status) return { text: '无法连接服务，请检查网络后重试。', items: [] };
  const type = typeOf(problem);
  let text = TYPE_TEXT[type] || `请求未能完成（HTTP ${problem.status}），请稍后重试。`;
  if (type === 'not-found' && words.notFound) text = words.notFound;
  if (type === 'action-not-allowed' && Array.isArray(problem.allowed)) {
    const names = problem.allowed.map((path) => words.actions?.[path] || path);
    text += names.length ? ` 当前可办：${names.join('、')}。` : ' 当前没有可办的操作。';
  }
  if (type === 'server-error' && problem.errorId) text += `（错误编号 ${problem.errorId}）`;
  if (type === 'database-unavailable' && problem.retryAfterSeconds) text = `数据库暂时无法连接，请 ${problem.retryAfterSeconds} 秒后重试。`;
  const fields = { ...FIELD_TEXT, ...words.fields };
  const items = (problem.errors || []).map((e) => {
    const said = fields[`${problem.status}:${e.field}`] || fields[e.field] || fields[e.field?.split(/[.[]/)[0]];
    return said || `${e.field ? `“${e.field}”` : ''}有误，请检查后重试`;
  });
  return { text, items: [...new Set(items)] };
}
