// How a wall gets enrolled, in the words its "not enrolled" notice shows (src/wall.js), kept here
// so that the admin page's steps (/admin, docs/access.md) and the wall say the same.

/** What a wall that nobody enrolled shows, large, to the administrator standing before it. */
export const ENROL_TEXT = '大屏未登记：请管理员登录管理页 /admin，在「用户与令牌」中为大屏用户生成大屏令牌，'
  + '然后在本屏打开给出的链接 /wall#token=…（或扫描其二维码），也可在 /login 的「登记大屏」中输入令牌。';
