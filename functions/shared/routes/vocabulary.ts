/** Vocabulary: the closed lists of the product with their labels. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

const inputs = schemasFrom(() => import('#domain/i18n/vocabulary-input'));

export const routes = {
  getVocabulary: route({
    operationId: 'getVocabulary', method: 'GET', path: '/vocabulary', entry: 'vocabulary/get-vocabulary.ts', access: 'public',
    tag: 'Vocabulary', summary: 'Categories, case types, criteria, decisions and statuses, with their labels',
    description:
      'Every closed list a front end shows, each id with its label in one language: `lang` if given (400 for one the API does not speak), ' +
      'else the one Accept-Language negotiates. Content-Language names it. The ids are what the other operations take and answer. Cacheable for an hour.',
    schemas: inputs((i) => ({ query: i.VocabularyQuery })),
    responses: { 200: { description: 'The lists and their labels', schema: (v) => v.Vocabulary } },
    problems: [],
  }),
} satisfies Record<string, RouteSpec>;
