/**
 * The client at work, end to end: draft a case in the open edition, attach a file, upload it with progress, wait for
 * the verdict and get the download URL. The web app makes the same calls.
 */
import { createApiClient, ok, type Schemas, type TokenSource } from './client';
import { uploadFile, waitForVerdict } from './upload';

export interface ExampleInput {
  baseUrl: string;
  token: TokenSource;
  file: Blob;
  fileName: string;
  contentType: Schemas['AttachmentInput']['contentType'];
  onProgress?: (loaded: number, total: number) => void;
}

export async function draftCaseWithFile(input: ExampleInput): Promise<{ caseId: string; attachment: Schemas['Attachment']; downloadUrl: string }> {
  const api = createApiClient({ baseUrl: input.baseUrl, token: input.token });

  // 1. The open edition (public).
  const editions = await ok(api.GET('/editions', { params: { query: { limit: 100 } } }));
  const open = editions.items.find((e) => e.status === 'open');
  if (!open) throw new Error('No edition is open for submissions');

  // 2. A draft: any field may be missing; readiness says what is left before it can be submitted.
  const draft = await ok(api.POST('/editions/{editionId}/cases', { params: { path: { editionId: open.editionId } }, body: { title: 'Joint incident-response training' } }));

  // 3. A pending attachment and its upload form.
  const created = await ok(
    api.POST('/cases/{caseId}/attachments', {
      params: { path: { caseId: draft.caseId } },
      body: { fileName: input.fileName, contentType: input.contentType, size: input.file.size, purpose: 'supporting' },
    }),
  );

  // 4. The file, straight to storage, with progress; an unreadable answer is settled by reading the attachment.
  const sent = await uploadFile(api, created, input.file, { onProgress: input.onProgress ?? ((loaded, total) => console.log(`${Math.round((100 * loaded) / total)} %`)) });

  // 5. The verdict: ready (checksum and download URL) or rejected (a reason to show).
  const attachment = sent.attachment?.status === 'ready' ? sent.attachment : await waitForVerdict(api, created.attachment);
  if (attachment.status !== 'ready') throw new Error(attachment.rejectionReason ?? `The file is still ${attachment.status}`);

  // 6. The download URL is given on the single read of a ready file and lasts a few minutes: read it again for a new one.
  const downloadUrl =
    attachment.downloadUrl ??
    (await ok(api.GET('/cases/{caseId}/attachments/{attachmentId}', { params: { path: { caseId: draft.caseId, attachmentId: attachment.attachmentId } } }))).downloadUrl;
  if (!downloadUrl) throw new Error('A ready attachment came without its download URL');
  return { caseId: draft.caseId, attachment, downloadUrl };
}
