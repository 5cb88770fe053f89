# Konstruktor image: the runtime (default command), the engine service and the connector worker
# (docker-compose.yml gives each its command).
# The TypeScript sources run as they are through tsx, as with `npm start`.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# argon2 compiles itself from source when its bundled prebuilt binary does not load.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY designer/package.json designer/
COPY engine-adapter/package.json engine-adapter/
COPY runtime/package.json runtime/
COPY forms/package.json forms/
COPY connectors/package.json connectors/
COPY examples/package.json examples/
# npm ci's postinstall applies these fixes to dependencies (patches/README.md).
COPY patches/ patches/
RUN npm ci --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
COPY --from=deps /app ./
COPY . .
# The portal and the designer are built into the image: a runtime never builds at start (its files
# are not the node user's to write).
RUN npm run build:web && npm run build:designer \
 && mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One node process (no npm/npx wrapper) so SIGTERM reaches the runtime's own shutdown.
CMD ["node", "--import", "tsx", "runtime/src/main.ts"]
