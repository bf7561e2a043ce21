// Type-level checks of widget/types.d.ts (tsc runs them; at run time they are trivial).
import type { ComplaintSubmission } from '@shared/schema/submission';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Widget from './src/index';
import type {
  ComplaintErrorEvent,
  ComplaintFormElement,
  ComplaintFormReceipt,
  ComplaintFormSubmission,
  ComplaintSubmitEvent,
} from './types';

describe('widget/types.d.ts', () => {
  it('matches what the widget really sends and dispatches', () => {
    expectTypeOf<ComplaintSubmission>().toMatchTypeOf<ComplaintFormSubmission>();
    expectTypeOf<Widget.Receipt>().toEqualTypeOf<ComplaintFormReceipt>();
    expectTypeOf<InstanceType<typeof Widget.ComplaintSubmitEvent>['detail']>().toMatchTypeOf<
      ComplaintSubmitEvent['detail']
    >();
    expectTypeOf<InstanceType<typeof Widget.ComplaintErrorEvent>['detail']>().toMatchTypeOf<
      ComplaintErrorEvent['detail']
    >();
    expectTypeOf<Widget.ComplaintFormElementType>().toMatchTypeOf<
      Omit<ComplaintFormElement, 'addEventListener' | 'removeEventListener'>
    >();
  });

  it('types the tag, the events and the Preact JSX', () => {
    const use = (el: HTMLElementTagNameMap['complaint-form']) => {
      el.addEventListener('complaint-submitted', (e) => {
        expectTypeOf(e.detail.caseNumber).toEqualTypeOf<string | undefined>();
      });
      el.addEventListener('complaint-submit', (e) => {
        expectTypeOf(e.images[0]!.dataUrl).toBeString();
      });
      el.reset();
    };
    const jsx = <complaint-form endpoint="/api/v1/intake" lang="zh-CN" theme="dark" />;
    expectTypeOf(use).toBeFunction();
    expectTypeOf(jsx).not.toBeAny();
  });
});
