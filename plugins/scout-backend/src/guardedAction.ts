import {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import express from 'express';

/** Whoever may call a guarded action: people, and other plugins. */
export type ActionCredentials = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/** How an action ended, for its audit event. */
export type ActionOutcome = { meta: JsonObject; error?: Error };

/** An action that changes the platform, and how its audit event reads. */
export type GuardedAction<T> = {
  permission: BasicPermission;
  /** What the caller may not do, e.g. "You may not apply scout migrations". */
  refusal: string;
  eventId: string;
  severityLevel: 'medium' | 'high';
} & (
  | {
      /** The event's meta for an action that has ended when `run` resolves. */
      meta: (result: T) => JsonObject;
    }
  | {
      /**
       * For an action that goes on after `run` resolves (and the request
       * is answered): resolves once it has ended, failed when `error` is set.
       */
      ended: (result: T) => Promise<ActionOutcome>;
    }
);

/**
 * Guards actions that change the platform: the caller needs the action's
 * permission, and an auditor event records it (initiated when allowed, then
 * succeeded or failed). A refusal names the permission, so the caller knows
 * what to ask their platform team for.
 */
export function createGuardedAction(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
}) {
  const { httpAuth, permissions, auditor, logger } = deps;
  return async function guardedAction<T>(
    req: express.Request,
    action: GuardedAction<T>,
    run: (credentials: ActionCredentials) => Promise<T>,
  ): Promise<T> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: action.permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${action.refusal}: it needs the ${action.permission.name} permission.`,
      );
    }
    const event = await auditor.createEvent({
      eventId: action.eventId,
      severityLevel: action.severityLevel,
      request: req,
    });
    let result: T;
    try {
      result = await run(credentials);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    if ('meta' in action) {
      await event.success({ meta: action.meta(result) });
      return result;
    }
    // Recorded when the action ends, long after this request.
    action
      .ended(result)
      .then(
        ({ meta, error }) =>
          error ? event.fail({ meta, error }) : event.success({ meta }),
        (error: Error) => event.fail({ error }),
      )
      .catch(error =>
        logger.error(`could not audit the end of ${action.eventId}`, error),
      );
    return result;
  };
}
