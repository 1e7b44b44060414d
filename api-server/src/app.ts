import express, { type Express } from 'express';
import helmet from 'helmet';
import { FailureRateLimiter } from './auth/failure-rate-limiter';
import { routeAuth } from './auth/route-auth';
import type { Config } from './config';
import type { AppDeps } from './deps';
import { chaincodePackagesRoutes } from './features/chaincode-packages/chaincode-packages-router';
import { ChaincodePackagesService } from './features/chaincode-packages/chaincode-packages-service';
import { PackageFiles } from './features/chaincode-packages/package-files';
import { downloadPackageUrl } from './features/chaincode-packages/package-url-download';
import { eventsRoutes } from './features/events/events-router';
import { invitationsRoutes } from './features/invitations/invitations-router';
import { InvitationsService } from './features/invitations/invitations-service';
import { AutoApprover } from './features/join-requests/auto-approver';
import { joinRequestsRoutes } from './features/join-requests/join-requests-router';
import { JoinRequestsService } from './features/join-requests/join-requests-service';
import { membersRoutes } from './features/members/members-router';
import { MembersService } from './features/members/members-service';
import { proposalsRoutes } from './features/proposals/proposals-router';
import { ProposalsService } from './features/proposals/proposals-service';
import { systemRoutes } from './features/system/system-router';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { mountRoutes } from './http/mount-routes';
import { buildOpenApiDocument } from './http/openapi-document';
import { requestObserver } from './http/request-observer';
import type { RouteSpec } from './http/route-spec';
import { observedLedger } from './ledger/observed-ledger';
import { createMetrics } from './observability/metrics';

/** Token failures allowed per client IP and per invitation id per minute before 429. */
const TOKEN_FAILURE_LIMIT = { maxFailures: 5, windowMs: 60_000 };
const SSE_HEARTBEAT_MS = 15_000;
const API_VERSION = '1.0.0';

/**
 * Builds the api-server. Everything outside the process comes in through `deps`, so tests run the
 * real app (real auth, validation, error mapping) over HTTP against fakes. Routes are declared once
 * in a table that both mounts them and generates the OpenAPI document.
 */
export function createApp(config: Config, deps: AppDeps): Express {
  const metrics = createMetrics();
  const ledger = observedLedger(deps.ledger, metrics);
  const limiter = new FailureRateLimiter(TOKEN_FAILURE_LIMIT, deps.clock);
  const guard = routeAuth(config.apiKeys, { ledger, hmacKey: config.invitationHmacKey, clock: deps.clock, limiter }, deps.logger);
  const autoApprover = new AutoApprover(ledger, config.orgMspId, config.autoApproveJoinRequests);
  const invitations = new InvitationsService(ledger, {
    clock: deps.clock,
    random: deps.random,
    hmacKey: config.invitationHmacKey,
    publicUrl: config.publicUrl,
  });

  const packageFiles = config.chaincodePackagesDir ? new PackageFiles(config.chaincodePackagesDir) : undefined;
  const packages = new ChaincodePackagesService(ledger, packageFiles, downloadPackageUrl);

  let openApi: object | undefined;
  const routes: RouteSpec[] = [];
  routes.push(
    ...systemRoutes(ledger, metrics, () => (openApi ??= buildOpenApiDocument(routes, API_VERSION))),
    ...membersRoutes(new MembersService(ledger, config.orgMspId)),
    ...invitationsRoutes(invitations),
    ...joinRequestsRoutes(new JoinRequestsService(ledger, deps.configBlocks, autoApprover)),
    ...proposalsRoutes(new ProposalsService(ledger, (packageId) => packages.holds(packageId))),
    ...chaincodePackagesRoutes(packages),
    ...eventsRoutes(ledger, SSE_HEARTBEAT_MS),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(helmet());
  app.use(requestObserver(deps.logger, config.orgMspId, metrics));
  app.use(express.json({ limit: config.bodyLimitBytes }));
  mountRoutes(app, routes, guard, deps.logger);
  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.logger));
  return app;
}
