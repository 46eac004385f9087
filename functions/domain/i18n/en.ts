/**
 * The English catalogue: the source every other language translates (catalogues.ts holds them to its keys, and this
 * one to the ids). Keys are `area.id`, the ids being the stable values of vocabulary.ts and errors.ts. A text may hold
 * `{name}` placeholders, filled by t() (catalogues.ts). It imports nothing: errors.ts takes its titles from here.
 */
export const en = {
  // The five categories as the call for cases names them.
  'category.internet-infrastructure': 'Internet Infrastructure Construction',
  'category.cultural-exchange': 'Online Cultural Exchanges and Mutual Learning',
  'category.digital-economy': 'Innovative Development of Digital Economy',
  'category.cybersecurity': 'Cybersecurity Maintenance',
  'category.global-governance': 'Global Governance in Cyberspace',

  'caseType.project': 'Project',
  'caseType.initiative': 'Initiative',
  'caseType.program': 'Programme',
  'caseType.action': 'Action',
  'caseType.meeting': 'Meeting',
  'caseType.training': 'Training',
  'caseType.communication': 'Communication',
  'caseType.product': 'Product',
  'caseType.service': 'Service',
  'caseType.other': 'Other',

  'criterion.innovation': 'Innovation',
  'criterion.impact': 'Impact',
  'criterion.cooperation': 'International cooperation',
  'criterion.sustainability': 'Sustainability',

  // A reviewer's recommendation and the organisers' decision share these.
  'decision.outstanding': 'Outstanding case',
  'decision.collection': 'Included in the Collection',
  'decision.not-selected': 'Not selected',

  'caseStatus.draft': 'Draft',
  'caseStatus.submitted': 'Submitted',
  'caseStatus.withdrawn': 'Withdrawn',

  'editionStatus.upcoming': 'Upcoming',
  'editionStatus.open': 'Open for submissions',
  'editionStatus.closed': 'Closed',
  'editionStatus.released': 'Results released',

  'problem.validation-failed.title': 'The request is not valid',
  'problem.unauthorized.title': 'Sign-in required',
  'problem.forbidden.title': 'Not allowed for your role',
  'problem.not-found.title': 'Not found',
  'problem.conflict.title': 'Conflict with the current state',
  'problem.edition-not-open.title': 'The edition is not open',
  'problem.deadline-passed.title': 'The deadline has passed',
  'problem.precondition-failed.title': 'The resource has changed',
  'problem.payload-too-large.title': 'The request body is too large',
  'problem.not-eligible.title': 'The case does not meet the rules',
  'problem.rate-limited.title': 'Too many requests',
  'problem.internal-error.title': 'Something went wrong on our side',
} as const;

export type MessageKey = keyof typeof en;
