/** Simplified Chinese. Typed by the English keys: a key missing here, or one English does not have, fails the build. */
import type { MessageKey } from './en.ts';

export const zhCN: { [K in MessageKey]: string } = {
  // The call for cases (call-for-cases-2024.txt) is in English only: these are our translations, not an official wording.
  'category.internet-infrastructure': '网络基础设施建设',
  'category.cultural-exchange': '网络文化交流互鉴',
  'category.digital-economy': '数字经济创新发展',
  'category.cybersecurity': '网络安全保障',
  'category.global-governance': '网络空间全球治理',

  'caseType.project': '项目',
  'caseType.initiative': '倡议',
  'caseType.program': '计划',
  'caseType.action': '行动',
  'caseType.meeting': '会议',
  'caseType.training': '培训',
  'caseType.communication': '交流传播',
  'caseType.product': '产品',
  'caseType.service': '服务',
  'caseType.other': '其他',

  'criterion.innovation': '创新性',
  'criterion.impact': '影响力',
  'criterion.cooperation': '国际合作',
  'criterion.sustainability': '可持续性',

  'decision.outstanding': '优秀案例',
  'decision.collection': '入选案例集',
  'decision.not-selected': '未入选',

  'caseStatus.draft': '草稿',
  'caseStatus.submitted': '已提交',
  'caseStatus.withdrawn': '已撤回',

  'editionStatus.upcoming': '即将开始',
  'editionStatus.open': '征集中',
  'editionStatus.closed': '已截止',
  'editionStatus.released': '结果已发布',

  'problem.validation-failed.title': '请求无效',
  'problem.unauthorized.title': '请先登录',
  'problem.forbidden.title': '您的角色无权执行此操作',
  'problem.not-found.title': '未找到',
  'problem.conflict.title': '与当前状态冲突',
  'problem.edition-not-open.title': '本届征集未开放',
  'problem.deadline-passed.title': '已过截止时间',
  'problem.precondition-failed.title': '资源已被修改',
  'problem.payload-too-large.title': '请求内容过大',
  'problem.not-eligible.title': '案例不符合征集要求',
  'problem.rate-limited.title': '请求过于频繁',
  'problem.internal-error.title': '服务器出现错误',
};
