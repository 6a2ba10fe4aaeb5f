# Ladder production image: the same commands as the README (npm ci, npm run build, npm run serve).
# The server applies pending migrations at start, then serves. It never seeds PostgreSQL.
#
#   docker build -t ladder .
#   docker run -p 3000:3000 \
#     -e DATABASE_URL=postgres://ladder:secret@db.internal:5432/ladder \
#     -e SESSION_SECRET=$(openssl rand -hex 32) ladder

FROM node:20-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci's postinstall applies these patches to node_modules (decision 020).
COPY app/patches ./app/patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
RUN groupadd --system --gid 10001 ladder \
 && useradd --system --uid 10001 --gid ladder --home-dir /app ladder \
 && mkdir -p /app/data && chown ladder:ladder /app/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/server.ts /app/tsconfig.json ./
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/db ./db
# The npm run commands (db:migrate, db:seed, avatars:reencode, ...) for an operator's docker run/exec.
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/app ./app
USER ladder
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["npm", "run", "serve"]
