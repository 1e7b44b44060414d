# syntax=docker/dockerfile:1
#
# The api-server image: one org's REST server (api-server/README.md lists its OPSSC_* variables).
# Build it from the repository root, which is the build context:
#
#   docker build -f docker/api-server.Dockerfile -t opssc/api-server .
#
# The final image holds only the compiled JavaScript of the api-server and the two workspace packages it imports
# (@opssc/core, @opssc/channel-config) and their production dependencies. It runs as the unprivileged `node` user
# and never writes to its file system, so it can run with a read-only root (docker-compose.yaml does).
# The `opssc` CLI is in the image too: `docker run --rm opssc/api-server opssc keygen --id alice --role admin`.

ARG NODE_VERSION=20

# --- build: the whole workspace's dev dependencies, then tsc for the api-server and what it references ---
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /src
# The lock file covers every workspace, so npm ci needs every workspace manifest, but none of their sources.
# Copying manifests first keeps this layer cached until a dependency changes.
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY channel-config/package.json channel-config/
COPY chaincode/package.json chaincode/
COPY api-server/package.json api-server/
COPY agent/package.json agent/
COPY test-network/package.json test-network/
# No install scripts: the compiler needs none, and the one native optional module (pkcs11js) is not used here.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
COPY core/ core/
COPY channel-config/ channel-config/
COPY api-server/ api-server/
# tsc -b builds the api-server project and the projects it references (core, channel-config), in order.
RUN npx tsc -b api-server

# --- production dependencies: only the three workspaces the server runs, without dev or optional packages ---
FROM node:${NODE_VERSION}-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY channel-config/package.json channel-config/
COPY chaincode/package.json chaincode/
COPY api-server/package.json api-server/
COPY agent/package.json agent/
COPY test-network/package.json test-network/
# The workspaces are named explicitly: channel-config declares no dependencies of its own, so selecting the
# api-server alone would rely on the api-server happening to list what channel-config imports.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace @opssc/core --workspace @opssc/channel-config --workspace @opssc/api-server \
 && npm cache clean --force

# --- runtime ---
FROM node:${NODE_VERSION}-slim
# Inside a container the server must listen on the container's interface; what is reachable from outside is
# decided by port publishing. Without a TLS-terminating proxy in front, publish it on a private address only.
ENV NODE_ENV=production \
    OPSSC_LISTEN_HOST=0.0.0.0 \
    OPSSC_PORT=8080
WORKDIR /app
# Everything is owned by root and only readable by the service user: the process cannot rewrite its own code.
COPY --from=production-deps /app/package.json ./
COPY --from=production-deps /app/node_modules node_modules/
COPY --from=build /src/core/package.json core/
COPY --from=build /src/core/dist core/dist/
COPY --from=build /src/channel-config/package.json channel-config/
COPY --from=build /src/channel-config/dist channel-config/dist/
COPY --from=build /src/api-server/package.json api-server/
COPY --from=build /src/api-server/dist api-server/dist/
COPY docker/healthcheck.cjs /usr/local/lib/opssc/healthcheck.cjs
RUN chmod 0755 api-server/dist/cli/main.js \
 && ln -s /app/api-server/dist/cli/main.js /usr/local/bin/opssc
USER node
EXPOSE 8080
# Liveness only (GET /api/v1/health); readiness, which needs the peer, is GET /api/v1/ready for load balancers.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "/usr/local/lib/opssc/healthcheck.cjs", "api-server"]
# The server handles SIGTERM itself (drains requests, closes event streams), so node runs as PID 1 directly.
CMD ["node", "api-server/dist/main.js"]
