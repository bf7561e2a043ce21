/**
 * Length bounds of the complaint record, in one place: the schemas enforce them and the
 * extension's capture cuts clipped text to them before validating, so the two cannot drift.
 */
export const FIELD_LIMITS = {
  // The clip source (registration.ts)
  url: 4096,
  title: 1000,
  selectionText: 200_000,
  html: 1_000_000,
  provider: 32,
  name: 200,
  address: 320,
  recipients: 200,
  emailSubject: 1000,
  dateRaw: 200,
  id: 500,
  internetMessageId: 1000,
  quotedText: 200_000,
  signature: 10_000,
  attachmentName: 500,
  attachments: 100,
  // The complaint's content (fields.ts)
  subject: 200,
  complainantName: 100,
  description: 10_000,
  descriptionMin: 10,
} as const;
