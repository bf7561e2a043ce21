/**
 * Labels and hints of the complaint form, shared by the widget and the extension's side panel
 * (shared/ui). Source catalogue.
 */
export const form = {
  'form.optional': '(optional)',
  'form.section.you': 'About you',
  'form.section.complaint': 'Your complaint',
  'form.name': 'Your name',
  'form.name.hint': 'A surname is enough.',
  'form.anonymous': 'Complain anonymously',
  'form.anonymous.hint':
    'We will not ask for your name or contact details, so we will not be able to reply to you.',
  'form.contact.hint': 'Give at least one way to reach you: phone, email or postal address.',
  'form.phone': 'Phone',
  'form.email': 'Email',
  'form.address': 'Postal address',
  'form.category': 'What is it about?',
  'form.category.none': 'Choose a topic',
  'form.subject': 'Subject',
  'form.subject.hint': 'A few words, for example “Washing machine arrived dented”.',
  'form.description': 'What happened?',
  'form.description.hint':
    'Tell us what happened, when and where. Include order or invoice numbers if you have them.',
  'form.demand': 'What would you like us to do?',
  'form.demand.hint':
    'For example a repair, a replacement, a refund or an apology. If you are not sure yet, say so.',
  'form.amount': (p: { currency?: string }) =>
    `Amount claimed (${p.currency ?? ''})`.replace(' ()', ''),
  'form.amount.hint': 'Only if you are asking for money back or compensation.',
  'form.headcount': 'Number of people affected',
  'form.headcount.hint': 'If you are complaining for a group, how many people it concerns.',
  'form.attachments': 'Photos or screenshots',
  'form.attachments.hint': (p: { max?: number }) =>
    `Up to ${p.max ?? 3} images. Large photos are made smaller before they are sent.`,
  'form.number': 'Enter a number, such as 1200.',
  'form.profile.licencePlate': 'Licence plate',
  'form.profile.orderNo': 'Order number',
  'form.profile.partNo': 'Part number',
  'form.profile.quantity': 'Quantity delivered',
  'form.profile.deliveryDate': 'Delivery date',
  'form.profile.defectiveQuantity': 'Quantity defective',
  'form.profile.batch': 'Batch number',
  'form.profile.location': 'Where the fault happens',
  'form.profile.faultTime': 'When the fault happens',
  'form.profile.faultFrequency': 'How often it happens',
  'form.profile.terminalType': 'Phone or device model',
  'form.profile.callingNumber': 'Calling number',
  'form.profile.calledNumber': 'Called number',
  'form.profile.roomNumber': 'Room number',
  'form.profile.product': 'Product name',
  'form.profile.specification': 'Specification / strength',
} as const;
