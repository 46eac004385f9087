/**
 * The committee's accounts: Cognito's user pool on AWS (DIRECTORY=cognito, USER_POOL_ID), the table locally
 * (DIRECTORY=table, what `npm start` and the tests set). The choice is made once, at start-up, as the mailer's is;
 * callers never ask which one they have. Only the committee's functions import this module, so only their bundles
 * carry the Cognito client.
 */
import type { AccountDirectory, Invitation } from '#domain/committee';
import { loadEnv, oneOf, optional } from '#config/env';
import { cognitoDirectory } from './cognito-directory.ts';

const directoryEnv = loadEnv({ DIRECTORY: oneOf(['cognito', 'table']), USER_POOL_ID: optional() });

/**
 * The local stand-in, named by URL so that esbuild leaves it (and the mailer and table code it brings, some 100 KiB
 * of SDK to parse at every cold start) out of the Lambda bundles: only `npm start` and the tests, which run the
 * sources, load it.
 */
const TABLE_DIRECTORY = new URL('./table-directory.ts', import.meta.url).href;

function createDirectory(): Promise<AccountDirectory> {
  if (directoryEnv.DIRECTORY === 'table') return import(TABLE_DIRECTORY).then((m: { tableDirectory: AccountDirectory }) => m.tableDirectory);
  if (!directoryEnv.USER_POOL_ID) throw new Error('Missing or invalid environment: USER_POOL_ID');
  return Promise.resolve(cognitoDirectory(directoryEnv.USER_POOL_ID));
}

const directory = createDirectory();

export const inviteReviewer = async (invitation: Invitation) => (await directory).inviteReviewer(invitation);
export const listReviewers = async (limit: number, cursor?: string) => (await directory).listReviewers(limit, cursor);
export const removeReviewer = async (sub: string) => (await directory).removeReviewer(sub);
