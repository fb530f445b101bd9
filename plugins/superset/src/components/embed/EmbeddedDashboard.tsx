import { useApi } from '@backstage/frontend-plugin-api';
import { Flex } from '@backstage/ui';
import type { Dashboard } from '@internal/backstage-plugin-superset-common';
import { embedDashboard } from '@superset-ui/embedded-sdk';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { supersetApiRef } from '../../api';
import { ErrorPanel, LoadingPanel } from '../common';
import styles from './embed.module.css';

// Superset lays a dashboard out as its charts load: its height is followed
// this long, once a second, so the whole dashboard shows in the page without
// a scroll area of its own. Beyond the cap the frame scrolls.
const FOLLOW_HEIGHT_MS = 30_000;
const MAX_HEIGHT_PX = 6000;

type EmbedState =
  | { status: 'embedding' }
  | { status: 'embedded' }
  | { status: 'failed'; error: Error };

/**
 * One Superset dashboard in an iframe, through the embedded SDK. The SDK
 * calls `fetchGuestToken` for the first token and again shortly before each
 * token's expiry (it reads the JWT's `exp`), so every call asks the backend
 * for a fresh one. A first token that fails (404, 503, no backend) takes the
 * frame's place with the backend's message and a Retry button.
 */
export function EmbeddedDashboard(props: {
  dashboard: Dashboard;
  /** Superset's address for browsers (`superset.url` of the list). */
  supersetUrl?: string;
}) {
  const { slug, embeddedId, title } = props.dashboard;
  const { supersetUrl } = props;
  const api = useApi(supersetApiRef);
  const mountRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<EmbedState>({ status: 'embedding' });
  const [height, setHeight] = useState<number>();

  useEffect(() => {
    const mountPoint = mountRef.current;
    if (!mountPoint) return undefined;
    let cancelled = false;
    let unmount: (() => void) | undefined;
    setState({ status: 'embedding' });

    const fetchGuestToken = async () =>
      (await api.createGuestToken(slug)).token;
    (async () => {
      // The list names Superset's address; a guest token does too, for a
      // backend that left it out of the list.
      const supersetDomain =
        supersetUrl ?? (await api.createGuestToken(slug)).supersetUrl;
      return embedDashboard({
        id: embeddedId,
        supersetDomain,
        mountPoint,
        fetchGuestToken,
        dashboardUiConfig: { hideTitle: true },
        // Superset serves the embedded page only to a Referer among the
        // dashboard's allowed_domains, and the portal's pages send none
        // (Referrer-Policy: no-referrer): the frame sends the origin alone.
        referrerPolicy: 'strict-origin',
        iframeTitle: title,
      });
    })().then(
      embedded => {
        if (cancelled) {
          embedded.unmount();
          return;
        }
        unmount = embedded.unmount;
        setState({ status: 'embedded' });
        void (async () => {
          for (let t = 0; t < FOLLOW_HEIGHT_MS && !cancelled; t += 1000) {
            const size = await embedded.getScrollSize().catch(() => undefined);
            if (!cancelled && size && size.height > 0) {
              setHeight(Math.min(size.height, MAX_HEIGHT_PX));
            }
            await new Promise(resolve => setTimeout(resolve, 1000));
          }
        })();
      },
      error => {
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [api, slug, embeddedId, title, supersetUrl, attempt]);

  return (
    <Flex direction="column" gap="2">
      {state.status === 'embedding' && (
        <LoadingPanel label={`Opening ${title}`} height={48} />
      )}
      {state.status === 'failed' && (
        <ErrorPanel
          what={`The dashboard ${title}`}
          error={state.error}
          onRetry={() => setAttempt(n => n + 1)}
        />
      )}
      {/* Kept mounted while failed, so that Retry has somewhere to embed. */}
      <div
        ref={mountRef}
        className={styles.frame}
        hidden={state.status === 'failed'}
        style={
          height
            ? ({ '--frame-height': `${height}px` } as CSSProperties)
            : undefined
        }
      />
    </Flex>
  );
}
