/** Messages of the capture side panel: proposals, screenshot editing, wrong-capture reports
 * (extension/capture, extension/registration). Source catalogue. */
export const capture = {
  'cap.proposals.title': 'Details found in the clip',
  'cap.proposals.help':
    'Each detail is highlighted where it was found. Nothing is filled in until you confirm it.',
  'cap.proposals.none': 'No phone numbers, amounts, order numbers or plates found.',
  'cap.proposals.clipText': 'Clipped text with the details found',
  'cap.proposals.use': ({ field }: { field: string }) => `Use as ${field}`,
  'cap.proposals.replace': ({ field, current }: { field: string; current: string }) =>
    `Replace ${field} (now “${current}”)`,
  'cap.proposals.applied': 'In the form',
  'cap.proposals.dismiss': 'Dismiss',
  'cap.proposals.noField': 'For information: no field takes it',
  'cap.kind.phone': 'Phone',
  'cap.kind.email': 'Email',
  'cap.kind.amount': 'Amount',
  'cap.kind.headcount': 'People affected',
  'cap.kind.orderNumber': 'Order / invoice / waybill number',
  'cap.kind.plate': 'Licence plate',
  'cap.kind.date': 'Date',
  'cap.kind.name': 'Name',
  'cap.field.complainant.name': 'the name',
  'cap.field.complainant.phone': 'the phone',
  'cap.field.complainant.email': 'the email',
  'cap.field.amountClaimed': 'the amount claimed',
  'cap.field.headcount': 'the number of people',
  'cap.field.profileFields.orderNo': 'the order number',
  'cap.field.profileFields.licencePlate': 'the licence plate',
  'cap.review.hint': 'Guessed from the page: check it.',
  'cap.review.notice': ({ fields }: { fields: string }) =>
    `These fields were guessed from the page, check them: ${fields}.`,
  'cap.review.field.complainant.name': 'name',
  'cap.review.field.complainant.email': 'email',
  'cap.review.field.subject': 'subject',
  'cap.review.field.description': 'description',

  'cap.shot.title': 'Screenshot',
  'cap.shot.help':
    'Drag on the picture to mark an area, then crop to it, highlight it or black it out. Personal data you black out is removed from the stored picture.',
  'cap.shot.alt': 'Screenshot of the page when it was captured',
  'cap.shot.crop': 'Crop to the area',
  'cap.shot.highlight': 'Highlight the area',
  'cap.shot.redact': 'Black out the area',
  'cap.shot.undo': 'Undo all changes',
  'cap.shot.save': 'Save the screenshot',
  'cap.shot.saved': 'Screenshot saved.',
  'cap.shot.remove': 'Remove the screenshot',
  'cap.shot.noArea': 'Mark an area on the picture first.',
  'cap.shot.area': ({ x, y, w, h }: { x: number; y: number; w: number; h: number }) =>
    `Area: ${w} × ${h} at ${x}, ${y}`,
  'cap.shot.keyboard': 'Area from the keyboard (x, y, width, height in pixels)',

  'cap.wrong.button': 'This capture is wrong',
  'cap.wrong.help':
    'Saves this page and the corrected fields as a test fixture, so the extractor can be fixed. Correct the fields above first.',
  'cap.wrong.saved': ({ file }: { file: string }) => `Fixture saved as ${file}.`,
  'cap.wrong.noPage': 'The page is no longer open in that tab: open it again, then retry.',
  'cap.wrong.failed': 'The fixture could not be saved.',
  'cap.file.tooLarge': 'The file is larger than the team server accepts (8 MB).',
  'cap.file.type': 'The team server accepts only JPEG, PNG and WebP images.',
} as const;
