// Entry of complaint-form.outbox.js, the outbox for the IIFE build (see lazy.iife.ts).
import * as outbox from './outbox';

(globalThis as { ComplaintFormOutbox?: typeof outbox }).ComplaintFormOutbox = outbox;
