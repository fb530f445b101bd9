import { render, screen } from '@testing-library/react';
import { LogoFull } from './LogoFull';
import { LogoIcon } from './LogoIcon';

describe('Scout logos', () => {
  it('names the portal next to the mark', () => {
    render(<LogoFull />);
    expect(screen.getByLabelText('Scout Portal')).toHaveTextContent(
      'Scout Portal',
    );
  });

  it('draws the three medallion layers in the icon', () => {
    const { container } = render(<LogoIcon />);
    const fills = [...container.querySelectorAll('path')].map(p =>
      p.getAttribute('fill'),
    );
    expect(fills).toEqual(['#b87333', '#c0c7d0', '#e8b923']);
  });
});
