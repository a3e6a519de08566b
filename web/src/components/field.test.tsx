import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Choice, ChoiceGroup, TextField } from './field.tsx';

const registration = {
  name: 'proxy.host',
  onChange: async () => {},
  onBlur: async () => {},
  ref: () => {},
};

afterEach(cleanup);

describe('TextField', () => {
  it('labels the input and ties its hint and error to it', () => {
    render(
      <TextField
        label="Host"
        hint="A DNS name."
        error="Enter the proxy host."
        registration={registration}
      />,
    );
    const input = screen.getByLabelText('Host');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['A DNS name.', 'Enter the proxy host.']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Port" registration={{ ...registration, name: 'proxy.port' }} />);
    const input = screen.getByLabelText('Port');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('ChoiceGroup', () => {
  it('is a fieldset named by its legend, each option named by its label only', () => {
    render(
      <ChoiceGroup legend="Protocol" type="radio" registration={registration} error="Choose one.">
        <Choice value="http" label="HTTP" description="Plain HTTP to the proxy." />
      </ChoiceGroup>,
    );
    expect(screen.getByRole('group', { name: 'Protocol' })).toBeTruthy();
    const radio = screen.getByRole('radio', { name: 'HTTP' });
    expect(radio.getAttribute('aria-invalid')).toBe('true');
    const described = (radio.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Plain HTTP to the proxy.', 'Choose one.']);
  });
});
