/**
 * The types of the API, generated from its OpenAPI document by `npm run client` (bin/generate-client.ts) with
 * openapi-typescript. Do not edit: npm test fails when this file no longer matches the document.
 */

export interface paths {
    "/editions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Editions, newest first
         * @description Every edition, the latest opening first, with its dates, time zone, categories and rules. An applicant picks the one whose status is open to draft a case in it.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["listEditions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One edition
         * @description The deadline is an instant; timeZone says how to show it (24:00 Beijing time is 16:00 UTC the day before). The ETag is the version to send in If-Match with PUT. 404 for an unknown edition.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getEdition"];
        /**
         * Create or update an edition
         * @description Creates the edition (201) or replaces its settings (200). Refused with 409 once the results are released.
         *
         *     Who may call: members of the organisers group.
         */
        put: operations["putEdition"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the edition now
         * @description Idempotent: closing a closed edition changes nothing. Recorded in the audit trail.
         *
         *     Who may call: members of the organisers group.
         */
        post: operations["closeEdition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/extensions/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Give one applicant a later deadline
         * @description Creates or replaces the extension. Recorded in the audit trail. Refused (409) once the results are released or a decision has been recorded for the edition.
         *
         *     Who may call: members of the organisers group.
         */
        put: operations["putExtension"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of an edition, newest first
         * @description Every change that matters later: edition created and edited, closed (by hand or schedule), extensions, reviewers assigned and unassigned, conflicts declared, withdrawals, decisions, notification runs started and finished, the release. Entries are write-once and hash-chained; chainValid says whether the whole chain holds (consecutive seqs from 1, every hash recomputes, every prevHash matches).
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the results
         * @description Every decision becomes visible to its owner, and the results are public. Closed editions only (409); releasing again changes nothing. Audited.
         *
         *     Who may call: members of the organisers group.
         */
        post: operations["releaseEdition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published results
         * @description 404 until the edition is released. Outstanding and collection cases, by title, with public fields only (the title and summary in English and Chinese where the case gives them): no e-mail addresses, contact details or reviews.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An edition's cases, with decision and review aggregate
         * @description Newest first, or with sort=score the submitted cases ranked by mean total score (best first; cases without reviews last). Filters combine: status, category, country (any of the case's countries), decision (none for undecided). Served by Query on sharded indexes, never a Scan. A cursor belongs to its filters and sort: reuse it only with the same ones.
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listEditionCases"];
        put?: never;
        /**
         * Draft a new case
         * @description Any signed-in user, while the edition is open (409 edition-not-open before it opens, deadline-passed after). Any field may be missing in a draft; readiness lists what stands between it and submission. The title and summary may be given in English (title, summary), in Chinese (titleZh, summaryZh) or both. locale, the language of the case (and of the e-mails to its contact), defaults to that of the request (Accept-Language). Answers 201 with the case, its version as the ETag and its URL as the Location.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's cases, all editions, newest first
         * @description Any signed-in user: the cases they own, drafts, submitted and withdrawn, each as GET /cases/{caseId} shows it to its owner. Never anyone else's.
         *
         *     Who may call: every signed-in user.
         */
        get: operations["listMyCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One case
         * @description For its owner, organisers and assigned reviewers (who get it without contact details). Anyone else gets 404.
         *
         *     Who may call: every signed-in user.
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a case
         * @description Merge: a given field replaces the stored one, null removes it (but locale, which a case always has). Only while the edition accepts submissions. A submitted case must stay eligible (422).
         *
         *     Who may call: every signed-in user.
         */
        patch: operations["patchCase"];
        trace?: never;
    };
    "/cases/{caseId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a case
         * @description Checks every rule at once (422 not-eligible lists all problems), then marks the case submitted with a receipt: the server time and a SHA-256 over the canonical form of the submitted fields and the verified attachments (see the README, "Receipts"). Queues a confirmation e-mail to the owner's account address (the contact in copy once confirmed), sent moments after the answer, at most one a case an hour: a re-submit within the hour still answers with its new receipt, and the next confirmation, at the end of the hour, says the receipt current then. Submitting again, or editing a submitted case, issues a new receipt.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["submitCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/contact/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a code to the case's contact address
         * @description E-mails to a case go to its owner's account address; the contact is copied only once its address is confirmed. This sends a code to that address (and nowhere else); the owner then enters it with POST /cases/{caseId}/contact/confirm. One code a case every 10 minutes, 3 a day, 5 a day for all of an applicant's cases (429 beyond). 409 when the case has no contact address, it is already confirmed, or the case is withdrawn.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["sendContactCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/contact/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the case's contact address with the code sent to it
         * @description A wrong code is a 400 (field problem wrong-code; expired: code-expired); after 5 wrong codes the code is locked (409) and a new one must be asked for. Confirmed, the contact is copied on the e-mails about the case, until its address changes. Confirming again changes nothing.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["confirmContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a case
         * @description Until the results are released. A withdrawn case can no longer change.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["withdrawCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case's attachments
         * @description For whoever may see the case: its owner, organisers and its assigned reviewers (anyone else: 404). Pending, ready and rejected files, without download URLs (read one to get its URL).
         *
         *     Who may call: every signed-in user.
         */
        get: operations["listAttachments"];
        put?: never;
        /**
         * Start an upload
         * @description Records a pending attachment and returns a presigned POST (valid at most 15 minutes, and never past the deadline) whose policy pins the key, the content type and the exact size. Upload with multipart/form-data: every upload.fields entry, then the file as `file`. The file is verified before anyone can read it: its status turns ready, or rejected with a reason. The owner of the case only (403 for others who can see it). If the answer of the storage POST cannot be read, read the attachment (the Location) before posting again: the file may have arrived, and posting the same form again never makes a second attachment, whereas asking for a new one does.
         *
         *     Who may call: every signed-in user.
         */
        post: operations["createAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One attachment, with a short-lived download URL once verified
         * @description For whoever may see the case (anyone else: 404). status is pending until the uploaded file has been checked, then ready (with its SHA-256 and a downloadUrl, a presigned GET valid 5 minutes) or rejected (with a rejectionReason a person can act on). Poll it after an upload.
         *
         *     Who may call: every signed-in user.
         */
        get: operations["getAttachment"];
        put?: never;
        post?: never;
        /**
         * Remove an attachment and its file
         * @description While the case is editable (presentation files: until the materials deadline).
         *
         *     Who may call: every signed-in user.
         */
        delete: operations["deleteAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign and unassign many reviewers at once, all or nothing
         * @description Every pair is checked first; if any cannot be applied, nothing changes and the 409 lists each refused pair (errors[].path = assign.<i> or unassign.<i>). Otherwise all are written in one transaction. Pairs already in the asked state are reported unchanged. One request makes at most 100 writes (an assignment is one, an unassignment one or two, plus one per case): 30 pairs always fit.
         *
         *     Who may call: members of the organisers group.
         */
        post: operations["bulkAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case's reviewers: assigned, and those who declared a conflict
         * @description Not for the owner of the case, even as an organiser (403: a conflict of interest).
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listCaseReviewers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/reviewers/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assign a reviewer to a case
         * @description Only submitted cases of a closed edition. 409 when the reviewer declared a conflict of interest on the case, or owns it; 403 on a case the calling organiser owns. Assigning again changes nothing (200).
         *
         *     Who may call: members of the organisers group.
         */
        put: operations["assignReviewer"];
        post?: never;
        /**
         * Unassign a reviewer
         * @description Removes the assignment and the reviewer's review, if any, from the aggregate. 409 once a decision makes the reviews final; 403 on a case the calling organiser owns.
         *
         *     Who may call: members of the organisers group.
         */
        delete: operations["unassignReviewer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's assigned cases, and whether they have reviewed each
         * @description Reviewers: the cases they are assigned to (not those they declared a conflict on), with the case status and whether and when they saved a review. Read each with GET /cases/{caseId}.
         *
         *     Who may call: members of the reviewers group.
         */
        get: operations["listMyAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/conflict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a conflict of interest
         * @description For an assigned reviewer: removes the assignment and their review, and records the conflict so that nobody can assign them to the case again. Declaring it again changes nothing.
         *
         *     Who may call: members of the reviewers group.
         */
        post: operations["declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/reviews/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own review of a case
         * @description A reviewer sees only their own review, never another reviewer's.
         *
         *     Who may call: members of the reviewers group.
         */
        get: operations["getMyReview"];
        /**
         * Save the caller's review of a case
         * @description For an assigned reviewer, until the organisers record a decision on the case (then 409). Creates (201) or replaces (200) the review; If-Match guards against overwriting an edit made elsewhere.
         *
         *     Who may call: members of the reviewers group.
         */
        put: operations["putMyReview"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case's reviews and their aggregate
         * @description Not for the owner of the case, even as an organiser (403: a conflict of interest).
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reviewers, with their load
         * @description Every member of the reviewers group: name, e-mail address, whether they have signed in yet (invited, active), and their load. load counts the live assignments (not the cases the reviewer declared a conflict on) and those reviewed, over the editions not yet released.
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listCommittee"];
        put?: never;
        /**
         * Invite a reviewer by e-mail
         * @description A new address gets an account and an e-mail with a temporary password, in `locale` (201). An address that already has an account (an applicant, an organiser, a reviewer removed before) joins the reviewers without a second invitation (200). Either way the answer is the reviewer with their sub, which the assignment routes take. load counts the live assignments (not the cases the reviewer declared a conflict on) and those reviewed, over the editions not yet released.
         *
         *     Who may call: members of the organisers group.
         */
        post: operations["inviteReviewer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviewers/{sub}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a reviewer from the committee
         * @description The account leaves the reviewers group (it is not deleted): from their next sign-in they are no longer a reviewer. Their assignments and reviews stay: unassign them case by case (DELETE /cases/{caseId}/reviewers/{sub}) or in bulk while the edition allows. 404 when the sub is not a reviewer's.
         *
         *     Who may call: members of the organisers group.
         */
        delete: operations["removeReviewer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/cases.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An edition's cases as CSV
         * @description One row per case, with the same filters and sort as the list, and no paging: the fields (the title and summary in English and Chinese, title, titleZh, summary, summaryZh; not the description), countries, the attachment count, the review aggregate and the decision. UTF-8 with a byte order mark and CRLF line ends (RFC 4180); a cell that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return) is prefixed with '.
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["exportEditionCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record the organisers' decision on a case
         * @description outstanding, collection or not-selected, with an optional note (audited, never shown to the owner). Only for submitted cases of a closed, unreleased edition. The owner sees the decision once their notice is sent or the results are released; after the notice it can no longer change (409). It also makes the case's reviews final, freezes the case for its owner (their writes answer 409, extension or not) and ends the granting of extensions for the edition. The owner of the case cannot decide it, even as an organiser (403).
         *
         *     Who may call: members of the organisers group.
         */
        put: operations["putDecision"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notification runs and recipients with their delivery status
         * @description Organisers: the latest runs, newest first, and a page of recipients with their status, attempts and last error, to follow a run started with POST. 404 for an unknown edition.
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["listNotifications"];
        put?: never;
        /**
         * Notify the owners of every outstanding and collection case
         * @description Starts the notification workflow (a Step Functions execution named with the run id) and answers 202 at once. 409 while a run is going. Each owner is sent the notice at most once, whichever run does it: a new run sends only to those not yet sent (and retries those that failed for sure).
         *
         *     Who may call: members of the organisers group.
         */
        post: operations["startNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/editions/{editionId}/notifications/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The exact notice a case's owner would receive
         * @description In the language of the owner's e-mails (their preferred language, else the case's), whatever the caller's Accept-Language, or in `lang` when given: Content-Language says which. Problems follow the caller's. Not for the owner of the case, even as an organiser (403: it tells the decision).
         *
         *     Who may call: members of the organisers group.
         */
        get: operations["previewNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's preferences
         * @description The language of every e-mail to the account, including those sent later by workers and the notification workflow (an API answer follows each request's Accept-Language instead). Until the account chooses one, it is the language given at sign-up (the `locale` attribute), else that of its first request. The first read records that default (`chosen` false); it never changes a language already recorded.
         *
         *     Who may call: every signed-in user.
         */
        get: operations["getMyPreferences"];
        /**
         * Set the caller's preferences
         * @description The language of every e-mail to the account, including those sent later by workers and the notification workflow (an API answer follows each request's Accept-Language instead). Until the account chooses one, it is the language given at sign-up (the `locale` attribute), else that of its first request. Replaces them whole; idempotent.
         *
         *     Who may call: every signed-in user.
         */
        put: operations["putMyPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vocabulary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Categories, case types, criteria, decisions and statuses, with their labels
         * @description Every closed list a front end shows, each id with its label in one language: `lang` if given (400 for one the API does not speak), else the one Accept-Language negotiates. Content-Language names it. The ids are what the other operations take and answer. Cacheable for an hour.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getVocabulary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document
         * @description Its `servers` entry is the URL it was fetched from (host and stage), so a client tries requests against the same API.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API reference, rendered
         * @description Swagger UI (from the swagger-ui-dist package, served by this API: no request leaves it) on this document, with "Try it out" and an Authorize dialog for a bearer token. Run locally (npm start), it also shows a sign-in form that gets a local token.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script or style sheet of the API reference page
         * @description Only the files the page loads; any other name is 404. With the ETag in If-None-Match: 304. Cached for a year (immutable) when `v` is the version of the file served, else for five minutes.
         *
         *     Who may call: anyone, without a token.
         */
        get: operations["getDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail?: string;
            instance?: string;
            errors?: {
                path: string;
                code: string;
                message: string;
            }[];
        };
        Edition: {
            /** @example 2024 */
            editionId: string;
            name: string;
            /** @enum {string} */
            status: "upcoming" | "open" | "closed" | "released";
            opensAt: components["schemas"]["Timestamp"];
            deadline: components["schemas"]["Timestamp"];
            timeZone: string;
            materialsDeadline: components["schemas"]["Timestamp"] | null;
            categories: {
                /** @enum {string} */
                id: "internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance";
                name: string;
            }[];
            rules: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD
                 * @example 2019-05-01
                 */
                implementedOnOrAfter: string;
                minCountries: number;
            };
            contact: {
                name: string;
                /** Format: email */
                email: string;
                phone?: string;
            } | null;
            version: number;
        };
        /**
         * Format: date-time
         * @description An instant, ISO 8601 in UTC, such as 2024-06-20T16:00:00.000Z
         */
        Timestamp: string;
        EditionInput: {
            name: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant; returned in UTC
             */
            opensAt: string;
            /**
             * Format: date-time
             * @description ISO 8601 instant; returned in UTC
             */
            deadline: string;
            /** @example Asia/Shanghai */
            timeZone: string;
            materialsDeadline?: string | null;
            contact?: {
                name: string;
                /** Format: email */
                email: string;
                phone?: string;
            } | null;
        };
        Extension: {
            /** @example 2024 */
            editionId: string;
            sub: string;
            deadline: components["schemas"]["Timestamp"];
            reason: string;
            grantedBy: string;
            grantedAt: components["schemas"]["Timestamp"];
        };
        ExtensionInput: {
            /**
             * Format: date-time
             * @description ISO 8601 instant; returned in UTC
             */
            deadline: string;
            reason: string;
        };
        /** @description A page of the trail, newest first. chainValid is computed over the whole chain, not this page: false when an entry was edited, removed or re-ordered. */
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
            chainValid: boolean;
        };
        /** @description One entry of the edition's hash chain: seq counts 1, 2, 3 ...; prevHash is the previous entry's hash (64 zeros for the first); hash is the SHA-256 (hex) of the canonical JSON of the stored entry without hash (editionId, seq, at, action, by, subject, details, prevHash). */
        AuditEntry: {
            seq: number;
            at: components["schemas"]["Timestamp"];
            /** @enum {string} */
            action: "edition-created" | "edition-updated" | "edition-closed" | "extension-granted" | "reviewers-assigned" | "reviewers-unassigned" | "conflict-declared" | "case-withdrawn" | "decision-recorded" | "notifications-started" | "notifications-finished" | "results-released";
            /** @description Who acted (a sub), "schedule" for the scheduled close, "system" for seeding */
            by: string;
            subject: string;
            details: {
                [key: string]: string;
            };
            prevHash: string;
            hash: string;
        };
        Results: {
            /** @example 2024 */
            editionId: string;
            releasedAt: components["schemas"]["Timestamp"];
            outstanding: components["schemas"]["PublicCase"][];
            collection: components["schemas"]["PublicCase"][];
        };
        PublicCase: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            title: string | null;
            /** @description The title in Chinese; `title` holds the English one. A case needs either to be submitted. */
            titleZh: string | null;
            category: ("internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance") | null;
            caseType: ("project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other") | null;
            summary: string | null;
            /** @description The summary in Chinese; `summary` holds the English one. A case needs either to be submitted. */
            summaryZh: string | null;
            countries: string[];
            organisation: {
                name?: string;
                country?: string;
            } | null;
            partners: {
                name: string;
                country: string;
            }[];
        };
        /** @description A case. Reviewers get it without contact details. */
        Case: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            /** @example 2024 */
            editionId: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "withdrawn";
            title: string | null;
            /** @description The title in Chinese; `title` holds the English one. A case needs either to be submitted. */
            titleZh: string | null;
            category: ("internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance") | null;
            caseType: ("project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other") | null;
            summary: string | null;
            /** @description The summary in Chinese; `summary` holds the English one. A case needs either to be submitted. */
            summaryZh: string | null;
            description: string | null;
            implementedOn: string | null;
            countries: string[] | null;
            organisation: {
                name?: string;
                country?: string;
            } | null;
            partners: {
                name: string;
                country: string;
            }[] | null;
            contact?: {
                name?: string;
                email?: string;
                phone?: string;
            } | null;
            /** @description Given when the contact has an e-mail address: whether it is confirmed (POST /cases/{caseId}/contact/confirm) and so copied on the e-mails about the case. */
            contactConfirmed?: boolean;
            links: string[] | null;
            readiness: {
                ready: boolean;
                problems: {
                    path: string;
                    code: string;
                    message: string;
                }[];
            };
            receipt: {
                submittedAt: components["schemas"]["Timestamp"];
                sha256: string;
            } | null;
            decision: ("outstanding" | "collection" | "not-selected") | null;
            /** @description The case's language: e-mails to its contact are written in it. Null on a case created before cases had one (English). */
            locale: ("en" | "zh-CN") | null;
            /** @description Given to the owner: until when they may change and submit the case (the edition's deadline, or their extension's when later); null when they may not now (the edition not open yet, closed or released; the case withdrawn, decided or its owner notified). */
            editableUntil?: components["schemas"]["Timestamp"] | null;
            /** @description Given to the owner: the extension the organisers granted them for this edition (its deadline), or null. */
            extension?: {
                deadline: components["schemas"]["Timestamp"];
            } | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            version: number;
        };
        CaseCreateInput: {
            title?: string;
            /** @description The title in Chinese; `title` holds the English one. Either is enough to submit. */
            titleZh?: string;
            /** @enum {string} */
            category?: "internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance";
            /** @enum {string} */
            caseType?: "project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other";
            summary?: string;
            /** @description The summary in Chinese; `summary` holds the English one. Either is enough to submit. */
            summaryZh?: string;
            description?: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             * @example 2019-05-01
             */
            implementedOn?: string;
            countries?: string[];
            organisation?: {
                name?: string;
                /**
                 * @description ISO 3166-1 alpha-2 code of a country or region
                 * @example CN
                 */
                country?: string;
            };
            partners?: {
                name: string;
                /**
                 * @description ISO 3166-1 alpha-2 code of a country or region
                 * @example CN
                 */
                country: string;
            }[];
            contact?: {
                name?: string;
                /** Format: email */
                email?: string;
                phone?: string;
            };
            links?: string[];
            /**
             * @description The case's language: e-mails to its contact are written in it. Defaults to the creator's language.
             * @enum {string}
             */
            locale?: "en" | "zh-CN";
        };
        CasePatchInput: {
            title?: string | null;
            titleZh?: string | null;
            category?: ("internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance") | null;
            caseType?: ("project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other") | null;
            summary?: string | null;
            summaryZh?: string | null;
            description?: string | null;
            implementedOn?: string | null;
            countries?: string[] | null;
            organisation?: {
                name?: string;
                /**
                 * @description ISO 3166-1 alpha-2 code of a country or region
                 * @example CN
                 */
                country?: string;
            } | null;
            partners?: {
                name: string;
                /**
                 * @description ISO 3166-1 alpha-2 code of a country or region
                 * @example CN
                 */
                country: string;
            }[] | null;
            contact?: {
                name?: string;
                /** Format: email */
                email?: string;
                phone?: string;
            } | null;
            links?: string[] | null;
            /**
             * @description The case's language: e-mails to its contact are written in it. Defaults to the creator's language.
             * @enum {string}
             */
            locale?: "en" | "zh-CN";
        };
        /** @description A code is on its way to the contact address: valid until expiresAt; another can be asked for from nextCodeAfter. */
        ContactVerification: {
            sentTo: string;
            expiresAt: components["schemas"]["Timestamp"];
            nextCodeAfter: components["schemas"]["Timestamp"];
        };
        ContactConfirmInput: {
            code: string;
        };
        /** @description Send a multipart/form-data POST of upload.fields plus `file` to upload.url. */
        NewAttachment: {
            attachment: components["schemas"]["Attachment"];
            upload: {
                /** @constant */
                method: "POST";
                url: string;
                fields: {
                    [key: string]: string;
                };
                expiresAt: components["schemas"]["Timestamp"];
            };
        };
        /** @description A file of a case. downloadUrl (a presigned GET valid a few minutes) is given on the single read, once the file is verified. */
        Attachment: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            attachmentId: string;
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            /** @enum {string} */
            purpose: "supporting" | "presentation";
            fileName: string;
            /** @enum {string} */
            contentType: "application/pdf" | "image/jpeg" | "image/png" | "audio/mpeg" | "audio/mp4" | "audio/wav" | "video/mp4" | "video/quicktime";
            size: number;
            /** @enum {string} */
            status: "pending" | "ready" | "rejected";
            /** @description Why a rejected file was rejected: late (the upload started after its window), size-mismatch, type-mismatch (the bytes are another accepted type), unrecognised (no accepted type), replaced (another upload to the same form replaced it while it was checked). Null unless rejected (and on files rejected before codes were kept). */
            rejectionCode: ("late" | "size-mismatch" | "type-mismatch" | "unrecognised" | "replaced") | null;
            /** @description What to do about a rejected file, in the language of the answer. */
            rejectionReason: string | null;
            sha256: string | null;
            createdAt: components["schemas"]["Timestamp"];
            downloadUrl?: string;
        };
        AttachmentInput: {
            fileName: string;
            /** @enum {string} */
            contentType: "application/pdf" | "image/jpeg" | "image/png" | "audio/mpeg" | "audio/mp4" | "audio/wav" | "video/mp4" | "video/quicktime";
            size: number;
            /** @enum {string} */
            purpose: "supporting" | "presentation";
        };
        BulkAssignmentResult: {
            assigned: {
                /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
                caseId: string;
                sub: string;
            }[];
            unassigned: {
                /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
                caseId: string;
                sub: string;
            }[];
            unchanged: {
                /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
                caseId: string;
                sub: string;
            }[];
        };
        /** @description Case-reviewer pairs to assign and to unassign, all applied or none. */
        AssignmentsInput: {
            assign?: {
                /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
                caseId: string;
                sub: string;
            }[];
            unassign?: {
                /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
                caseId: string;
                sub: string;
            }[];
        };
        /** @description A reviewer on a case: assigned, or conflicted (declared a conflict of interest, and so cannot be assigned again). */
        Reviewer: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            sub: string;
            /** @enum {string} */
            state: "assigned" | "conflicted";
            assignedAt: components["schemas"]["Timestamp"];
            assignedBy: string;
            reviewedAt: components["schemas"]["Timestamp"] | null;
            conflict: {
                reason: string;
                declaredAt: components["schemas"]["Timestamp"];
            } | null;
        };
        MyAssignment: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            /** @example 2024 */
            editionId: string;
            title: string | null;
            /** @description The title in Chinese; `title` holds the English one. A case needs either to be submitted. */
            titleZh: string | null;
            category: ("internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance") | null;
            /** @enum {string} */
            caseStatus: "draft" | "submitted" | "withdrawn";
            assignedAt: components["schemas"]["Timestamp"];
            reviewed: boolean;
            reviewedAt: components["schemas"]["Timestamp"] | null;
        };
        ConflictInput: {
            reason: string;
        };
        Review: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            reviewer: {
                sub: string;
                email: string;
            };
            scores: {
                innovation: number;
                impact: number;
                cooperation: number;
                sustainability: number;
            };
            total: number;
            /** @enum {string} */
            recommendation: "outstanding" | "collection" | "not-selected";
            comment: string | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            version: number;
        };
        /** @description Integer scores from 1 to 10 for each criterion, a recommendation and an optional comment. */
        ReviewInput: {
            scores: {
                innovation: number;
                impact: number;
                cooperation: number;
                sustainability: number;
            };
            /** @enum {string} */
            recommendation: "outstanding" | "collection" | "not-selected";
            comment?: string | null;
        };
        CaseReviews: {
            aggregate: components["schemas"]["ReviewAggregate"];
            items: components["schemas"]["Review"][];
            nextCursor: string | null;
        };
        /** @description The reviews of a case taken together: mean per criterion, mean total (4-40), the lowest and highest total and their spread, the standard deviation, and the recommendations tally. */
        ReviewAggregate: {
            count: number;
            mean: {
                innovation: number;
                impact: number;
                cooperation: number;
                sustainability: number;
            } | null;
            meanTotal: number | null;
            minTotal: number | null;
            maxTotal: number | null;
            spread: number | null;
            stdDev: number | null;
            recommendations: {
                outstanding: number;
                collection: number;
                "not-selected": number;
            };
        };
        /** @description A member of the reviewers group, with their live assignments and reviews over the editions not yet released. */
        CommitteeMember: {
            /** @description The account: what the assignment routes take as {sub} */
            sub: string;
            email: string;
            name: string;
            /**
             * @description invited until the first sign-in (the temporary password not yet replaced), then active
             * @enum {string}
             */
            status: "invited" | "active";
            load: {
                assigned: number;
                reviewed: number;
            };
        };
        ReviewerInvitationInput: {
            /** Format: email */
            email: string;
            name: string;
            /**
             * @description The language of the invitation and of every later e-mail to the account
             * @enum {string}
             */
            locale: "en" | "zh-CN";
        };
        /** @description A row of the organisers' list: the case without its long texts, with its decision and review aggregate (null on a case the caller owns: a conflict of interest). */
        CaseSummary: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            /** @example 2024 */
            editionId: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "withdrawn";
            title: string | null;
            /** @description The title in Chinese; `title` holds the English one. A case needs either to be submitted. */
            titleZh: string | null;
            category: ("internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance") | null;
            caseType: ("project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other") | null;
            implementedOn: string | null;
            countries: string[];
            organisation: {
                name?: string;
                country?: string;
            } | null;
            owner: {
                sub: string;
                email: string;
            };
            receipt: {
                submittedAt: components["schemas"]["Timestamp"];
                sha256: string;
            } | null;
            decision: ("outstanding" | "collection" | "not-selected") | null;
            reviews: components["schemas"]["ReviewAggregate"] | null;
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        /** @description The organisers' decision on a submitted case, with an optional note for the audit trail (never shown to the owner). */
        DecisionInput: {
            /** @enum {string} */
            decision: "outstanding" | "collection" | "not-selected";
            note?: string | null;
        };
        RunStarted: {
            runId: string;
            /** @constant */
            status: "running";
        };
        /** @description The latest runs, newest first, and a page of recipients (limit and cursor page the recipients). */
        Notifications: {
            runs: components["schemas"]["NotificationRun"][];
            recipients: components["schemas"]["Recipient"][];
            nextCursor: string | null;
        };
        NotificationRun: {
            runId: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            startedAt: components["schemas"]["Timestamp"];
            finishedAt: components["schemas"]["Timestamp"] | null;
            counts: {
                total: number;
                sent: number;
                failed: number;
                skipped: number;
            };
        };
        Recipient: {
            /** @example 01J8Z3N4QK7M2XG5V6R9T0BCDE */
            caseId: string;
            email: string;
            /** @enum {string} */
            decision: "outstanding" | "collection";
            /** @enum {string} */
            status: "pending" | "sent" | "delivered" | "bounced" | "complained" | "failed";
            attempts: number;
            messageId: string | null;
            lastError: string | null;
            updatedAt: components["schemas"]["Timestamp"];
        };
        /** @description Exactly what the owner would receive. */
        MailPreview: {
            to: string[];
            cc: string[];
            subject: string;
            text: string;
            html: string;
        };
        Preferences: {
            /** @enum {string} */
            locale: "en" | "zh-CN";
            /** @description Whether the account chose the language (PUT), rather than it being the default */
            chosen: boolean;
            updatedAt: components["schemas"]["Timestamp"];
        };
        PreferencesInput: {
            /** @enum {string} */
            locale: "en" | "zh-CN";
        };
        /** @description Each list in the order the API defines it; labels in `locale`. */
        Vocabulary: {
            /** @enum {string} */
            locale: "en" | "zh-CN";
            categories: {
                /** @enum {string} */
                id: "internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance";
                label: string;
            }[];
            caseTypes: {
                /** @enum {string} */
                id: "project" | "initiative" | "program" | "action" | "meeting" | "training" | "communication" | "product" | "service" | "other";
                label: string;
            }[];
            criteria: {
                /** @enum {string} */
                id: "innovation" | "impact" | "cooperation" | "sustainability";
                label: string;
                /** @description What a reviewer weighs under the criterion, in `locale` */
                guidance: string;
            }[];
            recommendations: {
                /** @enum {string} */
                id: "outstanding" | "collection" | "not-selected";
                label: string;
            }[];
            decisions: {
                /** @enum {string} */
                id: "outstanding" | "collection" | "not-selected";
                label: string;
            }[];
            caseStatuses: {
                /** @enum {string} */
                id: "draft" | "submitted" | "withdrawn";
                label: string;
            }[];
            editionStatuses: {
                /** @enum {string} */
                id: "upcoming" | "open" | "closed" | "released";
                label: string;
            }[];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
         * @example zh-CN,zh;q=0.9,en;q=0.8
         */
        AcceptLanguage: string;
    };
    requestBodies: never;
    headers: {
        /** @description The language of the answer's words: labels, readiness messages, and a problem's title, detail and field messages (its `code` and each field problem's `path` and `code` are the same in every language). The one Accept-Language asks for, or the one `lang` names where an operation takes it. */
        "Content-Language": "en" | "zh-CN";
        /** @description The id that ties this answer to its log lines: the X-Correlation-Id the request carried (letters, digits and . _ : -, at most 128), else the request's id. Quote it when reporting a problem. The few answers API Gateway makes itself, before any handler (a missing or expired token, throttling), carry only its x-amzn-RequestId. */
        "X-Correlation-Id": string;
        /** @description The resource version, for If-Match */
        ETag: string;
        /** @description Where the resource is: an absolute path under the API's base path, so it resolves against the URL the request went to: /dev/cases/{caseId} on an execute-api stage URL, /cases/{caseId} locally, the base path mapping first on a custom domain. */
        Location: string;
        /** @description On a 429: how many seconds to wait before trying again. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listEditions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of editions */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Edition"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEdition: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The edition */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putEdition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 if the resource has changed since */
                "If-Match"?: string;
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditionInput"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: precondition-failed */
            412: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeEdition: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The closed edition */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putExtension: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
                sub: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionInput"];
            };
        };
        responses: {
            /** @description The extension */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries and whether the chain holds */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseEdition: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The released edition */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResults: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Results"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEditionCases: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "draft" | "submitted" | "withdrawn";
                category?: "internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance";
                country?: string;
                decision?: "outstanding" | "collection" | "not-selected" | "none";
                sort?: "newest" | "score";
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CaseSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseCreateInput"];
            };
        };
        responses: {
            /** @description The new draft */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: edition-not-open, deadline-passed */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyCases: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Case"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 if the resource has changed since */
                "If-Match"?: string;
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CasePatchInput"];
            };
        };
        responses: {
            /** @description The case as stored */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict, edition-not-open, deadline-passed */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: precondition-failed */
            412: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-eligible */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 if the resource has changed since */
                "If-Match"?: string;
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The submitted case with its receipt */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict, edition-not-open, deadline-passed */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: precondition-failed */
            412: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-eligible */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendContactCode: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code is on its way */
            202: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactVerification"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmContact: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactConfirmInput"];
            };
        };
        responses: {
            /** @description The case, its contact confirmed */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 if the resource has changed since */
                "If-Match"?: string;
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The withdrawn case */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: precondition-failed */
            412: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAttachments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attachments */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Attachment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAttachment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachmentInput"];
            };
        };
        responses: {
            /** @description The pending attachment and its upload form */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewAttachment"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict, edition-not-open, deadline-passed */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAttachment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attachment */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAttachment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict, edition-not-open, deadline-passed */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkAssign: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentsInput"];
            };
        };
        responses: {
            /** @description What changed */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAssignmentResult"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCaseReviewers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviewers */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Reviewer"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignReviewer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
                sub: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already assigned */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reviewer"];
                };
            };
            /** @description Assigned */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reviewer"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unassignReviewer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
                sub: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unassigned */
            204: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyAssignments: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of assignments */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyAssignment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declareConflict: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictInput"];
            };
        };
        responses: {
            /** @description The recorded conflict */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reviewer"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyReview: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMyReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; 412 if the resource has changed since */
                "If-Match"?: string;
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInput"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: precondition-failed */
            412: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The aggregate over all reviews, and a page of them */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseReviews"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCommittee: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviewers */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommitteeMember"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteReviewer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewerInvitationInput"];
            };
        };
        responses: {
            /** @description An existing account, now a reviewer */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeMember"];
                };
            };
            /** @description Invited */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeMember"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeReviewer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                sub: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportEditionCases: {
        parameters: {
            query?: {
                status?: "draft" | "submitted" | "withdrawn";
                category?: "internet-infrastructure" | "cultural-exchange" | "digital-economy" | "cybersecurity" | "global-governance";
                country?: string;
                decision?: "outstanding" | "collection" | "not-selected" | "none";
                sort?: "newest" | "score";
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putDecision: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionInput"];
            };
        };
        responses: {
            /** @description The case with its decision */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs and a page of recipients */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notifications"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startNotifications: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run started; the Location is where to follow it */
            202: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStarted"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewNotification: {
        parameters: {
            query: {
                caseId: string;
                lang?: "en" | "zh-CN";
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                editionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recipients, subject, text and HTML */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailPreview"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: forbidden */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: conflict */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyPreferences: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMyPreferences: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description The preferences as stored */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unauthorized */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload-too-large */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVocabulary: {
        parameters: {
            query?: {
                lang?: "en" | "zh-CN";
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lists and their labels */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vocabulary"];
                };
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocsAsset: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: {
                /**
                 * @description The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), are in English, with the Chinese in their `translations` member. E-mails follow the account's preference instead (GET /me/preferences).
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file (text/javascript or text/css) */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "text/*": string;
                };
            };
            /** @description Not modified: the If-None-Match ETag is the current one */
            304: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem: validation-failed */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not-found */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate-limited */
            429: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: internal-error */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["X-Correlation-Id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
