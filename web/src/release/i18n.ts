/**
 * The words of notifications, the release and the public results page (release/), in English and Simplified Chinese: merged into the app's catalogues (i18n/en.ts, zh-CN.ts), so
 * t() takes them like any other. Keys start with `release.`; the Chinese object is typed by the English keys.
 */
export const releaseEn = {} as const;

export const releaseZh: { [K in keyof typeof releaseEn]: string } = {};
