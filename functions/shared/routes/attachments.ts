/** Attachments: a case's media, uploaded straight to the bucket. Part of the route table (shared/routes.ts). */
import { DOWNLOAD_URL_SECONDS } from '#domain/uploads';
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/**
 * This area's request schemas (route-spec.ts, schemas): `kit` loads only the building blocks (path parameters, paging),
 * which is all a read route needs; `inputs` also the request bodies.
 */
const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(async () => ({ ...(await import('#domain/attachment-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  createAttachment: route({
    operationId: 'createAttachment', method: 'POST', path: '/cases/{caseId}/attachments', entry: 'attachments/create-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Start an upload',
    description:
      'Records a pending attachment and returns a presigned POST (valid at most 15 minutes, and never past the deadline) whose policy pins the key, the content type and the exact size. ' +
      'Upload with multipart/form-data: every upload.fields entry, then the file as `file`. The file is verified before anyone can read it: its status turns ready, or rejected with a reason. ' +
      'The owner of the case only (403 for others who can see it). If the answer of the storage POST cannot be read, read the attachment (the Location) before posting again: ' +
      'the file may have arrived, and posting the same form again never makes a second attachment, whereas asking for a new one does.',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.AttachmentInput })),
    responses: { 201: { description: 'The pending attachment and its upload form', schema: (v) => v.NewAttachment, location: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['write'] },
  }),
  listAttachments: route({
    operationId: 'listAttachments', method: 'GET', path: '/cases/{caseId}/attachments', entry: 'attachments/list-attachments.ts', access: 'signed-in',
    tag: 'Attachments', summary: "A case's attachments",
    description: 'For whoever may see the case: its owner, organisers and its assigned reviewers (anyone else: 404). Pending, ready and rejected files, without download URLs (read one to get its URL).',
    schemas: kit((i) => ({ params: i.CaseParams, query: i.PageQuery })),
    responses: { 200: { description: 'A page of attachments', schema: (v) => v.page(v.Attachment) } },
    problems: ['not-found'], table: 'read',
  }),
  getAttachment: route({
    operationId: 'getAttachment', method: 'GET', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/get-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'One attachment, with a short-lived download URL once verified',
    description:
      `For whoever may see the case (anyone else: 404). status is pending until the uploaded file has been checked, then ready (with its SHA-256 and a downloadUrl, a presigned GET valid ${DOWNLOAD_URL_SECONDS / 60} minutes) ` +
      'or rejected (with a rejectionReason a person can act on). Poll it after an upload.',
    schemas: kit((i) => ({ params: i.AttachmentParams })),
    responses: { 200: { description: 'The attachment', schema: (v) => v.Attachment } },
    problems: ['not-found'], table: 'read', bucket: { cases: ['read'] },
  }),
  deleteAttachment: route({
    operationId: 'deleteAttachment', method: 'DELETE', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/delete-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Remove an attachment and its file', description: 'While the case is editable (presentation files: until the materials deadline).',
    schemas: kit((i) => ({ params: i.AttachmentParams })),
    responses: { 204: { description: 'Removed' } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['delete'], cases: ['delete'] },
  }),
} satisfies Record<string, RouteSpec>;
