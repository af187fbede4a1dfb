# 政策通: the content API with the H5 build, for several instances behind a proxy
# (docker-compose.yml: two of these, PostgreSQL 15, Redis 7, nginx). See README, "Deploying".

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles itself when no prebuilt binary matches the platform
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# the resident H5 app (served at /) and the staff console (served at /admin/)
RUN npm run build:h5 && npm run build:admin

FROM node:20-bookworm-slim
WORKDIR /app
# the server runs TypeScript with tsx (a devDependency), so the whole install is kept
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data STATIC_DIR=/app/dist/h5 ADMIN_DIR=/app/dist/admin MEDIA_DIR=/app/mock/media
USER node
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# what `npm run serve` runs, without npm in between, so SIGTERM (docker stop) reaches the server
# and it closes gracefully
CMD ["/app/node_modules/.bin/tsx", "server/main.ts"]
