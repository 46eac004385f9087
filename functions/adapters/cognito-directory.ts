/**
 * The committee in Cognito's user pool: an invitation is AdminCreateUser (Cognito mails the temporary password, worded
 * by the custom message trigger in the `locale` attribute) and AdminAddUserToGroup; the list is ListUsersInGroup; a
 * removal AdminRemoveUserFromGroup. The pool's e-mail is its sign-in alias, so an account is named by its sub or e-mail.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  type AttributeType,
  type UserStatusType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AppError } from '#domain/errors';
import type { AccountDirectory, DirectoryAccount } from '#domain/committee';
import { localeOfTag } from '#domain/i18n/negotiate';
import type { Group } from '#domain/vocabulary';
import { invalidCursor, openCursor, signCursor } from './cursor.ts';

const REVIEWERS: Group = 'reviewers';
/** ListUsersInGroup's largest page. */
const COGNITO_PAGE_MAX = 60;
const CURSOR_SCOPE = JSON.stringify(['cognito', REVIEWERS]);

/** Cognito's answers when its request rate is exceeded; the SDK has retried them already (standard retry mode). */
const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException']);

const nameOf = (err: unknown) => (err as { name?: string } | null)?.name ?? '';

/** A throttle that outlasted the SDK's retries is the caller's 429; anything else stays an error (a 500, logged). */
function mapped(err: unknown): unknown {
  return THROTTLED.has(nameOf(err)) ? new AppError('rate-limited', 'detail.directory-busy') : err;
}

function accountOf(attributes: AttributeType[] | undefined, status: UserStatusType | string | undefined): DirectoryAccount {
  const attr = new Map((attributes ?? []).map((a) => [a.Name, a.Value ?? '']));
  const locale = localeOfTag(attr.get('locale') ?? '');
  return {
    sub: attr.get('sub') ?? '',
    email: attr.get('email') ?? '',
    name: attr.get('name') ?? '',
    // Until the first sign-in, when the invitee replaces the temporary password.
    status: status === 'FORCE_CHANGE_PASSWORD' ? 'invited' : 'active',
    ...(locale ? { locale } : {}),
  };
}

export function cognitoDirectory(userPoolId: string, client = new CognitoIdentityProviderClient({})): AccountDirectory {
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (err) {
      throw mapped(err);
    }
  };

  /** The account with this e-mail (its sign-in alias), created with an invitation if there is none. */
  async function createOrFind(email: string, name: string, locale: string): Promise<{ account: DirectoryAccount; created: boolean }> {
    try {
      const out = await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            // The organiser vouches for the address: the invitee signs in with it at once.
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
            { Name: 'locale', Value: locale },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      return { account: accountOf(out.User?.Attributes, out.User?.UserStatus), created: true };
    } catch (err) {
      if (nameOf(err) !== 'UsernameExistsException') throw mapped(err);
    }
    // Already an account (an applicant, an organiser, a reviewer invited before): no second invitation.
    const user = await call(() => client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email })));
    return { account: accountOf(user.UserAttributes, user.UserStatus), created: false };
  }

  return {
    async inviteReviewer({ email, name, locale }) {
      const found = await createOrFind(email, name, locale);
      await call(() => client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: found.account.sub, GroupName: REVIEWERS })));
      return found;
    },

    async listReviewers(limit, cursor) {
      let nextToken: string | undefined;
      if (cursor !== undefined) {
        const position = openCursor(cursor, CURSOR_SCOPE) as { t?: unknown } | null;
        if (typeof position?.t !== 'string' || position.t.length === 0) throw invalidCursor();
        nextToken = position.t;
      }
      const out = await call(() =>
        client.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: REVIEWERS, Limit: Math.min(limit, COGNITO_PAGE_MAX), NextToken: nextToken })),
      );
      return {
        items: (out.Users ?? []).map((u) => accountOf(u.Attributes, u.UserStatus)),
        nextCursor: out.NextToken ? signCursor({ t: out.NextToken }, CURSOR_SCOPE) : null,
      };
    },

    async removeReviewer(sub) {
      try {
        const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: sub }));
        // A member of more than 60 groups is not one this pool has (it has two).
        if (!(groups.Groups ?? []).some((g) => g.GroupName === REVIEWERS)) return false;
      } catch (err) {
        if (nameOf(err) === 'UserNotFoundException') return false;
        throw mapped(err);
      }
      await call(() => client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: sub, GroupName: REVIEWERS })));
      return true;
    },
  };
}
