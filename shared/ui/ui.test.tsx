// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkbox, ErrorSummary, Select, TextArea, TextInput, describedBy } from './index';

afterEach(cleanup);

describe('describedBy', () => {
  it.each([
    [undefined, undefined, undefined],
    ['hint', undefined, 'x-hint'],
    [undefined, 'error', 'x-error'],
    ['hint', 'error', 'x-hint x-error'],
  ])('hint %j, error %j → %j', (hint, error, expected) => {
    expect(describedBy('x', hint, error)).toBe(expected);
  });
});

describe('TextInput', () => {
  it('labels the box, describes it by hint then error, and marks it invalid', () => {
    render(
      <TextInput
        id="email"
        label="Email"
        hint="We reply here."
        error="Enter an email."
        value="x"
        onValue={() => {}}
      />,
    );
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('part')).toBe('input');
    expect(document.getElementById('email-error')?.textContent).toBe('Enter an email.');
    expect(input.closest('[part="field"]')?.classList.contains('invalid')).toBe(true);
  });

  it('reports typing and leaving', () => {
    const onValue = vi.fn();
    const onBlur = vi.fn();
    render(
      <TextInput
        id="name"
        label="Name"
        optional="(optional)"
        value=""
        onValue={onValue}
        onBlur={onBlur}
      />,
    );
    const input = screen.getByLabelText(/Name/);
    fireEvent.input(input, { target: { value: 'Li' } });
    fireEvent.blur(input);
    expect(onValue).toHaveBeenCalledWith('Li');
    expect(onBlur).toHaveBeenCalledOnce();
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.getByText('(optional)')).toBeTruthy();
    expect(screen.getByText('(optional)').closest('label')?.textContent).toBe('Name (optional)');
  });

  it('puts no space before a full-width bracket (投诉类别（选填）)', () => {
    render(
      <TextInput
        id="cat"
        label="投诉类别"
        optional="（选填）"
        value=""
        onValue={() => undefined}
      />,
    );
    expect(document.querySelector('label[for="cat"]')?.textContent).toBe('投诉类别（选填）');
  });
});

describe('TextArea, Select, Checkbox', () => {
  it('wire the same way', () => {
    const onValue = vi.fn();
    const onChecked = vi.fn();
    render(
      <>
        <TextArea id="d" label="Description" error="Too short." value="" onValue={() => {}} />
        <Select
          id="c"
          label="Category"
          placeholder="Choose"
          value=""
          options={[{ value: 'billing', label: 'Billing' }]}
          onValue={onValue}
        />
        <Checkbox
          id="a"
          label="Anonymous"
          hint="No reply possible."
          checked={false}
          onChecked={onChecked}
        />
      </>,
    );
    expect(screen.getByLabelText('Description').getAttribute('aria-describedby')).toBe('d-error');
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'billing' } });
    expect(onValue).toHaveBeenCalledWith('billing');
    const box = screen.getByLabelText('Anonymous');
    expect(box.getAttribute('aria-describedby')).toBe('a-hint');
    fireEvent.click(box);
    expect(onChecked).toHaveBeenCalledWith(true);
  });
});

describe('ErrorSummary', () => {
  it('lists the problems; a link moves focus to its control', () => {
    render(
      <>
        <ErrorSummary
          title="There are 2 problems"
          items={[{ id: 'n', message: 'Name missing' }, { message: 'Server said no' }]}
        />
        <input id="n" aria-label="Name" />
      </>,
    );
    expect(screen.getByText('There are 2 problems').tagName).toBe('H3');
    fireEvent.click(screen.getByText('Name missing'));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(screen.getByText('Server said no').tagName).toBe('LI');
  });
});
