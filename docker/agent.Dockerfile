# syntax=docker/dockerfile:1
#
# The agent image: one org's daemon that carries out approved consortium operations on that org's own nodes
# (its variables are documented in agent/src/config.ts). Build it from the repository root:
#
#   docker build -f docker/agent.Dockerfile -t opssc/agent .
#
# The final image holds only the compiled agent, @opssc/core and @opssc/channel-config, and their production
# dependencies. The agent talks to Fabric over gRPC and the orderer's channel participation API in TypeScript;
# no Fabric binary is needed at run time. It runs as the unprivileged `node` user; the only place it writes is
# the checkpoint directory, /var/lib/opssc-agent, which should be a volume.

ARG NODE_VERSION=20

# --- build: the whole workspace's dev dependencies, then tsc for the agent and what it references ---
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /src
# The lock file covers every workspace, so npm ci needs every workspace manifest, but none of their sources.
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY channel-config/package.json channel-config/
COPY chaincode/package.json chaincode/
COPY api-server/package.json api-server/
COPY agent/package.json agent/
COPY test-network/package.json test-network/
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
COPY core/ core/
COPY channel-config/ channel-config/
COPY agent/ agent/
# tsc -b builds the agent project and the projects it references (core, channel-config), in order.
RUN npx tsc -b agent

# --- production dependencies: only the three workspaces the agent runs, without dev or optional packages ---
FROM node:${NODE_VERSION}-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY channel-config/package.json channel-config/
COPY chaincode/package.json chaincode/
COPY api-server/package.json api-server/
COPY agent/package.json agent/
COPY test-network/package.json test-network/
# The agent imports @opssc/core and @opssc/channel-config; naming them installs their dependencies (such as
# @peculiar/x509) even though agent/package.json does not list the two workspaces.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace @opssc/core --workspace @opssc/channel-config --workspace @opssc/agent \
 && npm cache clean --force

# --- runtime ---
FROM node:${NODE_VERSION}-slim
ENV NODE_ENV=production \
    OPSSC_STATUS_PORT=9090 \
    OPSSC_CHECKPOINT_FILE=/var/lib/opssc-agent/checkpoint.json
WORKDIR /app
COPY --from=production-deps /app/package.json ./
COPY --from=production-deps /app/node_modules node_modules/
COPY --from=build /src/core/package.json core/
COPY --from=build /src/core/dist core/dist/
COPY --from=build /src/channel-config/package.json channel-config/
COPY --from=build /src/channel-config/dist channel-config/dist/
COPY --from=build /src/agent/package.json agent/
COPY --from=build /src/agent/dist agent/dist/
COPY docker/healthcheck.cjs /usr/local/lib/opssc/healthcheck.cjs
# The checkpoint directory belongs to `node` and to group 0, group-writable: the container may then run as the
# node user or, to read key files owned by the host user, as that user's uid with group 0
# (docker-compose.yaml: user "${OPSSC_UID}:0"). A new named volume copies this ownership on first use.
RUN mkdir -p /var/lib/opssc-agent \
 && chown node:0 /var/lib/opssc-agent \
 && chmod 0770 /var/lib/opssc-agent
VOLUME /var/lib/opssc-agent
USER node
# The status endpoint (GET /status, JSON) binds 127.0.0.1 inside the container: it is for the org's operators
# and the health check, not for the network. EXPOSE documents the port; publishing it reaches nothing.
EXPOSE 9090
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/opssc/healthcheck.cjs", "agent"]
# The agent handles SIGTERM itself (closes the event stream and its connections), so node runs as PID 1.
CMD ["node", "agent/dist/main.js"]
