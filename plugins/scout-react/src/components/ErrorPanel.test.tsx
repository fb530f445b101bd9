import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorPanel } from './ErrorPanel';
import { BackendRequestError } from '../request';
import { adviseOnError } from './errorAdvice';

const own = {
  404: { title: 'No such table', action: 'Check the name.' },
  403: { title: 'Not yours', action: 'Ask the owning team.' },
};
const otherwise = { title: 'The request failed', action: 'Try again.' };
const failed = (status: number) =>
  new BackendRequestError({ name: 'Error', message: 'm', status });

describe('adviseOnError', () => {
  it("takes the plugin's words first, then the shared ones, then its fallback", () => {
    expect(adviseOnError(failed(404), own, otherwise)).toBe(own[404]);
    // A plugin may say 403 its own way; the shared words are the default.
    expect(adviseOnError(failed(403), own, otherwise)).toBe(own[403]);
    expect(adviseOnError(failed(403), {}, otherwise).title).toBe(
      'Access denied',
    );
    expect(adviseOnError(failed(0), own, otherwise).action).toContain(
      './scripts/start.sh',
    );
    expect(adviseOnError(failed(401), own, otherwise).title).toBe(
      'Not signed in',
    );
    expect(adviseOnError(failed(500), own, otherwise)).toBe(otherwise);
    // Not an HTTP failure at all.
    expect(adviseOnError(new Error('boom'), own, otherwise)).toBe(otherwise);
  });
});

describe('ErrorPanel', () => {
  it('says what failed, the backend message and what to do, and retries', async () => {
    const onRetry = jest.fn();
    render(
      <ErrorPanel
        error={new Error('table gold.nope does not exist')}
        advice={own[404]}
        what="Loading the table"
        onRetry={onRetry}
      />,
    );
    expect(
      screen.getByText('Loading the table: no such table'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('table gold.nope does not exist'),
    ).toBeInTheDocument();
    expect(screen.getByText('Check the name.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no button when there is nothing to retry', () => {
    render(<ErrorPanel error={new Error('boom')} advice={otherwise} />);
    expect(screen.getByText('The request failed')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
