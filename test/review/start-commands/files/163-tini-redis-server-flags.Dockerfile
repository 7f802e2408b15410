# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3.20
RUN apk add --no-cache tini redis
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["/usr/bin/redis-server", "--protected-mode", "no", "--port", "6379"]
EXPOSE 6379
