/**
 * English UI strings. Flat dotted keys; `zh.ts` must hold exactly the same keys
 * (the type below and `tests/unit/i18n/strings.test.ts` enforce it).
 */
export const en = {
  'site.title': 'Hello, TCP',
  'site.tagline': 'How a TCP connection opens and closes, told as a phone call',
  'site.description':
    'An interactive tutorial on the TCP three-way handshake, the four-way close and the state machine, in Chinese and English.',
  'lang.name': 'English',
  'lang.switch': '中文',
  'lang.switchLabel': 'Read this page in Chinese',
  'chooser.title': 'Choose your language',
  'chooser.suggested': 'Your browser prefers this language',
  'nav.skip': 'Skip to content',
  'nav.home': 'Home',
  'nav.lessons': 'Lessons',
  'nav.main': 'Main',
  'nav.prev': 'Previous',
  'nav.next': 'Next',
  'nav.pagination': 'Lesson navigation',
  'nav.openMenu': 'Lessons menu',
  'toc.title': 'On this page',
  'theme.toggle': 'Dark mode',
  'theme.toLight': 'Switch to light theme',
  'theme.toDark': 'Switch to dark theme',
  'lesson.edit': 'Edit this page',
  'lesson.readingTime': '{minutes} min read',
  'lesson.number': 'Lesson {n}',
  'lesson.done': 'Done',
  'home.intro':
    'Opening a TCP connection is like making a phone call: someone builds a phone, gets a number, plugs in the line and waits; someone else dials. These lessons take that picture and make it precise, down to every segment and every state in RFC 9293.',
  'home.start': 'Start with lesson 1',
  'footer.license': 'Lessons follow RFC 9293. Where Linux behaves differently, they say so.',
  // Glossary page (src/pages/[lang]/glossary.astro)
  'glossary.title': 'Glossary',
  'glossary.description': 'Every TCP term the lessons use, with its definition, its Chinese name and the RFC 9293 section that defines it.',
  'glossary.intro':
    'The terms the lessons use, grouped by topic. Protocol names such as SYN and TIME_WAIT stay in English in both languages; each entry also gives the Chinese term and links to the section of RFC 9293 that defines it.',
  'glossary.jump': 'Glossary sections',
  'glossary.group.api': 'The socket API',
  'glossary.group.segment': 'Segments and their fields',
  'glossary.group.lifecycle': 'Opening and closing',
  'glossary.group.state': 'The eleven states',
  'glossary.group.error': 'Errors a program sees',
  'glossary.counterpart': 'Chinese: ',
  'glossary.rfc': 'RFC 9293 §{section}',
} as const;

/** The key set every language must provide. */
export type UiKey = keyof typeof en;
