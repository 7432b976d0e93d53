import type { UiKey } from './en';

/** 中文界面文字。键必须与 `en.ts` 完全一致。 */
export const zh: Record<UiKey, string> = {
  'site.title': '喂，TCP',
  'site.tagline': '把 TCP 连接的建立与断开，讲成一通电话',
  'site.description': '交互式 TCP 教程：三次握手、四次挥手和状态机，中英双语。',
  'lang.name': '中文',
  'lang.switch': 'English',
  'lang.switchLabel': '阅读本页的英文版',
  'chooser.title': '选择语言',
  'chooser.suggested': '你的浏览器首选这种语言',
  'nav.skip': '跳到正文',
  'nav.home': '首页',
  'nav.lessons': '课程',
  'nav.main': '主导航',
  'nav.prev': '上一课',
  'nav.next': '下一课',
  'nav.pagination': '课程翻页',
  'nav.openMenu': '课程目录',
  'toc.title': '本页目录',
  'theme.toggle': '深色模式',
  'theme.toLight': '切换到浅色主题',
  'theme.toDark': '切换到深色主题',
  'lesson.edit': '编辑此页',
  'lesson.readingTime': '阅读约 {minutes} 分钟',
  'lesson.number': '第 {n} 课',
  'lesson.done': '已完成',
  'home.intro':
    '建立一条 TCP 连接，很像打一通电话：一方装好电话、申请号码、插上电话线等着；另一方拨号。这套课程从这个比方出发，一路讲到 RFC 9293 里的每个报文段、每个状态。',
  'home.start': '从第 1 课开始',
  'footer.license': '课程内容以 RFC 9293 为准；Linux 的实际行为与之不同的地方，都会专门指出。',
};
