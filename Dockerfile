# The Sightline image used by docker-compose.yml: compiled with dev dependencies, run with production
# ones, with the OpenTelemetry SDK loaded before the app (as `npm start` does).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PREDICTION_LOG_JOURNAL_DIR=/var/lib/sightline/journal
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && mkdir -p /var/lib/sightline/journal && chown -R node:node /var/lib/sightline
COPY --from=build /app/dist ./dist
COPY models ./models
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=64", "--require", "./dist/src/instrumentation.js", "dist/src/main.js"]
