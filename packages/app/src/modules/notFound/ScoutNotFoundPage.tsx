import { Link } from '@backstage/core-components';
import type { NotFoundErrorPageProps } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import { useLocation } from 'react-router-dom';

/**
 * What an unknown path shows (and any plugin that renders the app's
 * not-found page): where the user is, and the ways back in.
 */
export function ScoutNotFoundPage({ children }: NotFoundErrorPageProps) {
  const { pathname } = useLocation();
  return (
    <Flex direction="column" gap="3" p="6">
      <Text as="p" variant="body-small" color="secondary">
        Error 404
      </Text>
      <Text as="h1" variant="title-medium">
        Page not found
      </Text>
      <Text as="p" variant="body-medium">
        Nothing lives at <code>{pathname}</code>: the link that led here is out
        of date, or the page moved.
      </Text>
      {children}
      <Text as="p" variant="body-medium">
        Start again from the <Link to="/">home page</Link>, look it up in the{' '}
        <Link to="/catalog">catalog</Link>, or <Link to="/search">search</Link>.
      </Text>
    </Flex>
  );
}
