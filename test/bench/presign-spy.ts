/**
 * Stand-ins for the two presigners, for the warm bench only. warm.ts installs a resolve hook that hands this
 * module to every module under functions/ that imports '@aws-sdk/s3-presigned-post' or
 * '@aws-sdk/s3-request-presigner'. Each stand-in forwards to the real function with the same arguments;
 * while `presignSpy.onCall` is set it also reports the call (client, inputs), so that the bare handler
 * can replay the same presign on the same client with `replayPresign`. Presigning sends nothing (it
 * signs locally with the client's credentials and region), so aws-sdk-client-mock cannot see it.
 */
import { createPresignedPost as realCreatePresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl as realGetSignedUrl } from '@aws-sdk/s3-request-presigner';

// Whatever else a function imports from the two packages is theirs, unchanged; the two functions below shadow these.
export * from '@aws-sdk/s3-presigned-post';
export * from '@aws-sdk/s3-request-presigner';

type PostArgs = Parameters<typeof realCreatePresignedPost>;
type SignedUrlArgs = Parameters<typeof realGetSignedUrl>;
type CommandClass = new (input: unknown) => SignedUrlArgs[1];

export type PresignCall =
  | { fn: 'createPresignedPost'; client: PostArgs[0]; params: PostArgs[1] }
  /** The command is rebuilt from its class and input on replay, as the handler builds a new one per call. */
  | { fn: 'getSignedUrl'; client: SignedUrlArgs[0]; Command: CommandClass; input: unknown; options: SignedUrlArgs[2] };

export const presignSpy: { onCall?: (call: PresignCall) => void } = {};

export const createPresignedPost: typeof realCreatePresignedPost = (client, params) => {
  presignSpy.onCall?.({ fn: 'createPresignedPost', client, params });
  return realCreatePresignedPost(client, params);
};

export const getSignedUrl: typeof realGetSignedUrl = (client, command, options) => {
  if (presignSpy.onCall) {
    const Command = (command as unknown as { constructor: CommandClass }).constructor;
    presignSpy.onCall({ fn: 'getSignedUrl', client: client as unknown as SignedUrlArgs[0], Command, input: command.input, options });
  }
  return realGetSignedUrl(client, command, options);
};

/** The same presign again, through the real function: what the bare handler does. */
export function replayPresign(call: PresignCall): Promise<unknown> {
  return call.fn === 'createPresignedPost'
    ? realCreatePresignedPost(call.client, call.params)
    : realGetSignedUrl(call.client, new call.Command(call.input), call.options);
}

/** The packages this module stands in for. */
export const PRESIGNER_PACKAGES = ['@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner'];
