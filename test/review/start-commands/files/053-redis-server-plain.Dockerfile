# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3
RUN apk add --no-cache redis
CMD ["redis-server"]
