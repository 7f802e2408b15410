# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM redis:7-alpine
RUN apk add --no-cache nodejs npm && npm install -g concurrently
WORKDIR /app
COPY . .
CMD concurrently "redis-server /usr/local/etc/redis/redis.conf" "sleep 3s; node app.js"
