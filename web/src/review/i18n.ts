/**
 * The words of the reviewers' desk (review/), in English and Simplified Chinese: merged into the app's catalogues (i18n/en.ts, zh-CN.ts), so
 * t() takes them like any other. Keys start with `review.`; the Chinese object is typed by the English keys.
 */
export const reviewEn = {} as const;

export const reviewZh: { [K in keyof typeof reviewEn]: string } = {};
