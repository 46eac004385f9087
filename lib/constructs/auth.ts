/**
 * Identity: the Cognito user pool applicants, organisers and reviewers sign in to, its groups and the app client
 * that browsers and tools use. API Gateway's Cognito authorizer checks the ID tokens this pool issues.
 */
import { Aws, Duration, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { Group } from '../../functions/domain/vocabulary.ts';
import { removalPolicy, type Removal } from '../stage-config.ts';

/** Every group the handlers know (functions/shared/auth.ts), and what membership means. The type keeps the two in step. */
const GROUPS: Record<Group, string> = {
  organisers: 'Run editions: set dates, assign reviewers, decide, notify and publish results.',
  reviewers: 'Members of the expert committee: read and score the cases assigned to them.',
};

export interface AuthProps {
  removal: Removal;
  /** Who sends sign-up and recovery mails: Cognito's own sender (50 mails a day) or the stage's SES identity. */
  email: { kind: 'cognito' } | { kind: 'ses'; from: string };
  /**
   * Where the web app runs (its distribution's origin, and on dev a developer's copy): it signs in through the managed
   * login (lib/constructs/web.ts), which returns to <origin>/callback and, on sign-out, to <origin>/.
   */
  appOrigins: readonly string[];
}

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const retain = props.removal === 'retain';

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      // The e-mail address is the username; it must be verified before it can sign in or recover the account.
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      // Every standard attribute exists in every pool, `locale` included (the language of Cognito's own mails, read by
      // the customMessage worker): it is not declared, since adding an attribute to the schema of a deployed pool
      // fails the stack update ("Existing schema attributes cannot be modified or deleted").
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      email:
        props.email.kind === 'ses'
          ? cognito.UserPoolEmail.withSES({ fromEmail: props.email.from, sesRegion: Aws.REGION })
          : cognito.UserPoolEmail.withCognito(),
      deletionProtection: retain,
      removalPolicy: removalPolicy(props.removal),
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by design: applicants are members of the public in many countries and must be able to sign up ' +
        'with an e-mail address alone. Every user can enrol a TOTP authenticator; SMS is off.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan: the Plus plan (threat protection) is billed per monthly active user for every applicant. ' +
        "Brute force is met by the strong password policy, optional TOTP MFA, Cognito's lockout after repeated failures, and " +
        "the user pool's own web ACL (lib/constructs/api.ts, SignInWebAcl): per-address rate rules on sign-in and sign-up.",
    });

    this.client = this.userPool.addClient('WebClient', {
      // Public clients (browser, CLI) cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // The web app signs in with the managed login's authorization code flow and PKCE (the app sends a code challenge,
      // so Cognito demands its verifier at the exchange); never the implicit flow, which puts tokens in the URL. Tools
      // sign in with SRP.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: props.appOrigins.map((origin) => `${origin}/callback`),
        logoutUrls: props.appOrigins.map((origin) => `${origin}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    for (const [groupName, description] of Object.entries(GROUPS)) {
      const id = `${groupName.charAt(0).toUpperCase()}${groupName.slice(1)}Group`;
      this.userPool.addGroup(id, { groupName, description });
    }
  }
}
