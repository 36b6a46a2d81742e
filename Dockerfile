# The Lantern server as an image, for compose.yaml (or your own orchestrator). No build step:
# `npm start` runs the TypeScript directly, as it does outside a container.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0 PORT=3000 NODE_ENV=production
EXPOSE 3000
USER node
CMD ["npm", "start"]
