/** Messages of `<complaint-form>` (widget/) beyond the shared form labels. Source catalogue. */
export const widget = {
  'widget.title': 'Make a complaint',
  'widget.intro':
    'Tell us what went wrong and we will look into it. Fields marked “(optional)” can be left empty.',
  'widget.review': 'Review my complaint',
  'widget.confirm.title': 'Check your complaint',
  'widget.confirm.intro':
    'Please read this summary. If it is right, send it; if not, go back and change it.',
  'widget.confirm.send': 'Confirm and send',
  'widget.confirm.edit': 'Go back and change it',
  'widget.confirm.anonymous': 'Anonymous: no reply possible',
  'widget.sending': 'Sending…',
  'widget.success.title': 'Thank you, we have received your complaint',
  'widget.success.case': 'Your case number',
  'widget.success.keep': 'Please quote this number whenever you contact us about this complaint.',
  'widget.success.next': 'What happens next',
  'widget.success.reply': (p: { when?: string; within?: string }) =>
    `We will reply by ${p.when ?? '—'}, within ${p.within ?? '—'} of receiving your complaint.`,
  'widget.success.replySoon': 'We will reply as soon as possible.',
  'widget.success.anonymous':
    'You chose to stay anonymous, so we cannot reply to you. Your complaint will still be investigated.',
  'widget.success.again': 'Make another complaint',
  'widget.queued.title': 'Saved: it will be sent automatically',
  'widget.queued.body':
    'We could not reach our server just now. Your complaint is kept in this browser and will be sent as soon as the connection is back, or the next time you open this page.',
  'widget.error.tooLarge':
    'Your complaint is too large to send. Remove an image or shorten the text, then try again.',
  'widget.error.rateLimited': (p: { seconds?: number }) =>
    `Too many complaints were sent from here. Please try again in ${p.seconds ?? 60} seconds.`,
  'widget.error.rejected':
    'We could not accept this complaint here. Please try again later or contact us another way.',
  'widget.error.network':
    'We could not send your complaint. Check your internet connection and try again.',
  'widget.error.noEndpoint': 'This form is not set up yet: it has no endpoint to send to.',
  'widget.kept.forbidden':
    'This website is not allowed to send complaints to us (the form is not set up correctly). Your complaint is kept in this browser: copy it, or try again later.',
  'widget.kept.notFound':
    'The complaint service was not found at the address this form uses. Your complaint is kept in this browser: copy it, or try again later.',
  'widget.kept.refused':
    'Our server refused the complaint without saying why. It is kept in this browser: try again, or copy it and send it another way.',
  'widget.kept.idReused':
    'Our server already has different content under this complaint’s reference, so yours was not registered. It is kept in this browser: press “Try again” to send it as a new complaint, or copy it.',
  'widget.kept.rejected': (p: { status?: number }) =>
    `Our server did not accept the complaint (${p.status ?? '?'}). It is kept in this browser: try again later, or copy it and send it another way.`,
  'widget.kept.server':
    'Our server had a problem. Your complaint is kept in this browser and will be sent automatically; you can also try again now.',
  'widget.kept.notUnderstood':
    'The answer from our server could not be understood. Your complaint is kept in this browser and will be sent again automatically.',
  'widget.retry': 'Try again',
  'widget.copy': 'Copy my complaint',
  'widget.copy.done': 'Copied. You can paste it anywhere.',
  'widget.copy.failed': 'Could not copy. Select the text above and copy it.',
  'widget.image.remove': (p: { name?: string }) => `Remove ${p.name ?? 'image'}`,
  'widget.image.failed': (p: { name?: string }) =>
    `${p.name ?? 'This file'} could not be read as an image.`,
  'widget.image.add': 'Add images',
  'widget.image.working': 'Preparing images…',
  'widget.honeypot': 'Leave this field empty',
} as const;
