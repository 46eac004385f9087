/**
 * The words of the organisers' console: editions, people, cases, assignment, decisions (console/), in English and Simplified Chinese: merged into the app's catalogues (i18n/en.ts, zh-CN.ts), so
 * t() takes them like any other. Keys start with `console.`; the Chinese object is typed by the English keys.
 */
export const consoleEn = {} as const;

export const consoleZh: { [K in keyof typeof consoleEn]: string } = {};
