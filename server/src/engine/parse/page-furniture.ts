// Web-page furniture that survives copying or saving a published report out
// of a browser: share and print links, search boxes, pop-up buttons,
// navigation, breadcrumbs, font-size and colour pickers, QR-code prompts.
// It is not report content: a section holding only this is empty
// (isPageChrome), and import drops such lines (isChromeLine), judged per line:
// report sentences are never dropped for merely mentioning one of these words
// (long lines are kept).
const CHROME = ['更多分享', '分享到', '打印本页', '关闭本页', '关闭窗口', '打印', '关闭', '请输入搜索关键字', '确定', '取消', '提示', '扫一扫', '在手机打开', '返回顶部', '上一篇', '下一篇', '字号', '大', '中', '小', '【', '】', '×', '!', '！'];
const PATTERN = new RegExp(CHROME.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');

/** True when a line holds nothing but page furniture. */
export function isPageChrome(line: string): boolean {
  return line.replace(PATTERN, '').replace(/[\s:：、,，.。|*#>_-]+/g, '') === '';
}

const WHOLE_LINE = [
  /^(字体颜色|字体|字号|颜色|背景色?|默认|还原|银色|黑色|红色|绿色|蓝色|栗色|青色|金色|灰色|白色|紫色|橙色|黄色|粉色|大|中|小|A\+|A-|A)$/,
  /^[【\[]?(字体|字号)[:：]?\s*[【\[]?\s*[大中小]/,
  /打印本页|关闭本页|关闭窗口|打印此页|收藏本页|加入收藏|设为首页|【打印】|【关闭】|\[打印\]|\[关闭\]/,
  /^扫一扫|扫一扫.{0,12}(手机|打开|分享|当前页)/,
  /您的当前位置|您现在的位置|当前位置[:：]|^首页\s*[>＞»]/,
  /^欢迎(访问|来到)|站点地图|网站地图|切换到繁体|繁體版|简体版|无障碍(阅读|浏览)?|适老模式|长者模式|关怀版|官方微信|官方微博|智能问答|登录\s*\|?\s*注册/,
  /^(分享到|更多分享|相关解读|相关链接|相关文章|相关阅读|相关附件|上一篇|下一篇|返回顶部|返回首页|【?返回】?|视频解读|图文解读)[:：]?/,
  /请输入(搜索)?关键(字|词)|^搜\s*索$/,
  /版权所有|网站标识码|ICP备|公网安备|^主办(单位)?[:：]|^承办(单位)?[:：]|^技术支持[:：]|^联系我们$/,
];

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > 60) return false;
  if (isPageChrome(t)) return true;
  return WHOLE_LINE.some((re) => re.test(t));
}
