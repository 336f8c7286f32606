// Web-page furniture that survives copying a published report out of a
// browser (share and print links, search boxes, pop-up buttons). It is not
// report content: a section holding only this is empty.
const CHROME = ['更多分享', '分享到', '打印本页', '关闭本页', '关闭窗口', '打印', '关闭', '请输入搜索关键字', '确定', '取消', '提示', '扫一扫', '在手机打开', '返回顶部', '上一篇', '下一篇', '字号', '大', '中', '小', '【', '】', '×', '!', '！'];
const PATTERN = new RegExp(CHROME.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');

/** True when a line holds nothing but page furniture. */
export function isPageChrome(line: string): boolean {
  return line.replace(PATTERN, '').replace(/[\s:：、,，.。|*#>_-]+/g, '') === '';
}
